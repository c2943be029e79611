import { defineCaseType, intakeFor } from '../cases/contract.js';
import type { ComplaintStatistics } from '../generated/graphql.js';
import { complaintRecord, newComplaint, type ComplaintRecord } from './model.js';
import { complaintPublicView } from './publicView.js';
import { complaintResolvers } from './resolvers.js';
import { complaintQueueEntries, complaintQueueRequest, complaintQueueRow, queueSummary } from './queues.js';
import { arrivalCounts, summariseStatistics } from './statistics.js';
import { submitComplaintSchema } from './validation.js';
import { complaintWorkflow } from './workflow.js';

/**
 * Complaints about the police, as a case type: Professional Standards' work. Everything the shared
 * machinery needs to run them is declared here; the rules are in rules.ts and workflow.ts.
 */
const intake = intakeFor<ComplaintRecord>();

export const complaintCaseType = defineCaseType({
  name: 'COMPLAINT',
  prefix: 'CMP',
  noun: 'complaint',
  group: 'professional-standards',
  graphql: {
    type: 'Complaint',
    payloadField: 'complaint',
    readField: 'complaint',
    queueField: 'complaintQueue',
    statisticsField: 'complaintStatistics',
  },
  record: complaintRecord,
  workflow: complaintWorkflow,
  retention: {
    days: 2191,
    why: 'Six years from receipt, with its queue entries: long enough for reviews, appeals and claims to run their course.',
  },
  publicView: (c, today) => complaintPublicView(c, today),
  queues: {
    entries: complaintQueueEntries,
    summary: queueSummary,
    query: complaintQueueRequest,
    row: complaintQueueRow,
  },
  statistics: {
    series: 'COMPLAINT',
    onCreate: (c) => arrivalCounts(c),
    summarise: (counts, from, to): ComplaintStatistics => summariseStatistics(counts, from, to),
  },
  submission: intake({
    mutation: 'submitComplaint',
    schema: submitComplaintSchema,
    newRecord: (form, arrival) => {
      const { idempotencyKey: _key, ...fields } = form as typeof form & { idempotencyKey?: string };
      return newComplaint(fields, arrival.reference, arrival.receivedAt, arrival.receivedOn);
    },
    similarContent: (form) => [form.complainant.name, form.incident],
    auditFields: (form) => Object.keys(form).filter((k) => (form as Record<string, unknown>)[k] !== null),
  }),
  moreQueries: { commonComplaintTypes: 'public', allegationCategories: 'staff', complaintMeasuresCsv: 'staff' },
  resolvers: complaintResolvers,
});

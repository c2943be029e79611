import { defineCaseType, intakeFor } from '../cases/contract.js';
import type { ComplaintStatistics } from '../generated/graphql.js';
import { complaintRecord, newComplaint, type ComplaintForm, type ComplaintRecord } from './model.js';
import { complaintPublicView } from './publicView.js';
import { complaintResolvers } from './resolvers.js';
import { complaintQueueEntries, complaintQueueRequest, complaintQueueRow, queueSummary } from './queues.js';
import { arrivalCounts, summariseStatistics } from './statistics.js';
import { recordComplaintReceivedSchema, submitComplaintSchema, type SubmitComplaint } from './validation.js';
import { complaintWorkflow } from './workflow.js';

/**
 * Complaints about the police, as a case type: Professional Standards' work. Everything the shared
 * machinery needs to run them is declared here; the rules are in rules.ts and workflow.ts.
 */
const intake = intakeFor<ComplaintRecord>();

/** The form's fields, without the idempotency key or the channel and day of a recorded complaint. */
const formOf = (form: SubmitComplaint): ComplaintForm => ({
  complainant: form.complainant,
  onBehalfOf: form.onBehalfOf,
  needs: form.needs,
  incident: form.incident,
  peopleInvolved: form.peopleInvolved,
  complaintTypes: form.complaintTypes,
  otherTypeDescription: form.otherTypeDescription,
  desiredOutcome: form.desiredOutcome,
  wantsFormalRecording: form.wantsFormalRecording,
});
const given = (form: object) => Object.keys(form).filter((k) => (form as Record<string, unknown>)[k] !== null);

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
    newRecord: (form, arrival) => newComplaint(formOf(form), arrival.reference, arrival.receivedAt, arrival.receivedOn, 'WEB'),
    similarContent: (form) => [form.complainant.name, form.incident],
    auditFields: (form) => Object.keys(form).filter((k) => (form as Record<string, unknown>)[k] !== null),
  }),
  // A complaint by letter, email, phone or in person: the same case from its statutory day of receipt.
  logging: intake({
    mutation: 'recordComplaintReceived',
    schema: recordComplaintReceivedSchema,
    newRecord: (form, arrival) => newComplaint(formOf(form), arrival.reference, arrival.receivedAt, arrival.receivedOn, form.channel),
    similarContent: (form) => [form.complainant.name, form.incident],
    auditFields: (form) => [...given(formOf(form)), `channel:${form.channel}`],
    receivedOn: (form) => form.receivedOn,
  }),
  moreQueries: { commonComplaintTypes: 'public', allegationCategories: 'staff', complaintMeasuresCsv: 'staff' },
  resolvers: complaintResolvers,
});

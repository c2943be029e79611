import { defineCaseType, intakeFor } from '../cases/contract.js';
import type { DataProtectionComplaintStatistics } from '../generated/graphql.js';
import { dataProtectionRecord, newDataProtectionComplaint, type DataProtectionRecord } from './model.js';
import { dataProtectionPublicView } from './publicView.js';
import { dataProtectionQueueEntries, dataProtectionQueueRequest, dataProtectionQueueRow, dataProtectionQueueSummary } from './queues.js';
import { summariseDataProtectionStatistics } from './statistics.js';
import { logDataProtectionComplaintSchema, submitDataProtectionComplaintSchema, type DataProtectionFormInput } from './validation.js';
import { dataProtectionWorkflow } from './workflow.js';
import { dataProtectionResolvers } from './resolvers.js';

/**
 * Data-protection complaints (DPA 2018 s.164A, inserted by the Data (Use and Access) Act 2025
 * s.103; from 19 June 2026), as a case type: Information Rights' work. Everything the shared
 * machinery needs to run them is declared here; the rules are in rules.ts, clock.ts and workflow.ts.
 */
const intake = intakeFor<DataProtectionRecord>();

const formFields = (form: DataProtectionFormInput) => ({
  complainant: form.complainant,
  whatHappened: form.whatHappened,
  desiredOutcome: form.desiredOutcome,
  relatedReference: form.relatedReference,
  needs: form.needs,
});
const given = <F extends object>(form: F): string[] => Object.keys(form).filter((k) => (form as Record<string, unknown>)[k] !== null);

export const dataProtectionCaseType = defineCaseType({
  name: 'DATA_PROTECTION_COMPLAINT',
  prefix: 'DPC',
  noun: 'data-protection complaint',
  group: 'information-rights',
  graphql: {
    type: 'DataProtectionComplaint',
    payloadField: 'dataProtectionComplaint',
    readField: 'dataProtectionComplaint',
    queueField: 'dataProtectionComplaintQueue',
    statisticsField: 'dataProtectionComplaintStatistics',
  },
  record: dataProtectionRecord,
  workflow: dataProtectionWorkflow,
  retention: {
    days: 2191,
    why:
      'Six years from receipt, with its queue entries, as for complaints about the police: long enough for the ICO’s consideration and any claim in the courts (six years for most claims) to run their course.',
  },
  publicView: (c) => dataProtectionPublicView(c),
  queues: {
    entries: dataProtectionQueueEntries,
    summary: dataProtectionQueueSummary,
    query: dataProtectionQueueRequest,
    row: dataProtectionQueueRow,
  },
  statistics: {
    series: 'DATA_PROTECTION_COMPLAINT',
    onCreate: (c) => [{ day: c.receivedOn, add: { received: 1 } }],
    summarise: (counts, from, to): DataProtectionComplaintStatistics => summariseDataProtectionStatistics(counts, from, to),
  },
  submission: intake({
    mutation: 'submitDataProtectionComplaint',
    schema: submitDataProtectionComplaintSchema,
    newRecord: (form, arrival) => newDataProtectionComplaint(formFields(form), arrival, { channel: 'WEB' }),
    similarContent: (form) => [form.complainant.name, form.whatHappened],
    auditFields: (form) => given(form),
  }),
  logging: intake({
    mutation: 'logDataProtectionComplaint',
    schema: logDataProtectionComplaintSchema,
    newRecord: (form, arrival) => newDataProtectionComplaint(formFields(form), arrival, { channel: form.channel }),
    similarContent: (form) => [form.complainant.name, form.whatHappened],
    auditFields: (form) => given(form),
    receivedOn: (form) => form.receivedOn,
  }),
  resolvers: dataProtectionResolvers,
});

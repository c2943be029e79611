import { defineCaseType, intakeFor } from '../cases/contract.js';
import type { SubjectAccessStatistics } from '../generated/graphql.js';
import { acroSignpostFor, criminalRecordWarning } from './criminalRecord.js';
import { newSubjectAccessRequest, sarRecord, type SarForm, type SarRecord } from './model.js';
import { sarPublicView } from './publicView.js';
import { sarQueueEntries, sarQueueRequest, sarQueueRow, sarQueueSummary } from './queues.js';
import { summariseSarStatistics } from './statistics.js';
import { logSarSchema, submitSarSchema } from './validation.js';
import { subjectAccessWorkflow } from './workflow.js';
import { subjectAccessResolvers } from './resolvers.js';

/**
 * Subject access requests (UK GDPR Art 15; DPA 2018 Part 3 s.45), as a case type: the
 * information-rights team's work. Everything the shared machinery needs to run them is declared
 * here; the rules are in rules.ts and workflow.ts, the clock in src/clocks/sarClock.ts.
 */
const intake = intakeFor<SarRecord>();

const formOf = (form: SarForm): SarForm => ({ requester: form.requester, agent: form.agent, scope: form.scope, format: form.format, needs: form.needs });
const similarContent = (form: SarForm) => [form.requester.name, form.requester.dateOfBirth, form.scope.description];
const auditFields = (form: SarForm, channel: string) => ['requester', 'scope', 'format', ...(form.agent ? ['agent'] : []), `channel:${channel}`];

export const subjectAccessCaseType = defineCaseType({
  name: 'SUBJECT_ACCESS',
  prefix: 'SAR',
  noun: 'subject access request',
  group: 'information-rights',
  graphql: {
    type: 'SubjectAccessRequest',
    payloadField: 'subjectAccessRequest',
    readField: 'subjectAccessRequest',
    queueField: 'subjectAccessQueue',
    statisticsField: 'subjectAccessStatistics',
  },
  record: sarRecord,
  workflow: subjectAccessWorkflow,
  retention: {
    days: 730,
    why: 'Two years from receipt, with its queue entries: the most sensitive record here, kept no longer than a complaint to the ICO could need it.',
  },
  publicView: (r, _today, calendar) => sarPublicView(calendar, r),
  queues: {
    entries: (r, calendar) => sarQueueEntries(calendar, r),
    summary: (r, calendar) => sarQueueSummary(calendar, r),
    query: sarQueueRequest,
    row: sarQueueRow,
  },
  statistics: {
    series: 'SUBJECT_ACCESS',
    onCreate: (r) => [{ day: r.receivedOn, add: { received: 1 } }],
    summarise: (counts, from, to): SubjectAccessStatistics => summariseSarStatistics(counts, from, to),
  },
  submission: intake({
    mutation: 'submitSubjectAccessRequest',
    schema: submitSarSchema,
    // A request for a criminal record (the Police National Computer) or a police certificate is
    // ACRO's: signposted to the right ACRO service, nothing stored. Staff-logged requests are not
    // refused: the record carries the warning instead (criminalRecordWarning, resolvers.ts).
    signpost: (form) => (form.confirmNotOnlyCriminalRecord ? null : acroSignpostFor(form.scope.description)),
    newRecord: (form, arrival) => newSubjectAccessRequest(formOf(form), { ...arrival, channel: 'WEB', identityVerified: false }),
    similarContent: (form) => similarContent(form),
    auditFields: (form) => auditFields(form, 'WEB'),
  }),
  logging: intake({
    mutation: 'logSubjectAccessRequest',
    schema: logSarSchema,
    newRecord: (form, arrival) => newSubjectAccessRequest(formOf(form), { ...arrival, channel: form.channel, identityVerified: form.identityVerified }),
    similarContent: (form) => similarContent(form),
    auditFields: (form) => auditFields(form, form.channel),
    receivedOn: (form) => form.receivedOn,
    // A logged request that reads as one for a criminal record: staff are warned, and decide.
    warnings: (form) => ({ criminalRecordWarning: criminalRecordWarning(form.scope.description) }),
  }),
  resolvers: () => subjectAccessResolvers,
});

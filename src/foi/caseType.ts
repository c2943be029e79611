import { defineCaseType, intakeFor } from '../cases/contract.js';
import type { FoiStatistics } from '../generated/graphql.js';
import { emailLookupForm } from '../validation/common.js';
import { foiRecord, newFoiRequest, type FoiForm, type FoiRecord } from './model.js';
import { looksLikeOwnDataRequest, subjectAccessSignpost } from './ownData.js';
import { foiPublicView } from './publicView.js';
import { disclosureLogIndex, disclosureWordIndex, foiQueueEntries, foiQueueRequest, foiQueueRow, foiQueueSummary } from './queues.js';
import { summariseStatistics } from './statistics.js';
import { logFoiSchema, submitFoiSchema } from './validation.js';
import { foiWorkflow } from './workflow.js';
import { foiResolvers } from './resolvers.js';

/**
 * Freedom of Information requests, as a case type: the information-rights team's work. Everything
 * the shared machinery needs to run them is declared here; the rules are in rules.ts and
 * workflow.ts, the clock in src/clocks/foiClock.ts.
 */
const intake = intakeFor<FoiRecord>();

/** The same person, however they write their name: by email where given, else name and address. */
export function requesterIdentity(requester: FoiForm['requester']): string {
  return requester.email
    ? `email:${emailLookupForm(requester.email)}`
    : `post:${requester.name.toLowerCase().replace(/\s+/g, ' ')}|${(requester.postalAddress ?? '').toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

/**
 * The requester's name alone, however spaced or punctuated and without a title: requests under it
 * with another email or address are suggested (not matched) in the requester's history.
 */
export function requesterNameIdentity(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof'].includes(w))
    .join(' ');
}

const formOf = (form: FoiForm): FoiForm => ({ requester: form.requester, description: form.description, format: form.format });
const keysOf = (form: FoiForm, tools: { hash(purpose: string, value: string): string }) => ({
  requesterKey: tools.hash('foi-requester', requesterIdentity(form.requester)),
  requesterNameKey: tools.hash('foi-requester-name', requesterNameIdentity(form.requester.name)),
});

export const foiCaseType = defineCaseType({
  name: 'FOI',
  prefix: 'FOI',
  noun: 'FOI request',
  group: 'information-rights',
  graphql: {
    type: 'FoiRequest',
    payloadField: 'foiRequest',
    readField: 'foiRequest',
    queueField: 'foiQueue',
    statisticsField: 'foiStatistics',
  },
  record: foiRecord,
  workflow: foiWorkflow,
  retention: {
    days: 2191,
    why: 'Six years from receipt (with its queue entries and disclosure log entry), long enough for reviews, ICO decisions and tribunal appeals.',
  },
  publicView: (r, today, calendar) => foiPublicView(calendar, r, today),
  queues: {
    entries: (r, calendar) => foiQueueEntries(calendar, r),
    summary: (r, calendar) => foiQueueSummary(calendar, r),
    query: foiQueueRequest,
    row: foiQueueRow,
  },
  // The disclosure log entry is written with the change; its search words after it commits.
  moreIndexes: [disclosureLogIndex, disclosureWordIndex],
  statistics: {
    series: 'FOI',
    onCreate: (r) => [{ day: r.receivedOn, add: { received: 1 } }],
    summarise: (counts, from, to): FoiStatistics => summariseStatistics(counts, from, to),
  },
  submission: intake({
    mutation: 'submitFoiRequest',
    schema: submitFoiSchema,
    // A request for the requester's own data is a subject access request (s.40(1)): nothing is stored.
    signpost: (form) => (!form.confirmNotOwnPersonalData && looksLikeOwnDataRequest(form.description) ? subjectAccessSignpost : null),
    newRecord: (form, arrival, tools) =>
      newFoiRequest(formOf(form), { ...arrival, channel: 'WEB', ...keysOf(form, tools) }),
    similarContent: (form) => [form.requester.name, form.description],
    auditFields: () => ['requester', 'description', 'format', 'channel:WEB'],
  }),
  logging: intake({
    mutation: 'logFoiRequest',
    schema: logFoiSchema,
    newRecord: (form, arrival, tools) =>
      newFoiRequest(formOf(form), { ...arrival, channel: form.channel, ...keysOf(form, tools) }),
    similarContent: (form) => [form.requester.name, form.description],
    auditFields: (form) => ['requester', 'description', 'format', `channel:${form.channel}`],
    receivedOn: (form) => form.receivedOn,
  }),
  moreQueries: { disclosureLog: 'public', foiExemptions: 'staff', foiRequesterHistory: 'staff' },
  resolvers: () => foiResolvers,
});

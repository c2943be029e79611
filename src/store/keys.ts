import { itemKinds as k, primaryKey, queueNames } from './catalogue.js';

/**
 * Key builders for every item kind. The formats themselves are written once, in the catalogue
 * (`src/store/catalogue.ts`); these only fill them in. Partition keys start with the item kind.
 */
export const keys = {
  /** A case's main item: its state, version and tracking-code hash. */
  case: (reference: string) => primaryKey(k.case.primary, { reference }),
  /** Research-contact details left with a page rating: a separate item with its own retention. */
  researchContact: (reference: string) => primaryKey(k.researchContact.primary, { reference }),
  /** The reference counter for a case type and year. */
  counter: (caseType: string, year: number) => primaryKey(k.referenceCounter.primary, { caseType, year }),
  /** A remembered submission, by a keyed hash of its idempotency key. */
  idempotency: (scope: string, keyHash: string) => primaryKey(k.idempotencyRecord.primary, { scope, keyHash }),
  /** A short-lived marker that a submission with this fingerprint was just stored. */
  duplicateGuard: (fingerprint: string) => primaryKey(k.duplicateGuard.primary, { fingerprint }),
  /** Requests counted for one source in one window. */
  rateWindow: (bucket: string, sourceHash: string, windowStart: number) =>
    primaryKey(k.rateWindow.primary, { bucket, sourceHash, windowStart }),
  /** One audit entry about a subject (usually a case reference). */
  audit: (subject: string, at: string, id: string) => primaryKey(k.auditEntry.primary, { subject, at, id }),
  auditPartition: (subject: string) => k.auditEntry.primary.pk.fill({ subject }),
  /** One shard of a page's ratings counted for one day. */
  pageDay: (pageKey: string, date: string, shard: number) => primaryKey(k.pageDay.primary, { pageKey, date, shard }),
  pagePartition: (pageKey: string) => k.pageDay.primary.pk.fill({ pageKey }),
  /** The bounds of a date range of day shards: from the first shard of `from` to the last of `to`. */
  pageDaysFrom: (date: string) => k.pageDay.primary.sk.fill({ date, shard: '' }),
  pageDaysTo: (date: string) => k.pageDay.primary.sk.fill({ date, shard: '~' }),
  /** A page's ratings counted for one month (the ranking consumer's). */
  pageMonth: (pageKey: string, month: string) => primaryKey(k.pageMonth.primary, { pageKey, month }),
  pageMonthPrefix: () => k.pageMonth.primary.sk.fill({ month: '' }),
  /** A page's entry in a ranking period (ALL, or YYYY-MM); its tier is in its index key. */
  pageRank: (pageKey: string, period: string) => primaryKey(k.pageRank.primary, { pageKey, period }),
  /** One case with this (hashed) content, for possible-duplicate warnings. */
  similarCase: (fingerprint: string, at: string, reference: string) => primaryKey(k.similarCase.primary, { fingerprint, at, reference }),
  similarPartition: (fingerprint: string) => k.similarCase.primary.pk.fill({ fingerprint }),
  /** How many published responses a disclosure search word indexes. */
  disclosureWordCount: (word: string) => primaryKey(k.disclosureWordCount.primary, { word }),
  /** One entry of a queue (work queues, FOI requester history, disclosure log and its search words). */
  queueEntry: (queue: string, sortKey: string, reference: string) => primaryKey(k.queueEntry.primary, { queue, sortKey, reference }),
  queuePartition: (queue: string) => k.queueEntry.primary.pk.fill({ queue }),
  /** A case type's counts for one day. */
  statisticsDay: (series: string, day: string) => primaryKey(k.dailyStatistics.primary, { series, day }),
  /** One entry of a case's correspondence log (a message sent, or one staff recorded). */
  correspondence: (reference: string, id: string) => primaryKey(k.correspondence.primary, { reference, id }),
  /** A handler's digest for a day (handlerKey: a hash of their user name). */
  digestMessage: (day: string, handlerKey: string) => primaryKey(k.digestMessage.primary, { day, handlerKey }),
  statisticsPartition: (series: string) => k.dailyStatistics.primary.pk.fill({ series }),
  /** The sort key of a day's statistics (also the bounds of a date range). */
  statisticsDaySort: (day: string) => k.dailyStatistics.primary.sk.fill({ day }),
  /** A stored version of GOV.UK's bank holiday data. */
  holidayDataVersion: (version: string) => primaryKey(k.holidayDataVersion.primary, { version }),
  /** Which stored bank holiday data version is current. */
  holidayDataCurrent: () => primaryKey(k.holidayDataCurrent.primary, {}),
} as const;

/** Partition keys of the global secondary indexes. */
export const indexKeys = {
  /** gsi1: a page's ratings that have comments, newest first. */
  pageComments: (pageKey: string) => k.case.gsi1.pk.fill({ pageKey }),
  /** gsi1: pages ranked by average rating for a period, among those with at least `tier` ratings. */
  pageRanking: (period: string, tier: number) => k.pageRank.gsi1.pk.fill({ period, tier }),
  /** gsi1: research contacts, newest first. */
  researchContacts: () => k.researchContact.gsi1.pk.fill({}),
  /** gsi1: audit entries by the staff member who acted. */
  auditByActor: (actorId: string) => k.auditEntry.gsi1.pk.fill({ actorId }),
  /** gsi2: research contacts by a keyed hash of their email address (for erasure). */
  researchContactsByEmail: (emailHash: string) => k.researchContact.gsi2.pk.fill({ emailHash }),
} as const;

/** Both keys of an item's place in a global secondary index. */
export const indexEntries = {
  /** gsi1 of a page rating with a comment. */
  pageComment: (pageKey: string, at: string, reference: string) => ({
    gsi1pk: indexKeys.pageComments(pageKey),
    gsi1sk: k.case.gsi1.sk.fill({ at, reference }),
  }),
  /** gsi1 of a page's rank row: ordered worst first (see rankingPosition in src/pageRatings/aggregates.ts). */
  pageRanking: (period: string, tier: number, ranking: { average: string; inverseCount: string; pageKey: string }) => ({
    gsi1pk: indexKeys.pageRanking(period, tier),
    gsi1sk: k.pageRank.gsi1.sk.fill(ranking),
  }),
  /** gsi1 of a research contact, newest first. */
  researchContact: (at: string, reference: string) => ({
    gsi1pk: indexKeys.researchContacts(),
    gsi1sk: k.researchContact.gsi1.sk.fill({ at, reference }),
  }),
  /** gsi2 of a research contact that gave an email. */
  researchContactByEmail: (emailHash: string, reference: string) => ({
    gsi2pk: indexKeys.researchContactsByEmail(emailHash),
    gsi2sk: k.researchContact.gsi2.sk.fill({ reference }),
  }),
  /** gsi1 of an audit entry whose actor has an id. */
  auditByActor: (actorId: string, at: string, id: string) => ({
    gsi1pk: indexKeys.auditByActor(actorId),
    gsi1sk: k.auditEntry.gsi1.sk.fill({ at, id }),
  }),
} as const;

/** Queue names: the `{queue}` of a queue entry. */
export const queues = {
  complaint: (name: string) => queueNames.complaint.fill({ name }),
  subjectAccess: (name: string) => queueNames.subjectAccess.fill({ name }),
  foi: (name: string) => queueNames.foi.fill({ name }),
  foiRequester: (requesterKey: string) => queueNames.foiRequester.fill({ requesterKey }),
  disclosureLog: queueNames.disclosureLog.fill({}),
  disclosureWord: (word: string) => queueNames.disclosureWord.fill({ word }),
} as const;

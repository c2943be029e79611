import { fixedRetention, type RetentionRecordType } from '../retention/schedule.js';
import type { IndexName } from './tableDesign.js';

/**
 * The catalogue of the one table: every kind of item it holds, with its key formats, and every
 * read the application makes. Shaped after ElectroDB's entity models (an entity with a primary
 * index and named secondary indexes, each a partition-key and sort-key template) but kept as plain
 * data: `src/store/keys.ts` builds every key from these templates, and
 * `scripts/accessPatterns.ts` writes the README's tables from them, so a key format is written in
 * exactly one place and the documentation cannot drift from the code.
 *
 * Templates are text with `{placeholders}`; a value is inserted as it is (numbers as String(n)).
 */

// ---------------------------------------------------------------------------------------------
// Key templates

type Params<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | Params<Rest> : never;
export type KeyValues<T extends string> = { [K in Params<T>]: string | number };

/** One key format, for example `CASE#{reference}`. */
export class KeyTemplate<T extends string = string> {
  private readonly parts: Array<{ text: string } | { param: string }>;

  constructor(readonly text: T) {
    this.parts = text.split(/(\{\w+\})/).filter(Boolean).map((p) => (/^\{\w+\}$/.test(p) ? { param: p.slice(1, -1) } : { text: p }));
  }

  /** The placeholders, in order. */
  get params(): string[] {
    return this.parts.flatMap((p) => ('param' in p ? [p.param] : []));
  }

  /** The key for these values. */
  fill(values: KeyValues<T>): string {
    let out = '';
    for (const part of this.parts) {
      if ('text' in part) {
        out += part.text;
      } else {
        const value = (values as Record<string, string | number | undefined>)[part.param];
        if (value === undefined) throw new Error(`key ${this.text} needs ${part.param}`);
        out += String(value);
      }
    }
    return out;
  }

  /** The template with some placeholders replaced (for documentation), for example `{queue}` → `FOI#{name}`. */
  show(values: Record<string, string> = {}): string {
    return this.parts.map((p) => ('text' in p ? p.text : (values[p.param] ?? `{${p.param}}`))).join('');
  }
}

export function template<T extends string>(text: T): KeyTemplate<T> {
  return new KeyTemplate(text);
}

/** A partition-key and sort-key template pair, with a builder for the pair. */
export interface KeyPair<PK extends string, SK extends string> {
  pk: KeyTemplate<PK>;
  sk: KeyTemplate<SK>;
}

function pair<PK extends string, SK extends string>(pk: PK, sk: SK): KeyPair<PK, SK> {
  return { pk: template(pk), sk: template(sk) };
}

/** The pk/sk pair of a kind's primary key, filled. */
export function primaryKey<PK extends string, SK extends string>(
  keyPair: KeyPair<PK, SK>,
  values: KeyValues<PK> & KeyValues<SK>,
): { pk: string; sk: string } {
  return { pk: keyPair.pk.fill(values), sk: keyPair.sk.fill(values) };
}

// ---------------------------------------------------------------------------------------------
// Item kinds

/** How an item leaves the table. */
export type Retention =
  | { ttl: 'schedule'; recordType: RetentionRecordType | readonly RetentionRecordType[]; from: string }
  | { ttl: 'computed'; how: string }
  | { ttl: 'none'; why: string };

export interface SecondaryIndex<PK extends string = string, SK extends string = string> extends KeyPair<PK, SK> {
  /** Which items carry this index's keys (the indexes are sparse). */
  when: string;
}

export interface ItemKind {
  /** The item's `kind` attribute (null where the item does not carry one). */
  kind: string | null;
  title: string;
  holds: string;
  primary: KeyPair<string, string>;
  gsi1?: SecondaryIndex;
  gsi2?: SecondaryIndex;
  retention: Retention;
  /** Where the items are written. */
  writtenBy: string;
}

/** The names of the queues that queue entries belong to (the `{queue}` of an index entry's key). */
export const queueNames = {
  /** Professional Standards queues: RECEIVED, UNALLOCATED, STATUS#…, CATEGORY#…, HANDLER#…, and so on. */
  complaint: template('COMPLAINT#{name}'),
  /** Subject-access queues: STATUS#…, AWAITING_IDENTITY, UNALLOCATED, DUE, HANDLER#…. */
  subjectAccess: template('SAR#{name}'),
  /** FOI work queues: UNALLOCATED, DUE, PUBLIC_INTEREST, AWAITING_CLARIFICATION, AWAITING_FEE, REVIEW_DUE, HANDLER#…. */
  foi: template('FOI#{name}'),
  /** Data-protection complaint queues: STATUS#…, UNALLOCATED, ACKNOWLEDGEMENT_DUE, HANDLER#…. */
  dataProtection: template('DPC#{name}'),
  /** One requester's FOI requests (for the requester-history check), by a keyed hash of the requester. */
  foiRequester: template('FOI#REQUESTER#{requesterKey}'),
  /** The public disclosure log: one entry per published FOI response. */
  disclosureLog: template('FOI#DISCLOSURE_LOG'),
  /** The disclosure log's inverted index: one entry per search word of a published response. */
  disclosureWord: template('FOI#DISCLOSURE_WORD#{word}'),
  /** Messages that could not be delivered, per case type, until staff resolve them (src/outbox/). */
  undeliverable: template('MESSAGES#UNDELIVERABLE#{caseType}'),
} as const;

const indexEntry = pair('INDEX#{queue}', '{sortKey}#{reference}');

export const itemKinds = {
  case: {
    kind: 'CASE',
    title: 'Case',
    holds:
      "One case of any type (page rating, complaint, subject access request, FOI request): its state, version and tracking-code hash. The case type's own fields sit beside the shared envelope.",
    primary: pair('CASE#{reference}', 'CASE'),
    gsi1: { ...pair('PAGE_COMMENTS#{pageKey}', '{at}#{reference}'), when: 'page ratings that have a comment' },
    retention: { ttl: 'computed', how: "the case type's own period from receipt (page ratings: PAGE_RATING; every other case type declares its period in its definition, listed under Retention)" },
    writtenBy: 'src/cases/submitOnce.ts (newCaseItem), src/cases/caseChanges.ts',
  },
  researchContact: {
    kind: 'RESEARCH_CONTACT',
    title: 'Research contact',
    holds: 'Name and email left with a page rating for website research: kept apart from the rating, with its own shorter retention.',
    primary: pair('CASE#{reference}', 'RESEARCH_CONTACT'),
    gsi1: { ...pair('RESEARCH_CONTACTS', '{at}#{reference}'), when: 'every research contact' },
    gsi2: { ...pair('RESEARCH_CONTACT_EMAIL#{emailHash}', '{reference}'), when: 'contacts that gave an email (keyed hash, for erasure)' },
    retention: { ttl: 'schedule', recordType: 'RESEARCH_CONTACT', from: 'consent' },
    writtenBy: 'src/pageRatings/repository.ts',
  },
  referenceCounter: {
    kind: null,
    title: 'Reference counter',
    holds: 'The last number given out for a case type in a year (atomic ADD).',
    primary: pair('COUNTER#{caseType}#{year}', 'COUNTER'),
    retention: { ttl: 'none', why: 'a number per case type and year, nothing personal; removing it would reuse references' },
    writtenBy: 'src/store/counters.ts',
  },
  idempotencyRecord: {
    kind: 'IDEMPOTENCY',
    title: 'Idempotency record',
    holds: "A remembered submission, by a keyed hash of its idempotency key: the request's hash and the reference it got.",
    primary: pair('IDEMPOTENCY#{scope}#{keyHash}', 'IDEMPOTENCY'),
    retention: { ttl: 'schedule', recordType: 'IDEMPOTENCY_KEY', from: 'receipt (an expired record counts as absent and may be replaced)' },
    writtenBy: 'src/cases/submitOnce.ts',
  },
  duplicateGuard: {
    kind: 'DUPLICATE',
    title: 'Duplicate guard',
    holds:
      'A short-lived marker that content from a source was just stored, by a keyed hash of case type, source and content (page ratings: only those with a comment or contact details, so different people behind one address giving the same bare rating are never merged).',
    primary: pair('DUPLICATE#{fingerprint}', 'DUPLICATE'),
    retention: { ttl: 'computed', how: 'receipt + the duplicate window (DUPLICATE_WINDOW_SECONDS, 5 minutes by default)' },
    writtenBy: 'src/cases/submitOnce.ts, in the submission\'s one transaction',
  },
  similarCase: {
    kind: 'SIMILAR',
    title: 'Similar case',
    holds:
      'One case of a type with this content from any source (a keyed hash of type and content, never the content): put, never read, in the submission\'s transaction; staff logging reads the newest ten for possible-duplicate warnings.',
    primary: pair('SIMILAR#{fingerprint}', '{at}#{reference}'),
    retention: { ttl: 'computed', how: 'receipt + 90 days' },
    writtenBy: 'src/cases/submitOnce.ts, in the submission\'s one transaction',
  },
  rateWindow: {
    kind: null,
    title: 'Rate window',
    holds: 'Requests counted for one source (a keyed hash of its address) in one fixed window (submissions: ADDed in the submission\'s transaction, on condition it is under the limit; public reads and tracking: one UpdateItem per request).',
    primary: pair('RATE#{bucket}#{sourceHash}#{windowStart}', 'RATE'),
    retention: { ttl: 'computed', how: 'window start + two windows' },
    writtenBy: 'src/store/rateLimiter.ts',
  },
  auditEntry: {
    kind: 'AUDIT',
    title: 'Audit entry',
    holds:
      'One change to, or staff read of, a subject (usually a case reference): who, when, what action, which fields (never values). A staff read of a list is one entry (subject LIST#{list}) naming every reference shown. A page rating\'s own submission is not an entry: the rating item carries it (submittedFields) and its trail shows it first.',
    primary: pair('AUDIT#{subject}', '{at}#{id}'),
    gsi1: { ...pair('AUDIT_BY#{actorId}', '{at}#{id}'), when: 'entries whose actor has an id (staff): the audit-by-actor index' },
    retention: { ttl: 'schedule', recordType: 'AUDIT', from: 'the entry' },
    writtenBy: 'src/audit/auditLog.ts',
  },
  pageDay: {
    kind: null,
    title: 'Page-day shard',
    holds: "A share of a page's ratings counted per star for one London day, with the numbers of the ratings counted in it (`counted`): a rating belongs to shard (its reference number mod 10), and a stream consumer ADDs each batch's new ratings per shard in one UpdateItem, on condition that none was counted yet (exactly once under redelivery); a day's count is the sum of its shards.",
    primary: pair('PAGE#{pageKey}', 'DAY#{date}#{shard}'),
    retention: { ttl: 'schedule', recordType: 'PAGE_RATING_AGGREGATE', from: 'the latest rating counted' },
    writtenBy: 'src/pageRatings/dayCountStore.ts (from the table\'s stream)',
  },
  pageMonth: {
    kind: 'PAGE_MONTH',
    title: 'Page-month total',
    holds: "A page's ratings counted per star for one month, recomputed from its day shards by the ranking's stream consumer (never ADDed: a redelivered change recomputes the same total).",
    primary: pair('PAGE#{pageKey}', 'MONTH#{month}'),
    retention: { ttl: 'schedule', recordType: 'PAGE_RATING_AGGREGATE', from: 'the latest recompute' },
    writtenBy: 'src/pageRatings/rankingStore.ts (from the table\'s stream)',
  },
  pageRank: {
    kind: 'PAGE_RANK',
    title: 'Page-rank entry',
    holds:
      "A page's counts over a ranking period (ALL, or a month YYYY-MM): one entry per page and period, in gsi1's partition of the largest tier (1, 5, 50, 1000 ratings) the page has reached, ranked worst first: a ranking with at least N ratings merges the partitions of the largest tier ≤ N and those above it. Written by a stream consumer, so it lags the ratings by seconds.",
    primary: pair('PAGE#{pageKey}', 'RANK#{period}'),
    gsi1: { ...pair('PAGE_RANKING#{period}#{tier}', '{average}#{inverseCount}#{pageKey}'), when: 'every page-rank entry' },
    retention: { ttl: 'schedule', recordType: 'PAGE_RATING_AGGREGATE', from: 'the latest recompute' },
    writtenBy: 'src/pageRatings/rankingStore.ts (from the table\'s stream)',
  },
  queueEntry: {
    kind: 'INDEX_ENTRY',
    title: 'Queue entry',
    holds:
      "A case's membership of a work queue (complaints, subject access, FOI, data-protection complaints, FOI requester history): a small summary without personal data, ordered by a date.",
    primary: indexEntry,
    retention: { ttl: 'computed', how: "the case's own expiry, copied (its case type's retention)" },
    writtenBy: "src/cases/caseIndex.ts (indexChanges), queues from each case type's queues.ts",
  },
  disclosureLogEntry: {
    kind: 'INDEX_ENTRY',
    title: 'Disclosure-log entry',
    holds: 'A published FOI response (title, question, answer, outcome, exemptions; never the requester), newest first.',
    primary: indexEntry,
    retention: { ttl: 'computed', how: "the FOI request's own expiry, copied (FOI schedule): the entry goes with the request" },
    writtenBy: "src/cases/caseService.ts, in the change's transaction (the FOI case type's moreIndexes: disclosureLogIndex in src/foi/queues.ts)",
  },
  disclosureWord: {
    kind: 'INDEX_ENTRY',
    title: 'Disclosure search word',
    holds: "One search word of a published response (reference, publication date, the response's words for filtering).",
    primary: indexEntry,
    retention: { ttl: 'none', why: 'written without expiresAt today (after-commit index sets carry none); a word whose log entry has expired finds nothing' },
    writtenBy: 'src/cases/caseService.ts, after the change commits (the FOI case type\'s moreIndexes: disclosureWordIndex in src/foi/queues.ts)',
  },
  correspondence: {
    kind: 'CORRESPONDENCE',
    title: 'Correspondence entry',
    holds:
      "One entry of a case's correspondence log: a message the API sends (the outbox item: template, recipient and personalisation, delivery status) or a letter, email or call recorded by staff (direction, when, summary).",
    primary: pair('CASE#{reference}', 'CORR#{id}'),
    retention: { ttl: 'computed', how: "the case's own expiry, copied (its case type's retention)" },
    writtenBy: "src/outbox/outboxItems.ts (in the case change's transaction), src/outbox/delivery.ts and src/outbox/callbacks.ts (status), src/correspondence/service.ts (staff records)",
  },
  digestMessage: {
    kind: 'CORRESPONDENCE',
    title: 'Digest message',
    holds: "A handler's daily digest (references and dates of their cases due soon and overdue), as an outbox item: one per handler per day.",
    primary: pair('DIGEST#{day}', 'CORR#DIGEST#{handlerKey}'),
    retention: { ttl: 'computed', how: '30 days from the day (src/notifications/digest.ts)' },
    writtenBy: 'src/notifications/digest.ts',
  },
  disclosureWordCount: {
    kind: null,
    title: 'Disclosure word count',
    holds: 'How many published responses a search word indexes, so a search starts from its rarest word: recounted (a COUNT Query of the word’s entries) from the table\'s stream whenever they change, so it lags publication by seconds.',
    primary: pair('WORD_COUNT#{word}', 'WORD_COUNT'),
    retention: { ttl: 'none', why: 'a number per word, nothing personal' },
    writtenBy: 'src/foi/disclosureLogWordCountStore.ts (from the table\'s stream)',
  },
  dailyStatistics: {
    kind: null,
    title: 'Daily statistics',
    holds: "A case type's counts (received, answered, outcomes, …) for one London day.",
    primary: pair('STATS#{series}', 'DAY#{day}'),
    retention: { ttl: 'none', why: 'counts only, nothing about any one person' },
    writtenBy: 'src/cases/dailyStatistics.ts',
  },
  holidayDataVersion: {
    kind: 'HOLIDAY_DATA',
    title: 'Bank holiday data version',
    holds: "One copy of GOV.UK's bank-holidays.json as fetched and validated by the scheduled refresh: the file, its SHA-256, when it was fetched. Clocks record the version they used.",
    primary: pair('HOLIDAYS', 'VERSION#{version}'),
    retention: { ttl: 'none', why: 'public data, one small item a year or so; a recorded clock names the version it used, so versions are kept' },
    writtenBy: 'src/store/holidayDataStore.ts (the scheduled refresh, src/holidayData/refresh.ts)',
  },
  holidayDataCurrent: {
    kind: 'HOLIDAY_DATA_CURRENT',
    title: 'Current bank holiday data',
    holds: 'Which stored bank holiday data version is current (the API adopts it at start-up).',
    primary: pair('HOLIDAYS', 'CURRENT'),
    retention: { ttl: 'none', why: 'one item' },
    writtenBy: 'src/store/holidayDataStore.ts',
  },
} as const satisfies Record<string, ItemKind>;

export type ItemKindName = keyof typeof itemKinds;

const workQueues = [queueNames.complaint, queueNames.subjectAccess, queueNames.foi, queueNames.dataProtection].map((q) => q.text).join(' | ');

/** Placeholders an item kind's keys are shown with in the documentation (the kinds that share a format). */
export const shownAs: Partial<Record<ItemKindName, Record<string, string>>> = {
  queueEntry: { queue: `${workQueues} | ${queueNames.foiRequester.text} | ${queueNames.undeliverable.text}` },
  disclosureLogEntry: { queue: queueNames.disclosureLog.text, sortKey: '{publishedOn}' },
  disclosureWord: { queue: queueNames.disclosureWord.text, sortKey: '{publishedOn}' },
};

// ---------------------------------------------------------------------------------------------
// Access patterns

/**
 * How hard a partition is written:
 * - hot: the same item is rewritten by concurrent requests (contention, retries, per-item limits);
 * - warm: many concurrent requests write different items into the same partition;
 * - cold: written by one request (or one staff member) at a time.
 */
export type Heat = 'hot' | 'warm' | 'cold';

export interface AccessPattern {
  name: string;
  /** What needs it. */
  purpose: string;
  kind: ItemKindName;
  index: 'table' | IndexName;
  operation: 'GetItem' | 'BatchGetItem' | 'Query' | 'Query (paginated)' | 'UpdateItem (returns new value)';
  /** The key condition, with the kind's templates. */
  keyCondition: string;
  order?: string;
  filter?: string;
  growth: string;
  heat: Heat;
  heatNote?: string;
}

const k = itemKinds;
const eq = (name: string, t: KeyTemplate, values: Record<string, string> = {}) => `${name} = ${t.show(values)}`;
const tablePk = (kind: ItemKind, values?: Record<string, string>) => eq('pk', kind.primary.pk, values);
const primaryEq = (kind: ItemKind) => `${tablePk(kind)} AND ${eq('sk', kind.primary.sk)}`;
const queueRange = 'optionally sk BETWEEN {from} AND {to}\\uffff, sk >= {from} or sk <= {to}\\uffff (sort-key prefixes)';
const queuePk = (queue: KeyTemplate | string) => tablePk(k.queueEntry, { queue: typeof queue === 'string' ? queue : queue.text });

export const accessPatterns: AccessPattern[] = [
  {
    name: 'Get a case',
    purpose: 'staff reads and changes of any case (strongly consistent; re-read when a versioned change is refused)',
    kind: 'case',
    index: 'table',
    operation: 'GetItem',
    keyCondition: primaryEq(k.case),
    growth: 'one item',
    heat: 'cold',
    heatNote: 'staff edits are versioned: two at once, one is refused',
  },
  {
    name: 'Track a case',
    purpose: 'trackCase: the public looks up a case by reference and tracking code',
    kind: 'case',
    index: 'table',
    operation: 'GetItem',
    keyCondition: primaryEq(k.case),
    growth: 'one item',
    heat: 'cold',
  },
  {
    name: 'Replay a submission',
    purpose: 'a retried submission with the same idempotency key gets the first answer',
    kind: 'idempotencyRecord',
    index: 'table',
    operation: 'GetItem',
    keyCondition: primaryEq(k.idempotencyRecord),
    growth: 'one item',
    heat: 'cold',
  },
  {
    name: 'Check the duplicate guard',
    purpose: 'only when the submission\'s one transaction was refused by the guard: the earlier submission it duplicates',
    kind: 'duplicateGuard',
    index: 'table',
    operation: 'GetItem',
    keyCondition: primaryEq(k.duplicateGuard),
    growth: 'one item',
    heat: 'cold',
  },
  {
    name: 'Count a request (rate limit)',
    purpose: 'public reads (disclosure log) and tracking lookups per source and window (submissions count inside their transaction; bare page ratings are limited at the edge instead)',
    kind: 'rateWindow',
    index: 'table',
    operation: 'UpdateItem (returns new value)',
    keyCondition: primaryEq(k.rateWindow),
    growth: 'one item per source and window',
    heat: 'cold',
    heatNote: 'hot only for one source hammering the API, which is what it is there to stop',
  },
  {
    name: 'Allocate a reference',
    purpose: 'the next number for a case type and year (ADD 1): complaints, subject access, FOI and data-protection complaints (page ratings take a number derived from their idempotency key instead)',
    kind: 'referenceCounter',
    index: 'table',
    operation: 'UpdateItem (returns new value)',
    keyCondition: primaryEq(k.referenceCounter),
    growth: 'one item per case type and year',
    heat: 'hot',
    heatNote: 'every submission of a case type in a year increments the same item (an atomic ADD: no conflicts, but one item’s write limit caps submissions per second); page ratings, the high-volume case, do not use it',
  },
  {
    name: 'Similar cases',
    purpose: 'staff logging: the newest cases of the type with the same content, for possible-duplicate warnings',
    kind: 'similarCase',
    index: 'table',
    operation: 'Query',
    keyCondition: `${tablePk(k.similarCase)} (newest first, at most 10)`,
    growth: 'one item per case with this content in 90 days',
    heat: 'cold',
  },
  {
    name: 'Audit trail of a case',
    purpose: 'auditTrail on every case type',
    kind: 'auditEntry',
    index: 'table',
    operation: 'Query',
    keyCondition: tablePk(k.auditEntry),
    order: 'oldest first',
    growth: 'unbounded: one item per change and per staff read of the case, over its life (read whole)',
    heat: 'cold',
  },
  {
    name: 'Work queue',
    purpose: 'complaint, subject-access and FOI queues (unallocated, due soon, overdue, by status, by handler, …)',
    kind: 'queueEntry',
    index: 'table',
    operation: 'Query (paginated)',
    keyCondition: `${queuePk(workQueues)}; ${queueRange}`,
    order: 'by the queue’s date (oldest or soonest due first)',
    filter: 'none',
    growth: 'unbounded: one item per case in the queue (open cases; the RECEIVED and STATUS queues keep every case until its TTL)',
    heat: 'warm',
    heatNote: 'every new case of a type writes into its RECEIVED/STATUS/UNALLOCATED queues (different items, one partition)',
  },
  {
    name: 'FOI requester history',
    purpose: "a requester's other FOI requests within 60 working days either side",
    kind: 'queueEntry',
    index: 'table',
    operation: 'Query (paginated)',
    keyCondition: `${queuePk(queueNames.foiRequester)} AND sk BETWEEN {from} AND {to}\\uffff`,
    order: 'by receipt',
    growth: "bounded by one requester's requests (until their TTL)",
    heat: 'cold',
  },
  {
    name: 'Disclosure log',
    purpose: 'the public disclosure log, optionally between two dates',
    kind: 'disclosureLogEntry',
    index: 'table',
    operation: 'Query (paginated)',
    keyCondition: `${queuePk(queueNames.disclosureLog)}; ${queueRange}`,
    order: 'newest first',
    growth: 'unbounded: one item per published response, never expired',
    heat: 'cold',
  },
  {
    name: 'Disclosure word counts',
    purpose: 'which of a search\'s words is rarest (at most 10 words)',
    kind: 'disclosureWordCount',
    index: 'table',
    operation: 'BatchGetItem',
    keyCondition: primaryEq(k.disclosureWordCount),
    growth: 'one item per word',
    heat: 'cold',
  },
  {
    name: 'Disclosure-log search',
    purpose: "search the log by words: the rarest word's entries, filtered to those with every other word, within the request's read budget (then \"refine your search\")",
    kind: 'disclosureWord',
    index: 'table',
    operation: 'Query (paginated)',
    keyCondition: `${queuePk(queueNames.disclosureWord)}; ${queueRange}`,
    order: 'newest first',
    filter: 'contains(words, {other word}) for each further word',
    growth: 'unbounded: one item per published response containing the word (a common word approaches the whole log)',
    heat: 'cold',
  },
  {
    name: 'Disclosure entries for search hits',
    purpose: 'the log entries for a page of search hits',
    kind: 'disclosureLogEntry',
    index: 'table',
    operation: 'BatchGetItem',
    keyCondition: `${queuePk(queueNames.disclosureLog)} AND ${eq('sk', k.disclosureLogEntry.primary.sk, shownAs.disclosureLogEntry)}`,
    growth: 'at most one page (≤ 100 keys)',
    heat: 'cold',
  },
  {
    name: 'Statistics for a date range',
    purpose: 'complaint, subject-access and FOI statistics',
    kind: 'dailyStatistics',
    index: 'table',
    operation: 'Query',
    keyCondition: `${tablePk(k.dailyStatistics)} AND sk BETWEEN ${k.dailyStatistics.primary.sk.show({ day: '{from}' })} AND ${k.dailyStatistics.primary.sk.show({ day: '{to}' })}`,
    growth: 'one item per day with activity, ≤ 366 per read',
    heat: 'hot',
    heatNote: "every submission and change of the case type on a day ADDs to that day's item",
  },
  {
    name: 'Page summary',
    purpose: "a page's rating counts over a period or date range",
    kind: 'pageDay',
    index: 'table',
    operation: 'Query',
    keyCondition: `${tablePk(k.pageDay)} AND sk BETWEEN ${k.pageDay.primary.sk.show({ date: '{from}', shard: '' })} AND ${k.pageDay.primary.sk.show({ date: '{to}', shard: '~' })}`,
    growth: 'at most 10 shards per day with ratings, ≤ 3,660 small items per read',
    heat: 'warm',
    heatNote: "no request writes them: the stream consumer ADDs a batch's ratings of a page in one write per shard (of the day's 10), and concurrent consumers rarely meet on one item",
  },
  {
    name: 'A page month from its day shards',
    purpose: 'the ranking consumer recomputes a month from its day shards (off the request path)',
    kind: 'pageDay',
    index: 'table',
    operation: 'Query',
    keyCondition: `${tablePk(k.pageDay)} AND sk BETWEEN DAY#{YYYY-MM}-01# AND DAY#{YYYY-MM}-31#~`,
    growth: '≤ 310 small items',
    heat: 'cold',
  },
  {
    name: 'A page’s months',
    purpose: 'the ranking consumer sums a page’s months for its all-time entry (off the request path)',
    kind: 'pageMonth',
    index: 'table',
    operation: 'Query',
    keyCondition: `${tablePk(k.pageMonth)} AND begins_with(sk, MONTH#)`,
    growth: 'one item per month with ratings (≤ 84 within retention)',
    heat: 'cold',
  },
  {
    name: 'Page ranking',
    purpose: 'pages ranked for a period, with at least N ratings: the partitions of the largest tier ≤ N and every tier above it (at most 3 for N ≥ 5), merged by rank, within the read budget',
    kind: 'pageRank',
    index: 'gsi1',
    operation: 'Query (paginated)',
    keyCondition: eq('gsi1pk', k.pageRank.gsi1.pk),
    order: 'worst average first, then most ratings',
    filter: 'total >= {minimumRatings} (only reads past entries when N is not itself a tier)',
    growth: 'one item per page whose largest tier reached in the period is this one',
    heat: 'warm',
    heatNote: 'written only by the stream consumer, one recompute per page per batch of changes, never by a request',
  },
  {
    name: 'Page comments',
    purpose: "a page's ratings with comments",
    kind: 'case',
    index: 'gsi1',
    operation: 'Query (paginated)',
    keyCondition: eq('gsi1pk', k.case.gsi1.pk),
    order: 'newest first',
    growth: 'unbounded: one item per commented rating of the page (until its TTL, 2 years)',
    heat: 'warm',
    heatNote: 'every commented rating of the page adds an item',
  },
  {
    name: 'Research contacts',
    purpose: 'web-content staff list the research contacts',
    kind: 'researchContact',
    index: 'gsi1',
    operation: 'Query (paginated)',
    keyCondition: eq('gsi1pk', k.researchContact.gsi1.pk),
    order: 'newest first',
    growth: 'unbounded: every research contact of the last year (one partition for the whole API)',
    heat: 'warm',
    heatNote: 'one index partition for every rating that leaves contact details',
  },
  {
    name: 'Research contacts by email',
    purpose: 'erasure: the contacts given with one email address (by its keyed hash)',
    kind: 'researchContact',
    index: 'gsi2',
    operation: 'Query',
    keyCondition: eq('gsi2pk', k.researchContact.gsi2.pk),
    growth: "bounded by one person's contacts",
    heat: 'cold',
  },
  {
    name: 'Correspondence log',
    purpose: "correspondence on any case: the messages sent and the letters, emails and calls staff recorded",
    kind: 'correspondence',
    index: 'table',
    operation: 'Query',
    keyCondition: `${tablePk(k.correspondence)} AND begins_with(sk, CORR#)`,
    order: 'oldest first',
    growth: 'bounded by one case: a few messages per action that writes to the person, and what staff record',
    heat: 'cold',
  },
  {
    name: 'Undeliverable messages',
    purpose: "a team's queue of messages that could not be delivered",
    kind: 'queueEntry',
    index: 'table',
    operation: 'Query (paginated)',
    keyCondition: queuePk(queueNames.undeliverable),
    order: 'oldest first',
    growth: 'one item per undelivered message until staff resolve it',
    heat: 'cold',
  },
  {
    name: 'Work queue for the digest',
    purpose: "the daily digest: each case type's due-date queues up to a few days ahead, grouped by handler",
    kind: 'queueEntry',
    index: 'table',
    operation: 'Query',
    keyCondition: `${queuePk(workQueues)} AND sk <= {day}\\uffff`,
    order: 'soonest due first',
    growth: 'open cases due by then',
    heat: 'cold',
  },
  {
    name: 'Current bank holiday data',
    purpose: 'the API at start-up (adopts the newest stored GOV.UK data) and the scheduled refresh (is the fetched file new?)',
    kind: 'holidayDataCurrent',
    index: 'table',
    operation: 'GetItem',
    keyCondition: primaryEq(k.holidayDataCurrent),
    growth: 'one item',
    heat: 'cold',
  },
  {
    name: 'A bank holiday data version',
    purpose: 'the stored GOV.UK file the current pointer names',
    kind: 'holidayDataVersion',
    index: 'table',
    operation: 'GetItem',
    keyCondition: primaryEq(k.holidayDataVersion),
    growth: 'one item',
    heat: 'cold',
  },
];

/** Writes the API makes to an index that nothing in the API reads yet (kept for investigations). */
export const unreadIndexes: Array<{ kind: ItemKindName; index: IndexName; note: string }> = [
  {
    kind: 'auditEntry',
    index: 'gsi1',
    note: 'audit by actor (AUDIT_BY#{actorId}): written with every staff action and audited read, not queried by the API; unbounded per staff member (7 years)',
  },
];

/** Default retention in days for a kind, for the documentation. */
export function retentionText(r: Retention): string {
  switch (r.ttl) {
    case 'schedule': {
      const types: readonly RetentionRecordType[] = typeof r.recordType === 'string' ? [r.recordType] : r.recordType;
      const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
      return `TTL: ${types.map((t) => `${t} (${days(fixedRetention[t].days)})`).join(', ')} from ${r.from}`;
    }
    case 'computed':
      return `TTL: ${r.how}`;
    case 'none':
      return `no TTL: ${r.why}`;
  }
}

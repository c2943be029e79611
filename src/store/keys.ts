/**
 * Every key format in the table, in one place. Partition keys start with the item kind.
 */
export const keys = {
  /** A case's main item: its state, version and tracking-code hash. */
  case: (reference: string) => ({ pk: `CASE#${reference}`, sk: 'CASE' }),
  /** Research-contact details left with a page rating: a separate item with its own retention. */
  researchContact: (reference: string) => ({ pk: `CASE#${reference}`, sk: 'RESEARCH_CONTACT' }),
  /** The reference counter for a case type and year. */
  counter: (caseType: string, year: number) => ({ pk: `COUNTER#${caseType}#${year}`, sk: 'COUNTER' }),
  /** A remembered submission, by a keyed hash of its idempotency key. */
  idempotency: (scope: string, keyHash: string) => ({ pk: `IDEMPOTENCY#${scope}#${keyHash}`, sk: 'IDEMPOTENCY' }),
  /** A short-lived marker that a submission with this fingerprint was just stored. */
  duplicateGuard: (fingerprint: string) => ({ pk: `DUPLICATE#${fingerprint}`, sk: 'DUPLICATE' }),
  /** Requests counted for one source in one window. */
  rateWindow: (bucket: string, sourceHash: string, windowStart: number) => ({
    pk: `RATE#${bucket}#${sourceHash}#${windowStart}`,
    sk: 'RATE',
  }),
  /** One audit entry about a subject (usually a case reference). */
  audit: (subject: string, at: string, id: string) => ({ pk: `AUDIT#${subject}`, sk: `${at}#${id}` }),
  auditPartition: (subject: string) => `AUDIT#${subject}`,
  /** A page's ratings counted for one day. */
  pageDay: (pageKey: string, date: string) => ({ pk: `PAGE#${pageKey}`, sk: `DAY#${date}` }),
  pagePartition: (pageKey: string) => `PAGE#${pageKey}`,
  /** A page's ratings counted over a ranking period (ALL, or YYYY-MM). */
  pageRank: (pageKey: string, period: string) => ({ pk: `PAGE#${pageKey}`, sk: `RANK#${period}` }),
} as const;

/** Partition keys of the global secondary indexes. */
export const indexKeys = {
  /** gsi1: a page's ratings that have comments, newest first. */
  pageComments: (pageKey: string) => `PAGE_COMMENTS#${pageKey}`,
  /** gsi1: pages ranked by average rating for a period. */
  pageRanking: (period: string) => `PAGE_RANKING#${period}`,
  /** gsi1: research contacts, newest first. */
  researchContacts: () => 'RESEARCH_CONTACTS',
  /** gsi1: audit entries by the staff member who acted. */
  auditByActor: (actorId: string) => `AUDIT_BY#${actorId}`,
  /** gsi2: research contacts by a keyed hash of their email address (for erasure). */
  researchContactsByEmail: (emailHash: string) => `RESEARCH_CONTACT_EMAIL#${emailHash}`,
} as const;

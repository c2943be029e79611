/**
 * The retention schedule: how long each kind of record is kept before DynamoDB's TTL deletes it.
 * One place for every period. The periods are the force's policy, so each can be overridden by
 * configuration (see src/config.ts, RETENTION_DAYS_<RECORD_TYPE>).
 *
 * Not listed, because they hold no personal data and nothing about any one person: reference
 * counters and the daily statistics counts (src/cases/dailyStatistics.ts), kept without expiry.
 * Queue entries expire with the case they index.
 */
/** Records that are not case types; each case type declares its own period (its `retention`). */
export const retentionRecordTypes = [
  'PAGE_RATING',
  'RESEARCH_CONTACT',
  'PAGE_RATING_AGGREGATE',
  'AUDIT',
  'IDEMPOTENCY_KEY',
] as const;
export type RetentionRecordType = (typeof retentionRecordTypes)[number];

export interface RetentionPeriod {
  days: number;
  why: string;
}

/** Every record type's period: the fixed ones below, and one per case type, named by the case type. */
export type RetentionSchedule = Record<string, RetentionPeriod>;

export const fixedRetention: Record<RetentionRecordType, RetentionPeriod> = {
  PAGE_RATING: { days: 730, why: 'Two years of feedback, enough to compare a page year on year.' },
  RESEARCH_CONTACT: {
    days: 365,
    why: 'Contact details given for website research are kept only as long as that purpose needs.',
  },
  PAGE_RATING_AGGREGATE: { days: 2557, why: 'Counts hold no personal data; seven years of trends.' },
  AUDIT: { days: 2557, why: 'Seven years: the audit must outlive the records it explains.' },
  IDEMPOTENCY_KEY: { days: 1, why: 'Long enough for a browser to retry a submission.' },
};

const DAY_SECONDS = 86_400;

/** The TTL attribute value (epoch seconds) for a record of this type written at `from`. */
export function expiryEpochSeconds(
  schedule: RetentionSchedule,
  type: string,
  from: Date,
): number {
  const period = schedule[type];
  if (!period) throw new Error(`no retention period for ${type}`);
  return Math.floor(from.getTime() / 1000) + period.days * DAY_SECONDS;
}

/** The whole schedule: the fixed periods and each case type's own. */
export function retentionSchedule(caseTypes: ReadonlyArray<{ name: string; retention: RetentionPeriod }>): RetentionSchedule {
  return { ...fixedRetention, ...Object.fromEntries(caseTypes.map((t) => [t.name, t.retention])) };
}

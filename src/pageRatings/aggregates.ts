import { rangeProblem, type RangeProblem } from '../calendar/dateRange.js';
import { addDays, isIsoDate } from '../calendar/londonDate.js';
import type { RatingPeriod } from '../generated/graphql.js';

/**
 * Rating counts. Each page keeps a count per star per day (for summaries over any range) and per
 * ranking period (all time, and each month) for the worst-first list. They are kept up to date in
 * the same transaction as each rating, so a summary costs a read per day in range, whatever the
 * number of ratings.
 */
export interface StarCounts {
  s1: number;
  s2: number;
  s3: number;
}

export const noStars: StarCounts = { s1: 0, s2: 0, s3: 0 };

export function starAttribute(rating: number): keyof StarCounts {
  if (rating === 1) return 's1';
  if (rating === 2) return 's2';
  if (rating === 3) return 's3';
  throw new RangeError('rating must be 1, 2 or 3');
}

export function addCounts(a: StarCounts, b: StarCounts): StarCounts {
  return { s1: a.s1 + b.s1, s2: a.s2 + b.s2, s3: a.s3 + b.s3 };
}

export function totalOf(c: StarCounts): number {
  return c.s1 + c.s2 + c.s3;
}

/** The mean, to two decimals; null with no ratings. */
export function averageOf(c: StarCounts): number | null {
  const total = totalOf(c);
  return total === 0 ? null : Math.round(((c.s1 + 2 * c.s2 + 3 * c.s3) / total) * 100) / 100;
}

export function countsList(c: StarCounts): { stars: number; count: number }[] {
  return [
    { stars: 1, count: c.s1 },
    { stars: 2, count: c.s2 },
    { stars: 3, count: c.s3 },
  ];
}

/**
 * A page's place in a ranking, worst first: the average to four decimals, then the number of
 * ratings descending (a page rated 1 star by 50 people is worse news than by 2).
 */
export function rankingPosition(c: StarCounts, pageKey: string): { average: string; inverseCount: string; pageKey: string } {
  const total = totalOf(c);
  const average = (c.s1 + 2 * c.s2 + 3 * c.s3) / total;
  const inverseCount = String(999_999_999 - Math.min(total, 999_999_999)).padStart(9, '0');
  return { average: average.toFixed(4), inverseCount, pageKey };
}

const periodDays: Record<RatingPeriod, number> = { LAST_7_DAYS: 7, LAST_30_DAYS: 30, LAST_90_DAYS: 90 };

export type DateRange = { from: string; to: string };

/** The days a summary covers: a fixed period ending today, or a range of at most 366 days. */
export function summaryRange(
  args: { period?: RatingPeriod | null; from?: string | null; to?: string | null },
  today: string,
): { ok: true; range: DateRange } | { ok: false; field: string; message: string; code?: RangeProblem['code'] } {
  const hasRange = Boolean(args.from || args.to);
  if (args.period && hasRange) return { ok: false, field: 'period', message: 'Give a period or a date range, not both.' };
  if (args.period) return { ok: true, range: { from: addDays(today, 1 - periodDays[args.period]), to: today } };
  if (!args.from || !args.to) return { ok: false, field: args.from ? 'to' : 'from', message: 'Give a period, or both from and to.' };
  for (const field of ['from', 'to'] as const) {
    if (!isIsoDate(args[field]!)) return { ok: false, field, message: 'Dates are written YYYY-MM-DD.' };
  }
  const problem = rangeProblem(args.from, args.to);
  if (problem) return { ok: false, ...problem };
  return { ok: true, range: { from: args.from, to: args.to } };
}

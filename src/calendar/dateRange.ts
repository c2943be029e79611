import { daysBetween } from './londonDate.js';

/**
 * The one rule for a date range that a report or summary covers: it does not end before it
 * starts, and it covers at most 366 days (a year, leap day included), so that reading a day's
 * counts per day stays a single small query.
 */
export const MAX_RANGE_DAYS = 366;

export interface RangeProblem {
  field: 'to';
  message: string;
  code: 'INVALID' | 'OUT_OF_RANGE';
}

/** Why these dates (both real ISO dates) cannot be used as a range; undefined when they can. */
export function rangeProblem(from: string, to: string): RangeProblem | undefined {
  if (from > to) return { field: 'to', message: 'The range ends before it starts.', code: 'INVALID' };
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    return { field: 'to', message: `A range can cover at most ${MAX_RANGE_DAYS} days.`, code: 'OUT_OF_RANGE' };
  }
  return undefined;
}

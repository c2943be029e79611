import { addDays } from '../calendar/londonDate.js';

/**
 * A complainant may apply for a review within 28 days, counted from the day after the date of
 * the outcome letter (Police (Complaints and Misconduct) Regulations 2020): a letter dated 1 April
 * allows applications until 29 April. Calendar days; the regulations do not move the last day off
 * a weekend or holiday.
 */
export const REVIEW_WINDOW_DAYS = 28;

export function reviewWindowClosesOn(outcomeLetterDate: string): string {
  return addDays(outcomeLetterDate, REVIEW_WINDOW_DAYS);
}

import { addCalendarMonths, addDays } from '../calendar/londonDate.js';

/**
 * The data-protection complaint clock (DPA 2018 s.164A; RULES.md "Data protection complaints"),
 * as pure functions of dates (YYYY-MM-DD, Europe/London).
 */

/** The period to acknowledge: 30 days *beginning with* the day of receipt, so that day is day 1. */
export const ACKNOWLEDGE_WITHIN_DAYS = 30;

/**
 * The last day to acknowledge a complaint: the 30th day of the period beginning with the day of
 * receipt (received 1 Jul → acknowledge by 30 Jul). Calendar days: weekends and bank holidays count.
 */
export function acknowledgementDueOn(receivedOn: string): string {
  return addDays(receivedOn, ACKNOWLEDGE_WITHIN_DAYS - 1);
}

/** True when an acknowledgement on `acknowledgedOn` was within the 30 days beginning with receipt. */
export function acknowledgedInTime(receivedOn: string, acknowledgedOn: string): boolean {
  return acknowledgedOn <= acknowledgementDueOn(receivedOn);
}

/** True once the last day to acknowledge has passed (on that day itself it is still in time). */
export function acknowledgementOverdue(receivedOn: string, today: string): boolean {
  return today > acknowledgementDueOn(receivedOn);
}

/**
 * Policy: the force's measure of "undue delay" in telling the complainant the outcome. The Act
 * says "without undue delay" and sets no period; 3 calendar months from receipt is the force's
 * choice (time for the acknowledgement, enquiries and an answer). From the day after this date, a
 * complaint to the ICO may be recorded before we have sent an outcome (rules.ts).
 */
export const UNDUE_DELAY_MONTHS = 3;

export function outcomeUnduelyDelayedAfter(receivedOn: string): string {
  return addCalendarMonths(receivedOn, UNDUE_DELAY_MONTHS);
}

/**
 * Undue delay, as of `today`, in a complaint without an outcome: the statutory acknowledgement
 * period has run out without an acknowledgement, or more than 3 months have passed since receipt.
 */
export function undueDelay(c: { receivedOn: string; acknowledged: boolean }, today: string): boolean {
  return (!c.acknowledged && acknowledgementOverdue(c.receivedOn, today)) || today > outcomeUnduelyDelayedAfter(c.receivedOn);
}

/** The day DPA 2018 s.164A came into force: complaints received before it are not s.164A complaints. */
export const IN_FORCE_FROM = '2026-06-19';

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

/** What a case's dates say about a complaint to the ICO: the days of receipt, acknowledgement and outcome. */
export interface IcoComplaintDates {
  receivedOn: string;
  acknowledgedOn: string | null;
  outcomeSentOn: string | null;
}

/**
 * Why a complaint to the ICO made on `on` was open to the complainant, judged on that day, or null
 * when it was not: the outcome had been sent by then (AFTER_OUTCOME), or there was undue delay that
 * day (UNDUE_DELAY): the acknowledgement overdue and not yet made, or more than 3 months since receipt.
 */
export function icoComplaintBasisOn(c: IcoComplaintDates, on: string): 'AFTER_OUTCOME' | 'UNDUE_DELAY' | null {
  if (c.outcomeSentOn !== null && c.outcomeSentOn <= on) return 'AFTER_OUTCOME';
  const acknowledged = c.acknowledgedOn !== null && c.acknowledgedOn <= on;
  return undueDelay({ receivedOn: c.receivedOn, acknowledged }, on) ? 'UNDUE_DELAY' : null;
}

/** The first day a complaint to the ICO was open to the complainant (icoComplaintBasisOn), whether or not it has come yet. */
export function firstIcoComplaintDay(c: IcoComplaintDates): string {
  const ackOverdueFrom = addDays(acknowledgementDueOn(c.receivedOn), 1);
  const days = [addDays(outcomeUnduelyDelayedAfter(c.receivedOn), 1)];
  if (c.acknowledgedOn === null || c.acknowledgedOn > ackOverdueFrom) days.push(ackOverdueFrom);
  if (c.outcomeSentOn !== null) days.push(c.outcomeSentOn);
  return days.sort()[0]!;
}

/** The day DPA 2018 s.164A came into force: complaints received before it are not s.164A complaints. */
export const IN_FORCE_FROM = '2026-06-19';

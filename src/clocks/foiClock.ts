import { addCalendarMonths, addDays } from '../calendar/londonDate.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { addWorkingDays, type DisregardedSpan, type NonWorkingDay } from '../calendar/workingDays.js';
import { checkEventDate, ClockRuleError } from './clockEvents.js';

/**
 * The FOI clock (FOIA s.10): 20 FOIA working days after receipt, the day of receipt being day 0.
 *
 * - Clarification (s.1(3)) does not pause the clock, it restarts it: the day the clarification
 *   arrives becomes the date of receipt and a fresh 20 working days begins. Clarification must be
 *   sought within the 20 working days: one asked after the due date has passed is recorded (the
 *   request waits for the answer) but moves nothing: the due date stays the one that was missed,
 *   the request stays overdue and its response counts as late (RULES.md §2, Clarification).
 * - A fees notice (s.9) freezes it: the working days from the day the notice is given to the day
 *   the fee arrives, both included, are disregarded (s.10(2)). Unpaid within three months
 *   (beginning with the day of the notice), the request lapses.
 * - A public interest extension (s.10(3), s.17(2)): the refusal notice is due within the 20
 *   working days and names an estimated date, which the ICO expects to be no more than 40 working
 *   days after receipt in all.
 */
export const FOI_WORKING_DAYS = 20;
export const FOI_PUBLIC_INTEREST_LIMIT_WORKING_DAYS = 40;
export const FOI_FEE_MONTHS = 3;

export type FoiClockEvent =
  | { type: 'CLARIFICATION_REQUESTED'; on: string }
  | { type: 'CLARIFICATION_RECEIVED'; on: string }
  | { type: 'FEES_NOTICE_ISSUED'; on: string }
  | { type: 'FEE_RECEIVED'; on: string }
  | { type: 'PUBLIC_INTEREST_EXTENSION'; on: string; extendedTo: string; reason: string };

export type FoiClockState = 'RUNNING' | 'AWAITING_CLARIFICATION' | 'AWAITING_FEE' | 'LAPSED';

export interface FoiClock {
  state: FoiClockState;
  /** The date the request first arrived. */
  receivedOn: string;
  /** Day 0 of the count now: the receipt date, or the day the last clarification arrived. */
  countsFrom: string;
  /** When the response is due (the extended date during a public interest extension); null while stopped. */
  dueOn: string | null;
  /** 20 working days, frozen days disregarded; null while stopped. */
  statutoryDueOn: string | null;
  /** 40 working days: the latest a public interest extension may run to; null while stopped. */
  publicInterestLimitOn: string | null;
  extendedTo: string | null;
  /** While a fee is awaited: the last day it may be paid. */
  feeDueBy: string | null;
  /** Working days not counted because a fee was awaited. */
  frozenWorkingDays: string[];
  /** Non-working days passed over to reach the statutory due date. */
  skipped: NonWorkingDay[];
  /**
   * Clarifications asked for after the due date in force had passed: recorded, but they neither
   * stopped nor restarted the clock (the due date they missed is kept).
   */
  late: Array<{ type: 'CLARIFICATION_REQUESTED'; on: string; missedDueOn: string }>;
}

export function foiClock(calendar: HolidayCalendar, receivedOn: string, events: readonly FoiClockEvent[], today?: string): FoiClock {
  let countsFrom = receivedOn;
  let spans: DisregardedSpan[] = [];
  let state: FoiClockState = 'RUNNING';
  let feeNoticeOn: string | null = null;
  let extendedTo: string | null = null;
  let awaitingLate = false;
  const late: FoiClock['late'] = [];
  for (const e of events) {
    if (e.type === 'CLARIFICATION_REQUESTED') {
      state = 'AWAITING_CLARIFICATION';
      const dueThen = addWorkingDays(calendar, countsFrom, FOI_WORKING_DAYS, 'FOIA', spans).date;
      awaitingLate = e.on > dueThen;
      if (awaitingLate) late.push({ type: e.type, on: e.on, missedDueOn: dueThen });
    }
    if (e.type === 'CLARIFICATION_RECEIVED' && awaitingLate) {
      // Asked too late to restart anything: the answer lets work go on against the missed date.
      awaitingLate = false;
      state = 'RUNNING';
    } else if (e.type === 'CLARIFICATION_RECEIVED') {
      countsFrom = e.on;
      spans = [];
      extendedTo = null;
      state = 'RUNNING';
    }
    if (e.type === 'FEES_NOTICE_ISSUED') {
      feeNoticeOn = e.on;
      state = 'AWAITING_FEE';
    }
    if (e.type === 'FEE_RECEIVED') {
      spans.push({ from: feeNoticeOn!, to: e.on });
      feeNoticeOn = null;
      state = 'RUNNING';
    }
    if (e.type === 'PUBLIC_INTEREST_EXTENSION') extendedTo = e.extendedTo;
  }
  const feeDueBy = feeNoticeOn ? feeDueByOf(feeNoticeOn) : null;
  if (state === 'AWAITING_FEE' && today && feeDueBy && today > feeDueBy) state = 'LAPSED';
  const stopped = { dueOn: null, statutoryDueOn: null, publicInterestLimitOn: null, frozenWorkingDays: [], skipped: [] };
  // A late clarification stops the work, not the clock: the due dates stay, and pass.
  if (state !== 'RUNNING' && !awaitingLate) return { state, receivedOn, countsFrom, extendedTo, feeDueBy, ...stopped, late };

  const statutory = addWorkingDays(calendar, countsFrom, FOI_WORKING_DAYS, 'FOIA', spans);
  const limit = addWorkingDays(calendar, countsFrom, FOI_PUBLIC_INTEREST_LIMIT_WORKING_DAYS, 'FOIA', spans);
  return {
    state,
    receivedOn,
    countsFrom,
    dueOn: extendedTo ?? statutory.date,
    statutoryDueOn: statutory.date,
    publicInterestLimitOn: limit.date,
    extendedTo,
    feeDueBy: null,
    frozenWorkingDays: statutory.disregarded,
    skipped: statutory.skipped,
    late,
  };
}

/**
 * The last day to pay a fee: the last day of the 3 months beginning with the day of the notice
 * (s.9(2)), by the corresponding-date rule: the day before the same date 3 months on (22 Nov → 21
 * Feb), or, where that month has no such date, its last day (31 Mar → 30 Jun; 31 Jan → 30 Apr).
 */
export function feeDueByOf(noticeOn: string): string {
  const corresponding = addCalendarMonths(noticeOn, FOI_FEE_MONTHS);
  return corresponding.slice(8) === noticeOn.slice(8) ? addDays(corresponding, -1) : corresponding;
}

/**
 * Adds an event if the rules allow it now, and returns the clock after it; otherwise throws a
 * ClockRuleError saying why. `today` is the Europe/London date (for lapsed fees).
 */
export function applyFoiEvent(
  calendar: HolidayCalendar,
  receivedOn: string,
  events: readonly FoiClockEvent[],
  next: FoiClockEvent,
  today: string,
): { events: FoiClockEvent[]; clock: FoiClock } {
  checkEventDate(events.at(-1)?.on ?? receivedOn, next.on, today);
  const now = foiClock(calendar, receivedOn, events, next.on);
  const refuse = (message: string, field: string | null = null) => {
    throw new ClockRuleError('NOT_ALLOWED_IN_STATE', message, field);
  };
  switch (next.type) {
    case 'CLARIFICATION_REQUESTED':
      if (now.state !== 'RUNNING') refuse('Clarification can be asked for only while the clock is running.');
      break;
    case 'CLARIFICATION_RECEIVED':
      if (now.state !== 'AWAITING_CLARIFICATION') refuse('No clarification has been asked for.');
      break;
    case 'FEES_NOTICE_ISSUED':
      if (now.state !== 'RUNNING') refuse('A fees notice can be issued only while the clock is running.');
      // s.9(1): a fees notice is given within the time for complying; a late one cannot freeze the
      // clock, so it is refused (the request stays due, and overdue, against the date it missed).
      if (next.on > now.statutoryDueOn!) {
        refuse(`A fees notice must be issued by the 20th working day (${now.statutoryDueOn}); after it, a notice cannot stop the clock and the request stays overdue.`, 'on');
      }
      break;
    case 'FEE_RECEIVED':
      if (now.state === 'LAPSED') refuse(`The fee was due by ${now.feeDueBy}: the request has lapsed.`, 'on');
      if (now.state !== 'AWAITING_FEE') refuse('No fee is awaited.');
      break;
    case 'PUBLIC_INTEREST_EXTENSION':
      if (now.state !== 'RUNNING') refuse('The clock is not running.');
      if (now.extendedTo) refuse('The public interest test has already been extended.');
      if (!next.reason.trim()) throw new ClockRuleError('REQUIRED', 'Give the exemption and why the public interest test needs more time.', 'reason');
      if (next.on > now.statutoryDueOn!) {
        refuse(`The refusal notice that extends the clock is due within 20 working days (by ${now.statutoryDueOn}).`, 'on');
      }
      if (next.extendedTo <= now.statutoryDueOn!) refuse(`The new date must be after the due date (${now.statutoryDueOn}).`, 'extendedTo');
      if (next.extendedTo > now.publicInterestLimitOn!) {
        throw new ClockRuleError(
          'OUT_OF_RANGE',
          `An extension can run to 40 working days after receipt at most (${now.publicInterestLimitOn}).`,
          'extendedTo',
        );
      }
      break;
  }
  const all = [...events, next];
  return { events: all, clock: foiClock(calendar, receivedOn, all, today) };
}

/** Internal review: asked for within 40 working days of the response. */
export function internalReviewRequestDeadline(calendar: HolidayCalendar, respondedOn: string): string {
  return addWorkingDays(calendar, respondedOn, 40, 'FOIA').date;
}

export interface ReviewClock {
  requestedOn: string;
  dueOn: string;
  statutoryDueOn: string;
  limitOn: string;
  extendedTo: string | null;
  skipped: NonWorkingDay[];
}

/** Internal review: due within 20 working days of the request, extendable (with a reason) to 40. */
export function internalReviewClock(
  calendar: HolidayCalendar,
  requestedOn: string,
  extension?: { on: string; extendedTo: string; reason: string },
): ReviewClock {
  const due = addWorkingDays(calendar, requestedOn, 20, 'FOIA');
  const limit = addWorkingDays(calendar, requestedOn, 40, 'FOIA').date;
  if (extension) {
    if (!extension.reason.trim()) throw new ClockRuleError('REQUIRED', 'Give the reason the review needs longer.', 'reason');
    if (extension.on > due.date) throw new ClockRuleError('NOT_ALLOWED_IN_STATE', `A review can be extended only by its due date (${due.date}).`, 'on');
    if (extension.extendedTo <= due.date || extension.extendedTo > limit) {
      throw new ClockRuleError('OUT_OF_RANGE', `An extended review must be due after ${due.date} and by ${limit} (40 working days).`, 'extendedTo');
    }
  }
  return {
    requestedOn,
    dueOn: extension?.extendedTo ?? due.date,
    statutoryDueOn: due.date,
    limitOn: limit,
    extendedTo: extension?.extendedTo ?? null,
    skipped: due.skipped,
  };
}

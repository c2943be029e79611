import { addCalendarMonths, addDays, daysBetween } from '../calendar/londonDate.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { onOrNextWorkingDay, type NonWorkingDay } from '../calendar/workingDays.js';
import { checkEventDate, ClockRuleError } from './clockEvents.js';

/**
 * The subject access clock (UK GDPR Art 12(3); DPA 2018 s.45): one calendar month.
 *
 * - The clock starts on receipt, or, where identity had to be checked, on receipt of the proof.
 *   The start is day 1 and the deadline is the same date next month, or that month's last day
 *   where the date does not exist; a deadline on a weekend or an England-and-Wales bank holiday
 *   moves to the next working day.
 * - Asking for clarification pauses the clock until the answer arrives: the period beginning with
 *   the day asked and ending with the day the answer arrives does not count, so both of those days
 *   are excluded (asked 5 Mar, received 12 Mar: 8 days) and the deadline moves by that many days.
 *   Asked in the days a deadline rolled over to the next working day (received Sat 31 Jan: the
 *   month ends Sat 28 Feb, due Mon 2 Mar; asked 2 Mar), the rolled deadline is what moves, so the
 *   deadline always falls after the day the answer arrives (answered 5 Mar: 4 days, due 6 Mar).
 * - Asking for ID or clarification after the time limit has run out does not revive it: the
 *   deadline stays where it was when it ran out, the request stays overdue and a response counts
 *   as late (RULES.md §3 "Late requests for ID or clarification"). Asked on the due date itself is
 *   still in time.
 * - An extension of up to two further months (three months from the same start, pauses still
 *   counted) must be made, with reasons, before the first month ends.
 */
export const SAR_MONTHS = 1;
export const SAR_MAX_EXTENSION_MONTHS = 2;

export type SarClockEvent =
  | { type: 'IDENTITY_REQUESTED'; on: string }
  | { type: 'IDENTITY_RECEIVED'; on: string }
  | { type: 'CLARIFICATION_REQUESTED'; on: string }
  | { type: 'CLARIFICATION_RECEIVED'; on: string }
  | { type: 'EXTENDED'; on: string; months: number; reason: string };

export type SarClockState = 'AWAITING_IDENTITY' | 'RUNNING' | 'PAUSED';

export interface SarClock {
  state: SarClockState;
  receivedOn: string;
  /** Day 1 of the month; null until identity is proved where it was asked for. */
  startedOn: string | null;
  pausedDays: number;
  /** The one-month deadline (pauses counted, rolled): an extension must come by then. */
  firstMonthEndsOn: string | null;
  /** The deadline now (extended where extended); null while waiting for identity or clarification. */
  dueOn: string | null;
  extensionMonths: number;
  /** Non-working days the deadline rolled past. */
  skipped: NonWorkingDay[];
  /**
   * The day ID or clarification was first asked for after the time limit had run out, or null.
   * From then on the deadline stays where it was (dueOn, firstMonthEndsOn), whatever follows.
   */
  lateRequestOn: string | null;
}

/** Calendar days paused by a clarification asked on `asked` and answered on `received`: both days excluded. */
export function clarificationPauseDays(asked: string, received: string): number {
  return daysBetween(asked, received) + 1;
}

interface Pause {
  asked: string;
  received: string;
}

/**
 * The deadline `months` from `start`, with each pause (in order) excluded: a month is counted to the
 * same date (or the month's last day), the days a pause covers are added, and the result moves to
 * the next working day. A pause asked in the days the deadline had rolled over (after the month's
 * last day but on or before the working day it moved to) pauses what was left of that rolled
 * period: the days from the day asked to the rolled deadline run again after the answer arrives,
 * so the deadline is always later than the day the answer arrives. A pause asked after this
 * deadline had passed (the first month, once extended) does not move it.
 */
function deadline(calendar: HolidayCalendar, start: string, months: number, pauses: readonly Pause[]) {
  let end = addCalendarMonths(start, months);
  for (const p of pauses) {
    const rolled = onOrNextWorkingDay(calendar, end, 'ENGLAND_AND_WALES').date;
    if (p.asked > rolled) continue;
    if (p.asked > end) end = rolled;
    end = addDays(end, clarificationPauseDays(p.asked, p.received));
  }
  return onOrNextWorkingDay(calendar, end, 'ENGLAND_AND_WALES');
}

export function sarClock(calendar: HolidayCalendar, receivedOn: string, events: readonly SarClockEvent[]): SarClock {
  let state: SarClockState = 'RUNNING';
  let startedOn: string | null = receivedOn;
  let pausedDays = 0;
  const pauses: Pause[] = [];
  let pausedOn: string | null = null;
  let extensionMonths = 0;
  /** The deadline as it stood when the time limit ran out before a late request for ID or clarification. */
  let expired: { first: string; due: string; skipped: NonWorkingDay[]; on: string } | null = null;
  const deadlines = () => {
    const first = deadline(calendar, startedOn!, SAR_MONTHS, pauses);
    const due = extensionMonths ? deadline(calendar, startedOn!, SAR_MONTHS + extensionMonths, pauses) : first;
    return { first, due };
  };
  for (const e of events) {
    const asking = e.type === 'IDENTITY_REQUESTED' || e.type === 'CLARIFICATION_REQUESTED';
    if (asking && !expired && state === 'RUNNING' && startedOn !== null) {
      const { first, due } = deadlines();
      if (e.on > due.date) expired = { first: first.date, due: due.date, skipped: due.skipped, on: e.on };
    }
    if (e.type === 'IDENTITY_REQUESTED') {
      state = 'AWAITING_IDENTITY';
      if (!expired) startedOn = null;
    }
    if (e.type === 'IDENTITY_RECEIVED') {
      state = 'RUNNING';
      if (!expired) startedOn = e.on;
    }
    if (e.type === 'CLARIFICATION_REQUESTED') {
      state = 'PAUSED';
      pausedOn = e.on;
    }
    if (e.type === 'CLARIFICATION_RECEIVED') {
      if (!expired) {
        pausedDays += clarificationPauseDays(pausedOn!, e.on);
        pauses.push({ asked: pausedOn!, received: e.on });
      }
      pausedOn = null;
      state = 'RUNNING';
    }
    if (e.type === 'EXTENDED') extensionMonths += e.months;
  }
  if (expired) {
    return {
      state,
      receivedOn,
      startedOn,
      pausedDays,
      firstMonthEndsOn: expired.first,
      dueOn: expired.due,
      extensionMonths,
      skipped: expired.skipped,
      lateRequestOn: expired.on,
    };
  }
  if (state !== 'RUNNING' || startedOn === null) {
    return { state, receivedOn, startedOn, pausedDays, firstMonthEndsOn: null, dueOn: null, extensionMonths, skipped: [], lateRequestOn: null };
  }
  const { first, due } = deadlines();
  return {
    state,
    receivedOn,
    startedOn,
    pausedDays,
    firstMonthEndsOn: first.date,
    dueOn: due.date,
    extensionMonths,
    skipped: due.skipped,
    lateRequestOn: null,
  };
}

/** Adds an event if the rules allow it now and returns the clock after it; otherwise throws. */
export function applySarEvent(
  calendar: HolidayCalendar,
  receivedOn: string,
  events: readonly SarClockEvent[],
  next: SarClockEvent,
  today: string,
): { events: SarClockEvent[]; clock: SarClock } {
  checkEventDate(events.at(-1)?.on ?? receivedOn, next.on, today);
  const now = sarClock(calendar, receivedOn, events);
  const refuse = (message: string, field: string | null = null): never => {
    throw new ClockRuleError('NOT_ALLOWED_IN_STATE', message, field);
  };
  switch (next.type) {
    case 'IDENTITY_REQUESTED':
      if (events.length > 0) refuse('Proof of identity is asked for when the request arrives, before anything else happens on the clock.');
      break;
    case 'IDENTITY_RECEIVED':
      if (now.state !== 'AWAITING_IDENTITY') refuse('Proof of identity was not asked for, or has already arrived.');
      break;
    case 'CLARIFICATION_REQUESTED':
      if (now.state !== 'RUNNING') refuse('Clarification can be asked for only while the clock is running.');
      break;
    case 'CLARIFICATION_RECEIVED':
      if (now.state !== 'PAUSED') refuse('No clarification has been asked for.');
      break;
    case 'EXTENDED':
      if (now.state !== 'RUNNING') refuse('The clock is not running.');
      if (!next.reason.trim()) throw new ClockRuleError('REQUIRED', 'Tell the requester why the request needs longer.', 'reason');
      if (!Number.isInteger(next.months) || next.months < 1 || now.extensionMonths + next.months > SAR_MAX_EXTENSION_MONTHS) {
        throw new ClockRuleError(
          'OUT_OF_RANGE',
          `A request can be extended by two months at most in all (${now.extensionMonths} already used).`,
          'months',
        );
      }
      if (next.on > now.firstMonthEndsOn!) refuse(`An extension must be made before the first month ends (${now.firstMonthEndsOn}).`, 'on');
      break;
  }
  const all = [...events, next];
  return { events: all, clock: sarClock(calendar, receivedOn, all) };
}

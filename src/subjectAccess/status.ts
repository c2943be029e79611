import type { HolidayCalendar } from '../calendar/holidays.js';
import { clockEventView } from '../clocks/clockEvents.js';
import { deadlineStatus } from '../clocks/deadlines.js';
import { sarClock, type SarClock } from '../clocks/sarClock.js';
import type { SubjectAccessStatus } from '../generated/graphql.js';
import type { SarRecord } from './model.js';

/** The request's clock, from its events. */
export function clockOf(calendar: HolidayCalendar, r: Pick<SarRecord, 'receivedOn' | 'clockEvents'>): SarClock {
  return sarClock(calendar, r.receivedOn, r.clockEvents.map((e) => e.event));
}

/** Where a request has got to: from its closure, response and clock; never stored on its own. */
export function statusOf(calendar: HolidayCalendar, r: SarRecord): SubjectAccessStatus {
  if (r.closure) return r.closure.kind === 'WITHDRAWN' ? 'WITHDRAWN' : 'CLOSED';
  if (r.response) return 'RESPONDED';
  const { state } = clockOf(calendar, r);
  if (state === 'AWAITING_IDENTITY') return 'AWAITING_IDENTITY';
  if (state === 'PAUSED') return 'AWAITING_CLARIFICATION';
  return 'IN_PROGRESS';
}

export function isOpen(calendar: HolidayCalendar, r: SarRecord): boolean {
  return !['RESPONDED', 'CLOSED', 'WITHDRAWN'].includes(statusOf(calendar, r));
}

/** The clock as the case shows it: due date, days left, overdue, and every event. */
export function clockView(calendar: HolidayCalendar, r: SarRecord, today: string) {
  const clock = clockOf(calendar, r);
  const status = clock.dueOn ? deadlineStatus(calendar, clock.dueOn, today, 'ENGLAND_AND_WALES') : null;
  return {
    state: clock.state,
    startedOn: clock.startedOn,
    pausedDays: clock.pausedDays,
    firstMonthEndsOn: clock.firstMonthEndsOn,
    dueOn: clock.dueOn,
    extensionMonths: clock.extensionMonths,
    lateRequestOn: clock.lateRequestOn,
    daysRemaining: status?.daysRemaining ?? null,
    overdue: Boolean(status?.overdue) && !r.response && !r.closure,
    events: r.clockEvents.map((e) => ({ months: null, ...clockEventView(e) })),
  };
}

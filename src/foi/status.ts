import type { HolidayCalendar } from '../calendar/holidays.js';
import { clockEventView } from '../clocks/clockEvents.js';
import { deadlineStatus } from '../clocks/deadlines.js';
import { foiClock, internalReviewClock, type FoiClock } from '../clocks/foiClock.js';
import type { FoiStatus } from '../generated/graphql.js';
import type { FoiRecord } from './model.js';

export function clockOf(calendar: HolidayCalendar, r: Pick<FoiRecord, 'receivedOn' | 'clockEvents'>, today?: string): FoiClock {
  return foiClock(calendar, r.receivedOn, r.clockEvents.map((e) => e.event), today);
}

/** The internal review's clock, when a review is under way or done. */
export function reviewClockOf(calendar: HolidayCalendar, r: FoiRecord) {
  const review = r.internalReview;
  return review ? internalReviewClock(calendar, review.requestedOn, review.extension ?? undefined) : null;
}

/** Where a request has got to, derived; `today` (Europe/London) tells an unpaid fee from a lapsed one. */
export function statusOf(calendar: HolidayCalendar, r: FoiRecord, today?: string): FoiStatus {
  if (r.closure) return r.closure.kind === 'WITHDRAWN' ? 'WITHDRAWN' : 'CLOSED';
  if (r.internalReview && !r.internalReview.outcome) return 'UNDER_INTERNAL_REVIEW';
  if (r.response) return 'RESPONDED';
  const clock = clockOf(calendar, r, today);
  if (clock.state === 'AWAITING_CLARIFICATION') return 'AWAITING_CLARIFICATION';
  if (clock.state === 'AWAITING_FEE') return 'AWAITING_FEE';
  if (clock.state === 'LAPSED') return 'LAPSED';
  return clock.extendedTo ? 'PUBLIC_INTEREST_EXTENSION' : 'IN_PROGRESS';
}

export function clockView(calendar: HolidayCalendar, r: FoiRecord, today: string) {
  const clock = clockOf(calendar, r, today);
  const status = clock.dueOn ? deadlineStatus(calendar, clock.dueOn, today, 'FOIA') : null;
  return {
    state: clock.state,
    countsFrom: clock.countsFrom,
    dueOn: clock.dueOn,
    statutoryDueOn: clock.statutoryDueOn,
    publicInterestLimitOn: clock.publicInterestLimitOn,
    feeDueBy: clock.feeDueBy,
    daysRemaining: status?.daysRemaining ?? null,
    workingDaysRemaining: status?.workingDaysRemaining ?? null,
    overdue: Boolean(status?.overdue) && !r.response && !r.closure,
    events: r.clockEvents.map((e) => ({ extendedTo: null, ...clockEventView(e) })),
    late: clock.late,
  };
}

import type { HolidayCalendar } from '../calendar/holidays.js';
import type { PublicView } from '../cases/contract.js';
import { longDate } from '../correspondence/plans/plan.js';
import type { FoiRecord } from './model.js';
import { clockOf, reviewClockOf, statusOf } from './status.js';

/** What a requester sees through trackCase: where it is and when we must answer. */
export function foiPublicView(calendar: HolidayCalendar, r: FoiRecord, today: string): PublicView {
  const status = statusOf(calendar, r, today);
  const clock = clockOf(calendar, r, today);
  // The statutory day of receipt (day 0 of the clock), which staff logging may set before the day it was stored.
  const base = { nextUpdateBy: null, reviewWindowClosesOn: null, dueOn: null as string | null };
  switch (status) {
    case 'IN_PROGRESS':
      return r.handler
        ? { ...base, dueOn: clock.dueOn, status: 'BEING_HANDLED', statusDescription: 'We are dealing with your request.' }
        : { ...base, dueOn: clock.dueOn, status: 'RECEIVED', statusDescription: 'We have your request.' };
    case 'PUBLIC_INTEREST_EXTENSION':
      return { ...base, dueOn: clock.dueOn, status: 'EXTENDED', statusDescription: 'We need more time to consider the public interest, as our letter explained.' };
    case 'AWAITING_CLARIFICATION':
      // Asked after the due date had passed, a clarification moves nothing: the missed date stands.
      return clock.dueOn
        ? { ...base, dueOn: clock.dueOn, status: 'AWAITING_INFORMATION', statusDescription: 'We have asked you to clarify your request. Our reply was due by the date shown and is late; we will answer as soon as we can.' }
        : { ...base, status: 'AWAITING_INFORMATION', statusDescription: 'We have asked you to clarify your request; 20 working days start again when your answer arrives.' };
    case 'AWAITING_FEE':
      return { ...base, status: 'AWAITING_INFORMATION', statusDescription: `We have sent you a fees notice; the time limit is paused until the fee arrives (by ${longDate(clock.feeDueBy)}).` };
    case 'LAPSED':
      return { ...base, status: 'LAPSED', statusDescription: 'The fee was not paid within three months, so the request has lapsed.' };
    case 'RESPONDED':
      return { ...base, status: 'RESPONDED', statusDescription: 'We have sent you our response. You may ask for an internal review within 40 working days.' };
    case 'UNDER_INTERNAL_REVIEW':
      return { ...base, dueOn: reviewClockOf(calendar, r)!.dueOn, status: 'UNDER_REVIEW_INTERNALLY', statusDescription: 'We are reviewing our response.' };
    case 'CLOSED':
      return { ...base, status: 'CLOSED', statusDescription: 'Your request is closed.' };
    case 'WITHDRAWN':
      return { ...base, status: 'WITHDRAWN', statusDescription: 'Your request was withdrawn.' };
  }
}

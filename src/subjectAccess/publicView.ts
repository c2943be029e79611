import type { HolidayCalendar } from '../calendar/holidays.js';
import type { PublicView } from '../cases/contract.js';
import type { SarRecord } from './model.js';
import { clockOf, isOpen, statusOf } from './status.js';

/**
 * What a requester sees through trackCase: where it is, the statutory day of receipt (for a request
 * logged by staff, the day it arrived, not the day it was logged) and, once the clock runs, the
 * deadline (kept, and past, where ID or clarification was asked for after the time had run out).
 */
export function sarPublicView(calendar: HolidayCalendar, r: SarRecord): PublicView & { dueOn: string | null } {
  const status = statusOf(calendar, r);
  const clock = clockOf(calendar, r);
  const dueOn = isOpen(calendar, r) ? clock.dueOn : null;
  const base = { nextUpdateBy: null, reviewWindowClosesOn: null, dueOn };
  // Asked for after the time had run out, ID or clarification neither stops nor restarts the clock (RULES.md §3): the missed date stands.
  const late = clock.lateRequestOn ? ' Our reply was due by the date shown and is late; we will answer as soon as we can once it arrives.' : null;
  switch (status) {
    case 'AWAITING_IDENTITY':
      return late
        ? { ...base, status: 'AWAITING_IDENTITY', statusDescription: `We have asked you for proof of your identity: please see our letter or email.${late}` }
        : { ...base, status: 'AWAITING_IDENTITY', statusDescription: 'We need proof of your identity before we can start: please see our letter or email.' };
    case 'AWAITING_CLARIFICATION':
      return late
        ? { ...base, status: 'AWAITING_INFORMATION', statusDescription: `We have asked you for more information to find your data.${late}` }
        : { ...base, status: 'AWAITING_INFORMATION', statusDescription: 'We have asked you for more information to find your data; the time limit is paused until it arrives.' };
    case 'IN_PROGRESS':
      return r.handler
        ? { ...base, status: 'BEING_HANDLED', statusDescription: 'We are finding and checking your information.' }
        : { ...base, status: 'RECEIVED', statusDescription: 'We have your request.' };
    case 'RESPONDED':
      return { ...base, status: 'RESPONDED', statusDescription: 'We have sent you our response.' };
    case 'CLOSED':
      return { ...base, status: 'CLOSED', statusDescription: 'Your request is closed.' };
    case 'WITHDRAWN':
      return { ...base, status: 'WITHDRAWN', statusDescription: 'Your request was withdrawn.' };
  }
}

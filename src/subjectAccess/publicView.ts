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
  const dueOn = isOpen(calendar, r) ? clockOf(calendar, r).dueOn : null;
  const base = { nextUpdateBy: null, reviewWindowClosesOn: null, dueOn };
  switch (status) {
    case 'AWAITING_IDENTITY':
      return { ...base, status: 'AWAITING_IDENTITY', statusDescription: 'We need proof of your identity before we can start: please see our letter or email.' };
    case 'AWAITING_CLARIFICATION':
      return { ...base, status: 'AWAITING_INFORMATION', statusDescription: 'We have asked you for more information to find your data; the time limit is paused until it arrives.' };
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

import type { PublicView } from '../cases/contract.js';
import type { ComplaintRecord } from './model.js';
import { nextUpdateDueOn } from './rules.js';

/** What a complainant sees through trackCase: progress and dates, never notes, allegations or names. */
export function complaintPublicView(c: ComplaintRecord, today: string): PublicView {
  const nextUpdateBy = nextUpdateDueOn(c);
  const base = { nextUpdateBy, reviewWindowClosesOn: null };
  switch (c.status) {
    case 'RECEIVED':
      return { ...base, status: 'RECEIVED', statusDescription: 'We have your complaint. A member of Professional Standards will contact you.' };
    case 'LOGGED':
    case 'LOCAL_RESOLUTION':
    case 'SCHEDULE_3':
      return { ...base, status: 'BEING_HANDLED', statusDescription: 'Your complaint is being handled. We will keep you updated.' };
    case 'RESOLVED':
      return { ...base, status: 'RESOLVED', statusDescription: 'Your complaint has been resolved.' };
    case 'FINALISED': {
      const closes = c.outcome!.reviewWindowClosesOn;
      return today <= closes
        ? {
            ...base,
            status: 'REVIEW_WINDOW_OPEN',
            statusDescription: 'We have sent you the outcome. If you are unhappy with it you may apply for a review, as the letter explains.',
            reviewWindowClosesOn: closes,
          }
        : { ...base, status: 'OUTCOME_SENT', statusDescription: 'We have sent you the outcome of your complaint.' };
    }
    case 'UNDER_REVIEW':
      return { ...base, status: 'UNDER_REVIEW', statusDescription: 'Your application for a review is being considered.' };
    case 'CLOSED':
      return { ...base, status: 'CLOSED', statusDescription: 'Your complaint is closed.' };
    case 'WITHDRAWN':
      return { ...base, status: 'WITHDRAWN', statusDescription: 'Your complaint was withdrawn.' };
  }
}

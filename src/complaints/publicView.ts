import type { PublicView } from '../cases/contract.js';
import { latestOutcome, type ComplaintRecord } from './model.js';
import { nextUpdateDueOn } from './rules.js';

/**
 * What a complainant sees through trackCase: progress and dates, never notes, allegations or
 * names. It never shows a "next update by" date already past: when an update is overdue it says
 * so, truthfully, instead (staff see the complaint in the UPDATES_OVERDUE queue).
 */
const OVERDUE = ' We owe you an update and it is late: we are sorry, and will be in touch as soon as we can.';

export function complaintPublicView(c: ComplaintRecord, today: string): PublicView {
  const due = nextUpdateDueOn(c);
  const overdue = Boolean(due && due < today);
  const base = { nextUpdateBy: overdue ? null : due, reviewWindowClosesOn: null };
  const late = (text: string) => (overdue ? `${text}${OVERDUE}` : text);
  switch (c.status) {
    case 'RECEIVED':
      return { ...base, status: 'RECEIVED', statusDescription: late('We have your complaint. A member of Professional Standards will contact you.') };
    case 'LOGGED':
    case 'LOCAL_RESOLUTION':
    case 'SCHEDULE_3':
      return { ...base, status: 'BEING_HANDLED', statusDescription: late('Your complaint is being handled. We will keep you updated.') };
    case 'RESOLVED':
      return c.localResolution?.resolvedToSatisfaction === false
        ? {
            ...base,
            status: 'CLOSED',
            statusDescription:
              'We tried to resolve your complaint with you, but it was not resolved to your satisfaction. If you want it formally recorded, tell us and we will record it.',
          }
        : { ...base, status: 'RESOLVED', statusDescription: 'Your complaint has been resolved.' };
    case 'FINALISED': {
      const outcome = latestOutcome(c)!;
      if (outcome.decidedBy === 'IOPC' || !outcome.reviewWindowClosesOn) {
        return { ...base, status: 'OUTCOME_SENT', statusDescription: 'We have sent you the outcome of your complaint, which the IOPC decided after its own investigation.' };
      }
      const closes = outcome.reviewWindowClosesOn;
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
      return { ...base, status: 'UNDER_REVIEW', statusDescription: late('Your application for a review is being considered.') };
    case 'CLOSED':
      return c.closure?.kind === 'DECLINED_LATE'
        ? {
            ...base,
            status: 'CLOSED',
            statusDescription:
              'Your complaint was made more than 12 months after what happened, and we decided not to take it further: we have written to you to explain why. If you want it formally recorded, tell us and we will record it.',
          }
        : { ...base, status: 'CLOSED', statusDescription: 'Your complaint is closed.' };
    case 'WITHDRAWN':
      return { ...base, status: 'WITHDRAWN', statusDescription: 'Your complaint was withdrawn.' };
    case 'GENERAL_FEEDBACK':
      return { ...base, status: 'CLOSED', statusDescription: 'Thank you: we have treated what you told us as feedback about our service.' };
    case 'TRANSFERRED_TO_LOCAL_POLICING_BODY':
      return {
        ...base,
        status: 'CLOSED',
        statusDescription: 'Your complaint is about the chief officer, so the Police and Crime Commissioner deals with it. They will contact you.',
      };
  }
}

import type { PublicView } from '../cases/contract.js';
import type { DataProtectionRecord } from './model.js';
import { longDate } from '../correspondence/plans/plan.js';
import { acknowledgementDueOn } from './clock.js';

/**
 * What the complainant sees through trackCase: where the complaint has got to and, until it is
 * acknowledged, the last day we have to acknowledge it. Never notes, enquiries, outcomes or names.
 */
export function dataProtectionPublicView(c: DataProtectionRecord): PublicView {
  const dueOn = c.acknowledgement || c.status === 'WITHDRAWN' || c.status === 'CLOSED' ? null : acknowledgementDueOn(c.receivedOn);
  const base = { nextUpdateBy: null, reviewWindowClosesOn: null, dueOn };
  switch (c.status) {
    case 'RECEIVED':
      return { ...base, status: 'RECEIVED', statusDescription: `We have your complaint about how we used your personal data. We will acknowledge it by ${longDate(acknowledgementDueOn(c.receivedOn))}.` };
    case 'ACKNOWLEDGED':
      return { ...base, status: 'BEING_HANDLED', statusDescription: 'We are looking into your complaint and will keep you informed of progress.' };
    case 'OUTCOME_SENT':
      return {
        ...base,
        status: 'OUTCOME_SENT',
        statusDescription: 'We have told you the outcome of your complaint. If you are unhappy with it you can complain to the Information Commissioner’s Office.',
      };
    case 'WITH_ICO':
      return { ...base, status: 'WITH_ICO', statusDescription: 'You have taken your complaint to the Information Commissioner’s Office, which is considering it.' };
    case 'CLOSED':
      return { ...base, status: 'CLOSED', statusDescription: 'Your complaint is closed.' };
    case 'WITHDRAWN':
      return { ...base, status: 'WITHDRAWN', statusDescription: 'Your complaint was withdrawn.' };
  }
}

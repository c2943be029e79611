import type { ComplaintRecord } from '../../complaints/model.js';
import { FIRST_REPLY_DAYS, nextUpdateDueOn } from '../../complaints/rules.js';
import { recipientFor } from '../model.js';
import { forceDetails } from '../templates.js';
import { definePlan, longDate, trackingCodeWords } from './plan.js';

/**
 * Complaints (RULES.md §4, "Contact"): the acknowledgement on arrival; the first contact confirmed
 * in writing (the outcome wanted and how often updates will come); each later update the handler
 * writes (a contact recorded as an email or letter is the update, sent); a late complaint declined,
 * with the way still open to have it recorded; the outcome letter with the review body and the
 * last day to apply.
 */
const UNIT_WORDS = { DAYS: ['day', 'days'], WEEKS: ['week', 'weeks'] } as const;

function nextUpdateWords(c: ComplaintRecord): string {
  const due = nextUpdateDueOn(c);
  return due ? `We will update you again by ${longDate(due)}.` : '';
}

function updatesWords(c: ComplaintRecord): string {
  const plan = c.updatePlan;
  const how = plan ? { EMAIL: 'by email', POST: 'by letter', PHONE: 'by phone' }[plan.channel] : 'as we agreed';
  const every = plan ? (plan.every === 1 ? `every ${UNIT_WORDS[plan.unit][0]}` : `every ${plan.every} ${UNIT_WORDS[plan.unit][1]}`) : 'at least monthly';
  return `We will update you ${how} ${every} until your complaint is finished. ${nextUpdateWords(c)}`.trim();
}

function reviewWords(outcome: NonNullable<ComplaintRecord['outcomes'][number]>): string {
  if (!outcome.reviewBody || !outcome.reviewWindowClosesOn) {
    return 'There is no right of review of this outcome: the Independent Office for Police Conduct (IOPC) directed or carried out the investigation and decided the outcome itself.';
  }
  const closes = longDate(outcome.reviewWindowClosesOn);
  // Who decided is per allegation: no review of what the IOPC investigated itself or directed.
  const theIopcs = outcome.allegationOutcomes.filter((o) => o.decidedBy === 'IOPC').map((o) => o.allegation);
  const only = theIopcs.length
    ? `The Independent Office for Police Conduct (IOPC) directed or carried out the investigation of ${theIopcs.length > 1 ? 'allegations' : 'allegation'} ${[theIopcs.slice(0, -1).join(', '), theIopcs.at(-1)].filter(Boolean).join(' and ')}, and decided ${theIopcs.length > 1 ? 'their outcomes' : 'its outcome'} itself: there is no right of review of ${theIopcs.length > 1 ? 'those outcomes' : 'that outcome'}. The rest of the outcome can be reviewed. `
    : '';
  return only + (outcome.reviewBody === 'IOPC'
    ? `If you are not satisfied with the outcome, you can apply for a review to the Independent Office for Police Conduct (IOPC). Your application must reach the IOPC by ${closes} (28 days from the day after the date of this letter). Apply at ${forceDetails['iopc.reviewUrl']}, saying why you are not satisfied and quoting your reference.`
    : `If you are not satisfied with the outcome, you can apply for a review to the local policing body, the West Midlands Police and Crime Commissioner. Your application must reach them by ${closes} (28 days from the day after the date of this letter). Apply at ${forceDetails['pcc.reviewUrl']}, saying why you are not satisfied and quoting your reference.`);
}

export const complaintPlan = definePlan<ComplaintRecord>({
  nameOf: (c) => c.complainant.name,
  recipientOf: (c, preference) => recipientFor(preference ?? c.complainant.preferredContact, c.complainant),
  on: {
    SUBMITTED: () => [{ template: 'complaint-acknowledgement', values: { firstReplyDays: String(FIRST_REPLY_DAYS), trackingCode: trackingCodeWords('WEB') } }],
    // Recorded by staff from a letter, email, call or visit: the code was given to staff, to send on.
    LOGGED: (c) => [{ template: 'complaint-acknowledgement', values: { firstReplyDays: String(FIRST_REPLY_DAYS), trackingCode: trackingCodeWords(c.channel ?? 'WEB') } }],
    recordComplaintContact: (c, before) => {
      const added = c.contacts.slice(before?.contacts.length ?? 0);
      const contact = added.at(-1);
      if (!contact) return [];
      if (contact.firstContact) return [{ template: 'complaint-first-contact', values: { summary: contact.summary, updates: updatesWords(c) } }];
      // A later contact by email or letter is the update itself; a call is not written down for them.
      if (contact.method === 'PHONE') return [];
      return [{ template: 'complaint-update', values: { summary: contact.summary, nextUpdate: nextUpdateWords(c) } }];
    },
    // A late complaint declined (RULES.md §4): the decision, why, and that it can still be recorded on request.
    decideLateComplaint: (c) =>
      c.status === 'CLOSED' && c.lateDecision?.proceed === false
        ? [{ template: 'complaint-late-declined', values: { incidentDate: longDate(c.incident.date), reason: c.lateDecision.reason } }]
        : [],
    finaliseComplaint: (c) => {
      const outcome = c.outcomes.at(-1);
      if (!outcome) return [];
      return [
        {
          template: 'complaint-outcome',
          values: { letterDate: longDate(outcome.letterDate), outcome: outcome.summary, letterContent: outcome.letterContent ?? '', review: reviewWords(outcome) },
        },
      ];
    },
  },
});

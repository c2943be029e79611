import { acknowledgementDueOn } from '../../dataProtection/clock.js';
import type { DataProtectionRecord } from '../../dataProtection/model.js';
import { recipientFor } from '../model.js';
import { definePlan, longDate, trackingCodeWords, type PlanContext } from './plan.js';

/**
 * Data-protection complaints (DPA 2018 s.164A; RULES.md §4): a receipt on arrival naming the day the
 * acknowledgement is due by; the acknowledgement itself when staff record it (the 30 days are
 * measured on that); the outcome with the right to complain to the ICO.
 */
const OUTCOME_WORDS = {
  UPHELD: 'We have upheld your complaint.',
  PARTLY_UPHELD: 'We have upheld your complaint in part.',
  NOT_UPHELD: 'We have not upheld your complaint.',
} as const;

const receipt = (r: DataProtectionRecord, _: unknown, ctx: PlanContext) => {
  const dueOn = acknowledgementDueOn(r.receivedOn);
  // Logged late, the 30 days may be over already: say so, never promise a day gone by.
  const whatNext =
    dueOn < ctx.today
      ? `We should have acknowledged your complaint by ${longDate(dueOn)}, the last of the 30 days beginning with the day we received it, and we are sorry that we have not. We will write to you soon to explain how we will look into it, and we will keep you informed of our progress.`
      : `We will write to you by ${longDate(dueOn)} at the latest to acknowledge it formally and explain how we will look into it, and we will keep you informed of our progress.`;
  return [{ template: 'dpc-receipt', values: { receivedOn: longDate(r.receivedOn), whatNext, trackingCode: trackingCodeWords(r.channel) } }];
};

export const dataProtectionPlan = definePlan<DataProtectionRecord>({
  nameOf: (r) => r.complainant.name,
  recipientOf: (r, preference) => recipientFor(preference ?? r.complainant.preferredContact, r.complainant),
  on: {
    SUBMITTED: receipt,
    LOGGED: receipt,
    // A corrected day of receipt moves the dates: the person is sent the receipt again, with the right ones.
    correctDataProtectionComplaintReceiptDate: receipt,
    acknowledgeDataProtectionComplaint: (r) => [{ template: 'dpc-acknowledgement', values: { receivedOn: longDate(r.receivedOn) } }],
    recordDataProtectionOutcome: (r) =>
      r.outcome ? [{ template: 'dpc-outcome', values: { outcome: OUTCOME_WORDS[r.outcome.kind], summary: r.outcome.summary } }] : [],
  },
});

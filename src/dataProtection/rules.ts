import { defineInputRule, defineRule, refuseBy, type NamedRule } from '../cases/workflow.js';
import { acknowledgementDueOn, firstIcoComplaintDay, icoComplaintBasisOn, outcomeUnduelyDelayedAfter, type IcoComplaintDates } from './clock.js';
import type { DataProtectionRecord } from './model.js';

/*
 * The named rules the data-protection complaints workflow table uses (src/dataProtection/workflow.ts).
 * Each cites RULES.md ("Data protection complaints": DPA 2018 s.164A, inserted by the Data (Use and
 * Access) Act 2025 s.103) or the force's policy, and refuses with words a handler can act on.
 */
type Dpc = DataProtectionRecord;
const SECTION = 'RULES.md "Data protection complaints" (DPA 2018 s.164A)';

export const acknowledgedFirst = defineRule<Dpc>({
  code: 'DPC_ACKNOWLEDGED_FIRST',
  words: 'The complaint is acknowledged before progress updates or the outcome are sent: the acknowledgement is the first thing the complainant hears.',
  cites: `${SECTION}: acknowledge within 30 days, then keep informed and tell the outcome`,
  refuses: (c) => (c.acknowledgement ? null : `Acknowledge the complaint first (due by ${acknowledgementDueOn(c.receivedOn)}).`),
});

export const acknowledgedOnce = defineRule<Dpc>({
  code: 'DPC_ACKNOWLEDGED_ONCE',
  words: 'A complaint is acknowledged once.',
  cites: `${SECTION}: acknowledge within 30 days`,
  refuses: (c) => (c.acknowledgement ? `The complaint was acknowledged on ${c.acknowledgement.acknowledgedOn}.` : null),
});

export const outcomeOnce = defineRule<Dpc>({
  code: 'DPC_OUTCOME_ONCE',
  words: 'The outcome is told to the complainant once.',
  cites: `${SECTION}: tell the complainant the outcome`,
  refuses: (c) => (c.outcome ? `The outcome was sent on ${c.outcome.sentOn}.` : null),
});

/**
 * When the complainant's complaint to the ICO is recorded against the case (decided here; RULES.md
 * says only that "the complainant can then complain to the ICO", after the force has told them the
 * outcome, which it must do without undue delay). The rule, judged on the day the complainant went
 * to the ICO (clock.ts icoComplaintBasisOn): the outcome had been sent by then, or there was undue
 * delay that day: the 30 days to acknowledge had passed without an acknowledgement (a statutory
 * duty missed), or there was no outcome more than 3 months after receipt (policy). Before either,
 * the force had not yet had its chance to answer, and a complaint to the ICO recorded then is most
 * likely recorded against the wrong case, so it is refused. As a guard it asks whether any day up
 * to today qualifies; recordIcoComplaint (actions.ts) then asks it of the day given. After
 * closing, a complaint to the ICO may still be recorded (once).
 */
export const icoComplaintOpen = defineRule<Dpc>({
  code: 'DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY',
  words:
    'The complainant can take the complaint to the ICO once we have told them the outcome, or after undue delay: the acknowledgement is overdue, or there is no outcome more than 3 months after receipt (policy). Judged on the day they went to the ICO.',
  cites: `${SECTION}: "the complainant can then complain to the ICO"; undue delay measured by policy`,
  refuses: (c, ctx) => {
    if (firstIcoComplaintDay(icoComplaintDates(c)) <= ctx.today) return null;
    const unacknowledged = c.acknowledgement ? '' : `, or after ${acknowledgementDueOn(c.receivedOn)} if it is still not acknowledged`;
    return `The outcome has not been sent and there is no undue delay: the complainant can go to the ICO once we send the outcome, or without one after ${outcomeUnduelyDelayedAfter(c.receivedOn)}${unacknowledged}.`;
  },
});

export const icoComplaintDates = (c: Dpc): IcoComplaintDates => ({
  receivedOn: c.receivedOn,
  acknowledgedOn: c.acknowledgement?.acknowledgedOn ?? null,
  outcomeSentOn: c.outcome?.sentOn ?? null,
});

/** icoComplaintOpen, judged on the day given: why it was open then, or the refusal's words. */
export function icoComplaintOpenOn(c: Dpc, on: string): { basis: 'AFTER_OUTCOME' | 'UNDUE_DELAY' } | { refusal: string } {
  const basis = icoComplaintBasisOn(icoComplaintDates(c), on);
  if (basis) return { basis };
  const outcome = c.outcome ? `the outcome was sent on ${c.outcome.sentOn}` : 'no outcome had been sent';
  const ack = c.acknowledgement && c.acknowledgement.acknowledgedOn <= on
    ? 'the complaint had been acknowledged'
    : `the acknowledgement was not due until ${acknowledgementDueOn(c.receivedOn)}`;
  return {
    refusal: `On ${on} ${outcome}, ${ack} and no outcome was unduly delayed until after ${outcomeUnduelyDelayedAfter(c.receivedOn)}: give the day the complainant went to the ICO, which cannot be before the outcome or undue delay.`,
  };
}

export const icoComplaintOnce = defineRule<Dpc>({
  code: 'DPC_ICO_COMPLAINT_ONCE',
  words: 'The complainant’s complaint to the ICO is recorded once against the case.',
  cites: `${SECTION}: record the ICO's involvement against the case`,
  refuses: (c) => (c.icoComplaint ? `The complaint to the ICO (${c.icoComplaint.icoReference}) is already recorded.` : null),
});

export const icoOutcomeOnce = defineRule<Dpc>({
  code: 'DPC_ICO_OUTCOME_ONCE',
  words: 'The ICO’s outcome is recorded once.',
  cites: `${SECTION}: record the ICO's involvement against the case`,
  refuses: (c) => (c.icoComplaint?.outcome ? 'The ICO’s outcome is already recorded.' : null),
});

export const icoOutcomeBeforeClosing = defineRule<Dpc>({
  code: 'DPC_ICO_OUTCOME_BEFORE_CLOSING',
  words: 'A complaint that is with the ICO is closed only once the ICO’s outcome is recorded.',
  cites: `${SECTION}: record the ICO's involvement against the case`,
  refuses: (c) => (c.status === 'WITH_ICO' && !c.icoComplaint?.outcome ? 'Record the ICO’s outcome before closing the complaint.' : null),
});

/* Rules about an action's input, applied by its decide function (actions.ts). */

export const dateNotInFuture = defineInputRule({
  code: 'DPC_DATE_NOT_IN_FUTURE',
  words: 'Dates staff record (acknowledgement, enquiry, update, outcome, ICO) may be entered late, but are never in the future.',
  cites: 'policy (the record is of what has happened)',
});

export const dateInOrder = defineInputRule({
  code: 'DPC_DATE_IN_ORDER',
  words:
    'Dates follow the case: nothing before the day of receipt; updates and the outcome not before the acknowledgement; the outcome not before a progress update already recorded; the ICO’s outcome not before the complaint to it.',
  cites: `${SECTION} (acknowledge, then keep informed and tell the outcome; then the ICO)`,
});

export const newHandler = defineInputRule({
  code: 'DPC_NEW_HANDLER',
  words: 'Allocation gives the complaint to a handler it does not already have.',
  cites: 'policy',
});

/** A refusal of an input value by a named rule: the value is wrong (INVALID), and the rule says why. */
export const refuseInput = (rule: Pick<NamedRule, 'code'>, message: string, field: string) => refuseBy(rule, message, ['input', field], 'INVALID');

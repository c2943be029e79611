import { defineInputRule, defineRule, refuseBy, type NamedRule } from '../cases/workflow.js';
import { outcomeUnduelyDelayedAfter, undueDelay, acknowledgementDueOn } from './clock.js';
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
 * outcome, which it must do without undue delay). The rule: after the outcome has been sent, or
 * once there is undue delay (clock.ts): the 30 days to acknowledge have passed without an
 * acknowledgement (a statutory duty missed), or there is no outcome more than 3 months after
 * receipt (policy). Before either, the force has not yet had its chance to answer, and a
 * complaint to the ICO recorded then is most likely recorded against the wrong case, so it is
 * refused. After closing, a complaint to the ICO may still be recorded (once).
 */
export const icoComplaintOpen = defineRule<Dpc>({
  code: 'DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY',
  words:
    'The complainant can take the complaint to the ICO once we have told them the outcome, or after undue delay: the acknowledgement is overdue, or there is no outcome more than 3 months after receipt (policy).',
  cites: `${SECTION}: "the complainant can then complain to the ICO"; undue delay measured by policy`,
  refuses: (c, ctx) => {
    if (c.outcome || undueDelay({ receivedOn: c.receivedOn, acknowledged: c.acknowledgement !== null }, ctx.today)) return null;
    const unacknowledged = c.acknowledgement ? '' : `, or after ${acknowledgementDueOn(c.receivedOn)} if it is still not acknowledged`;
    return `The outcome has not been sent and there is no undue delay: the complainant can go to the ICO once we send the outcome, or without one after ${outcomeUnduelyDelayedAfter(c.receivedOn)}${unacknowledged}.`;
  },
});

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
    'Dates follow the case: nothing before the day of receipt; updates and the outcome not before the acknowledgement; the ICO’s outcome not before the complaint to it.',
  cites: `${SECTION} (acknowledge, then keep informed and tell the outcome; then the ICO)`,
});

export const newHandler = defineInputRule({
  code: 'DPC_NEW_HANDLER',
  words: 'Allocation gives the complaint to a handler it does not already have.',
  cites: 'policy',
});

/** A refusal of an input value by a named rule: the value is wrong (INVALID), and the rule says why. */
export const refuseInput = (rule: Pick<NamedRule, 'code'>, message: string, field: string) => refuseBy(rule, message, ['input', field], 'INVALID');

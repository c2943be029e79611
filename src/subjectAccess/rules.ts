import { defineInputRule, defineRule, type NamedRule } from '../cases/workflow.js';
import type { SarClockEvent } from '../clocks/sarClock.js';
import type { SarRecord } from './model.js';

/*
 * The named rules the subject access workflow table uses (src/subjectAccess/workflow.ts). Each
 * cites the bullet of RULES.md §3 (UK GDPR Art 15; DPA 2018 Part 3 s.45) it comes from, or
 * "policy" for the force's own choice; each refuses with words a handler can act on. The clock's
 * own rules stay the clock's (src/clocks/sarClock.ts): they are named here as input rules, one per
 * clock event, so that a refusal by the clock names the rule that refused it.
 */
type Sar = SarRecord;

export const identityNotYetVerified = defineRule<Sar>({
  code: 'SAR_IDENTITY_NOT_YET_VERIFIED',
  words: 'Proof of identity is asked for only while there is reasonable doubt: never once the requester’s identity has been verified.',
  cites: 'RULES.md §3 (When the clock starts: ask for ID only where there is reasonable doubt)',
  refuses: (r) => (r.identityVerified ? 'The requester’s identity has already been verified.' : null),
});

export const regimeDecided = defineRule<Sar>({
  code: 'SAR_REGIME_DECIDED',
  words: 'Before responding, decide which law governs the request: UK GDPR Art 15, or DPA 2018 Part 3 s.45 for law-enforcement data.',
  cites: 'RULES.md §3 (UK GDPR Art 15; DPA 2018 Part 3 s.45)',
  refuses: (r) => (r.regime ? null : 'Decide whether UK GDPR or DPA 2018 Part 3 applies first.'),
});

export const oneIcoComplaint = defineRule<Sar>({
  code: 'SAR_ONE_ICO_COMPLAINT',
  words: 'One complaint to the ICO is tracked against a request; a requester may complain at any stage, a late or missing response included.',
  cites: 'RULES.md §3 (Refusal: the right to complain to the ICO)',
  refuses: (r) => (r.icoComplaint ? `A complaint to the ICO (${r.icoComplaint.icoReference}) is already recorded.` : null),
});

export const icoComplaintUndecided = defineRule<Sar>({
  code: 'SAR_ICO_COMPLAINT_UNDECIDED',
  words: 'The ICO’s outcome is recorded once, against a complaint to the ICO that is recorded and not yet decided.',
  cites: 'RULES.md §3 (Refusal: the right to complain to the ICO)',
  refuses: (r) => (!r.icoComplaint ? 'No complaint to the ICO is recorded.' : r.icoComplaint.outcome ? 'The ICO’s outcome is already recorded.' : null),
});

// ---- rules about an action's input, applied by its decide (src/subjectAccess/actions.ts) ----------

export const searchBeforeDisclosure = defineInputRule({
  code: 'SAR_SEARCH_BEFORE_DISCLOSURE',
  words: 'A response that discloses data, or says none is held, follows a recorded search: the systems searched and what was found.',
  cites: 'policy',
});

export const partialDisclosureGrounds = defineInputRule({
  code: 'SAR_PARTIAL_DISCLOSURE_GROUNDS',
  words: 'A partial disclosure needs the restrictions (with their s.45(4) grounds and reasons) or the redactions recorded first.',
  cites: 'RULES.md §3 (Restrictions: record the ground and the reason)',
});

export const wholeRestrictionGrounds = defineInputRule({
  code: 'SAR_WHOLE_RESTRICTION_GROUNDS',
  words:
    'Access is wholly restricted only for a law-enforcement (DPA 2018 Part 3) request, with its restrictions recorded first (each s.45(4) ground and why it is necessary and proportionate), and with no redactions recorded: redacting is disclosing in part.',
  cites: 'RULES.md §3 (Restrictions (law-enforcement data, s.45(4)): restricted, wholly or partly; record the ground and the reason)',
});

export const fullDisclosureUnrestricted = defineInputRule({
  code: 'SAR_FULL_DISCLOSURE_UNRESTRICTED',
  words: 'A request is disclosed in full only when nothing is withheld: while restrictions or redactions are recorded, the response is a partial disclosure.',
  cites: 'RULES.md §3 (Restrictions (law-enforcement data, s.45(4)))',
});

export const datesInOrder = defineInputRule({
  code: 'SAR_DATE_IN_ORDER',
  words:
    'A date given for a step is the day it happened: never in the future, and never before the event it follows (the request’s receipt, the clock’s last event, the search, the response, the complaint to the ICO).',
  cites: 'policy',
});

export const restrictionsUnderPart3 = defineInputRule({
  code: 'SAR_RESTRICTIONS_UNDER_PART_3',
  words: 'Restrictions under s.45(4) apply only to law-enforcement requests: the regime must be DPA 2018 Part 3 while any are recorded.',
  cites: 'RULES.md §3 (Restrictions (law-enforcement data, s.45(4)))',
});

/** The clock's rules for each event (src/clocks/sarClock.ts applySarEvent), by name. */
export const clockEventDate = defineInputRule({
  code: 'SAR_CLOCK_EVENT_DATE',
  words: 'Clock events are recorded in date order: none before the request arrived or the clock’s last event, and none in the future.',
  cites: 'policy',
});

export const clockRules: Record<SarClockEvent['type'], NamedRule> = {
  IDENTITY_REQUESTED: defineInputRule({
    code: 'SAR_CLOCK_IDENTITY_REQUEST',
    words:
      'Proof of identity is asked for before anything else happens on the clock. Asked by the due date, the clock waits for it and starts again on the day it arrives; asked after the time limit has run out, the deadline stays where it was and the request stays overdue.',
    cites: 'RULES.md §3 (When the clock starts; Late requests for ID or clarification)',
  }),
  IDENTITY_RECEIVED: defineInputRule({
    code: 'SAR_CLOCK_IDENTITY_RECEIPT',
    words: 'Proof of identity is recorded once, after it was asked for; the clock starts on the day it arrives.',
    cites: 'RULES.md §3 (When the clock starts)',
  }),
  CLARIFICATION_REQUESTED: defineInputRule({
    code: 'SAR_CLOCK_CLARIFICATION_REQUEST',
    words: 'Asking for clarification pauses the clock, and can be done only while the clock is running.',
    cites: 'RULES.md §3 (Clarification pause)',
  }),
  CLARIFICATION_RECEIVED: defineInputRule({
    code: 'SAR_CLOCK_CLARIFICATION_RECEIPT',
    words: 'The answer to a request for clarification restarts the clock; it is recorded only while clarification is awaited.',
    cites: 'RULES.md §3 (Clarification pause)',
  }),
  EXTENDED: defineInputRule({
    code: 'SAR_CLOCK_EXTENSION',
    words: 'An extension of up to two further months in all, with reasons, is made while the clock is running and before the first month ends.',
    cites: 'RULES.md §3 (Extension)',
  }),
};

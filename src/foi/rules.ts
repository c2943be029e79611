import type { ActionContext, NamedRule } from '../cases/workflow.js';
import { defineInputRule, defineRule } from '../cases/workflow.js';
import type { UserErrorCode } from '../generated/graphql.js';
import type { FoiRecord } from './model.js';
import { clockOf, statusOf } from './status.js';

/*
 * The named rules the FOI workflow table uses (src/foi/workflow.ts), from RULES.md §2 (the Freedom
 * of Information Act 2000) or the force's policy. Each refuses with words a handler can act on.
 * The FOI clock's own rules (src/clocks/foiClock.ts) stay the clock's: they are applied by the
 * clock actions and named here as input rules, one per kind of refusal the clock gives.
 */
type Foi = FoiRecord;

const status = (r: Foi, ctx: Pick<ActionContext, 'calendar' | 'today'>) => statusOf(ctx.calendar, r, ctx.today);
const clockState = (r: Foi, ctx: Pick<ActionContext, 'calendar' | 'today'>) => clockOf(ctx.calendar, r, ctx.today).state;

const CLARIFICATION = 'RULES.md §2 (Clarification, s.1(3))';
const FEES = 'RULES.md §2 (Fees notice, s.9)';
const PUBLIC_INTEREST = 'RULES.md §2 (Public interest test extension, s.10(3), s.17(2))';
const REVIEW = 'RULES.md §2 (Internal review)';
const OUTCOMES = 'RULES.md §2 (Outcomes)';
const DISCLOSURE = 'RULES.md §2 (Disclosure log)';

// ---- open or not ----------------------------------------------------------------------------

export const requestOpen = defineRule<Foi>({
  code: 'FOI_REQUEST_OPEN',
  words: 'A closed or withdrawn request is not allocated.',
  cites: 'policy',
  refuses: (r) => (r.closure ? 'The request is closed.' : null),
});

// ---- answering: the clock must be running ---------------------------------------------------

export const clarificationReceived = defineRule<Foi>({
  code: 'FOI_CLARIFICATION_RECEIVED',
  words: 'Once clarification has been asked for, the request is answered only after it arrives (the 20 working days then start again).',
  cites: CLARIFICATION,
  refuses: (r, ctx) => (clockState(r, ctx) === 'AWAITING_CLARIFICATION' ? 'Clarification has been asked for and has not arrived.' : null),
});

export const feePaid = defineRule<Foi>({
  code: 'FOI_FEE_PAID',
  words: 'Once a fees notice has been issued, the request is answered only after the fee is paid.',
  cites: FEES,
  refuses: (r, ctx) => (clockState(r, ctx) === 'AWAITING_FEE' ? 'A fee has been asked for and has not been paid.' : null),
});

export const notLapsed = defineRule<Foi>({
  code: 'FOI_NOT_LAPSED',
  words: 'A request whose fee was not paid within three months of the fees notice has lapsed: it is closed, not answered.',
  cites: FEES,
  refuses: (r, ctx) => (clockState(r, ctx) === 'LAPSED' ? 'The fee was not paid within three months: the request has lapsed.' : null),
});

// ---- the public interest test extension -----------------------------------------------------

export const publicInterestExtendedOnce = defineRule<Foi>({
  code: 'FOI_PUBLIC_INTEREST_EXTENDED_ONCE',
  words: 'The time for the public interest test is extended once, by one refusal notice naming the exemptions and an estimated date.',
  cites: PUBLIC_INTEREST,
  refuses: (r, ctx) => (clockOf(ctx.calendar, r, ctx.today).extendedTo ? 'The public interest test has already been extended.' : null),
});

export const qualifiedExemptionsOnly = defineInputRule({
  code: 'FOI_PUBLIC_INTEREST_QUALIFIED_ONLY',
  words: 'Only a qualified exemption has a public interest test, so only qualified exemptions are named in an extension.',
  cites: `${PUBLIC_INTEREST}; absolute and qualified exemptions under Outcomes`,
});

// ---- the response ---------------------------------------------------------------------------

export const qualifiedExemptionTested = defineInputRule({
  code: 'FOI_QUALIFIED_EXEMPTION_TESTED',
  words: 'A qualified exemption is relied on only with a public interest test; an absolute one needs none.',
  cites: OUTCOMES,
});

export const exemptionsMatchOutcome = defineInputRule({
  code: 'FOI_EXEMPTIONS_MATCH_OUTCOME',
  words: 'A refusal or partial disclosure names each exemption relied on; full disclosure, not held, s.12 and s.14 name none.',
  cites: OUTCOMES,
});

export const exemptionInList = defineInputRule({
  code: 'FOI_EXEMPTION_IN_LIST',
  words: 'Exemptions are recorded by section from the list (foiExemptions); s.40 by subsection: 40(1), 40(2) or 40(5).',
  cites: OUTCOMES,
});

export const ncndWhereProvided = defineInputRule({
  code: 'FOI_NCND_WHERE_PROVIDED',
  words:
    'Neither confirm nor deny is recorded only under a section with its own provision for it: never s.21; for s.40 it is 40(5), which is always neither confirm nor deny.',
  cites: OUTCOMES,
});

export const costLimitRecorded = defineInputRule({
  code: 'FOI_COST_LIMIT_RECORDED',
  words: 'A s.12 refusal records the estimate, more than the 18 hours of the £450 limit, and the advice and assistance given under s.16; other outcomes record none.',
  cites: `${OUTCOMES}; RULES.md §2 (Cost limit, s.12)`,
});

export const vexatiousRecorded = defineInputRule({
  code: 'FOI_VEXATIOUS_RECORDED',
  words: 'A s.14 refusal records whether s.17(6) applies (an earlier warning, so no further refusal notice); other outcomes record none.',
  cites: OUTCOMES,
});

export const datedInOrder = defineInputRule({
  code: 'FOI_DATED_IN_ORDER',
  words:
    'Dates are given, not stamped: none in the future, and none before the event it follows (the response, the review, its extension, the complaint to the ICO). A complaint to the ICO follows the internal review where one was asked for: its decision, or, undecided, the day after it was due.',
  cites: `${REVIEW}; policy`,
});

// ---- after the response: the disclosure log, internal review, the ICO -----------------------

export const publishedAfterResponse = defineRule<Foi>({
  code: 'FOI_PUBLISHED_AFTER_RESPONSE',
  words: 'The disclosure log publishes responses: a request is published once it has been responded to.',
  cites: DISCLOSURE,
  refuses: (r) => (r.response ? null : 'Only a request that has been responded to can be published.'),
});

export const disclosureReviewedForPersonalData = defineInputRule({
  code: 'FOI_DISCLOSURE_PERSONAL_DATA_REVIEWED',
  words:
    'Other personal data the redactor finds in text to be published (names, addresses, phone numbers, dates of birth, …) is flagged with where it is; it is published only once staff confirm they have reviewed it.',
  cites: DISCLOSURE,
});

export const disclosureWithoutRequester = defineInputRule({
  code: 'FOI_DISCLOSURE_WITHOUT_REQUESTER',
  words:
    'The disclosure log never publishes the requester’s identity: a title, question or answer holding their name, email address, phone number or postal address, as the case holds them, is not published.',
  cites: DISCLOSURE,
});

export const disclosureOfOwnDataReviewed = defineInputRule({
  code: 'FOI_DISCLOSURE_OWN_DATA_REVIEWED',
  words:
    'A response citing s.40(1) answers a request for the requester’s own personal data (RULES.md §2, s.40(1)): its question and answer are about them (an arrest, a custody record), so it is published only in a form staff confirm says nothing about them (personalDataReviewed).',
  cites: DISCLOSURE,
});

export const onDisclosureLog = defineRule<Foi>({
  code: 'FOI_ON_DISCLOSURE_LOG',
  words: 'Only a response that is on the disclosure log can be taken off it.',
  cites: DISCLOSURE,
  refuses: (r) => (r.disclosure ? null : 'The response is not on the disclosure log.'),
});

export const reviewAfterResponse = defineRule<Foi>({
  code: 'FOI_REVIEW_AFTER_RESPONSE',
  words: 'An internal review reviews a response: it is asked for after the response, while the request is open.',
  cites: REVIEW,
  refuses: (r) => (!r.response || r.closure ? 'An internal review can be asked for only after a response, while the request is open.' : null),
});

export const oneInternalReview = defineRule<Foi>({
  code: 'FOI_ONE_INTERNAL_REVIEW',
  words: 'A request has one internal review; after it the requester may complain to the ICO.',
  cites: REVIEW,
  refuses: (r) => (r.internalReview ? 'An internal review has already been asked for.' : null),
});

export const reviewAskedInTime = defineInputRule({
  code: 'FOI_REVIEW_ASKED_IN_TIME',
  words: 'An internal review is asked for within 40 working days of the response.',
  cites: REVIEW,
});

export const reviewUnderWay = defineRule<Foi>({
  code: 'FOI_REVIEW_UNDER_WAY',
  words: 'An internal review is extended or decided only while it is under way: asked for and not yet decided.',
  cites: REVIEW,
  refuses: (r) => (!r.internalReview || r.internalReview.outcome ? 'There is no internal review under way.' : null),
});

export const reviewExtendedOnce = defineRule<Foi>({
  code: 'FOI_REVIEW_EXTENDED_ONCE',
  words: 'An internal review is extended once, with a reason, to at most 40 working days.',
  cites: REVIEW,
  refuses: (r) => (r.internalReview?.extension ? 'The internal review has already been extended.' : null),
});

export const icoAfterResponse = defineRule<Foi>({
  code: 'FOI_ICO_AFTER_RESPONSE',
  words:
    'A complaint to the ICO follows a response, or the time for one passing without it: the ICO takes complaints about a request not answered in time (s.10, s.50).',
  cites: REVIEW,
  refuses: (r, ctx) => {
    if (r.response) return null;
    const dueOn = clockOf(ctx.calendar, r, ctx.today).dueOn;
    if (dueOn && ctx.today > dueOn) return null;
    return `A complaint to the ICO follows a response, or the time for one passing without it${dueOn ? ` (the response is due by ${dueOn})` : ''}.`;
  },
});

export const oneIcoComplaint = defineRule<Foi>({
  code: 'FOI_ONE_ICO_COMPLAINT',
  words: 'One complaint to the ICO is tracked against a request.',
  cites: 'policy',
  refuses: (r) => (r.icoComplaint ? 'A complaint to the ICO is already recorded.' : null),
});

export const icoComplaintUndecided = defineRule<Foi>({
  code: 'FOI_ICO_COMPLAINT_UNDECIDED',
  words: 'The ICO’s decision notice is recorded once, against a complaint to the ICO that is recorded.',
  cites: REVIEW,
  refuses: (r) => (!r.icoComplaint || r.icoComplaint.decision ? 'There is no undecided complaint to the ICO.' : null),
});

// ---- closing --------------------------------------------------------------------------------

export const answeredOrLapsed = defineRule<Foi>({
  code: 'FOI_CLOSED_WHEN_ANSWERED_OR_LAPSED',
  words: 'A request is closed once it has been responded to or has lapsed; before that it is answered, or withdrawn by the requester.',
  cites: 'policy',
  refuses: (r, ctx) =>
    r.response || status(r, ctx) === 'LAPSED' ? null : 'Only a request that has been responded to, or has lapsed, can be closed.',
});

export const reviewDecidedBeforeClosing = defineRule<Foi>({
  code: 'FOI_REVIEW_DECIDED_BEFORE_CLOSING',
  words: 'A request is not closed while its internal review is under way.',
  cites: REVIEW,
  refuses: (r, ctx) => (status(r, ctx) === 'UNDER_INTERNAL_REVIEW' ? 'An internal review is under way.' : null),
});

// ---- the clocks' own rules, as input rules --------------------------------------------------

/** The FOI clock's refusals (applyFoiEvent's ClockRuleError), one named rule per error code. */
export const foiClockRules = {
  NOT_ALLOWED_IN_STATE: defineInputRule({
    code: 'FOI_CLOCK_NOT_ALLOWED_IN_STATE',
    words:
      'The FOI clock’s events follow its state: clarification and a fees notice while the clock runs, a clarification or a fee only when one is awaited (the fee within three months), and one public interest extension; a fees notice and the refusal notice that extends are due within the 20 working days, and the extended date falls after them.',
    cites: `${CLARIFICATION}; ${FEES}; ${PUBLIC_INTEREST}`,
  }),
  OUT_OF_RANGE: defineInputRule({
    code: 'FOI_CLOCK_OUT_OF_RANGE',
    words: 'A public interest extension runs to 40 working days after receipt at most.',
    cites: PUBLIC_INTEREST,
  }),
  INVALID: defineInputRule({
    code: 'FOI_CLOCK_INVALID',
    words: 'Clock events are dated in order: none before the request arrived or the clock’s last event, and none in the future.',
    cites: 'policy',
  }),
  REQUIRED: defineInputRule({
    code: 'FOI_CLOCK_REQUIRED',
    words: 'A public interest extension gives the exemption and why the test needs more time.',
    cites: PUBLIC_INTEREST,
  }),
} satisfies Partial<Record<UserErrorCode, NamedRule>>;

/** The internal review clock's refusals (internalReviewClock's ClockRuleError). */
export const reviewClockRules = {
  NOT_ALLOWED_IN_STATE: defineInputRule({
    code: 'FOI_REVIEW_CLOCK_NOT_ALLOWED_IN_STATE',
    words: 'An internal review is extended by its due date (20 working days after it was asked for).',
    cites: REVIEW,
  }),
  OUT_OF_RANGE: defineInputRule({
    code: 'FOI_REVIEW_CLOCK_OUT_OF_RANGE',
    words: 'An extended internal review is due after its 20 working days and within 40.',
    cites: REVIEW,
  }),
  REQUIRED: defineInputRule({
    code: 'FOI_REVIEW_CLOCK_REQUIRED',
    words: 'An extension of an internal review gives the reason it needs longer.',
    cites: REVIEW,
  }),
} satisfies Partial<Record<UserErrorCode, NamedRule>>;

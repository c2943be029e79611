import { addCalendarMonths, addDays } from '../calendar/londonDate.js';
import type { ReviewBody } from '../generated/graphql.js';
import { defineInputRule, defineRule } from '../cases/workflow.js';
import { isOpen, type ComplaintRecord } from './model.js';

/**
 * The statutory rules for police complaints (Police Reform Act 2002 Schedule 3; the Police
 * (Complaints and Misconduct) Regulations 2020; IOPC statutory guidance), as pure functions.
 */

/** More than 12 months between the incident and the complaint: a decision to proceed or decline is needed. */
export function isLate(c: Pick<ComplaintRecord, 'incident' | 'receivedOn'>): boolean {
  return c.receivedOn > addCalendarMonths(c.incident.date, 12);
}

/**
 * Why the complaint must be recorded under Schedule 3 (empty when handling outside Schedule 3 is
 * allowed): the complainant asks for it, at any time; or an allegation alleges death or serious
 * injury, possible crime, possible misconduct justifying disciplinary proceedings, a breach of
 * Article 2 or 3, or a mandatory referral matter.
 */
export function schedule3Reasons(c: Pick<ComplaintRecord, 'wantsFormalRecording' | 'allegations'>): string[] {
  const reasons: string[] = [];
  if (c.wantsFormalRecording) reasons.push('The complainant asked for the complaint to be formally recorded.');
  const flagWords: Array<[keyof ComplaintRecord['allegations'][number]['flags'], string]> = [
    ['deathOrSeriousInjury', 'death or serious injury'],
    ['possibleCriminalOffence', 'conduct that might be a criminal offence'],
    ['possibleMisconduct', 'conduct that might justify disciplinary proceedings'],
    ['article2or3', 'a possible breach of Article 2 or 3 ECHR'],
    ['mandatoryReferral', 'a mandatory referral matter'],
  ];
  for (const a of c.allegations) {
    const alleged = flagWords.filter(([flag]) => a.flags[flag]).map(([, words]) => words);
    if (alleged.length) reasons.push(`Allegation ${a.number} alleges ${alleged.join(', ')}.`);
  }
  return reasons;
}

/** Death or serious injury and the mandatory referral matters must be referred to the IOPC. */
export function referralRequired(c: Pick<ComplaintRecord, 'allegations'>): boolean {
  return c.allegations.some((a) => a.flags.deathOrSeriousInjury || a.flags.mandatoryReferral);
}

/** The IOPC reviews serious or referred matters and complaints about senior officers; otherwise the local policing body. */
export function reviewBodyFor(c: Pick<ComplaintRecord, 'allegations' | 'handlingHistory'>): ReviewBody {
  const referred = c.handlingHistory.some((h) => h.referredToIopc);
  const serious = referralRequired(c);
  const senior = c.allegations.some((a) => a.personComplainedAbout?.seniorOfficer);
  return referred || serious || senior ? 'IOPC' : 'LOCAL_POLICING_BODY';
}

/**
 * The force's standard (Concerns and Complaints guidance): a reply within 10 days, then contact
 * at least monthly. The next update is due 10 days after receipt until the first contact, then a
 * month after the last contact. Nothing is due once the complaint is finalised or closed.
 */
export const FIRST_REPLY_DAYS = 10;
export const UPDATE_EVERY_MONTHS = 1;

export function nextUpdateDueOn(c: Pick<ComplaintRecord, 'status' | 'contacts' | 'receivedOn'>): string | null {
  if (!isOpen(c) || c.status === 'FINALISED') return null;
  const last = c.contacts.at(-1)?.contactedOn;
  return last ? addCalendarMonths(last, UPDATE_EVERY_MONTHS) : addDays(c.receivedOn, FIRST_REPLY_DAYS);
}

/*
 * The named rules the complaints workflow table uses (src/complaints/workflow.ts). Each cites the
 * section of RULES.md it comes from; each refuses with words a handler can act on.
 */
type Complaint = ComplaintRecord;

export const loggedBeforeAllocation = defineRule<Complaint>({
  code: 'COMPLAINT_LOGGED_BEFORE_ALLOCATION',
  words: 'A complaint is allocated when it is logged; reallocation comes after that.',
  cites: 'RULES.md §4 (every complaint is logged)',
  refuses: (c) => (c.status === 'RECEIVED' ? 'Log the complaint first: logging allocates it.' : null),
});

export const lateDecisionNeeded = defineRule<Complaint>({
  code: 'COMPLAINT_LATE_DECISION_APPLIES',
  words: 'A decision on lateness is made only for a complaint made more than 12 months after the incident, and only once.',
  cites: 'RULES.md §4 (complaints made more than 12 months after the incident)',
  refuses: (c) =>
    !isLate(c)
      ? 'The complaint was made within 12 months of the incident: no decision is needed.'
      : c.lateDecision
        ? 'The decision on this late complaint has already been made.'
        : null,
});

export const hasAllegation = defineRule<Complaint>({
  code: 'COMPLAINT_HAS_ALLEGATION',
  words: 'The handling is decided on the allegations: at least one must be recorded first.',
  cites: 'RULES.md §4 (allegations)',
  refuses: (c) => (c.allegations.length === 0 ? 'Add at least one allegation before deciding the handling.' : null),
});

export const lateDecisionMade = defineRule<Complaint>({
  code: 'COMPLAINT_LATENESS_DECIDED',
  words: 'For a complaint made more than 12 months after the incident, lateness is weighed and recorded before the handling is decided.',
  cites: 'RULES.md §4 (complaints made more than 12 months after the incident)',
  refuses: (c) =>
    isLate(c) && !c.lateDecision
      ? 'The complaint was made more than 12 months after the incident: record the decision to proceed or decline first.'
      : null,
});

export const mustRecordUnderSchedule3 = defineRule<Complaint>({
  code: 'COMPLAINT_MUST_BE_RECORDED',
  words:
    'A complaint must be recorded under Schedule 3 when the complainant asks, or an allegation alleges death or serious injury, possible crime or misconduct, a breach of Article 2 or 3, or a mandatory referral matter; informal handling is then not allowed.',
  cites: 'RULES.md §4 (must be recorded under Schedule 3)',
  refuses: (c) => {
    const reasons = schedule3Reasons(c);
    return reasons.length ? `Local resolution is no longer allowed: the complaint must be recorded under Schedule 3. ${reasons.join(' ')}` : null;
  },
});

export const mandatoryReferralMade = defineInputRule({
  code: 'COMPLAINT_MANDATORY_REFERRAL',
  words: 'Death or serious injury and the mandatory referral matters must be referred to the IOPC.',
  cites: 'RULES.md §4 (mandatory referral to the IOPC)',
});

export const informalHandlingAllowed = defineInputRule({
  code: 'COMPLAINT_MUST_BE_RECORDED',
  words: mustRecordUnderSchedule3.words,
  cites: mustRecordUnderSchedule3.cites,
});

export const staysUnderSchedule3 = defineInputRule({
  code: 'COMPLAINT_NO_RETURN_TO_INFORMAL',
  words: 'A complaint in local resolution can only go on to be recorded under Schedule 3.',
  cites: 'RULES.md §4 (informal handling is then no longer allowed)',
});

export const awaitingIopcDecision = defineRule<Complaint>({
  code: 'COMPLAINT_REFERRAL_AWAITING_DECISION',
  words: 'The IOPC’s decision is recorded once, on a complaint that has been referred.',
  cites: 'RULES.md §4 (referral)',
  refuses: (c) => {
    const last = c.handlingHistory.at(-1);
    if (!last?.referredToIopc) return 'The complaint has not been referred to the IOPC.';
    return last.iopcDecision ? 'The IOPC’s decision has already been recorded.' : null;
  },
});

export const referralDecided = defineRule<Complaint>({
  code: 'COMPLAINT_REFERRAL_DECIDED',
  words: 'Until the IOPC decides on a referral (returned, or directed or independent investigation) the force may not finalise.',
  cites: 'RULES.md §4 (referral)',
  refuses: (c) => {
    const last = c.handlingHistory.at(-1);
    return last?.referredToIopc && !last.iopcDecision ? 'Record the IOPC’s decision on the referral first.' : null;
  },
});

export const reviewWindowOpen = defineInputRule({
  code: 'COMPLAINT_REVIEW_IN_TIME',
  words: 'An application for review must arrive within 28 days, counted from the day after the outcome letter.',
  cites: 'RULES.md §4 (right of review)',
});

export const reviewWindowClosed = defineRule<Complaint>({
  code: 'COMPLAINT_REVIEW_WINDOW_CLOSED',
  words: 'A finalised complaint is closed only once its review window has closed.',
  cites: 'RULES.md §4 (right of review)',
  refuses: (c, ctx) =>
    c.status === 'FINALISED' && c.outcome && ctx.today <= c.outcome.reviewWindowClosesOn
      ? `A review may be applied for until ${c.outcome.reviewWindowClosesOn}: close the complaint after that.`
      : null,
});

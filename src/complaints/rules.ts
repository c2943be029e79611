import { addCalendarMonths, addDays } from '../calendar/londonDate.js';
import { defineInputRule, defineRule } from '../cases/workflow.js';
import type { AllegationOutcomeKind, IopcDecision, ReferralCriterion, ReviewBody, UpdateUnit } from '../generated/graphql.js';
import { latestOutcome, type AllegationRecord, type ComplaintRecord } from './model.js';

/**
 * The statutory rules for police complaints (Police Reform Act 2002 Schedule 3; the Police
 * (Complaints and Misconduct) Regulations 2020; IOPC statutory guidance; RULES.md §4), as pure
 * functions, and the named rules the workflow table (workflow.ts) refuses through.
 */
type Complaint = ComplaintRecord;

/** More than 12 months between the incident and the complaint: lateness is weighed in the handling. */
export function isLate(c: Pick<Complaint, 'incident' | 'receivedOn'>): boolean {
  return c.receivedOn > addCalendarMonths(c.incident.date, 12);
}

/** Conduct that, if proved, might justify criminal or disciplinary proceedings, or infringe Article 2 or 3. */
const serious = (a: AllegationRecord) => a.flags.possibleCriminalOffence || a.flags.possibleMisconduct || a.flags.article2or3;
/** A matter that must be referred to the IOPC: death or serious injury, a mandatory referral matter, the chief officer's conduct. */
const mustBeReferred = (a: AllegationRecord) => a.flags.deathOrSeriousInjury || a.flags.mandatoryReferral || Boolean(a.personComplainedAbout?.chiefOfficer);
/** About the chief officer: the local policing body is the appropriate authority. */
export const aboutChiefOfficer = (c: Pick<Complaint, 'allegations'>) => c.allegations.some((a) => a.personComplainedAbout?.chiefOfficer);

/**
 * Why the complaint must be recorded under Schedule 3 (empty when handling outside Schedule 3 is
 * allowed): the complainant asks for it, at any time; or an allegation alleges death or serious
 * injury, possible crime, possible misconduct justifying disciplinary proceedings, a breach of
 * Article 2 or 3, or a mandatory referral matter.
 */
export function schedule3Reasons(c: Pick<Complaint, 'wantsFormalRecording' | 'allegations'> & Partial<Pick<Complaint, 'referrals' | 'linkedComplaints'>>): string[] {
  const reasons: string[] = [];
  if (c.wantsFormalRecording) reasons.push('The complainant asked for the complaint to be formally recorded.');
  if (c.referrals?.length) reasons.push('The complaint has been referred to the IOPC.');
  if (c.linkedComplaints?.some((l) => l.mustBeReferred)) reasons.push('It arises from the same incident as a complaint that must be referred to the IOPC.');
  const flagWords: Array<[keyof AllegationRecord['flags'], string]> = [
    ['deathOrSeriousInjury', 'death or serious injury'],
    ['possibleCriminalOffence', 'conduct that might be a criminal offence'],
    ['possibleMisconduct', 'conduct that might justify disciplinary proceedings'],
    ['article2or3', 'a possible breach of Article 2 or 3 ECHR'],
    ['mandatoryReferral', 'a mandatory referral matter'],
  ];
  for (const a of c.allegations) {
    const alleged = flagWords.filter(([flag]) => a.flags[flag]).map(([, words]) => words);
    if (a.personComplainedAbout?.chiefOfficer) alleged.push('the conduct of the chief officer');
    if (alleged.length) reasons.push(`Allegation ${a.number} alleges ${alleged.join(', ')}.`);
  }
  return reasons;
}

/** Death or serious injury and the mandatory referral matters, in the complaint's own allegations, must be referred to the IOPC. */
export function referralRequiredItself(c: Pick<Complaint, 'allegations'>): boolean {
  return c.allegations.some(mustBeReferred);
}

/**
 * Whether the complaint must be referred to the IOPC: an allegation of its own is a mandatory
 * referral matter, or it arises from the same incident as a complaint with one (reg 4(1)(b)).
 */
export function referralRequired(c: Pick<Complaint, 'allegations' | 'linkedComplaints'>): boolean {
  return referralRequiredItself(c) || c.linkedComplaints.some((l) => l.mustBeReferred);
}

/** The allegations that must be referred and are in no referral yet (an allegation added after a referral needs its own). */
export function unreferredAllegations(c: Pick<Complaint, 'allegations' | 'referrals'>): number[] {
  const referred = new Set(c.referrals.flatMap((r) => r.allegations));
  return c.allegations.filter((a) => mustBeReferred(a) && !referred.has(a.number)).map((a) => a.number);
}

/** Linked to a complaint from the same incident that had to be referred (reg 4(1)(b)), and not referred itself. */
export const sameIncidentReferralOutstanding = (c: Pick<Complaint, 'linkedComplaints' | 'referrals'>) =>
  c.referrals.length === 0 && c.linkedComplaints.some((l) => l.mustBeReferred);

/**
 * The day a complaint must be referred by, while a referral is owed: as soon as it is clear, which
 * we read as by the end of the day after the allegation that needs it was recorded (or the link to
 * a complaint from the same incident that had to be referred was made). Null when nothing is owed.
 */
export function referBy(c: Pick<Complaint, 'allegations' | 'referrals' | 'linkedComplaints'>): string | null {
  const unreferred = unreferredAllegations(c);
  const clearOn = unreferred.length
    ? c.allegations.filter((a) => unreferred.includes(a.number)).map((a) => a.addedOn)
    : sameIncidentReferralOutstanding(c)
      ? c.linkedComplaints.filter((l) => l.mustBeReferred).map((l) => l.mustBeReferredSince ?? l.linkedOn)
      : [];
  const first = [...clearOn].sort()[0];
  return first ? addDays(first, 1) : null;
}

/** Every referral the IOPC has not yet decided on. */
export const outstandingReferrals = (c: Pick<Complaint, 'referrals'>) => c.referrals.filter((r) => !r.decision);

/** The referral the IOPC has not yet decided on, if any (the earliest, when a new referral matter was referred meanwhile). */
export const outstandingReferral = (c: Pick<Complaint, 'referrals'>) => outstandingReferrals(c)[0];

/** The criteria an allegation's flags show (the handler adds the others). */
export function criteriaOf(c: Pick<Complaint, 'allegations'>, numbers: number[]): ReferralCriterion[] {
  const chosen = c.allegations.filter((a) => numbers.includes(a.number));
  const criteria = new Set<ReferralCriterion>();
  for (const a of chosen) {
    if (a.flags.deathOrSeriousInjury) criteria.add('DEATH_OR_SERIOUS_INJURY');
    if (a.personComplainedAbout?.chiefOfficer) criteria.add('CHIEF_OFFICER');
    // A mandatoryReferral flag does not say which criterion: the handler must (decideComplaintHandling asks).
  }
  return [...criteria];
}

/** After the IOPC investigated independently or directed the investigation, the outcome is the IOPC's and there is no review. */
const IOPC_OWN_OUTCOME: readonly IopcDecision[] = ['INDEPENDENT_INVESTIGATION', 'DIRECTED_INVESTIGATION'];

/**
 * The allegations whose outcome is the IOPC's: those whose latest decided referral (the last one
 * that included them) the IOPC investigated independently or directed. Who decided is per
 * allegation: a referral covers the allegations it names, and the force decides the others.
 */
export function iopcDecidedAllegations(c: Pick<Complaint, 'allegations' | 'referrals'>): number[] {
  return c.allegations
    .map((a) => a.number)
    .filter((n) => {
      const last = c.referrals.filter((r) => r.decision && r.allegations.includes(n)).at(-1);
      return Boolean(last?.decision && IOPC_OWN_OUTCOME.includes(last.decision));
    });
}

/** The outcome is wholly the IOPC's (no review at all) only when the IOPC decided every allegation. */
export function outcomeIsTheIopcs(c: Pick<Complaint, 'allegations' | 'referrals'>): boolean {
  return c.allegations.length > 0 && iopcDecidedAllegations(c).length === c.allegations.length;
}

/**
 * The relevant review body (Schedule 3 and the 2020 Regulations): the IOPC where the complaint is
 * about a senior officer; where the force cannot be satisfied from the complaint alone that the
 * conduct would not justify criminal or disciplinary proceedings or would not infringe Article 2
 * or 3 (an allegation flagged so); where it was, or must be, referred; or where it arises from the
 * same incident as any of these (a linked complaint). Otherwise the local policing body. Null when
 * there is no right of review: the IOPC investigated independently or directed the investigation
 * of every allegation. Where it did so for some only, the review is of the others' outcomes.
 */
export function reviewBodyFor(c: Pick<Complaint, 'allegations' | 'referrals' | 'linkedComplaints'>): ReviewBody | null {
  if (outcomeIsTheIopcs(c)) return null;
  const iopc = iopcReviewable(c) || c.linkedComplaints.some((l) => l.iopcReviewable);
  return iopc ? 'IOPC' : 'LOCAL_POLICING_BODY';
}

/**
 * Whether the complaint, on its own facts (about a senior officer, a serious allegation, a matter
 * that must be referred, or referred), is one the IOPC reviews or whose outcome it decided: what a
 * complaint from the same incident inherits. Its own links are left out, so that a link says what
 * the other complaint is itself, and one change never ripples beyond the complaints linked to it.
 */
export const iopcReviewable = (c: Pick<Complaint, 'allegations' | 'referrals'>) =>
  c.allegations.some((a) => a.personComplainedAbout?.seniorOfficer || a.personComplainedAbout?.chiefOfficer || serious(a) || mustBeReferred(a)) ||
  c.referrals.length > 0;

/**
 * What a link records about the complaint it points to, read from that complaint as it is now.
 * "Arises from the same incident" runs both ways: each complaint of a linked pair holds a link to
 * the other, and every change to either keeps the other's link in step (same transaction).
 */
export const linkFacts = (other: Pick<Complaint, 'allegations' | 'referrals'>) => ({ iopcReviewable: iopcReviewable(other), mustBeReferred: referralRequiredItself(other) });

/** Ever recorded under Schedule 3 (a handling decision said so). */
export const everRecorded = (c: Pick<Complaint, 'handlingHistory'>) => c.handlingHistory.some((h) => h.handling === 'SCHEDULE_3');

/**
 * Contact: the force's standard is a reply within 10 days of receipt, then updates as agreed with
 * the complainant (every N days or weeks), or monthly until agreed. Nothing is due once the outcome
 * is sent (finalised, resolved) or the complaint has ended.
 */
export const FIRST_REPLY_DAYS = 10;
export const DEFAULT_UPDATE_EVERY_MONTHS = 1;

const awaitingUpdates: readonly Complaint['status'][] = ['RECEIVED', 'LOGGED', 'LOCAL_RESOLUTION', 'SCHEDULE_3', 'UNDER_REVIEW'];

export function firstReplyDueOn(c: Pick<Complaint, 'status' | 'contacts' | 'receivedOn'>): string | null {
  if (c.contacts.length > 0 || !awaitingUpdates.includes(c.status)) return null;
  return addDays(c.receivedOn, FIRST_REPLY_DAYS);
}

export function addInterval(day: string, every: number, unit: UpdateUnit): string {
  return addDays(day, unit === 'WEEKS' ? every * 7 : every);
}

export function nextUpdateDueOn(c: Pick<Complaint, 'status' | 'contacts' | 'receivedOn' | 'updatePlan'>): string | null {
  if (!awaitingUpdates.includes(c.status)) return null;
  const last = c.contacts.at(-1)?.contactedOn;
  if (!last) return firstReplyDueOn(c);
  return c.updatePlan ? addInterval(last, c.updatePlan.every, c.updatePlan.unit) : addCalendarMonths(last, DEFAULT_UPDATE_EVERY_MONTHS);
}

/** No contact with the complainant at all, and the outcome they want never confirmed. */
export const noContactYet = (c: Pick<Complaint, 'contacts' | 'desiredOutcomeConfirmed'>) => c.contacts.length === 0 && !c.desiredOutcomeConfirmed;

/** Standing that makes dissatisfaction a complaint under Part 2 (s.12, s.29). */
export const hasStanding = (s: NonNullable<Complaint['standing']>['standing']) =>
  ['DIRECTED_AT', 'ADVERSELY_AFFECTED', 'WITNESS', 'ON_BEHALF_WITH_CONSENT'].includes(s);

// ---- the named rules ----------------------------------------------------------------------------

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

export const lateNotDeclinedWhenRecordingAsked = defineInputRule({
  code: 'COMPLAINT_RECORDING_ASKED',
  words:
    'A complaint that must be recorded (the complainant asks, or an allegation requires it) is recorded, late or not: lateness is weighed in the handling decision (which carries the right of review), never used to decline it.',
  cites: 'RULES.md §4 (recording on request, at any time; complaints made more than 12 months after the incident)',
});

export const hasAllegation = defineRule<Complaint>({
  code: 'COMPLAINT_HAS_ALLEGATION',
  words: 'The handling is decided on the allegations: at least one must be recorded first.',
  cites: 'RULES.md §4 (allegations)',
  refuses: (c) => (c.allegations.length === 0 ? 'Add at least one allegation before deciding the handling.' : null),
});

export const lateDecisionMade = defineRule<Complaint>({
  code: 'COMPLAINT_LATENESS_DECIDED',
  words:
    'For a complaint made more than 12 months after the incident that the complainant has not asked to be recorded, lateness is weighed and recorded before handling outside Schedule 3 is decided.',
  cites: 'RULES.md §4 (complaints made more than 12 months after the incident)',
  refuses: (c) =>
    isLate(c) && !c.lateDecision && !c.wantsFormalRecording
      ? 'The complaint was made more than 12 months after the incident: record the decision to proceed or decline first.'
      : null,
});

export const mustRecordUnderSchedule3 = defineRule<Complaint>({
  code: 'COMPLAINT_MUST_BE_RECORDED',
  words:
    'A complaint must be recorded under Schedule 3 when the complainant asks, or an allegation alleges death or serious injury, possible crime or misconduct, a breach of Article 2 or 3, or a mandatory referral matter, or it arises from the same incident as a complaint with a mandatory referral matter; informal handling is then not allowed.',
  cites: 'RULES.md §4 (must be recorded under Schedule 3)',
  refuses: (c) => {
    const reasons = schedule3Reasons(c);
    return reasons.length ? `Local resolution is no longer allowed: the complaint must be recorded under Schedule 3. ${reasons.join(' ')}` : null;
  },
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

export const contactBeforeDeciding = defineInputRule({
  code: 'COMPLAINT_CONTACT_FIRST',
  words:
    'Handling is decided, a late complaint declined, and a complaint finalised, after contact with the complainant to establish the outcome they want (and, for a late complaint, whether they want it recorded); doing any of these before any contact needs the reason recorded (for example, an anonymous complainant).',
  cites: 'RULES.md §4 (contact: establish the outcome the complainant wants)',
});

export const notAboutChiefOfficer = defineRule<Complaint>({
  code: 'COMPLAINT_CHIEF_OFFICER_TO_LOCAL_POLICING_BODY',
  words: 'A complaint about the chief officer is for the local policing body (the appropriate authority), not Professional Standards: pass it on.',
  cites: 'RULES.md §4 (mandatory referral: conduct of the chief officer); Police Reform Act 2002 s.29 (appropriate authority)',
  refuses: (c) => (aboutChiefOfficer(c) ? 'The complaint is about the chief officer: pass it to the local policing body.' : null),
});

export const aboutTheChiefOfficer = defineRule<Complaint>({
  code: 'COMPLAINT_ABOUT_CHIEF_OFFICER',
  words: 'Only a complaint with an allegation about the chief officer is passed to the local policing body.',
  cites: 'RULES.md §4 (mandatory referral: the conduct of the chief officer); Police Reform Act 2002 s.29 (appropriate authority)',
  refuses: (c) => (aboutChiefOfficer(c) ? null : 'No allegation is about the chief officer: Professional Standards handle this complaint.'),
});

export const referralMade = defineRule<Complaint>({
  code: 'COMPLAINT_REFERRAL_MADE',
  words: 'A complaint with an allegation that must be referred to the IOPC (including one added after recording), or linked to one from the same incident that had to be, cannot be finalised until it is referred.',
  cites: 'RULES.md §4 (mandatory referral to the IOPC; referral is a step in its own right)',
  refuses: (c) => {
    const unreferred = unreferredAllegations(c);
    if (unreferred.length) return `Allegation ${unreferred.join(', ')} must be referred to the IOPC first.`;
    return sameIncidentReferralOutstanding(c) ? 'A linked complaint from the same incident had to be referred: refer this one too first.' : null;
  },
});

export const noReferralOutstanding = defineRule<Complaint>({
  code: 'COMPLAINT_ONE_REFERRAL_AT_A_TIME',
  words:
    'A complaint is referred again once the IOPC has decided on the last referral, except that a matter that must be referred (an allegation added since) is referred as soon as that is clear, even while an earlier referral awaits the IOPC’s decision.',
  cites: 'RULES.md §4 (referral; a matter may be referred again; a new allegation added after recording)',
  refuses: (c) =>
    outstandingReferral(c) && unreferredAllegations(c).length === 0
      ? 'The IOPC has not yet decided on the last referral and nothing new must be referred: record its decision first.'
      : null,
});

export const continuingIfWithdrawn = defineRule<Complaint>({
  code: 'COMPLAINT_CONTINUED_IN_PUBLIC_INTEREST',
  words:
    'The referral work on a withdrawn complaint (referring it, recording the IOPC’s decision) goes on only when the force continues with the matter in the public interest; then it goes on as before the withdrawal.',
  cites: 'RULES.md §4 (withdrawal, regs 39 to 41)',
  refuses: (c) =>
    c.status === 'WITHDRAWN' && !c.withdrawal?.continueInPublicInterest ? 'The complaint was withdrawn and the force is not continuing with it.' : null,
});

export const referralDecided = defineRule<Complaint>({
  code: 'COMPLAINT_REFERRAL_DECIDED',
  words: 'Until the IOPC decides on a referral (returned, or a local, directed or independent investigation) the force may not finalise.',
  cites: 'RULES.md §4 (referral)',
  refuses: (c) => (outstandingReferral(c) ? 'Record the IOPC’s decision on the referral first.' : null),
});

export const awaitingIopcDecision = defineRule<Complaint>({
  code: 'COMPLAINT_REFERRAL_AWAITING_DECISION',
  words: 'The IOPC’s decision is recorded on a referral it has not yet decided.',
  cites: 'RULES.md §4 (referral)',
  refuses: (c) =>
    c.referrals.length === 0
      ? 'The complaint has not been referred to the IOPC.'
      : outstandingReferral(c)
        ? null
        : 'The IOPC’s decision has already been recorded: refer the complaint again if there is a new referral.',
});

export const notYetRecorded = defineRule<Complaint>({
  code: 'COMPLAINT_NOT_YET_RECORDED',
  words: 'Recording at the complainant’s request is for a complaint not already recorded under Schedule 3.',
  cites: 'RULES.md §4 (recording on request, at any time)',
  refuses: (c) => (everRecorded(c) ? 'The complaint is already recorded under Schedule 3.' : null),
});

export const reviewRight = defineRule<Complaint>({
  code: 'COMPLAINT_REVIEW_RIGHT',
  words: 'There is no right of review of what the IOPC investigated itself or directed (the outcome is the IOPC’s); what the force decided can be reviewed.',
  cites: 'RULES.md §4 (right of review)',
  refuses: (c) => (latestOutcome(c)?.reviewBody ? null : 'There is no right of review: the IOPC decided the outcome after its own or a directed investigation.'),
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
  refuses: (c, ctx) => {
    const closes = c.status === 'FINALISED' ? latestOutcome(c)?.reviewWindowClosesOn : null;
    return closes && ctx.today <= closes ? `A review may be applied for until ${closes}: close the complaint after that.` : null;
  },
});

export const writtenConsent = defineInputRule({
  code: 'COMPLAINT_WRITTEN_CONSENT',
  words:
    'Someone complaining on another’s behalf needs that person’s written consent (the day it arrived is recorded); without it the complaint is handled as general feedback. A consent day is recorded only for that standing.',
  cites: 'RULES.md §4 (who may complain)',
});

export const withdrawalAsTheRegulationsAllow = defineInputRule({
  code: 'COMPLAINT_WITHDRAWAL_RECORDED',
  words:
    'A withdrawal is by the complainant (signed notice or confirmed request) and is recorded; where the complaint was referred, the IOPC is told; where it concerns conduct that might justify proceedings, whether the force continues in the public interest is recorded.',
  cites: 'RULES.md §4 (withdrawal, regs 39 to 41)',
});

export const mandatoryReferralMade = defineInputRule({
  code: 'COMPLAINT_MANDATORY_REFERRAL',
  words:
    'Death or serious injury and the mandatory referral matters are referred to the IOPC as soon as that is clear: a complaint recorded with one, or arising from the same incident as a complaint with one, is referred in the same decision.',
  cites: 'RULES.md §4 (mandatory referral to the IOPC; referral)',
});

export const allegationOutcomesFit = defineInputRule({
  code: 'COMPLAINT_ALLEGATION_OUTCOMES',
  words:
    'Every allegation gets exactly one outcome, fitting how it was handled: a finding of case to answer or no case to answer only for an allegation investigated (the handling was by investigation, or the IOPC decided on a local, directed or independent investigation of it).',
  cites: 'RULES.md §4 (allegations; handled otherwise than by investigation, or investigated)',
});

export const reviewRightKept = defineInputRule({
  code: 'COMPLAINT_REVIEW_RIGHT_KEPT',
  words:
    'An outcome letter that offers a review is dated so that the review window is still open when it is recorded (and sent): a letter back-dated past its 28 days would tell the complainant of a right already lost.',
  cites: 'RULES.md §4 (right of review)',
});

/** The investigation findings, possible only for an allegation that was investigated. */
export const INVESTIGATION_FINDINGS: readonly AllegationOutcomeKind[] = ['CASE_TO_ANSWER', 'NO_CASE_TO_ANSWER'];

/**
 * The allegations investigated: every one when the last handling decision was to investigate;
 * otherwise those whose last decided referral the IOPC did not return to the force for its own
 * handling (a local, directed or independent investigation).
 */
export function investigatedAllegations(c: Pick<Complaint, 'allegations' | 'referrals' | 'handlingHistory'>): number[] {
  const byInvestigation = c.handlingHistory.at(-1)?.route === 'INVESTIGATION';
  return c.allegations
    .map((a) => a.number)
    .filter((n) => {
      if (byInvestigation) return true;
      const last = c.referrals.filter((r) => r.decision && r.allegations.includes(n)).at(-1);
      return Boolean(last?.decision && last.decision !== 'RETURNED_TO_FORCE');
    });
}

export const linkable = defineInputRule({
  code: 'COMPLAINT_LINK',
  words: 'A complaint is linked to another complaint (not itself), once.',
  cites: 'RULES.md §4 (arises from the same incident)',
});

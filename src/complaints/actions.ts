import { workingDaysBetween } from '../calendar/workingDays.js';
import type { z } from 'zod';
import { parseReferenceParts } from '../cases/reference.js';
import { dateRefusal, negated, refuseBy, type ActionContext, type ActionSpec, type Change, type DailyCounts, type EarlierEvent } from '../cases/workflow.js';
import { reviewWindowClosesOn } from '../clocks/complaintReviewWindow.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type {
  AllegationOutcomeKind,
  ComplainantStanding,
  ComplaintStatus,
  ComplaintHandling,
  ContactMethod,
  IopcDecision,
  LocalResolutionAction,
  ReferralCriterion,
  Schedule3Route,
  UpdateUnit,
  WithdrawalNotice,
} from '../generated/graphql.js';
import { arrivalCounts } from './statistics.js';
import { latestOutcome, type AllegationRecord, type ComplaintRecord, type HandlingRecord } from './model.js';
import {
  contactBeforeDeciding,
  criteriaOf,
  everRecorded,
  hasStanding,
  informalHandlingAllowed,
  lateNotDeclinedWhenRecordingAsked,
  linkFacts,
  linkable,
  mandatoryReferralMade,
  noContactYet,
  allegationOutcomesFit,
  reviewRightKept,
  INVESTIGATION_FINDINGS,
  investigatedAllegations,
  iopcDecidedAllegations,
  outcomeIsTheIopcs,
  awaitingIopcDecision,
  noReferralOutstanding,
  outstandingReferrals,
  referralMade,
  reviewBodyFor,
  reviewWindowOpen,
  sameIncidentReferralOutstanding,
  schedule3Reasons,
  staysUnderSchedule3,
  unreferredAllegations,
  withdrawalAsTheRegulationsAllow,
  writtenConsent,
} from './rules.js';

/**
 * Each staff action's decision on a complaint, as a pure function of the complaint as it is now
 * and a valid input: what to change, what it adds to the statistics, and the audit action, or a
 * user error about the input. Which states an action may be taken from, and the named rules that
 * must allow it, are the workflow table's (src/complaints/workflow.ts): the runner has checked
 * them before any of these is called. History is only ever added to: handling decisions,
 * referrals, outcomes and reviews are lists.
 */
type Decision = Outcome<Change<ComplaintRecord>>;

function workingDaysSinceReceipt(ctx: ActionContext, c: ComplaintRecord, day: string): number {
  return Math.max(0, workingDaysBetween(ctx.calendar, c.receivedOn, day, 'ENGLAND_AND_WALES'));
}

/** A date staff enter must fall between `earliest` (the complaint's receipt unless said) and today. */
function checkDay(c: ComplaintRecord, ctx: ActionContext, day: string, field: string, earliest?: EarlierEvent) {
  return dateRefusal(day, field, ctx.today, earliest ?? { on: c.receivedOn, what: 'the complaint arrived' });
}

/** Statistics are per complaint: when a complaint first handled outside Schedule 3 is recorded, it moves sides. */
function escalationCounts(c: ComplaintRecord, ctx: ActionContext): DailyCounts {
  const first = c.handlingHistory[0];
  if (!first || first.handling !== 'OUTSIDE_SCHEDULE_3' || everRecorded(c)) return [];
  const counts: DailyCounts = [
    { day: first.decidedOn, add: { handledOutsideSchedule3: -1, handledUnderSchedule3: 1 } },
    { day: ctx.today, add: { escalatedToSchedule3: 1 } },
  ];
  const ended = c.localResolution?.concludedOn;
  if (c.status === 'RESOLVED' || (c.status === 'CLOSED' && ended)) {
    counts.push({ day: ended!, add: { finalisedOutsideSchedule3: -1, workingDaysToFinaliseOutsideSchedule3: -workingDaysSinceReceipt(ctx, c, ended!) } });
  }
  return counts;
}

/** A handling decision recorded under Schedule 3, with its statistics (per complaint). */
function recordUnderSchedule3(c: ComplaintRecord, ctx: ActionContext): DailyCounts {
  return c.handlingHistory.length === 0 ? [{ day: ctx.today, add: { handledUnderSchedule3: 1 } }] : escalationCounts(c, ctx);
}

export function logComplaint(c: ComplaintRecord, input: { handler: string; loggedOn: string }, ctx: ActionContext): Decision {
  const bad = checkDay(c, ctx, input.loggedOn, 'loggedOn');
  if (bad) return bad;
  return succeed({
    set: { status: 'LOGGED', loggedOn: input.loggedOn, handler: input.handler },
    stats: [{ day: input.loggedOn, add: { logged: 1, workingDaysToLog: workingDaysSinceReceipt(ctx, c, input.loggedOn) } }],
    action: 'LOGGED',
  });
}

export function allocateComplaint(c: ComplaintRecord, input: { handler: string }): Decision {
  if (c.handler === input.handler) return refuse('INVALID', 'The complaint is already allocated to this handler.', ['input', 'handler']);
  return succeed({ set: { handler: input.handler }, stats: [], action: 'ALLOCATED' });
}

export function recordContact(
  c: ComplaintRecord,
  input: {
    contactedOn: string;
    method: ContactMethod;
    summary: string;
    updatePlan: { every: number; unit: UpdateUnit; channel: ContactMethod } | null;
    desiredOutcomeConfirmed: boolean;
  },
  ctx: ActionContext,
): Decision {
  const bad = checkDay(c, ctx, input.contactedOn, 'contactedOn');
  if (bad) return bad;
  const last = c.contacts.at(-1);
  if (last && input.contactedOn < last.contactedOn) {
    return refuse('INVALID', `Contacts are recorded in order: the last was on ${last.contactedOn}.`, ['input', 'contactedOn']);
  }
  const firstContact = c.contacts.length === 0;
  return succeed({
    set: {
      contacts: [...c.contacts, { contactedOn: input.contactedOn, method: input.method, by: ctx.by, summary: input.summary, firstContact }],
      ...(input.updatePlan && { updatePlan: input.updatePlan }),
      ...(input.desiredOutcomeConfirmed && { desiredOutcomeConfirmed: true }),
    },
    // General feedback and transferred complaints are outside the IOPC figures.
    stats: firstContact && !['GENERAL_FEEDBACK', 'TRANSFERRED_TO_LOCAL_POLICING_BODY'].includes(c.status)
      ? [{ day: input.contactedOn, add: { firstContacts: 1, workingDaysToFirstContact: workingDaysSinceReceipt(ctx, c, input.contactedOn) } }]
      : [],
    action: firstContact ? 'FIRST_CONTACT_RECORDED' : 'CONTACT_RECORDED',
  });
}

export function addAllegation(c: ComplaintRecord, input: Omit<AllegationRecord, 'number' | 'addedOn'>, ctx: ActionContext): Decision {
  const allegation: AllegationRecord = { ...input, number: c.allegations.length + 1, addedOn: ctx.today };
  return succeed({
    set: { allegations: [...c.allegations, allegation] },
    stats: [{ day: ctx.today, add: { [`category_${input.category}`]: 1 } }],
    action: 'ALLEGATION_ADDED',
  });
}

export function decideLateComplaint(
  c: ComplaintRecord,
  input: { proceed: boolean; reason: string; withoutContactReason: string | null },
  ctx: ActionContext,
): Decision {
  const mustRecord = schedule3Reasons(c);
  if (!input.proceed && mustRecord.length) {
    return refuseBy(
      lateNotDeclinedWhenRecordingAsked,
      `The complaint must be recorded under Schedule 3, late or not. ${mustRecord.join(' ')} So record it and weigh its lateness in the handling decision: it cannot be declined for lateness.`,
      ['input', 'proceed'],
    );
  }
  // Declining ends the complaint: the complainant is asked first (they may want it recorded, which
  // forbids declining), unless the reason they were not is recorded. Going ahead needs no contact.
  if (!input.proceed) {
    const noContact = withoutContact(c, input.withoutContactReason);
    if (noContact) return noContact;
  }
  const lateDecision = {
    proceed: input.proceed,
    reason: input.reason,
    decidedOn: ctx.today,
    decidedBy: ctx.by,
    withoutContactReason: input.proceed ? null : input.withoutContactReason,
  };
  return succeed({
    set: input.proceed
      ? { lateDecision }
      : { lateDecision, status: 'CLOSED', closure: { kind: 'DECLINED_LATE', reason: input.reason, on: ctx.today, by: ctx.by } },
    stats: [],
    action: input.proceed ? 'LATE_COMPLAINT_ACCEPTED' : 'LATE_COMPLAINT_DECLINED',
  });
}

/** A new referral of the allegations given (default: every one not yet referred, else all). */
function newReferral(c: ComplaintRecord, on: string, criteria: ReferralCriterion[] | null, numbers: number[] | null, ctx: ActionContext) {
  const unreferred = unreferredAllegations(c);
  const allegations = numbers?.length ? [...new Set(numbers)].sort((a, b) => a - b) : unreferred.length ? unreferred : c.allegations.map((a) => a.number);
  const chosen = criteria?.length ? [...new Set(criteria)] : criteriaOf(c, allegations);
  const fallback: ReferralCriterion = sameIncidentReferralOutstanding(c) ? 'SAME_INCIDENT' : 'VOLUNTARY';
  return { number: c.referrals.length + 1, referredOn: on, criteria: chosen.length ? chosen : [fallback], allegations, by: ctx.by, decision: null, decidedOn: null };
}

/** Deciding before any contact with the complainant needs the reason recorded. */
function withoutContact(c: ComplaintRecord, reason: string | null) {
  if (!noContactYet(c) || reason) return undefined;
  return refuseBy(
    contactBeforeDeciding,
    'There has been no contact with the complainant and the outcome they want is not confirmed: contact them first, or record why not.',
    ['input', 'withoutContactReason'],
  );
}

export function decideHandling(
  c: ComplaintRecord,
  input: {
    handling: ComplaintHandling;
    route: Schedule3Route | null;
    referredToIopc: boolean;
    referralCriteria: ReferralCriterion[] | null;
    reason: string;
    withoutContactReason: string | null;
  },
  ctx: ActionContext,
): Decision {
  const fromLocal = c.status === 'LOCAL_RESOLUTION';
  if (fromLocal && input.handling !== 'SCHEDULE_3') {
    return refuseBy(staysUnderSchedule3, 'The complaint is already being handled outside Schedule 3.', ['input', 'handling']);
  }
  const decided = { reason: input.reason, decidedOn: ctx.today, decidedBy: ctx.by, withoutContactReason: input.withoutContactReason };
  if (input.handling === 'OUTSIDE_SCHEDULE_3') {
    const reasons = schedule3Reasons(c);
    if (reasons.length) {
      return refuseBy(informalHandlingAllowed, `This complaint must be recorded under Schedule 3: ${reasons.join(' ')}`, ['input', 'handling']);
    }
    const noContact = withoutContact(c, input.withoutContactReason);
    if (noContact) return noContact;
    return succeed({
      set: {
        status: 'LOCAL_RESOLUTION',
        handlingHistory: [...c.handlingHistory, { handling: 'OUTSIDE_SCHEDULE_3', route: null, referredToIopc: false, ...decided }],
        localResolution: {
          actionsTaken: [],
          resolvingOfficer: null,
          team: null,
          targetDate: null,
          complainantResponse: null,
          resolvedToSatisfaction: null,
          concludedOn: null,
        },
      },
      stats: [{ day: ctx.today, add: { handledOutsideSchedule3: 1 } }],
      action: 'HANDLED_OUTSIDE_SCHEDULE_3',
    });
  }
  if (!input.route) return refuse('REQUIRED', 'Say how the complaint will be handled under Schedule 3.', ['input', 'route']);
  const unreferred = unreferredAllegations(c);
  if (unreferred.length && !input.referredToIopc) {
    return refuseBy(mandatoryReferralMade, 'An allegation is a mandatory referral matter: the complaint must be referred to the IOPC.', ['input', 'referredToIopc']);
  }
  if (sameIncidentReferralOutstanding(c) && !input.referredToIopc) {
    return refuseBy(mandatoryReferralMade, 'A linked complaint from the same incident is a mandatory referral matter: this complaint must be referred to the IOPC too.', ['input', 'referredToIopc']);
  }
  const noContact = withoutContact(c, input.withoutContactReason);
  if (noContact) return noContact;
  const decision: HandlingRecord = { handling: 'SCHEDULE_3', route: input.route, referredToIopc: input.referredToIopc, ...decided };
  if (input.referredToIopc && !input.referralCriteria?.length && c.allegations.some((a) => unreferred.includes(a.number) && a.flags.mandatoryReferral)) {
    return refuse('REQUIRED', 'Say which mandatory referral criteria are met (serious assault, serious sexual offence, serious corruption, discrimination, …).', ['input', 'referralCriteria']);
  }
  const referrals = input.referredToIopc ? [...c.referrals, newReferral(c, ctx.today, input.referralCriteria, null, ctx)] : c.referrals;
  const firstReferral = input.referredToIopc && c.referrals.length === 0;
  return succeed({
    set: { status: 'SCHEDULE_3', handlingHistory: [...c.handlingHistory, decision], referrals },
    stats: [...recordUnderSchedule3(c, ctx), ...(firstReferral ? [{ day: ctx.today, add: { referredToIopc: 1 } }] : [])],
    action: input.referredToIopc ? 'RECORDED_UNDER_SCHEDULE_3_AND_REFERRED' : 'RECORDED_UNDER_SCHEDULE_3',
  });
}

export function referComplaint(
  c: ComplaintRecord,
  input: { referredOn: string; criteria: ReferralCriterion[]; allegations: number[] | null },
  ctx: ActionContext,
): Decision {
  const bad = checkDay(c, ctx, input.referredOn, 'referredOn');
  if (bad) return bad;
  const unknown = (input.allegations ?? []).filter((n) => !c.allegations.some((a) => a.number === n));
  if (unknown.length) return refuse('INVALID', `There is no allegation ${unknown.join(', ')} on this complaint.`, ['input', 'allegations']);
  if (!input.allegations?.length && c.allegations.length === 0) {
    return refuse('REQUIRED', 'Add the allegation to be referred first.', ['input', 'allegations']);
  }
  // While an earlier referral awaits the IOPC's decision, only what must be referred and is not yet goes in a new one.
  const awaiting = outstandingReferrals(c).flatMap((r) => r.allegations);
  const again = (input.allegations ?? []).filter((n) => awaiting.includes(n));
  if (again.length) {
    return refuseBy(noReferralOutstanding, `Allegation ${again.join(', ')} is in a referral still awaiting the IOPC’s decision: refer only what is new.`, ['input', 'allegations']);
  }
  const referral = newReferral(c, input.referredOn, input.criteria, input.allegations, ctx);
  return succeed({
    set: { referrals: [...c.referrals, referral] },
    stats: c.referrals.length === 0 ? [{ day: input.referredOn, add: { referredToIopc: 1 } }] : [],
    action: c.referrals.length === 0 ? 'REFERRED_TO_IOPC' : 'REFERRED_TO_IOPC_AGAIN',
  });
}

export function recordIopcDecision(c: ComplaintRecord, input: { decision: IopcDecision; decidedOn: string; referral: number | null }, ctx: ActionContext): Decision {
  const awaiting = outstandingReferrals(c);
  if (input.referral === null && awaiting.length > 1) {
    return refuse('REQUIRED', `Referrals ${awaiting.map((r) => r.number).join(' and ')} await the IOPC’s decision: say which one this decides.`, ['input', 'referral']);
  }
  const referral = input.referral === null ? awaiting[0]! : c.referrals.find((r) => r.number === input.referral);
  if (!referral) return refuse('INVALID', `There is no referral ${input.referral} on this complaint.`, ['input', 'referral']);
  if (referral.decision) {
    return refuseBy(awaitingIopcDecision, `The IOPC’s decision on referral ${referral.number} has already been recorded.`, ['input', 'referral']);
  }
  const bad = checkDay(c, ctx, input.decidedOn, 'decidedOn', { on: referral.referredOn, what: 'the referral' });
  if (bad) return bad;
  return succeed({
    set: { referrals: c.referrals.map((r) => (r.number === referral.number ? { ...r, decision: input.decision, decidedOn: input.decidedOn } : r)) },
    stats: [],
    action: 'IOPC_DECISION_RECORDED',
  });
}

export function recordAtRequest(c: ComplaintRecord, input: { requestedOn: string; route: Schedule3Route; note: string | null }, ctx: ActionContext): Decision {
  const bad = checkDay(c, ctx, input.requestedOn, 'requestedOn');
  if (bad) return bad;
  const decision: HandlingRecord = {
    handling: 'SCHEDULE_3',
    route: input.route,
    referredToIopc: false,
    reason: `Recorded because the complainant asked on ${input.requestedOn}.${input.note ? ` ${input.note}` : ''}`,
    decidedOn: ctx.today,
    decidedBy: ctx.by,
    withoutContactReason: null,
  };
  return succeed({
    set: { status: 'SCHEDULE_3', wantsFormalRecording: true, handlingHistory: [...c.handlingHistory, decision], closure: null },
    stats: recordUnderSchedule3(c, ctx),
    action: 'RECORDED_UNDER_SCHEDULE_3_AT_COMPLAINANT_REQUEST',
  });
}

export function updateLocalResolution(
  c: ComplaintRecord,
  input: { actionsTaken?: LocalResolutionAction[] | null; resolvingOfficer?: string | null; team?: string | null; targetDate?: string | null; complainantResponse?: string | null },
  ctx: ActionContext,
): Decision {
  if (input.targetDate && input.targetDate < ctx.today) return refuse('INVALID', 'The target date cannot be in the past.', ['input', 'targetDate']);
  const current = c.localResolution!;
  const pick = <K extends keyof typeof input>(k: K) => (input[k] === undefined || input[k] === null ? undefined : input[k]);
  return succeed({
    set: {
      localResolution: {
        ...current,
        ...(pick('actionsTaken') && { actionsTaken: [...new Set(input.actionsTaken!)] }),
        ...(pick('resolvingOfficer') && { resolvingOfficer: input.resolvingOfficer! }),
        ...(pick('team') && { team: input.team! }),
        ...(pick('targetDate') && { targetDate: input.targetDate! }),
        ...(pick('complainantResponse') && { complainantResponse: input.complainantResponse! }),
      },
    },
    stats: [],
    action: 'LOCAL_RESOLUTION_UPDATED',
  });
}

export function concludeLocalResolution(
  c: ComplaintRecord,
  input: { resolvedToSatisfaction: boolean; complainantAsksForRecording: boolean; route: Schedule3Route | null; complainantResponse: string | null },
  ctx: ActionContext,
): Decision {
  const localResolution = {
    ...c.localResolution!,
    resolvedToSatisfaction: input.resolvedToSatisfaction,
    concludedOn: ctx.today,
    ...(input.complainantResponse && { complainantResponse: input.complainantResponse }),
  };
  if (!input.resolvedToSatisfaction && input.complainantAsksForRecording) {
    if (!input.route) return refuse('REQUIRED', 'Say how the complaint will be handled under Schedule 3.', ['input', 'route']);
    const decision: HandlingRecord = {
      handling: 'SCHEDULE_3',
      route: input.route,
      referredToIopc: false,
      reason: 'Local resolution did not resolve the complaint and the complainant asked for it to be recorded.',
      decidedOn: ctx.today,
      decidedBy: ctx.by,
      withoutContactReason: null,
    };
    return succeed({
      set: { status: 'SCHEDULE_3', wantsFormalRecording: true, localResolution, handlingHistory: [...c.handlingHistory, decision] },
      stats: recordUnderSchedule3(c, ctx),
      action: 'RECORDED_UNDER_SCHEDULE_3_AT_COMPLAINANT_REQUEST',
    });
  }
  return succeed({
    set: { status: 'RESOLVED', localResolution },
    stats: [
      {
        day: ctx.today,
        add: { finalisedOutsideSchedule3: 1, workingDaysToFinaliseOutsideSchedule3: workingDaysSinceReceipt(ctx, c, ctx.today) },
      },
    ],
    action: input.resolvedToSatisfaction ? 'LOCAL_RESOLUTION_RESOLVED' : 'LOCAL_RESOLUTION_ENDED_UNRESOLVED',
  });
}

/** The latest day a finalising letter may not precede: the handling decision, the IOPC's decision, the last review's decision. */
function latestDecision(c: ComplaintRecord): EarlierEvent {
  const candidates: Array<{ on: string | null | undefined; what: string }> = [
    { on: c.receivedOn, what: 'the complaint arrived' },
    { on: c.handlingHistory.at(-1)?.decidedOn, what: 'the last handling decision' },
    { on: c.referrals.map((r) => r.decidedOn).filter(Boolean).sort().at(-1), what: 'the IOPC’s decision' },
    { on: c.reviews.at(-1)?.decidedOn, what: 'the review’s decision' },
  ];
  return candidates.filter((x): x is EarlierEvent => Boolean(x.on)).reduce((a, b) => (b.on > a.on ? b : a));
}

type Link = ComplaintRecord['linkedComplaints'][number];

/** A link brought up to date with what the other complaint is now; the referral clock starts the day it first shows a referral matter. */
function linkAsNow(l: Link, facts: ReturnType<typeof linkFacts>, today: string): Link {
  return { ...l, ...facts, mustBeReferredSince: facts.mustBeReferred ? (l.mustBeReferred ? (l.mustBeReferredSince ?? l.linkedOn) : today) : null };
}
const sameFacts = (l: Link, facts: ReturnType<typeof linkFacts>) => l.iopcReviewable === facts.iopcReviewable && l.mustBeReferred === facts.mustBeReferred;

/** The links as they are now: the linked complaints read afresh (a link records what the other complaint was when last changed). */
function refreshedLinks(c: ComplaintRecord, related: ComplaintRecord[], today: string) {
  return c.linkedComplaints.map((l) => {
    const other = related.find((r) => r.reference === l.reference);
    const facts = other && linkFacts(other);
    return facts && !sameFacts(l, facts) ? linkAsNow(l, facts, today) : l;
  });
}

/**
 * "Arises from the same incident" runs both ways (RULES.md §4, review body and referral): after
 * any change to a complaint, its own links are read afresh from the complaints linked to it, and
 * each of those is given (or brought up to date with) its link back to this one, in the same
 * transaction. So a link made from either side, or an allegation added to either complaint later,
 * shows at once on both: referralRequired, the MUST_REFER queue, the review body and the rules.
 */
export function keepLinksInStep(c: ComplaintRecord, change: Change<ComplaintRecord>, related: ComplaintRecord[], ctx: ActionContext): Change<ComplaintRecord> {
  const after = { ...c, ...change.set };
  const links = refreshedLinks(after, related, ctx.today);
  const set = links.some((l, i) => l !== after.linkedComplaints[i]) ? { ...change.set, linkedComplaints: links } : change.set;
  const mine = linkFacts(after);
  const alsoChange: NonNullable<Change<ComplaintRecord>['alsoChange']> = [];
  for (const l of links) {
    const other = related.find((r) => r.reference === l.reference);
    if (!other) continue;
    const back = other.linkedComplaints.find((b) => b.reference === c.reference);
    if (back && sameFacts(back, mine)) continue;
    const linkedComplaints = back
      ? other.linkedComplaints.map((b) => (b === back ? linkAsNow(b, mine, ctx.today) : b))
      : [...other.linkedComplaints, linkAsNow({ reference: c.reference, reason: l.reason, by: l.by, linkedOn: l.linkedOn, iopcReviewable: false, mustBeReferred: false, mustBeReferredSince: null }, mine, ctx.today)];
    alsoChange.push({ record: other, set: { linkedComplaints }, action: back ? 'LINKED_COMPLAINT_CHANGED' : 'LINKED' });
  }
  return { ...change, set, ...(alsoChange.length > 0 && { alsoChange: [...(change.alsoChange ?? []), ...alsoChange] }) };
}

/** Every complaint action reads the complaints linked to it and keeps their links in step (keepLinksInStep). */
export function withLinksInStep<Sch extends z.ZodType>(spec: ActionSpec<ComplaintStatus, ComplaintRecord, Sch>): ActionSpec<ComplaintStatus, ComplaintRecord, Sch> {
  return {
    ...spec,
    related: (input, c) => [...new Set([...(spec.related?.(input, c) ?? []), ...c.linkedComplaints.map((l) => l.reference)])],
    decide: (c, input, ctx, related = []) => {
      const decided = spec.decide(c, input, ctx, related);
      return decided.ok ? succeed(keepLinksInStep(c, decided.value, related, ctx)) : decided;
    },
  };
}

export function finaliseComplaint(
  c: ComplaintRecord,
  input: {
    outcome: string;
    outcomeLetterDate: string;
    letterContent: string | null;
    allegationOutcomes: Array<{ allegation: number; outcome: AllegationOutcomeKind }>;
    withoutContactReason: string | null;
  },
  ctx: ActionContext,
  related: ComplaintRecord[] = [],
): Decision {
  const bad = checkDay(c, ctx, input.outcomeLetterDate, 'outcomeLetterDate', latestDecision(c));
  if (bad) return bad;
  const linkedComplaints = refreshedLinks(c, related, ctx.today);
  const current = { ...c, linkedComplaints };
  const stillToRefer = referralMade.refuses(current, ctx);
  if (stillToRefer) return refuseBy(referralMade, stillToRefer);
  const noContact = withoutContact(c, input.withoutContactReason);
  if (noContact) return noContact;
  const numbers = input.allegationOutcomes.map((o) => o.allegation);
  const unknown = numbers.filter((n) => !c.allegations.some((a) => a.number === n));
  if (unknown.length) return refuse('INVALID', `There is no allegation ${unknown.join(', ')} on this complaint.`, ['input', 'allegationOutcomes']);
  const twice = [...new Set(numbers.filter((n, i) => numbers.indexOf(n) !== i))];
  if (twice.length) return refuseBy(allegationOutcomesFit, `Give each allegation one outcome: allegation ${twice.join(', ')} has more than one.`, ['input', 'allegationOutcomes']);
  const missing = c.allegations.map((a) => a.number).filter((n) => !numbers.includes(n));
  if (missing.length) return refuseBy(allegationOutcomesFit, `Give every allegation its outcome: ${missing.length > 1 ? 'allegations' : 'allegation'} ${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} none.`, ['input', 'allegationOutcomes']);
  const investigated = investigatedAllegations(c);
  const unfit = input.allegationOutcomes.filter((o) => INVESTIGATION_FINDINGS.includes(o.outcome) && !investigated.includes(o.allegation)).map((o) => o.allegation);
  if (unfit.length) {
    return refuseBy(
      allegationOutcomesFit,
      `Allegation ${unfit.join(', ')} was handled otherwise than by investigation: a finding of case to answer or no case to answer needs an investigation.`,
      ['input', 'allegationOutcomes'],
    );
  }
  const iopcs = outcomeIsTheIopcs(c);
  const iopcsAllegations = iopcDecidedAllegations(c);
  const reviewBody = reviewBodyFor(current);
  const closes = reviewBody ? reviewWindowClosesOn(input.outcomeLetterDate) : null;
  if (closes && closes < ctx.today) {
    return refuseBy(
      reviewRightKept,
      `An outcome letter dated ${input.outcomeLetterDate} gives until ${closes} to apply for a review, which has passed: the complainant would be told of a right already lost. Date the letter the day it is sent.`,
      ['input', 'outcomeLetterDate'],
      'OUT_OF_RANGE',
    );
  }
  const first = c.outcomes.length === 0;
  return succeed({
    set: {
      status: 'FINALISED',
      linkedComplaints,
      outcomes: [
        ...c.outcomes,
        {
          number: c.outcomes.length + 1,
          summary: input.outcome,
          letterContent: input.letterContent,
          letterDate: input.outcomeLetterDate,
          decidedBy: iopcs ? 'IOPC' : 'FORCE',
          reviewWindowClosesOn: closes,
          reviewBody,
          allegationOutcomes: input.allegationOutcomes.map((o) => ({ ...o, decidedBy: iopcsAllegations.includes(o.allegation) ? ('IOPC' as const) : ('FORCE' as const) })),
          withoutContactReason: input.withoutContactReason,
          recordedBy: ctx.by,
          recordedOn: ctx.today,
        },
      ],
    },
    // Per complaint: finalised once, however often an upheld review reopens it.
    stats: first
      ? [
          {
            day: input.outcomeLetterDate,
            add: { finalisedUnderSchedule3: 1, workingDaysToFinaliseUnderSchedule3: workingDaysSinceReceipt(ctx, c, input.outcomeLetterDate) },
          },
        ]
      : [],
    action: first ? 'FINALISED' : 'FINALISED_AGAIN_AFTER_REVIEW',
  });
}

export function recordReviewRequest(c: ComplaintRecord, input: { receivedOn: string }, ctx: ActionContext): Decision {
  const outcome = latestOutcome(c)!;
  if (input.receivedOn > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'receivedOn']);
  if (input.receivedOn < outcome.letterDate) return refuse('INVALID', `The date cannot be before the outcome letter (${outcome.letterDate}).`, ['input', 'receivedOn']);
  if (input.receivedOn > outcome.reviewWindowClosesOn!) {
    return refuseBy(reviewWindowOpen, `The review window closed on ${outcome.reviewWindowClosesOn}: the application arrived too late.`, ['input', 'receivedOn']);
  }
  return succeed({
    set: {
      status: 'UNDER_REVIEW',
      reviews: [
        ...c.reviews,
        { ofOutcome: outcome.number, reviewBody: outcome.reviewBody!, receivedOn: input.receivedOn, recordedBy: ctx.by, upheld: null, decidedOn: null, note: null, decisionRecordedBy: null },
      ],
    },
    stats: [{ day: input.receivedOn, add: { reviews: 1 } }],
    action: 'REVIEW_REQUESTED',
  });
}

export function recordReviewOutcome(c: ComplaintRecord, input: { upheld: boolean; note: string; decidedOn: string }, ctx: ActionContext): Decision {
  const review = c.reviews.at(-1)!;
  const bad = checkDay(c, ctx, input.decidedOn, 'decidedOn', { on: review.receivedOn, what: 'the application' });
  if (bad) return bad;
  const decided = { ...review, upheld: input.upheld, decidedOn: input.decidedOn, note: input.note, decisionRecordedBy: ctx.by };
  const reviews = [...c.reviews.slice(0, -1), decided];
  const last = c.handlingHistory.at(-1);
  return succeed({
    set: input.upheld
      ? {
          status: 'SCHEDULE_3',
          reviews,
          handlingHistory: [
            ...c.handlingHistory,
            {
              handling: 'SCHEDULE_3',
              route: last?.route ?? 'OTHERWISE_THAN_BY_INVESTIGATION',
              referredToIopc: false,
              reason: `Reopened: the review was upheld. ${input.note}`,
              decidedOn: input.decidedOn,
              decidedBy: ctx.by,
              withoutContactReason: null,
            },
          ],
        }
      : { status: 'CLOSED', reviews, closure: { kind: 'CLOSED', reason: `Review not upheld. ${input.note}`, on: ctx.today, by: ctx.by } },
    stats: [{ day: input.decidedOn, add: { reviewsDecided: 1, ...(input.upheld && { reviewsUpheld: 1 }) } }],
    action: input.upheld ? 'REVIEW_UPHELD_REOPENED' : 'REVIEW_NOT_UPHELD',
  });
}

export function withdrawComplaint(
  c: ComplaintRecord,
  input: { reason: string; notice: WithdrawalNotice; receivedOn: string; iopcNotifiedOn: string | null; continueInPublicInterest: boolean | null },
  ctx: ActionContext,
): Decision {
  const bad = checkDay(c, ctx, input.receivedOn, 'receivedOn');
  if (bad) return bad;
  if (c.referrals.length > 0 && !input.iopcNotifiedOn) {
    return refuseBy(withdrawalAsTheRegulationsAllow, 'The complaint was referred to the IOPC: record the day the IOPC was told of the withdrawal.', ['input', 'iopcNotifiedOn']);
  }
  if (input.iopcNotifiedOn) {
    const late = checkDay(c, ctx, input.iopcNotifiedOn, 'iopcNotifiedOn', { on: input.receivedOn, what: 'the withdrawal' });
    if (late) return late;
  }
  const conduct = c.allegations.some((a) => a.flags.possibleCriminalOffence || a.flags.possibleMisconduct);
  if (conduct && input.continueInPublicInterest === null) {
    return refuseBy(
      withdrawalAsTheRegulationsAllow,
      'An allegation concerns conduct that might justify criminal or disciplinary proceedings: record whether the force continues with it in the public interest.',
      ['input', 'continueInPublicInterest'],
    );
  }
  return succeed({
    set: {
      status: 'WITHDRAWN',
      withdrawal: {
        notice: input.notice,
        receivedOn: input.receivedOn,
        iopcNotifiedOn: input.iopcNotifiedOn,
        continueInPublicInterest: conduct ? input.continueInPublicInterest : null,
        recordedBy: ctx.by,
      },
      closure: { kind: 'WITHDRAWN', reason: input.reason, on: ctx.today, by: ctx.by },
    },
    stats: [],
    action: 'WITHDRAWN',
  });
}

export function closeComplaint(_c: ComplaintRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({
    set: { status: 'CLOSED', closure: { kind: 'CLOSED', reason: input.reason, on: ctx.today, by: ctx.by } },
    stats: [],
    action: 'CLOSED',
  });
}

/** What a complaint has added to the statistics so far (before any handling decision): taken back when it proves to be general feedback. */
function countsSoFar(c: ComplaintRecord, ctx: ActionContext): DailyCounts {
  const counts: DailyCounts = arrivalCounts(c);
  if (c.loggedOn) counts.push({ day: c.loggedOn, add: { logged: 1, workingDaysToLog: workingDaysSinceReceipt(ctx, c, c.loggedOn) } });
  const first = c.contacts[0];
  if (first) counts.push({ day: first.contactedOn, add: { firstContacts: 1, workingDaysToFirstContact: workingDaysSinceReceipt(ctx, c, first.contactedOn) } });
  for (const a of c.allegations) counts.push({ day: a.addedOn, add: { [`category_${a.category}`]: 1 } });
  const firstReferral = c.referrals[0];
  if (firstReferral) counts.push({ day: firstReferral.referredOn, add: { referredToIopc: 1 } });
  return counts;
}

export function recordStanding(
  c: ComplaintRecord,
  input: { standing: ComplainantStanding; writtenConsentOn: string | null; note: string },
  ctx: ActionContext,
): Decision {
  if (input.standing !== 'ON_BEHALF_WITH_CONSENT' && input.writtenConsentOn) {
    return refuseBy(writtenConsent, 'Written consent applies only to a complaint made on someone’s behalf with their consent (ON_BEHALF_WITH_CONSENT): leave writtenConsentOn out.', ['input', 'writtenConsentOn']);
  }
  if (input.standing === 'ON_BEHALF_WITH_CONSENT') {
    if (!input.writtenConsentOn) return refuseBy(writtenConsent, 'Give the day the written consent arrived.', ['input', 'writtenConsentOn']);
    const bad = checkDay(c, ctx, input.writtenConsentOn, 'writtenConsentOn', { on: c.incident.date, what: 'the incident' });
    if (bad) return bad;
  }
  const standing = { standing: input.standing, writtenConsentOn: input.writtenConsentOn, note: input.note, recordedBy: ctx.by, recordedOn: ctx.today };
  if (hasStanding(input.standing)) return succeed({ set: { standing }, stats: [], action: 'STANDING_RECORDED' });
  // Not a Part 2 complaint: general feedback, out of every IOPC figure (what it counted is taken back).
  const taken = negated(countsSoFar(c, ctx));
  return succeed({
    set: { standing, status: 'GENERAL_FEEDBACK', closure: { kind: 'GENERAL_FEEDBACK', reason: input.note, on: ctx.today, by: ctx.by } },
    stats: [...taken, { day: c.receivedOn, add: { generalFeedback: 1 } }],
    action: 'HANDLED_AS_GENERAL_FEEDBACK',
  });
}

export function linkComplaint(
  c: ComplaintRecord,
  input: { otherReference: string; reason: string },
  ctx: ActionContext,
  related: ComplaintRecord[],
): Decision {
  const wanted = parseReferenceParts(input.otherReference)?.reference;
  const other = related.find((r) => r.reference === wanted);
  if (!other) return refuse('NOT_FOUND', 'There is no complaint with that reference.', ['input', 'otherReference']);
  if (other.reference === c.reference) return refuseBy(linkable, 'A complaint cannot be linked to itself.', ['input', 'otherReference']);
  if (c.linkedComplaints.some((l) => l.reference === other.reference)) {
    return refuseBy(linkable, 'The complaints are already linked.', ['input', 'otherReference']);
  }
  return succeed({
    set: {
      linkedComplaints: [
        ...c.linkedComplaints,
        linkAsNow({ reference: other.reference, reason: input.reason, by: ctx.by, linkedOn: ctx.today, iopcReviewable: false, mustBeReferred: false, mustBeReferredSince: null }, linkFacts(other), ctx.today),
      ],
    },
    stats: [],
    action: 'LINKED',
  });
}

export function transferToLocalPolicingBody(c: ComplaintRecord, input: { transferredOn: string; note: string | null }, ctx: ActionContext): Decision {
  const bad = checkDay(c, ctx, input.transferredOn, 'transferredOn');
  if (bad) return bad;
  return succeed({
    set: {
      status: 'TRANSFERRED_TO_LOCAL_POLICING_BODY',
      closure: { kind: 'TRANSFERRED', reason: input.note ?? 'About the chief officer: the local policing body is the appropriate authority.', on: input.transferredOn, by: ctx.by },
    },
    stats: [],
    action: 'TRANSFERRED_TO_LOCAL_POLICING_BODY',
  });
}

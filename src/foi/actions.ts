import { addDays } from '../calendar/londonDate.js';
import { ClockRuleError, recordClockEvent } from '../clocks/clockEvents.js';
import { applyFoiEvent, internalReviewClock, internalReviewRequestDeadline, type FoiClockEvent } from '../clocks/foiClock.js';
import { dateRefusal as sharedDateRefusal, refuseBy, type ActionContext, type Change, type EarlierEvent, type NamedRule } from '../cases/workflow.js';
import { refuse, succeed, type Outcome, type UserErrorShape } from '../errors.js';
import type { FoiOutcome } from '../generated/graphql.js';
import { exemption, subsectionsOf } from './catalogue.js';
import type { ExemptionUse, FoiRecord, FoiResponseRecord } from './model.js';
import { kindWords as redactionKindWords } from '../redaction/personalData.js';
import { kindWords, otherPersonalDataInPublicText, personalDataInPublicText, type Finding, type OtherPersonalData } from './personalData.js';
import {
  disclosureOfOwnDataReviewed,
  disclosureReviewedForPersonalData,
  costLimitRecorded,
  datedInOrder,
  disclosureWithoutRequester,
  exemptionInList,
  exemptionsMatchOutcome,
  foiClockRules,
  ncndWhereProvided,
  qualifiedExemptionsOnly,
  qualifiedExemptionTested,
  reviewAskedInTime,
  reviewClockRules,
  vexatiousRecorded,
} from './rules.js';
import { clockOf, reviewClockOf } from './status.js';

/**
 * Each staff action's decision on an FOI request, as a pure function of the request as it is now
 * and a valid input: what to change, what it adds to the statistics, and the audit action, or a
 * user error about the input. Which states an action may be taken from, and the named rules that
 * must allow it, are the workflow table's (src/foi/workflow.ts): the runner has checked them
 * before any of these is called. Clock events go through the FOI clock's own rules
 * (src/clocks/foiClock.ts), whose refusals carry the clock's named rules (src/foi/rules.ts).
 */
type Decision = Outcome<Change<FoiRecord>>;

/** A refusal by a named rule that keeps the user error's own code (INVALID, OUT_OF_RANGE, …). */
/** A refusal by a named rule with the code that fits it (INVALID, REQUIRED, …). */
const refuseWith = (rule: Pick<NamedRule, 'code'>, code: UserErrorShape['code'], message: string, field: string[] | null) =>
  refuseBy(rule, message, field, code);

/** A date given for an event: not in the future, not before the event it follows (FOI_DATED_IN_ORDER). */
const dateRefusal = (on: string, field: string, today: string, after?: EarlierEvent) =>
  sharedDateRefusal(on, field, today, after, { future: datedInOrder, order: datedInOrder });

/** An exemption that is not in the list: s.40 is recorded by subsection. */
function unknownExemption(section: string, field: string) {
  const subsections = subsectionsOf(section);
  const message = subsections.length
    ? `Record s.${section} by subsection: ${subsections.join(', ')}.`
    : `Section ${section} is not in the list of exemptions.`;
  return refuseWith(exemptionInList, 'INVALID', message, ['input', field]);
}

/** A clock's ClockRuleError as a refusal naming the clock's rule for its code. */
function clockRefusal(rules: Partial<Record<UserErrorShape['code'], NamedRule>>, prefix: string, error: ClockRuleError, field: string | null) {
  const rule = rules[error.code] ?? { code: `${prefix}_${error.code}` };
  return refuseWith(rule, error.code, error.message, field ? ['input', field] : null);
}

export function allocate(r: FoiRecord, input: { handler: string }): Decision {
  if (r.handler === input.handler) return refuse('INVALID', 'The request is already allocated to this handler.', ['input', 'handler']);
  return succeed({ set: { handler: input.handler }, stats: [], action: 'ALLOCATED' });
}

/** A clock event, if the FOI clock's rules allow it now, recorded with who, when, why and the holiday set. */
function clockEvent(r: FoiRecord, event: FoiClockEvent, reason: string | null, ctx: ActionContext, extra: Partial<FoiRecord> = {}): Decision {
  try {
    applyFoiEvent(ctx.calendar, r.receivedOn, r.clockEvents.map((e) => e.event), event, ctx.today);
  } catch (error) {
    if (error instanceof ClockRuleError) return clockRefusal(foiClockRules, 'FOI_CLOCK', error, error.field === 'extendedTo' ? 'estimatedDate' : error.field);
    throw error;
  }
  const record = recordClockEvent(event, { actor: ctx.actor, at: ctx.now, reason, rule: 'FOIA', calendar: ctx.calendar });
  return succeed({ set: { clockEvents: [...r.clockEvents, record], ...extra }, stats: [], action: event.type });
}

type SimpleEvent = 'CLARIFICATION_REQUESTED' | 'CLARIFICATION_RECEIVED' | 'FEES_NOTICE_ISSUED' | 'FEE_RECEIVED';

/** One of the clock events that carries only its day (and a reason or note). */
export const simpleClockEvent =
  (type: SimpleEvent) =>
  (r: FoiRecord, input: { on: string; reason: string | null }, ctx: ActionContext): Decision =>
    clockEvent(r, { type, on: input.on }, input.reason, ctx);

export function extendForPublicInterest(
  r: FoiRecord,
  input: { on: string; estimatedDate: string; exemptions: string[]; reason: string },
  ctx: ActionContext,
): Decision {
  for (const section of input.exemptions) {
    const e = exemption(section);
    if (!e) return unknownExemption(section, 'exemptions');
    if (e.absolute) {
      return refuseWith(qualifiedExemptionsOnly, 'INVALID', `Section ${section} is absolute: there is no public interest test to extend for.`, ['input', 'exemptions']);
    }
  }
  return clockEvent(
    r,
    { type: 'PUBLIC_INTEREST_EXTENSION', on: input.on, extendedTo: input.estimatedDate, reason: input.reason },
    input.reason,
    ctx,
    { publicInterestExtension: { sections: input.exemptions, estimatedDate: input.estimatedDate, refusalNoticeOn: input.on } },
  );
}

const needsExemptions: FoiOutcome[] = ['PROVIDED_IN_PART', 'REFUSED'];
const noExemptions: FoiOutcome[] = ['PROVIDED_IN_FULL', 'NOT_HELD', 'REFUSED_COST_LIMIT', 'REFUSED_VEXATIOUS_OR_REPEATED'];
/** The s.12 cost limit for police: £450 at £25 an hour. */
export const COST_LIMIT_HOURS = 18;

type RespondInput = {
  outcome: FoiOutcome;
  exemptions: ExemptionUse[];
  summary: string;
  respondedOn: string;
  costLimit: FoiResponseRecord['costLimit'];
  vexatious: FoiResponseRecord['vexatious'];
};

/** The exemptions, the s.12 estimate and the s.14 position, as the outcome needs them. */
function outcomeRefusal(input: RespondInput) {
  if (needsExemptions.includes(input.outcome) && input.exemptions.length === 0) {
    return refuseWith(exemptionsMatchOutcome, 'REQUIRED', 'Name each exemption relied on.', ['input', 'exemptions']);
  }
  if (noExemptions.includes(input.outcome) && input.exemptions.length > 0) {
    return refuseWith(exemptionsMatchOutcome, 'INVALID', 'This outcome relies on no exemption: leave exemptions out.', ['input', 'exemptions']);
  }
  for (const use of input.exemptions) {
    const e = exemption(use.section);
    if (!e) return unknownExemption(use.section, 'exemptions');
    if (!e.absolute && !use.publicInterestTestApplied) {
      return refuseWith(qualifiedExemptionTested, 'INVALID', `Section ${use.section} is a qualified exemption: it needs a public interest test.`, ['input', 'exemptions']);
    }
    if (use.neitherConfirmNorDeny && e.ncnd === 'NOT_AVAILABLE') {
      const why = use.section === '21' ? 'information reasonably accessible elsewhere is confirmed, and pointed to' : 'for s.40, neither confirm nor deny is 40(5)';
      return refuseWith(ncndWhereProvided, 'INVALID', `Section ${use.section} cannot be relied on to neither confirm nor deny: ${why}.`, ['input', 'exemptions']);
    }
    if (!use.neitherConfirmNorDeny && e.ncnd === 'ONLY') {
      return refuseWith(ncndWhereProvided, 'INVALID', `Section ${use.section} is the neither-confirm-nor-deny provision: record it with neitherConfirmNorDeny, or use 40(2).`, ['input', 'exemptions']);
    }
  }
  if (input.outcome === 'REFUSED_COST_LIMIT') {
    if (!input.costLimit) return refuseWith(costLimitRecorded, 'REQUIRED', 'A s.12 refusal records the estimate in hours and the advice given under s.16.', ['input', 'costLimit']);
    if (input.costLimit.estimateHours <= COST_LIMIT_HOURS) {
      return refuseWith(costLimitRecorded, 'OUT_OF_RANGE', `A s.12 refusal needs an estimate over the limit of ${COST_LIMIT_HOURS} hours (£450 at £25 an hour).`, ['input', 'costLimit', 'estimateHours']);
    }
  } else if (input.costLimit) {
    return refuseWith(costLimitRecorded, 'INVALID', 'Only a s.12 refusal (REFUSED_COST_LIMIT) records a cost estimate.', ['input', 'costLimit']);
  }
  if (input.outcome === 'REFUSED_VEXATIOUS_OR_REPEATED') {
    if (!input.vexatious) return refuseWith(vexatiousRecorded, 'REQUIRED', 'A s.14 refusal records whether s.17(6) applies.', ['input', 'vexatious']);
  } else if (input.vexatious) {
    return refuseWith(vexatiousRecorded, 'INVALID', 'Only a s.14 refusal (REFUSED_VEXATIOUS_OR_REPEATED) records the s.17(6) position.', ['input', 'vexatious']);
  }
  return null;
}

export function respond(r: FoiRecord, input: RespondInput, ctx: ActionContext): Decision {
  const refused = outcomeRefusal(input);
  if (refused) return refused;
  // The table's rules have checked that the clock runs today, so it ran on any day up to today.
  const clock = clockOf(ctx.calendar, r, input.respondedOn);
  const wrongDate = dateRefusal(input.respondedOn, 'respondedOn', ctx.today, { on: clock.countsFrom, what: 'the day the clock counts from' });
  if (wrongDate) return wrongDate;
  // "In time": by the due date in force, which is the extended date only for an extension the
  // clock accepted (refusal notice within 20 working days, to a date within 40): properly claimed.
  const withinDeadline = input.respondedOn <= clock.dueOn!;
  const within20WorkingDays = input.respondedOn <= clock.statutoryDueOn!;
  return succeed({
    set: { response: { ...input, withinDeadline, within20WorkingDays } },
    stats: [
      {
        day: input.respondedOn,
        add: {
          answered: 1,
          ...(within20WorkingDays && { answeredWithin20WorkingDays: 1 }),
          ...(withinDeadline && { answeredInTime: 1 }),
          [`outcome_${input.outcome}`]: 1,
          ...Object.fromEntries(input.exemptions.map((e) => [`exemption_${e.section}`, 1])),
        },
      },
    ],
    action: 'RESPONDED',
  });
}

/**
 * The publish refusal: one user error per field and kind found, saying where (character places)
 * and what kind, never the value, named by the rule that refuses it.
 */
function publishRefusal<F extends { field: string; kind: string; start: number; end: number }>(
  findings: F[],
  rule: Pick<NamedRule, 'code'>,
  says: (field: string, kind: F['kind'], places: string) => string,
) {
  const groups = new Map<string, F[]>();
  for (const f of findings) groups.set(`${f.field}|${f.kind}`, [...(groups.get(`${f.field}|${f.kind}`) ?? []), f]);
  return {
    ok: false as const,
    userErrors: [...groups.values()].map((found) => {
      const { field, kind } = found[0]!;
      const places = found.map((f) => `${f.start + 1}–${f.end}`).join(', ');
      return { field: ['input', field], message: says(field, kind, places), code: 'INVALID' as const, rule: rule.code };
    }),
  };
}

const identityRefusal = (findings: Finding[]) =>
  publishRefusal(findings, disclosureWithoutRequester, (field, kind, places) => `The ${field} contains the requester’s ${kindWords[kind]} (characters ${places}): take it out before publishing.`);

const otherPersonalDataRefusal = (findings: OtherPersonalData[]) =>
  publishRefusal(
    findings,
    disclosureReviewedForPersonalData,
    (field, kind, places) =>
      `The ${field} may contain ${redactionKindWords[kind]} (characters ${places}): take it out, or confirm it may be published (for example an officer named in their public role) with personalDataReviewed.`,
  );

export function publish(
  r: FoiRecord,
  input: { title: string; question: string; answer: string; personalDataReviewed: boolean },
  ctx: ActionContext,
): Decision {
  const text = { title: input.title, question: input.question, answer: input.answer };
  const findings = personalDataInPublicText(text, r.requester);
  if (findings.length > 0) return identityRefusal(findings);
  if (!input.personalDataReviewed && (r.response?.exemptions ?? []).some((e) => e.section === '40(1)')) {
    return refuseBy(
      disclosureOfOwnDataReviewed,
      'This response cites s.40(1): the request was for the requester’s own personal data, so its question and answer are about them. Publish it only in a form that says nothing about them, and confirm that with personalDataReviewed.',
      ['input', 'personalDataReviewed'],
      'INVALID',
    );
  }
  const others = otherPersonalDataInPublicText(text, r.requester);
  if (others.length > 0 && !input.personalDataReviewed) return otherPersonalDataRefusal(others);
  return succeed({
    set: { disclosure: { ...text, publishedOn: r.disclosure?.publishedOn ?? ctx.today } },
    stats: [],
    action: r.disclosure ? 'DISCLOSURE_REPUBLISHED' : 'PUBLISHED',
  });
}

export function unpublish(r: FoiRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({
    set: { disclosure: null, unpublished: [...(r.unpublished ?? []), { on: ctx.today, by: ctx.by, reason: input.reason }] },
    stats: [],
    action: 'UNPUBLISHED',
  });
}

export function requestReview(r: FoiRecord, input: { on: string }, ctx: ActionContext): Decision {
  const response = r.response!;
  const last = internalReviewRequestDeadline(ctx.calendar, response.respondedOn);
  const wrongDate = dateRefusal(input.on, 'on', ctx.today, { on: response.respondedOn, what: 'the response' });
  if (wrongDate) return wrongDate;
  if (input.on > last) return refuseBy(reviewAskedInTime, `An internal review had to be asked for within 40 working days of the response (by ${last}).`, ['input', 'on']);
  return succeed({
    set: { internalReview: { requestedOn: input.on, extension: null, outcome: null, decidedOn: null, note: null } },
    stats: [{ day: input.on, add: { reviewsRequested: 1 } }],
    action: 'INTERNAL_REVIEW_REQUESTED',
  });
}

export function extendReview(r: FoiRecord, input: { extendedTo: string; reason: string; on: string }, ctx: ActionContext): Decision {
  const review = r.internalReview!;
  const wrongDate = dateRefusal(input.on, 'on', ctx.today, { on: review.requestedOn, what: 'the review was asked for' });
  if (wrongDate) return wrongDate;
  const extension = { on: input.on, extendedTo: input.extendedTo, reason: input.reason };
  try {
    internalReviewClock(ctx.calendar, review.requestedOn, extension);
  } catch (error) {
    if (error instanceof ClockRuleError) return clockRefusal(reviewClockRules, 'FOI_REVIEW_CLOCK', error, error.field);
    throw error;
  }
  return succeed({ set: { internalReview: { ...review, extension } }, stats: [], action: 'INTERNAL_REVIEW_EXTENDED' });
}

export function reviewOutcome(r: FoiRecord, input: { outcome: string; note: string; decidedOn: string }, ctx: ActionContext): Decision {
  const review = r.internalReview!;
  const after = review.extension && review.extension.on > review.requestedOn
    ? { on: review.extension.on, what: 'the review was extended' }
    : { on: review.requestedOn, what: 'the review was asked for' };
  const wrongDate = dateRefusal(input.decidedOn, 'decidedOn', ctx.today, after);
  if (wrongDate) return wrongDate;
  // Timeliness is the ICO's measure: within 20 working days of the request for a review.
  const within20 = input.decidedOn <= reviewClockOf(ctx.calendar, r)!.statutoryDueOn;
  return succeed({
    set: { internalReview: { ...review, outcome: input.outcome, note: input.note, decidedOn: input.decidedOn } },
    stats: [{ day: input.decidedOn, add: { [`review_${input.outcome}`]: 1, reviewsDecided: 1, ...(within20 && { reviewsDecidedWithin20WorkingDays: 1 }) } }],
    action: 'INTERNAL_REVIEW_DECIDED',
  });
}

export function icoComplaint(r: FoiRecord, input: { icoReference: string; receivedOn: string }, ctx: ActionContext): Decision {
  // With an internal review asked for, the ICO takes the complaint after it (RULES.md §2): once it is decided, or, undecided, once
  // it is overdue (the day after its due date). A complaint about no response at all needs no review.
  const review = r.internalReview;
  const reviewDueOn = reviewClockOf(ctx.calendar, r)?.dueOn;
  const earliest = review?.decidedOn
    ? { on: review.decidedOn, what: 'the internal review was decided' }
    : review && reviewDueOn
      ? { on: addDays(reviewDueOn, 1), what: 'the day after the internal review was due' }
      : r.response
        ? { on: r.response.respondedOn, what: 'the response' }
        : // No response: a complaint that it was not answered in time, from the day after it was due.
          { on: addDays(clockOf(ctx.calendar, r, ctx.today).dueOn!, 1), what: 'the day after the response was due' };
  const wrongDate = dateRefusal(input.receivedOn, 'receivedOn', ctx.today, earliest);
  if (wrongDate) return wrongDate;
  return succeed({
    set: { icoComplaint: { receivedOn: input.receivedOn, icoReference: input.icoReference, decision: null, decisionNoticeReference: null, decidedOn: null } },
    stats: [],
    action: 'ICO_COMPLAINT_RECORDED',
  });
}

export function icoDecision(r: FoiRecord, input: { decision: string; decisionNoticeReference: string; decidedOn: string }, ctx: ActionContext): Decision {
  const complaint = r.icoComplaint!;
  const wrongDate = dateRefusal(input.decidedOn, 'decidedOn', ctx.today, { on: complaint.receivedOn, what: 'the complaint to the ICO' });
  if (wrongDate) return wrongDate;
  return succeed({ set: { icoComplaint: { ...complaint, ...input } }, stats: [], action: 'ICO_DECISION_RECORDED' });
}

export function withdraw(_r: FoiRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({ set: { closure: { kind: 'WITHDRAWN', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'WITHDRAWN' });
}

export function close(_r: FoiRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({ set: { closure: { kind: 'CLOSED', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'CLOSED' });
}

import { ClockRuleError, recordClockEvent } from '../clocks/clockEvents.js';
import { applyFoiEvent, internalReviewClock, internalReviewRequestDeadline, type FoiClockEvent } from '../clocks/foiClock.js';
import { refuseBy, type ActionContext, type Change, type NamedRule } from '../cases/workflow.js';
import { refuse, succeed, type Outcome, type UserErrorShape } from '../errors.js';
import type { FoiOutcome } from '../generated/graphql.js';
import { exemption } from './catalogue.js';
import type { ExemptionUse, FoiRecord } from './model.js';
import { foiClockRules, qualifiedExemptionsOnly, qualifiedExemptionTested, reviewAskedInTime, reviewClockRules } from './rules.js';
import { clockOf } from './status.js';

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
function refuseWith(rule: Pick<NamedRule, 'code'>, code: UserErrorShape['code'], message: string, field: string[] | null): { ok: false; userErrors: UserErrorShape[] } {
  return { ok: false, userErrors: [{ field, message, code, rule: rule.code }] };
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
    if (!e) return refuse('INVALID', `Section ${section} is not in the list of exemptions.`, ['input', 'exemptions']);
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

export function respond(
  r: FoiRecord,
  input: { outcome: FoiOutcome; exemptions: ExemptionUse[]; summary: string; respondedOn: string },
  ctx: ActionContext,
): Decision {
  if (needsExemptions.includes(input.outcome) && input.exemptions.length === 0) {
    return refuse('REQUIRED', 'Name each exemption relied on.', ['input', 'exemptions']);
  }
  if (noExemptions.includes(input.outcome) && input.exemptions.length > 0) {
    return refuse('INVALID', 'This outcome relies on no exemption: leave exemptions out.', ['input', 'exemptions']);
  }
  for (const use of input.exemptions) {
    const e = exemption(use.section);
    if (!e) return refuse('INVALID', `Section ${use.section} is not in the list of exemptions.`, ['input', 'exemptions']);
    if (!e.absolute && !use.publicInterestTestApplied) {
      return refuseWith(qualifiedExemptionTested, 'INVALID', `Section ${use.section} is a qualified exemption: it needs a public interest test.`, ['input', 'exemptions']);
    }
  }
  // The table's rules have checked that the clock runs today, so it ran on any day up to today.
  const clock = clockOf(ctx.calendar, r, input.respondedOn);
  if (input.respondedOn > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'respondedOn']);
  if (input.respondedOn < clock.countsFrom) return refuse('INVALID', `The date cannot be before ${clock.countsFrom}.`, ['input', 'respondedOn']);
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
          [`outcome_${input.outcome}`]: 1,
          ...Object.fromEntries(input.exemptions.map((e) => [`exemption_${e.section}`, 1])),
        },
      },
    ],
    action: 'RESPONDED',
  });
}

export function publish(r: FoiRecord, input: { title: string; question: string; answer: string }, ctx: ActionContext): Decision {
  return succeed({
    set: { disclosure: { ...input, publishedOn: r.disclosure?.publishedOn ?? ctx.today } },
    stats: [],
    action: r.disclosure ? 'DISCLOSURE_REPUBLISHED' : 'PUBLISHED',
  });
}

export function requestReview(r: FoiRecord, input: { on: string }, ctx: ActionContext): Decision {
  const response = r.response!;
  const last = internalReviewRequestDeadline(ctx.calendar, response.respondedOn);
  if (input.on > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'on']);
  if (input.on < response.respondedOn) return refuse('INVALID', 'The date cannot be before the response.', ['input', 'on']);
  if (input.on > last) return refuseBy(reviewAskedInTime, `An internal review had to be asked for within 40 working days of the response (by ${last}).`, ['input', 'on']);
  return succeed({
    set: { internalReview: { requestedOn: input.on, extension: null, outcome: null, decidedOn: null, note: null } },
    stats: [{ day: input.on, add: { reviewsRequested: 1 } }],
    action: 'INTERNAL_REVIEW_REQUESTED',
  });
}

export function extendReview(r: FoiRecord, input: { extendedTo: string; reason: string }, ctx: ActionContext): Decision {
  const review = r.internalReview!;
  const extension = { on: ctx.today, extendedTo: input.extendedTo, reason: input.reason };
  try {
    internalReviewClock(ctx.calendar, review.requestedOn, extension);
  } catch (error) {
    if (error instanceof ClockRuleError) return clockRefusal(reviewClockRules, 'FOI_REVIEW_CLOCK', error, error.field);
    throw error;
  }
  return succeed({ set: { internalReview: { ...review, extension } }, stats: [], action: 'INTERNAL_REVIEW_EXTENDED' });
}

export function reviewOutcome(r: FoiRecord, input: { outcome: string; note: string }, ctx: ActionContext): Decision {
  const review = r.internalReview!;
  return succeed({
    set: { internalReview: { ...review, outcome: input.outcome, note: input.note, decidedOn: ctx.today } },
    stats: [{ day: ctx.today, add: { [`review_${input.outcome}`]: 1 } }],
    action: 'INTERNAL_REVIEW_DECIDED',
  });
}

export function icoComplaint(_r: FoiRecord, input: { icoReference: string; receivedOn: string }, ctx: ActionContext): Decision {
  if (input.receivedOn > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'receivedOn']);
  return succeed({
    set: { icoComplaint: { receivedOn: input.receivedOn, icoReference: input.icoReference, decision: null, decisionNoticeReference: null, decidedOn: null } },
    stats: [],
    action: 'ICO_COMPLAINT_RECORDED',
  });
}

export function icoDecision(r: FoiRecord, input: { decision: string; decisionNoticeReference: string }, ctx: ActionContext): Decision {
  return succeed({ set: { icoComplaint: { ...r.icoComplaint!, ...input, decidedOn: ctx.today } }, stats: [], action: 'ICO_DECISION_RECORDED' });
}

export function withdraw(_r: FoiRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({ set: { closure: { kind: 'WITHDRAWN', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'WITHDRAWN' });
}

export function close(_r: FoiRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({ set: { closure: { kind: 'CLOSED', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'CLOSED' });
}

import type { AuditActor } from '../audit/model.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { ClockRuleError, recordClockEvent } from '../clocks/clockEvents.js';
import { applyFoiEvent, internalReviewClock, internalReviewRequestDeadline, type FoiClockEvent } from '../clocks/foiClock.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type { FoiOutcome } from '../generated/graphql.js';
import { exemption } from './catalogue.js';
import type { ExemptionUse, FoiRecord } from './model.js';
import { clockOf, statusOf } from './status.js';

/**
 * Each staff action on an FOI request, as a pure function of the request as it is now. Clock
 * events go through the FOI clock's own rules (src/clocks/foiClock.ts).
 */
export interface FoiActionContext {
  today: string;
  now: Date;
  actor: AuditActor;
  calendar: HolidayCalendar;
}

export interface FoiChange {
  set: Partial<FoiRecord>;
  stats: Array<{ day: string; add: Record<string, number> }>;
  action: string;
}

type Decision = Outcome<FoiChange>;

const closedStates = ['RESPONDED', 'UNDER_INTERNAL_REVIEW', 'CLOSED', 'WITHDRAWN'];

function beforeResponse(r: FoiRecord, ctx: FoiActionContext, what: string) {
  const status = statusOf(ctx.calendar, r, ctx.today);
  if (closedStates.includes(status)) return refuse('NOT_ALLOWED_IN_STATE', `${what} is not possible: the request is ${status.toLowerCase().replace(/_/g, ' ')}.`);
  return undefined;
}

export function allocate(r: FoiRecord, input: { handler: string }): Decision {
  if (r.closure) return refuse('NOT_ALLOWED_IN_STATE', 'The request is closed.');
  if (r.handler === input.handler) return refuse('INVALID', 'The request is already allocated to this handler.', ['input', 'handler']);
  return succeed({ set: { handler: input.handler }, stats: [], action: 'ALLOCATED' });
}

const eventActions: Record<FoiClockEvent['type'], string> = {
  CLARIFICATION_REQUESTED: 'CLARIFICATION_REQUESTED',
  CLARIFICATION_RECEIVED: 'CLARIFICATION_RECEIVED',
  FEES_NOTICE_ISSUED: 'FEES_NOTICE_ISSUED',
  FEE_RECEIVED: 'FEE_RECEIVED',
  PUBLIC_INTEREST_EXTENSION: 'PUBLIC_INTEREST_EXTENSION',
};

/** A clock event, if the FOI clock's rules allow it now, recorded with who, when, why and the holiday set. */
export function clockEvent(r: FoiRecord, event: FoiClockEvent, reason: string | null, ctx: FoiActionContext, extra: Partial<FoiRecord> = {}): Decision {
  const closed = beforeResponse(r, ctx, 'Changing the clock');
  if (closed) return closed;
  try {
    applyFoiEvent(ctx.calendar, r.receivedOn, r.clockEvents.map((e) => e.event), event, ctx.today);
  } catch (error) {
    if (error instanceof ClockRuleError) return refuse(error.code, error.message, error.field ? ['input', error.field === 'extendedTo' ? 'estimatedDate' : error.field] : null);
    throw error;
  }
  const record = recordClockEvent(event, { actor: ctx.actor, at: ctx.now, reason, rule: 'FOIA', calendar: ctx.calendar });
  return succeed({ set: { clockEvents: [...r.clockEvents, record], ...extra }, stats: [], action: eventActions[event.type] });
}

export function extendForPublicInterest(
  r: FoiRecord,
  input: { on: string; estimatedDate: string; exemptions: string[]; reason: string },
  ctx: FoiActionContext,
): Decision {
  for (const section of input.exemptions) {
    const e = exemption(section);
    if (!e) return refuse('INVALID', `Section ${section} is not in the list of exemptions.`, ['input', 'exemptions']);
    if (e.absolute) return refuse('INVALID', `Section ${section} is absolute: there is no public interest test to extend for.`, ['input', 'exemptions']);
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
  ctx: FoiActionContext,
): Decision {
  const closed = beforeResponse(r, ctx, 'Responding');
  if (closed) return closed;
  const clock = clockOf(ctx.calendar, r, input.respondedOn);
  if (clock.state === 'AWAITING_CLARIFICATION') return refuse('NOT_ALLOWED_IN_STATE', 'Clarification has been asked for and has not arrived.');
  if (clock.state === 'AWAITING_FEE') return refuse('NOT_ALLOWED_IN_STATE', 'A fee has been asked for and has not been paid.');
  if (clock.state === 'LAPSED') return refuse('NOT_ALLOWED_IN_STATE', 'The fee was not paid within three months: the request has lapsed.');
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
      return refuse('INVALID', `Section ${use.section} is a qualified exemption: it needs a public interest test.`, ['input', 'exemptions']);
    }
  }
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

export function publish(r: FoiRecord, input: { title: string; question: string; answer: string }, ctx: FoiActionContext): Decision {
  if (!r.response) return refuse('NOT_ALLOWED_IN_STATE', 'Only a request that has been responded to can be published.');
  if (r.closure?.kind === 'WITHDRAWN') return refuse('NOT_ALLOWED_IN_STATE', 'The request was withdrawn.');
  return succeed({
    set: { disclosure: { ...input, publishedOn: r.disclosure?.publishedOn ?? ctx.today } },
    stats: [],
    action: r.disclosure ? 'DISCLOSURE_REPUBLISHED' : 'PUBLISHED',
  });
}

export function requestReview(r: FoiRecord, input: { on: string }, ctx: FoiActionContext): Decision {
  if (!r.response || r.closure) return refuse('NOT_ALLOWED_IN_STATE', 'An internal review can be asked for only after a response, while the request is open.');
  if (r.internalReview) return refuse('NOT_ALLOWED_IN_STATE', 'An internal review has already been asked for.');
  const last = internalReviewRequestDeadline(ctx.calendar, r.response.respondedOn);
  if (input.on > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'on']);
  if (input.on < r.response.respondedOn) return refuse('INVALID', 'The date cannot be before the response.', ['input', 'on']);
  if (input.on > last) return refuse('NOT_ALLOWED_IN_STATE', `An internal review had to be asked for within 40 working days of the response (by ${last}).`, ['input', 'on']);
  return succeed({
    set: { internalReview: { requestedOn: input.on, extension: null, outcome: null, decidedOn: null, note: null } },
    stats: [{ day: input.on, add: { reviewsRequested: 1 } }],
    action: 'INTERNAL_REVIEW_REQUESTED',
  });
}

export function extendReview(r: FoiRecord, input: { extendedTo: string; reason: string }, ctx: FoiActionContext): Decision {
  const review = r.internalReview;
  if (!review || review.outcome) return refuse('NOT_ALLOWED_IN_STATE', 'There is no internal review under way.');
  if (review.extension) return refuse('NOT_ALLOWED_IN_STATE', 'The internal review has already been extended.');
  const extension = { on: ctx.today, extendedTo: input.extendedTo, reason: input.reason };
  try {
    internalReviewClock(ctx.calendar, review.requestedOn, extension);
  } catch (error) {
    if (error instanceof ClockRuleError) return refuse(error.code, error.message, error.field ? ['input', error.field] : null);
    throw error;
  }
  return succeed({ set: { internalReview: { ...review, extension } }, stats: [], action: 'INTERNAL_REVIEW_EXTENDED' });
}

export function reviewOutcome(r: FoiRecord, input: { outcome: string; note: string }, ctx: FoiActionContext): Decision {
  const review = r.internalReview;
  if (!review || review.outcome) return refuse('NOT_ALLOWED_IN_STATE', 'There is no internal review under way.');
  return succeed({
    set: { internalReview: { ...review, outcome: input.outcome, note: input.note, decidedOn: ctx.today } },
    stats: [{ day: ctx.today, add: { [`review_${input.outcome}`]: 1 } }],
    action: 'INTERNAL_REVIEW_DECIDED',
  });
}

export function icoComplaint(r: FoiRecord, input: { icoReference: string; on: string }, ctx: FoiActionContext): Decision {
  if (!r.response) return refuse('NOT_ALLOWED_IN_STATE', 'A complaint to the ICO follows a response.');
  if (r.icoComplaint) return refuse('NOT_ALLOWED_IN_STATE', 'A complaint to the ICO is already recorded.');
  if (input.on > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'receivedOn']);
  return succeed({
    set: { icoComplaint: { receivedOn: input.on, icoReference: input.icoReference, decision: null, decisionNoticeReference: null, decidedOn: null } },
    stats: [],
    action: 'ICO_COMPLAINT_RECORDED',
  });
}

export function icoDecision(r: FoiRecord, input: { decision: string; decisionNoticeReference: string }, ctx: FoiActionContext): Decision {
  if (!r.icoComplaint || r.icoComplaint.decision) return refuse('NOT_ALLOWED_IN_STATE', 'There is no undecided complaint to the ICO.');
  return succeed({ set: { icoComplaint: { ...r.icoComplaint, ...input, decidedOn: ctx.today } }, stats: [], action: 'ICO_DECISION_RECORDED' });
}

export function withdraw(r: FoiRecord, input: { reason: string }, ctx: FoiActionContext): Decision {
  const closed = beforeResponse(r, ctx, 'Withdrawal');
  if (closed) return closed;
  return succeed({ set: { closure: { kind: 'WITHDRAWN', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'WITHDRAWN' });
}

export function close(r: FoiRecord, input: { reason: string }, ctx: FoiActionContext): Decision {
  const status = statusOf(ctx.calendar, r, ctx.today);
  if (status !== 'RESPONDED' && status !== 'LAPSED') {
    return refuse('NOT_ALLOWED_IN_STATE', status === 'UNDER_INTERNAL_REVIEW' ? 'An internal review is under way.' : 'Only a request that has been responded to, or has lapsed, can be closed.');
  }
  return succeed({ set: { closure: { kind: 'CLOSED', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'CLOSED' });
}

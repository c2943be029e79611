import type { AuditActor } from '../audit/model.js';
import type { HolidayCalendar } from '../calendar/holidays.js';
import { ClockRuleError, recordClockEvent } from '../clocks/clockEvents.js';
import { applySarEvent, type SarClockEvent } from '../clocks/sarClock.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type { SarOutcome, SarRegime } from '../generated/graphql.js';
import type { SarRecord } from './model.js';
import { clockOf, statusOf } from './status.js';

/**
 * Each staff action on a subject access request, as a pure function of the request as it is now.
 * Clock events go through the SAR clock's own rules (src/clocks/sarClock.ts).
 */
export interface SarActionContext {
  today: string;
  now: Date;
  actor: AuditActor;
  calendar: HolidayCalendar;
}

export interface SarChange {
  set: Partial<SarRecord>;
  stats: Array<{ day: string; add: Record<string, number> }>;
  action: string;
}

type Decision = Outcome<SarChange>;

function requireOpen(r: SarRecord, ctx: SarActionContext, what: string) {
  const status = statusOf(ctx.calendar, r);
  if (['RESPONDED', 'CLOSED', 'WITHDRAWN'].includes(status)) {
    return refuse('NOT_ALLOWED_IN_STATE', `${what} is not possible: the request has been ${status.toLowerCase()}.`);
  }
  return undefined;
}

export function allocate(r: SarRecord, input: { handler: string }, ctx: SarActionContext): Decision {
  const closed = requireOpen(r, ctx, 'Allocation');
  if (closed) return closed;
  if (r.handler === input.handler) return refuse('INVALID', 'The request is already allocated to this handler.', ['input', 'handler']);
  return succeed({ set: { handler: input.handler }, stats: [], action: 'ALLOCATED' });
}

const clockActionNames: Record<SarClockEvent['type'], string> = {
  IDENTITY_REQUESTED: 'PROOF_OF_IDENTITY_REQUESTED',
  IDENTITY_RECEIVED: 'PROOF_OF_IDENTITY_RECEIVED',
  CLARIFICATION_REQUESTED: 'CLARIFICATION_REQUESTED',
  CLARIFICATION_RECEIVED: 'CLARIFICATION_RECEIVED',
  EXTENDED: 'EXTENDED',
};

/** A clock event, if the clock's rules allow it now; recorded with who, when, why and the holiday set. */
export function clockEvent(r: SarRecord, event: SarClockEvent, reason: string | null, ctx: SarActionContext): Decision {
  const closed = requireOpen(r, ctx, 'Changing the clock');
  if (closed) return closed;
  if (event.type === 'IDENTITY_REQUESTED' && r.identityVerified) {
    return refuse('NOT_ALLOWED_IN_STATE', 'The requester’s identity has already been verified.');
  }
  try {
    applySarEvent(ctx.calendar, r.receivedOn, r.clockEvents.map((e) => e.event), event, ctx.today);
  } catch (error) {
    if (error instanceof ClockRuleError) return refuse(error.code, error.message, error.field ? ['input', error.field] : null);
    throw error;
  }
  const record = recordClockEvent(event, { actor: ctx.actor, at: ctx.now, reason, rule: 'ENGLAND_AND_WALES', calendar: ctx.calendar });
  return succeed({
    set: { clockEvents: [...r.clockEvents, record], ...(event.type === 'IDENTITY_RECEIVED' && { identityVerified: true }) },
    stats: event.type === 'EXTENDED' ? [{ day: event.on, add: { extensions: 1 } }] : [],
    action: clockActionNames[event.type],
  });
}

export function decideRegime(r: SarRecord, input: { regime: SarRegime }, ctx: SarActionContext): Decision {
  const closed = requireOpen(r, ctx, 'Deciding the regime');
  if (closed) return closed;
  if (input.regime === 'UK_GDPR' && r.restrictions.length > 0) {
    return refuse('NOT_ALLOWED_IN_STATE', 'Restrictions under DPA 2018 s.45(4) are recorded: remove them before choosing UK GDPR.');
  }
  return succeed({ set: { regime: input.regime }, stats: [], action: 'REGIME_DECIDED' });
}

export function recordSearch(r: SarRecord, input: { systemsSearched: string[]; dataFound: string }, ctx: SarActionContext): Decision {
  const closed = requireOpen(r, ctx, 'Recording the search');
  if (closed) return closed;
  return succeed({ set: { search: { ...input, recordedOn: ctx.today } }, stats: [], action: 'SEARCH_RECORDED' });
}

export function recordRestrictions(
  r: SarRecord,
  input: { restrictions: SarRecord['restrictions']; redactions: SarRecord['redactions'] },
  ctx: SarActionContext,
): Decision {
  const closed = requireOpen(r, ctx, 'Recording restrictions');
  if (closed) return closed;
  if (input.restrictions.length > 0 && r.regime !== 'DPA_2018_PART_3') {
    return refuse('NOT_ALLOWED_IN_STATE', 'Restrictions under s.45(4) apply to law-enforcement requests: decide the regime as DPA 2018 Part 3 first.', ['input', 'restrictions']);
  }
  return succeed({ set: { restrictions: input.restrictions, redactions: input.redactions }, stats: [], action: 'RESTRICTIONS_RECORDED' });
}

const disclosing: SarOutcome[] = ['DISCLOSED_IN_FULL', 'DISCLOSED_IN_PART', 'NOTHING_HELD'];
const needsReasons: SarOutcome[] = ['DISCLOSED_IN_PART', 'REFUSED_MANIFESTLY_UNFOUNDED', 'REFUSED_EXCESSIVE'];

export function respond(r: SarRecord, input: { outcome: SarOutcome; reasons: string | null; respondedOn: string }, ctx: SarActionContext): Decision {
  const closed = requireOpen(r, ctx, 'Responding');
  if (closed) return closed;
  const clock = clockOf(ctx.calendar, r);
  if (clock.state !== 'RUNNING') {
    return refuse('NOT_ALLOWED_IN_STATE', clock.state === 'AWAITING_IDENTITY' ? 'Proof of identity has not arrived.' : 'Clarification has been asked for and has not arrived.');
  }
  if (!r.regime) return refuse('NOT_ALLOWED_IN_STATE', 'Decide whether UK GDPR or DPA 2018 Part 3 applies first.');
  if (disclosing.includes(input.outcome) && !r.search) return refuse('NOT_ALLOWED_IN_STATE', 'Record the systems searched and what was found first.');
  if (input.outcome === 'DISCLOSED_IN_PART' && r.restrictions.length === 0 && r.redactions.length === 0) {
    return refuse('NOT_ALLOWED_IN_STATE', 'A partial disclosure needs the restrictions or redactions recorded first.', ['input', 'outcome']);
  }
  if (needsReasons.includes(input.outcome) && !input.reasons) {
    return refuse('REQUIRED', 'Give the reasons, as told to the requester with their right to complain to the ICO and to go to court.', ['input', 'reasons']);
  }
  if (input.respondedOn > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'respondedOn']);
  if (input.respondedOn < clock.startedOn!) return refuse('INVALID', `The date cannot be before the clock started (${clock.startedOn}).`, ['input', 'respondedOn']);
  const withinDeadline = input.respondedOn <= clock.dueOn!;
  return succeed({
    set: { response: { outcome: input.outcome, reasons: input.reasons, respondedOn: input.respondedOn, withinDeadline } },
    stats: [{ day: input.respondedOn, add: { completed: 1, ...(withinDeadline && { completedWithinDeadline: 1 }), [`outcome_${input.outcome}`]: 1 } }],
    action: 'RESPONDED',
  });
}

export function withdraw(r: SarRecord, input: { reason: string }, ctx: SarActionContext): Decision {
  const closed = requireOpen(r, ctx, 'Withdrawal');
  if (closed) return closed;
  return succeed({ set: { closure: { kind: 'WITHDRAWN', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'WITHDRAWN' });
}

export function close(r: SarRecord, input: { reason: string }, ctx: SarActionContext): Decision {
  if (statusOf(ctx.calendar, r) !== 'RESPONDED') return refuse('NOT_ALLOWED_IN_STATE', 'Only a request that has been responded to can be closed (withdraw an open one).');
  return succeed({ set: { closure: { kind: 'CLOSED', reason: input.reason, on: ctx.today, by: ctx.actor.name ?? '' } }, stats: [], action: 'CLOSED' });
}

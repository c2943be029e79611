import { checkEventDate, ClockRuleError, recordClockEvent } from '../clocks/clockEvents.js';
import { applySarEvent, type SarClockEvent } from '../clocks/sarClock.js';
import type { ActionContext, Change, EarlierEvent, NamedRule } from '../cases/workflow.js';
import { dateRefusal as sharedDateRefusal, refuseBy } from '../cases/workflow.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type { SarIcoOutcome, SarOutcome, SarRegime } from '../generated/graphql.js';
import type { SarRecord } from './model.js';
import {
  clockEventDate,
  clockRules,
  datesInOrder,
  fullDisclosureUnrestricted,
  partialDisclosureGrounds,
  restrictionsUnderPart3,
  searchBeforeDisclosure,
  wholeRestrictionGrounds,
} from './rules.js';
import { clockOf } from './status.js';

/**
 * Each staff action's decision on a subject access request, as a pure function of the request as
 * it is now and a valid input: what to change, what it adds to the statistics, and the audit
 * action, or a user error about the input. Which states an action may be taken from, and the named
 * rules that must allow it, are the workflow table's (src/subjectAccess/workflow.ts): the runner has
 * checked them before any of these is called. Clock events go through the SAR clock's own rules
 * (src/clocks/sarClock.ts), each refusal named by its input rule (rules.ts).
 */
type Decision = Outcome<Change<SarRecord>>;

/**
 * A date staff give for a step (SAR_DATE_IN_ORDER): the day it happened, so never in the future and
 * never before the event it follows; a refusal names the field and the date it may not precede.
 */
const dateRefusal = (field: string, on: string, ctx: ActionContext, after: EarlierEvent): Decision | undefined =>
  sharedDateRefusal(on, field, ctx.today, after, { future: datesInOrder, order: datesInOrder });

const latest = (...events: Array<{ on: string; what: string } | null>) =>
  events.filter((e): e is { on: string; what: string } => e !== null).reduce((a, b) => (b.on > a.on ? b : a));

export function allocate(r: SarRecord, input: { handler: string }): Decision {
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

/** A refusal by the clock, keeping the clock's code, message and field, and naming the rule. */
function clockRefusal(rule: NamedRule, check: () => void) {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!(error instanceof ClockRuleError)) throw error;
    return refuseBy(rule, error.message, error.field ? ['input', error.field] : null, error.code);
  }
}

/** A clock event, if the clock's rules allow it now; recorded with who, when, why and the holiday set. */
export function clockEvent(r: SarRecord, event: SarClockEvent, reason: string | null, ctx: ActionContext): Decision {
  const events = r.clockEvents.map((e) => e.event);
  const refused =
    clockRefusal(clockEventDate, () => checkEventDate(events.at(-1)?.on ?? r.receivedOn, event.on, ctx.today)) ??
    clockRefusal(clockRules[event.type], () => applySarEvent(ctx.calendar, r.receivedOn, events, event, ctx.today));
  if (refused) return refused;
  const record = recordClockEvent(event, { actor: ctx.actor, at: ctx.now, reason, rule: 'ENGLAND_AND_WALES', calendar: ctx.calendar });
  return succeed({
    set: { clockEvents: [...r.clockEvents, record], ...(event.type === 'IDENTITY_RECEIVED' && { identityVerified: true }) },
    // Requests extended, not extension events: a second extension of the same request is not counted again.
    stats: event.type === 'EXTENDED' && !r.clockEvents.some((e) => e.event.type === 'EXTENDED') ? [{ day: event.on, add: { extensions: 1 } }] : [],
    action: clockActionNames[event.type],
  });
}

type ClockInput = { on: string; reason: string | null };

export const requestIdentity = (r: SarRecord, input: ClockInput, ctx: ActionContext) =>
  clockEvent(r, { type: 'IDENTITY_REQUESTED', on: input.on }, input.reason, ctx);
export const recordIdentity = (r: SarRecord, input: ClockInput, ctx: ActionContext) =>
  clockEvent(r, { type: 'IDENTITY_RECEIVED', on: input.on }, input.reason, ctx);
export const requestClarification = (r: SarRecord, input: ClockInput, ctx: ActionContext) =>
  clockEvent(r, { type: 'CLARIFICATION_REQUESTED', on: input.on }, input.reason, ctx);
export const recordClarification = (r: SarRecord, input: ClockInput, ctx: ActionContext) =>
  clockEvent(r, { type: 'CLARIFICATION_RECEIVED', on: input.on }, input.reason, ctx);
export const extend = (r: SarRecord, input: { on: string; months: number; reason: string }, ctx: ActionContext) =>
  clockEvent(r, { type: 'EXTENDED', on: input.on, months: input.months, reason: input.reason }, input.reason, ctx);

export function decideRegime(r: SarRecord, input: { regime: SarRegime }): Decision {
  if (input.regime === 'UK_GDPR' && r.restrictions.length > 0) {
    return refuseBy(restrictionsUnderPart3, 'Restrictions under DPA 2018 s.45(4) are recorded: remove them before choosing UK GDPR.');
  }
  return succeed({ set: { regime: input.regime }, stats: [], action: 'REGIME_DECIDED' });
}

export function recordSearch(r: SarRecord, input: { systemsSearched: string[]; dataFound: string; searchedOn: string }, ctx: ActionContext): Decision {
  const refused = dateRefusal('searchedOn', input.searchedOn, ctx, { on: r.receivedOn, what: 'the request arrived' });
  if (refused) return refused;
  return succeed({
    set: { search: { systemsSearched: input.systemsSearched, dataFound: input.dataFound, recordedOn: input.searchedOn } },
    stats: [],
    action: 'SEARCH_RECORDED',
  });
}

export function recordRestrictions(r: SarRecord, input: { restrictions: SarRecord['restrictions']; redactions: SarRecord['redactions'] }): Decision {
  if (input.restrictions.length > 0 && r.regime !== 'DPA_2018_PART_3') {
    return refuseBy(
      restrictionsUnderPart3,
      'Restrictions under s.45(4) apply to law-enforcement requests: decide the regime as DPA 2018 Part 3 first.',
      ['input', 'restrictions'],
    );
  }
  return succeed({ set: { restrictions: input.restrictions, redactions: input.redactions }, stats: [], action: 'RESTRICTIONS_RECORDED' });
}

/** Outcomes that follow a search: data disclosed, or none held. */
export const disclosingOutcomes: readonly SarOutcome[] = ['DISCLOSED_IN_FULL', 'DISCLOSED_IN_PART', 'RESTRICTED_IN_FULL', 'NOTHING_HELD'];
const needsReasons: readonly SarOutcome[] = ['DISCLOSED_IN_PART', 'RESTRICTED_IN_FULL', 'REFUSED_MANIFESTLY_UNFOUNDED', 'REFUSED_EXCESSIVE'];

export function respond(r: SarRecord, input: { outcome: SarOutcome; reasons: string | null; respondedOn: string }, ctx: ActionContext): Decision {
  if (disclosingOutcomes.includes(input.outcome) && !r.search) {
    return refuseBy(searchBeforeDisclosure, 'Record the systems searched and what was found first.');
  }
  if (input.outcome === 'DISCLOSED_IN_FULL' && (r.restrictions.length > 0 || r.redactions.length > 0)) {
    return refuseBy(
      fullDisclosureUnrestricted,
      `${r.restrictions.length} restriction(s) and ${r.redactions.length} redaction(s) are recorded: respond with a partial disclosure, or remove them first.`,
      ['input', 'outcome'],
    );
  }
  if (input.outcome === 'DISCLOSED_IN_PART' && r.restrictions.length === 0 && r.redactions.length === 0) {
    return refuseBy(partialDisclosureGrounds, 'A partial disclosure needs the restrictions or redactions recorded first.', ['input', 'outcome']);
  }
  if (input.outcome === 'RESTRICTED_IN_FULL') {
    if (r.regime !== 'DPA_2018_PART_3') {
      return refuseBy(wholeRestrictionGrounds, 'Access is restricted under s.45(4) only for a law-enforcement request: decide the regime as DPA 2018 Part 3 first.', ['input', 'outcome']);
    }
    if (r.restrictions.length === 0) {
      return refuseBy(wholeRestrictionGrounds, 'Record the restrictions first: each s.45(4) ground and why it is necessary and proportionate.', ['input', 'outcome']);
    }
    if (r.redactions.length > 0) {
      return refuseBy(wholeRestrictionGrounds, `${r.redactions.length} redaction(s) are recorded: data redacted is data disclosed in part. Respond with a partial disclosure, or remove the redactions first.`, ['input', 'outcome']);
    }
  }
  if (needsReasons.includes(input.outcome) && !input.reasons) {
    return refuse('REQUIRED', 'Give the reasons, as told to the requester with their right to complain to the ICO and to go to court.', ['input', 'reasons']);
  }
  const clock = clockOf(ctx.calendar, r);
  const lastEvent = r.clockEvents.at(-1)?.event;
  const refused = dateRefusal(
    'respondedOn',
    input.respondedOn,
    ctx,
    latest(
      { on: clock.startedOn!, what: 'the clock started' },
      lastEvent ? { on: lastEvent.on, what: 'the clock’s last event' } : null,
      r.search ? { on: r.search.recordedOn, what: 'the search' } : null,
    ),
  );
  if (refused) return refused;
  const withinDeadline = input.respondedOn <= clock.dueOn!;
  // The ICO's and the statistics' measures: within one month (pauses counted), or within an
  // extension notified before the first month ended. A late request for ID or clarification froze
  // both deadlines where they were when the time ran out (src/clocks/sarClock.ts).
  const withinOneMonth = input.respondedOn <= clock.firstMonthEndsOn!;
  const withinExtension = !withinOneMonth && withinDeadline && clock.extensionMonths > 0;
  return succeed({
    set: { response: { outcome: input.outcome, reasons: input.reasons, respondedOn: input.respondedOn, withinDeadline } },
    stats: [
      {
        day: input.respondedOn,
        add: {
          completed: 1,
          ...(withinDeadline && { completedWithinDeadline: 1 }),
          ...(withinOneMonth && { completedWithinOneMonth: 1 }),
          ...(withinExtension && { completedWithinExtension: 1 }),
          [`outcome_${input.outcome}`]: 1,
        },
      },
    ],
    action: 'RESPONDED',
  });
}

export function withdraw(r: SarRecord, input: { reason: string; on: string }, ctx: ActionContext): Decision {
  const refused = dateRefusal('on', input.on, ctx, { on: r.receivedOn, what: 'the request arrived' });
  if (refused) return refused;
  return succeed({ set: { closure: { kind: 'WITHDRAWN', reason: input.reason, on: input.on, by: ctx.by } }, stats: [], action: 'WITHDRAWN' });
}

export function close(r: SarRecord, input: { reason: string; on: string }, ctx: ActionContext): Decision {
  const refused = dateRefusal('on', input.on, ctx, { on: r.response!.respondedOn, what: 'the response' });
  if (refused) return refused;
  return succeed({ set: { closure: { kind: 'CLOSED', reason: input.reason, on: input.on, by: ctx.by } }, stats: [], action: 'CLOSED' });
}

/** The requester's complaint to the ICO: at any stage (a late or missing response is the commonest). */
export function icoComplaint(r: SarRecord, input: { icoReference: string; receivedOn: string }, ctx: ActionContext): Decision {
  const refused = dateRefusal('receivedOn', input.receivedOn, ctx, { on: r.receivedOn, what: 'the request arrived' });
  if (refused) return refused;
  return succeed({
    set: { icoComplaint: { receivedOn: input.receivedOn, icoReference: input.icoReference, outcome: null, outcomeNote: null, decidedOn: null } },
    stats: [{ day: input.receivedOn, add: { icoComplaints: 1 } }],
    action: 'ICO_COMPLAINT_RECORDED',
  });
}

export function icoOutcome(r: SarRecord, input: { outcome: SarIcoOutcome; outcomeNote: string | null; decidedOn: string }, ctx: ActionContext): Decision {
  const complaint = r.icoComplaint!;
  const refused = dateRefusal('decidedOn', input.decidedOn, ctx, { on: complaint.receivedOn, what: 'the complaint to the ICO' });
  if (refused) return refused;
  return succeed({
    set: { icoComplaint: { ...complaint, outcome: input.outcome, outcomeNote: input.outcomeNote, decidedOn: input.decidedOn } },
    stats: [{ day: input.decidedOn, add: { [`ico_${input.outcome}`]: 1 } }],
    action: 'ICO_OUTCOME_RECORDED',
  });
}

import { workingDaysBetween } from '../calendar/workingDays.js';
import { reviewWindowClosesOn } from '../clocks/complaintReviewWindow.js';
import { refuseBy, type ActionContext, type Change } from '../cases/workflow.js';
import { refuse, succeed, type Outcome } from '../errors.js';
import type {
  ComplaintHandling,
  ContactMethod,
  IopcDecision,
  LocalResolutionAction,
  Schedule3Route,
} from '../generated/graphql.js';
import type { AllegationRecord, ComplaintRecord } from './model.js';
import { informalHandlingAllowed, mandatoryReferralMade, referralRequired, reviewBodyFor, reviewWindowOpen, schedule3Reasons, staysUnderSchedule3 } from './rules.js';

/**
 * Each staff action's decision on a complaint, as a pure function of the complaint as it is now
 * and a valid input: what to change, what it adds to the statistics, and the audit action, or a
 * user error about the input. Which states an action may be taken from, and the named rules that
 * must allow it, are the workflow table's (src/complaints/workflow.ts): the runner has checked
 * them before any of these is called.
 */
type Decision = Outcome<Change<ComplaintRecord>>;

function workingDaysSinceReceipt(ctx: ActionContext, c: ComplaintRecord, day: string): number {
  return Math.max(0, workingDaysBetween(ctx.calendar, c.receivedOn, day, 'ENGLAND_AND_WALES'));
}

/** A date staff enter must fall between the complaint's receipt and today. */
function checkDay(c: ComplaintRecord, ctx: ActionContext, day: string, field: string) {
  if (day > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', field]);
  if (day < c.receivedOn) return refuse('INVALID', `The date cannot be before the complaint arrived (${c.receivedOn}).`, ['input', field]);
  return undefined;
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
  input: { contactedOn: string; method: ContactMethod; summary: string; agreedUpdateFrequency: string | null; desiredOutcomeConfirmed: boolean },
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
      ...(input.agreedUpdateFrequency && { agreedUpdateFrequency: input.agreedUpdateFrequency }),
      ...(input.desiredOutcomeConfirmed && { desiredOutcomeConfirmed: true }),
    },
    stats: firstContact
      ? [{ day: input.contactedOn, add: { firstContacts: 1, workingDaysToFirstContact: workingDaysSinceReceipt(ctx, c, input.contactedOn) } }]
      : [],
    action: firstContact ? 'FIRST_CONTACT_RECORDED' : 'CONTACT_RECORDED',
  });
}

export function addAllegation(
  c: ComplaintRecord,
  input: Omit<AllegationRecord, 'number' | 'addedOn'>,
  ctx: ActionContext,
): Decision {
  const allegation: AllegationRecord = { ...input, number: c.allegations.length + 1, addedOn: ctx.today };
  return succeed({
    set: { allegations: [...c.allegations, allegation] },
    stats: [{ day: ctx.today, add: { [`category_${input.category}`]: 1 } }],
    action: 'ALLEGATION_ADDED',
  });
}

export function decideLateComplaint(_c: ComplaintRecord, input: { proceed: boolean; reason: string }, ctx: ActionContext): Decision {
  const lateDecision = { proceed: input.proceed, reason: input.reason, decidedOn: ctx.today, decidedBy: ctx.by };
  return succeed({
    set: input.proceed
      ? { lateDecision }
      : { lateDecision, status: 'CLOSED', closure: { kind: 'DECLINED_LATE', reason: input.reason, on: ctx.today, by: ctx.by } },
    stats: [],
    action: input.proceed ? 'LATE_COMPLAINT_ACCEPTED' : 'LATE_COMPLAINT_DECLINED',
  });
}

export function decideHandling(
  c: ComplaintRecord,
  input: { handling: ComplaintHandling; route: Schedule3Route | null; referredToIopc: boolean; reason: string },
  ctx: ActionContext,
): Decision {
  const fromLocal = c.status === 'LOCAL_RESOLUTION';
  if (fromLocal && input.handling !== 'SCHEDULE_3') {
    return refuseBy(staysUnderSchedule3, 'The complaint is already being handled outside Schedule 3.', ['input', 'handling']);
  }
  const decided = { reason: input.reason, decidedOn: ctx.today, decidedBy: ctx.by, iopcDecision: null };
  if (input.handling === 'OUTSIDE_SCHEDULE_3') {
    const reasons = schedule3Reasons(c);
    if (reasons.length) {
      return refuseBy(informalHandlingAllowed, `This complaint must be recorded under Schedule 3: ${reasons.join(' ')}`, ['input', 'handling']);
    }
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
  if (referralRequired(c) && !input.referredToIopc) {
    return refuseBy(mandatoryReferralMade, 'An allegation is a mandatory referral matter: the complaint must be referred to the IOPC.', ['input', 'referredToIopc']);
  }
  return succeed({
    set: {
      status: 'SCHEDULE_3',
      handlingHistory: [...c.handlingHistory, { handling: 'SCHEDULE_3', route: input.route, referredToIopc: input.referredToIopc, ...decided }],
    },
    stats: [{ day: ctx.today, add: { handledUnderSchedule3: 1 } }],
    action: input.referredToIopc ? 'RECORDED_UNDER_SCHEDULE_3_AND_REFERRED' : 'RECORDED_UNDER_SCHEDULE_3',
  });
}

export function recordIopcDecision(c: ComplaintRecord, input: { decision: IopcDecision }): Decision {
  const last = c.handlingHistory.at(-1)!;
  const route: Schedule3Route | null | undefined = input.decision === 'RETURNED_TO_FORCE' ? last.route : 'INVESTIGATION';
  return succeed({
    set: { handlingHistory: [...c.handlingHistory.slice(0, -1), { ...last, iopcDecision: input.decision, route: route ?? null }] },
    stats: [],
    action: 'IOPC_DECISION_RECORDED',
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
    return succeed({
      set: {
        status: 'SCHEDULE_3',
        wantsFormalRecording: true,
        localResolution,
        handlingHistory: [
          ...c.handlingHistory,
          {
            handling: 'SCHEDULE_3',
            route: input.route,
            referredToIopc: false,
            iopcDecision: null,
            reason: 'Local resolution did not resolve the complaint and the complainant asked for it to be recorded.',
            decidedOn: ctx.today,
            decidedBy: ctx.by,
          },
        ],
      },
      stats: [{ day: ctx.today, add: { handledUnderSchedule3: 1 } }],
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

export function finaliseComplaint(c: ComplaintRecord, input: { outcome: string; outcomeLetterDate: string }, ctx: ActionContext): Decision {
  const bad = checkDay(c, ctx, input.outcomeLetterDate, 'outcomeLetterDate');
  if (bad) return bad;
  return succeed({
    set: {
      status: 'FINALISED',
      outcome: {
        summary: input.outcome,
        letterDate: input.outcomeLetterDate,
        reviewWindowClosesOn: reviewWindowClosesOn(input.outcomeLetterDate),
        reviewBody: reviewBodyFor(c),
      },
      review: null,
    },
    stats: [
      {
        day: input.outcomeLetterDate,
        add: { finalisedUnderSchedule3: 1, workingDaysToFinaliseUnderSchedule3: workingDaysSinceReceipt(ctx, c, input.outcomeLetterDate) },
      },
    ],
    action: 'FINALISED',
  });
}

export function recordReviewRequest(c: ComplaintRecord, input: { receivedOn: string }, ctx: ActionContext): Decision {
  const outcome = c.outcome!;
  if (input.receivedOn > ctx.today) return refuse('INVALID', 'The date cannot be in the future.', ['input', 'receivedOn']);
  if (input.receivedOn < outcome.letterDate) return refuse('INVALID', `The date cannot be before the outcome letter (${outcome.letterDate}).`, ['input', 'receivedOn']);
  if (input.receivedOn > outcome.reviewWindowClosesOn) {
    return refuseBy(reviewWindowOpen, `The review window closed on ${outcome.reviewWindowClosesOn}: the application arrived too late.`, ['input', 'receivedOn']);
  }
  return succeed({
    set: { status: 'UNDER_REVIEW', review: { receivedOn: input.receivedOn, upheld: null, decidedOn: null, note: null } },
    stats: [{ day: input.receivedOn, add: { reviews: 1 } }],
    action: 'REVIEW_REQUESTED',
  });
}

export function recordReviewOutcome(c: ComplaintRecord, input: { upheld: boolean; note: string }, ctx: ActionContext): Decision {
  const review = { ...c.review!, upheld: input.upheld, decidedOn: ctx.today, note: input.note };
  const last = c.handlingHistory.at(-1);
  return succeed({
    set: input.upheld
      ? {
          status: 'SCHEDULE_3',
          review,
          handlingHistory: [
            ...c.handlingHistory,
            {
              handling: 'SCHEDULE_3',
              route: last?.route ?? 'OTHERWISE_THAN_BY_INVESTIGATION',
              referredToIopc: false,
              iopcDecision: null,
              reason: `Reopened: the review was upheld. ${input.note}`,
              decidedOn: ctx.today,
              decidedBy: ctx.by,
            },
          ],
        }
      : { status: 'CLOSED', review, closure: { kind: 'CLOSED', reason: `Review not upheld. ${input.note}`, on: ctx.today, by: ctx.by } },
    stats: [{ day: ctx.today, add: { reviewsDecided: 1, ...(input.upheld && { reviewsUpheld: 1 }) } }],
    action: input.upheld ? 'REVIEW_UPHELD_REOPENED' : 'REVIEW_NOT_UPHELD',
  });
}

export function withdrawComplaint(_c: ComplaintRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({
    set: { status: 'WITHDRAWN', closure: { kind: 'WITHDRAWN', reason: input.reason, on: ctx.today, by: ctx.by } },
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

import { dateRefusal, type ActionContext, type Change, type DailyCounts, type EarlierEvent } from '../cases/workflow.js';
import { succeed, type Outcome } from '../errors.js';
import type { ContactMethod, DataProtectionIcoResult, DataProtectionOutcomeKind } from '../generated/graphql.js';
import { acknowledgedInTime } from './clock.js';
import type { DataProtectionRecord } from './model.js';
import { dateInOrder, dateNotInFuture, icoComplaintOpen, icoComplaintOpenOn, newHandler, refuseInput } from './rules.js';

/**
 * Each staff action's decision on a data-protection complaint, as a pure function of the complaint
 * as it is now and a valid input: what to change, what it adds to the statistics, and the audit
 * action, or a refusal of the input by a named rule. The states and guards are the workflow
 * table's (workflow.ts): the runner has checked them before any of these is called.
 */
type Decision = Outcome<Change<DataProtectionRecord>>;

/** A day staff enter: not in the future, and not before `earliest` (what it follows, in words). */
const checkDay = (ctx: ActionContext, day: string, field: string, earliest: EarlierEvent) =>
  dateRefusal(day, field, ctx.today, earliest, { future: dateNotInFuture, order: dateInOrder });

const receipt = (c: DataProtectionRecord) => ({ on: c.receivedOn, what: 'the day the complaint was received' });
const acknowledgement = (c: DataProtectionRecord) => ({ on: c.acknowledgement!.acknowledgedOn, what: 'the acknowledgement' });

export function allocate(c: DataProtectionRecord, input: { handler: string }): Decision {
  if (c.handler === input.handler) return refuseInput(newHandler, 'The complaint is already allocated to this handler.', 'handler');
  return succeed({ set: { handler: input.handler }, stats: [], action: c.handler ? 'REALLOCATED' : 'ALLOCATED' });
}

export function acknowledge(c: DataProtectionRecord, input: { acknowledgedOn: string }, ctx: ActionContext): Decision {
  const bad = checkDay(ctx, input.acknowledgedOn, 'acknowledgedOn', receipt(c));
  if (bad) return bad;
  const withinTime = acknowledgedInTime(c.receivedOn, input.acknowledgedOn);
  return succeed({
    set: { status: c.status === 'WITH_ICO' ? 'WITH_ICO' : 'ACKNOWLEDGED', acknowledgement: { acknowledgedOn: input.acknowledgedOn, recordedBy: ctx.by } },
    stats: [{ day: input.acknowledgedOn, add: { acknowledged: 1, ...(withinTime && { acknowledgedWithin30Days: 1 }) } }],
    action: withinTime ? 'ACKNOWLEDGED' : 'ACKNOWLEDGED_LATE',
  });
}

export function recordEnquiry(c: DataProtectionRecord, input: { description: string; madeBy: string; madeOn: string }, ctx: ActionContext): Decision {
  const bad = checkDay(ctx, input.madeOn, 'madeOn', receipt(c));
  if (bad) return bad;
  return succeed({
    set: { enquiries: [...c.enquiries, { description: input.description, madeBy: input.madeBy, madeOn: input.madeOn, recordedBy: ctx.by }] },
    stats: [],
    action: 'ENQUIRY_RECORDED',
  });
}

export function recordProgressUpdate(
  c: DataProtectionRecord,
  input: { sentOn: string; method: ContactMethod; summary: string },
  ctx: ActionContext,
): Decision {
  const bad = checkDay(ctx, input.sentOn, 'sentOn', acknowledgement(c));
  if (bad) return bad;
  return succeed({
    set: { progressUpdates: [...c.progressUpdates, { sentOn: input.sentOn, method: input.method, summary: input.summary, recordedBy: ctx.by }] },
    stats: [],
    action: 'PROGRESS_UPDATE_RECORDED',
  });
}

export function recordOutcome(
  c: DataProtectionRecord,
  input: { kind: DataProtectionOutcomeKind; summary: string; sentOn: string },
  ctx: ActionContext,
): Decision {
  // The outcome ends the looking into it: it is not dated before a progress update already sent
  // (an update recorded later, dated after the outcome, is a different thing and is fine).
  const lastUpdate = c.progressUpdates.reduce<string | null>((last, u) => (!last || u.sentOn > last ? u.sentOn : last), null);
  const earliest = lastUpdate && lastUpdate > c.acknowledgement!.acknowledgedOn ? { on: lastUpdate, what: 'the last progress update' } : acknowledgement(c);
  const bad = checkDay(ctx, input.sentOn, 'sentOn', earliest);
  if (bad) return bad;
  return succeed({
    set: { status: c.status === 'WITH_ICO' ? 'WITH_ICO' : 'OUTCOME_SENT', outcome: { kind: input.kind, summary: input.summary, sentOn: input.sentOn, recordedBy: ctx.by } },
    stats: [{ day: input.sentOn, add: { [`outcome_${input.kind}`]: 1 } }],
    action: 'OUTCOME_SENT',
  });
}

export function recordIcoComplaint(c: DataProtectionRecord, input: { icoReference: string; complainedOn: string }, ctx: ActionContext): Decision {
  const bad = checkDay(ctx, input.complainedOn, 'complainedOn', receipt(c));
  if (bad) return bad;
  // The guard asked whether any day so far qualifies; the day given must itself.
  const open = icoComplaintOpenOn(c, input.complainedOn);
  if ('refusal' in open) return refuseInput(icoComplaintOpen, open.refusal, 'complainedOn');
  return succeed({
    set: {
      status: 'WITH_ICO',
      icoComplaint: {
        icoReference: input.icoReference,
        complainedOn: input.complainedOn,
        basis: open.basis,
        recordedBy: ctx.by,
        outcome: null,
      },
    },
    stats: [{ day: input.complainedOn, add: { referredToIco: 1 } }],
    action: 'ICO_COMPLAINT_RECORDED',
  });
}

export function recordIcoOutcome(
  c: DataProtectionRecord,
  input: { result: DataProtectionIcoResult; summary: string; decidedOn: string },
  ctx: ActionContext,
): Decision {
  const ico = c.icoComplaint!;
  const bad = checkDay(ctx, input.decidedOn, 'decidedOn', { on: ico.complainedOn, what: 'the complaint to the ICO' });
  if (bad) return bad;
  return succeed({
    set: { icoComplaint: { ...ico, outcome: { result: input.result, summary: input.summary, decidedOn: input.decidedOn, recordedBy: ctx.by } } },
    stats: [],
    action: 'ICO_OUTCOME_RECORDED',
  });
}

export function withdraw(_c: DataProtectionRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({
    set: { status: 'WITHDRAWN', closure: { kind: 'WITHDRAWN', reason: input.reason, on: ctx.today, by: ctx.by } },
    stats: [],
    action: 'WITHDRAWN',
  });
}

export function close(_c: DataProtectionRecord, input: { reason: string }, ctx: ActionContext): Decision {
  return succeed({
    set: { status: 'CLOSED', closure: { kind: 'CLOSED', reason: input.reason, on: ctx.today, by: ctx.by } },
    stats: [],
    action: 'CLOSED',
  });
}

/** What is recorded on the complaint since its receipt, by day: a corrected day of receipt cannot be after any of it. */
export function datesSinceReceipt(c: DataProtectionRecord): Array<{ on: string; what: string }> {
  return [
    ...(c.acknowledgement ? [{ on: c.acknowledgement.acknowledgedOn, what: 'the acknowledgement' }] : []),
    ...c.enquiries.map((e) => ({ on: e.madeOn, what: 'an enquiry recorded' })),
    ...c.progressUpdates.map((u) => ({ on: u.sentOn, what: 'a progress update sent' })),
    ...(c.icoComplaint ? [{ on: c.icoComplaint.complainedOn, what: 'the complaint to the ICO' }] : []),
  ];
}

/**
 * A corrected day of receipt (src/cases/receiptDate.ts): the 30 days to acknowledge run from the
 * new day (derived, so nothing to set); an acknowledgement already counted as within or outside
 * them is counted again against the new day.
 */
export function afterReceiptCorrected(c: DataProtectionRecord, receivedOn: string): { set: Partial<DataProtectionRecord>; stats: DailyCounts } {
  const ack = c.acknowledgement;
  if (!ack) return { set: {}, stats: [] };
  const was = acknowledgedInTime(c.receivedOn, ack.acknowledgedOn);
  const is = acknowledgedInTime(receivedOn, ack.acknowledgedOn);
  return { set: {}, stats: was === is ? [] : [{ day: ack.acknowledgedOn, add: { acknowledgedWithin30Days: is ? 1 : -1 } }] };
}

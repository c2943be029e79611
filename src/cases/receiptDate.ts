import * as z from 'zod';
import { isIsoDate, londonDateOf } from '../calendar/londonDate.js';
import { succeed } from '../errors.js';
import type { RequestChannel, UserErrorCode } from '../generated/graphql.js';
import type { CaseRecord } from './contract.js';
import { actionFor, defineInputRule, defineRule, refuseBy, type ActionContext, type ActionSpec, type DailyCounts } from './workflow.js';

/**
 * Correcting a mistyped day of receipt, the same for every case type that staff log (FOI, subject
 * access, data-protection complaints): one action builder, added to each workflow table under its
 * own mutation name.
 *
 * The day of receipt is day 0 (or day 1) of every statutory clock, so the correction moves them
 * all: the clocks, due dates, states and queue entries are derived from the record and follow it;
 * anything a case type stores that was fixed at receipt is recomputed by its `recompute` hook; the
 * counts the case added to the statistics on arrival move from the old day to the new one (the
 * runner takes them back and adds them again: src/cases/caseService.ts). Each correction is kept on
 * the case (from, to, reason, by, on) and audited as RECEIPT_DATE_CORRECTED.
 *
 * Pure: no AWS, no GraphQL runtime, no store.
 */

/** One correction, as kept on the case. */
export interface ReceiptCorrection {
  from: string;
  to: string;
  reason: string;
  correctedBy: string;
  correctedOn: string;
}

/** The record field that keeps the corrections (absent on a case never corrected). */
export const receiptCorrectionsField = z.custom<ReceiptCorrection[] | null>().optional();

/** What the builder needs of a case: the envelope, its channel, and its corrections so far. */
export type CorrectableCase = CaseRecord & { channel: RequestChannel; receiptCorrections?: ReceiptCorrection[] | null };

const SOURCE = 'RULES.md §2 (FOI s.10: "the date of receipt"), §3 (subject access: "on receipt of the request") and "Data protection complaints" (30 days "beginning with the day it is received")';

/** Guard: only a day that staff typed can be mistyped. */
export const receiptDateTyped = defineRule<CorrectableCase>({
  code: 'RECEIPT_DATE_TYPED_BY_STAFF',
  words: 'Only the day of receipt of a case staff logged (post, email, phone, in person) can be corrected: a website submission’s day of receipt is the day it arrived.',
  cites: 'policy',
  refuses: (r) => (r.channel === 'WEB' ? `This case came through the website on ${r.receivedOn}: its day of receipt was not typed and cannot be corrected.` : null),
});

export const receiptCorrectionRules = {
  reason: defineInputRule({
    code: 'RECEIPT_CORRECTION_REASON',
    words: 'A correction of the day of receipt gives its reason (what was mistyped, and where the right day comes from).',
    cites: 'policy',
  }),
  notInFuture: defineInputRule({
    code: 'RECEIPT_DATE_NOT_IN_FUTURE',
    words: 'The corrected day of receipt is not in the future.',
    cites: SOURCE,
  }),
  notAfterLogging: defineInputRule({
    code: 'RECEIPT_DATE_NOT_AFTER_LOGGING',
    words: 'The corrected day of receipt is not after the day the case was logged: it had arrived by then.',
    cites: SOURCE,
  }),
  notAfterEvents: defineInputRule({
    code: 'RECEIPT_DATE_BEFORE_RECORDED_EVENTS',
    words: 'The corrected day of receipt is not after anything already recorded on the case (a clock event, an acknowledgement): correct those first.',
    cites: SOURCE,
  }),
  notTooEarly: defineInputRule({
    code: 'RECEIPT_DATE_NOT_TOO_EARLY',
    words: 'The corrected day of receipt is not before the case type’s earliest possible day (for data-protection complaints, 19 June 2026, when the duty began).',
    cites: SOURCE,
  }),
  changed: defineInputRule({
    code: 'RECEIPT_DATE_CHANGED',
    words: 'A correction changes the day of receipt.',
    cites: 'policy',
  }),
} as const;

/** A refusal of the input by one of these rules: REQUIRED for a missing reason, INVALID for a day. */
const refuseInput = (rule: { code: string }, message: string, field: string, code: UserErrorCode = 'INVALID') => refuseBy(rule, message, ['input', field], code);

/** The correction's input (besides reference and expectedVersion). */
export const receiptCorrectionInput = () =>
  z.object({
    receivedOn: z.string().refine(isIsoDate, 'Give the date as YYYY-MM-DD.'),
    reason: z.string().max(1000, 'A reason can be at most 1,000 characters.').transform((s) => s.trim()),
  });

export interface ReceiptCorrectionOptions<S extends string, R extends CorrectableCase> {
  /** The states it may be taken from (before whatever the day of receipt has already been judged against, such as a response). */
  from: readonly S[];
  /** The days of what has been recorded since receipt (clock events, an acknowledgement): the receipt cannot move after them. */
  recordedSince(record: R): Array<{ on: string; what: string }>;
  /** The earliest day of receipt the case type allows, if any. */
  earliest?: { on: string; why: string };
  /** What the case type stores that was fixed from the day of receipt, recomputed for the new day, and the counts that move with it. */
  recompute?(record: R, receivedOn: string, ctx: ActionContext): { set: Partial<R>; stats: DailyCounts };
}

/** The correction action for one workflow table: `correct<Type>ReceiptDate: receiptDateCorrection({...})`. */
export function receiptDateCorrection<S extends string, R extends CorrectableCase>(options: ReceiptCorrectionOptions<S, R>): ActionSpec<S, R> {
  const rules = receiptCorrectionRules;
  return actionFor<S, R>()({
    doing: 'Correcting the day of receipt',
    does: 'Correct a mistyped day of receipt, with a reason: every clock, due date, queue and the day the case is counted as received follow the new day.',
    from: options.from,
    guards: [receiptDateTyped],
    inputRules: Object.values(rules),
    to: [],
    input: receiptCorrectionInput,
    decide: (r, input, ctx) => {
      const field = 'receivedOn';
      if (!input.reason) return refuseInput(rules.reason, 'Say why the day of receipt is being corrected.', 'reason', 'REQUIRED');
      if (input.receivedOn === r.receivedOn) return refuseInput(rules.changed, `The day of receipt is already ${r.receivedOn}.`, field);
      if (input.receivedOn > ctx.today) return refuseInput(rules.notInFuture, 'The day of receipt cannot be in the future.', field);
      const loggedOn = londonDateOf(new Date(r.receivedAt));
      if (input.receivedOn > loggedOn) {
        return refuseInput(rules.notAfterLogging, `The day of receipt cannot be after the day the case was logged (${loggedOn}).`, field);
      }
      const first = [...options.recordedSince(r)].sort((a, b) => a.on.localeCompare(b.on))[0];
      if (first && input.receivedOn > first.on) {
        return refuseInput(rules.notAfterEvents, `The day of receipt cannot be after ${first.what} (${first.on}).`, field);
      }
      if (options.earliest && input.receivedOn < options.earliest.on) {
        return refuseInput(rules.notTooEarly, `The day of receipt cannot be before ${options.earliest.on}: ${options.earliest.why}.`, field);
      }
      const more = options.recompute?.(r, input.receivedOn, ctx) ?? { set: {}, stats: [] };
      const correction: ReceiptCorrection = { from: r.receivedOn, to: input.receivedOn, reason: input.reason, correctedBy: ctx.by, correctedOn: ctx.today };
      return succeed({
        set: { ...more.set, receivedOn: input.receivedOn, receiptCorrections: [...(r.receiptCorrections ?? []), correction] } as Partial<R>,
        stats: more.stats,
        action: 'RECEIPT_DATE_CORRECTED',
      });
    },
  });
}

/** The days of a case's clock events, for `recordedSince`: the receipt cannot move after any of them. */
export function clockEventDays(events: ReadonlyArray<{ event: { type: string; on: string } }>): Array<{ on: string; what: string }> {
  return events.map((e) => ({ on: e.event.on, what: `the ${e.event.type.toLowerCase().replace(/_/g, ' ')} event recorded on the clock` }));
}

import * as z from 'zod';
import { receiptCorrectionsField } from '../cases/receiptDate.js';
import type { ClockEventRecord } from '../clocks/clockEvents.js';
import type { FoiClockEvent } from '../clocks/foiClock.js';
import type { CaseClosure, FoiFormat, FoiOutcome, FoiRequester, RequestChannel } from '../generated/graphql.js';

type Plain<T> = Omit<T, '__typename'>;
const part = <T>() => z.custom<T>();

export interface ExemptionUse {
  section: string;
  publicInterestTestApplied: boolean;
  neitherConfirmNorDeny: boolean;
}

export interface FoiResponseRecord {
  outcome: FoiOutcome;
  exemptions: ExemptionUse[];
  summary: string;
  respondedOn: string;
  withinDeadline: boolean;
  within20WorkingDays: boolean;
  /** s.12 refusals: the estimate (hours) and the s.16 advice given (absent on responses recorded before it was asked). */
  costLimit?: { estimateHours: number; adviceGiven: string } | null;
  /** s.14 refusals: whether s.17(6) applies. */
  vexatious?: { section17_6Applies: boolean } | null;
}

/** A response taken off the disclosure log: when, by whom and why. */
export interface Unpublication {
  on: string;
  by: string;
  reason: string;
}

export interface InternalReviewRecord {
  requestedOn: string;
  extension: { on: string; extendedTo: string; reason: string } | null;
  outcome: string | null;
  decidedOn: string | null;
  note: string | null;
}

/**
 * An FOI request as stored. Status, due dates and days left are derived from the clock events,
 * the response and the review (src/foi/status.ts). The zod object is the list of the case item's
 * fields: the shared machinery reads exactly these.
 */
export const foiRecord = z.object({
  reference: z.string(),
  channel: part<RequestChannel>(),
  receivedAt: z.string(),
  /** The statutory day of receipt, Europe/London: day 0 of the FOI clock. */
  receivedOn: z.string(),
  handler: z.string().nullable(),
  /** The phone is optional (absent on requests made before it was asked for). */
  requester: part<Omit<Plain<FoiRequester>, 'phone'> & { phone?: string | null }>(),
  /** A keyed hash identifying the requester, for their request history (never shown). */
  requesterKey: z.string(),
  /** A keyed hash of the requester's name alone, to suggest their requests through other channels (null on older requests). */
  requesterNameKey: z.string().nullable(),
  description: z.string(),
  format: part<FoiFormat>(),
  clockEvents: part<ClockEventRecord<FoiClockEvent>[]>(),
  publicInterestExtension: part<{ sections: string[]; estimatedDate: string; refusalNoticeOn: string } | null>(),
  response: part<FoiResponseRecord | null>(),
  disclosure: part<{ title: string; question: string; answer: string; publishedOn: string } | null>(),
  /** Each time the response was taken off the disclosure log (null on older requests: none). */
  unpublished: part<Unpublication[] | null>(),
  internalReview: part<InternalReviewRecord | null>(),
  icoComplaint: part<{ receivedOn: string; icoReference: string; decision: string | null; decisionNoticeReference: string | null; decidedOn: string | null } | null>(),
  closure: part<Plain<CaseClosure> | null>(),
  receiptCorrections: receiptCorrectionsField,
  version: z.number(),
  updatedAt: z.string(),
});

export type FoiRecord = z.infer<typeof foiRecord>;

export type FoiForm = Pick<FoiRecord, 'requester' | 'description' | 'format'>;

export function newFoiRequest(
  form: FoiForm,
  arrival: { reference: string; channel: RequestChannel; receivedAt: string; receivedOn: string; requesterKey: string; requesterNameKey?: string | null },
): FoiRecord {
  return {
    requester: form.requester,
    description: form.description,
    format: form.format,
    ...arrival,
    requesterNameKey: arrival.requesterNameKey ?? null,
    handler: null,
    clockEvents: [],
    publicInterestExtension: null,
    response: null,
    disclosure: null,
    unpublished: [],
    internalReview: null,
    icoComplaint: null,
    closure: null,
    version: 1,
    updatedAt: arrival.receivedAt,
  };
}

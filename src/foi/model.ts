import type { ClockEventRecord } from '../clocks/clockEvents.js';
import type { FoiClockEvent } from '../clocks/foiClock.js';
import type { CaseClosure, FoiFormat, FoiOutcome, FoiRequester, RequestChannel } from '../generated/graphql.js';

type Plain<T> = Omit<T, '__typename'>;

export interface ExemptionUse {
  section: string;
  publicInterestTestApplied: boolean;
  neitherConfirmNorDeny: boolean;
}

/**
 * An FOI request as stored. Status, due dates and days left are derived from the clock events,
 * the response and the review (src/foi/status.ts).
 */
export interface FoiRecord {
  reference: string;
  channel: RequestChannel;
  receivedAt: string;
  receivedOn: string;
  handler: string | null;
  requester: Plain<FoiRequester>;
  /** A keyed hash identifying the requester, for their request history (never shown). */
  requesterKey: string;
  description: string;
  format: FoiFormat;
  clockEvents: ClockEventRecord<FoiClockEvent>[];
  publicInterestExtension: { sections: string[]; estimatedDate: string; refusalNoticeOn: string } | null;
  response: {
    outcome: FoiOutcome;
    exemptions: ExemptionUse[];
    summary: string;
    respondedOn: string;
    withinDeadline: boolean;
    within20WorkingDays: boolean;
  } | null;
  disclosure: { title: string; question: string; answer: string; publishedOn: string } | null;
  internalReview: {
    requestedOn: string;
    extension: { on: string; extendedTo: string; reason: string } | null;
    outcome: string | null;
    decidedOn: string | null;
    note: string | null;
  } | null;
  icoComplaint: { receivedOn: string; icoReference: string; decision: string | null; decisionNoticeReference: string | null; decidedOn: string | null } | null;
  closure: Plain<CaseClosure> | null;
  version: number;
  updatedAt: string;
}

export type FoiForm = Pick<FoiRecord, 'requester' | 'description' | 'format'>;

export function newFoiRequest(
  form: FoiForm,
  arrival: { reference: string; channel: RequestChannel; receivedAt: string; receivedOn: string; requesterKey: string },
): FoiRecord {
  return {
    ...form,
    ...arrival,
    handler: null,
    clockEvents: [],
    publicInterestExtension: null,
    response: null,
    disclosure: null,
    internalReview: null,
    icoComplaint: null,
    closure: null,
    version: 1,
    updatedAt: arrival.receivedAt,
  };
}

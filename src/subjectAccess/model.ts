import * as z from 'zod';
import { receiptCorrectionsField } from '../cases/receiptDate.js';
import type { ClockEventRecord } from '../clocks/clockEvents.js';
import type { SarClockEvent } from '../clocks/sarClock.js';
import type {
  CaseClosure,
  DisclosureFormat,
  Needs,
  RequestChannel,
  SarAgent,
  SarIcoComplaint,
  SarRedaction,
  SarRegime,
  SarRequester,
  SarResponse,
  SarRestriction,
  SarScope,
  SarSearch,
} from '../generated/graphql.js';

/**
 * A subject access request as stored. Its status, due date and days left are not stored: they
 * are derived from the clock events and the response (src/subjectAccess/status.ts). The zod
 * object is the list of the case item's fields: the shared machinery reads exactly these.
 */
type Plain<T> = Omit<T, '__typename'>;
const part = <T>() => z.custom<T>();

export const sarRecord = z.object({
  reference: z.string(),
  channel: part<RequestChannel>(),
  receivedAt: z.string(),
  /** The day it arrived: the clock's start unless proof of identity is asked for. */
  receivedOn: z.string(),
  handler: z.string().nullable(),
  /** True once identity is verified (on logging, or when proof arrives). */
  identityVerified: z.boolean(),
  requester: part<Plain<SarRequester>>(),
  agent: part<Plain<SarAgent> | null>(),
  scope: part<Plain<SarScope>>(),
  format: part<DisclosureFormat>(),
  needs: part<Plain<Needs>>(),
  clockEvents: part<ClockEventRecord<SarClockEvent>[]>(),
  regime: part<SarRegime | null>(),
  search: part<Plain<SarSearch> | null>(),
  restrictions: part<Plain<SarRestriction>[]>(),
  redactions: part<Plain<SarRedaction>[]>(),
  response: part<Plain<SarResponse> | null>(),
  closure: part<Plain<CaseClosure> | null>(),
  /** The requester's complaint to the ICO and, once known, its outcome (null on requests stored before it existed). */
  icoComplaint: part<Plain<SarIcoComplaint> | null>(),
  receiptCorrections: receiptCorrectionsField,
  version: z.number(),
  updatedAt: z.string(),
});

export type SarRecord = z.infer<typeof sarRecord>;

/** The form's fields, as submitted or logged and validated. */
export type SarForm = Pick<SarRecord, 'requester' | 'agent' | 'scope' | 'format' | 'needs'>;

/** A request as it is when it arrives (or is logged): nothing decided or recorded yet. */
export function newSubjectAccessRequest(
  form: SarForm,
  arrival: { reference: string; channel: RequestChannel; receivedAt: string; receivedOn: string; identityVerified: boolean },
): SarRecord {
  return {
    requester: form.requester,
    agent: form.agent,
    scope: form.scope,
    format: form.format,
    needs: form.needs,
    ...arrival,
    handler: null,
    clockEvents: [],
    regime: null,
    search: null,
    restrictions: [],
    redactions: [],
    response: null,
    closure: null,
    icoComplaint: null,
    version: 1,
    updatedAt: arrival.receivedAt,
  };
}

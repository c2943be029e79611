import type { AuditActor } from '../audit/model.js';
import type { ClockEventRecord } from '../clocks/clockEvents.js';
import type { SarClockEvent } from '../clocks/sarClock.js';
import type {
  CaseClosure,
  DisclosureFormat,
  Needs,
  RequestChannel,
  SarAgent,
  SarRedaction,
  SarRegime,
  SarRequester,
  SarResponse,
  SarRestriction,
  SarScope,
  SarSearch,
} from '../generated/graphql.js';

type Plain<T> = Omit<T, '__typename'>;

/**
 * A subject access request as stored. Its status, due date and days left are not stored: they
 * are derived from the clock events and the response (src/subjectAccess/status.ts).
 */
export interface SarRecord {
  reference: string;
  channel: RequestChannel;
  receivedAt: string;
  /** The day it arrived: the clock's start unless proof of identity is asked for. */
  receivedOn: string;
  handler: string | null;
  /** True once identity is verified (on logging, or when proof arrives). */
  identityVerified: boolean;
  requester: Plain<SarRequester>;
  agent: Plain<SarAgent> | null;
  scope: Plain<SarScope>;
  format: DisclosureFormat;
  needs: Plain<Needs>;
  clockEvents: ClockEventRecord<SarClockEvent>[];
  regime: SarRegime | null;
  search: Plain<SarSearch> | null;
  restrictions: Plain<SarRestriction>[];
  redactions: Plain<SarRedaction>[];
  response: Plain<SarResponse> | null;
  closure: Plain<CaseClosure> | null;
  version: number;
  updatedAt: string;
}

export type SarForm = Pick<SarRecord, 'requester' | 'agent' | 'scope' | 'format' | 'needs'>;

export function newSubjectAccessRequest(
  form: SarForm,
  arrival: { reference: string; channel: RequestChannel; receivedAt: string; receivedOn: string; identityVerified: boolean },
): SarRecord {
  return {
    ...form,
    ...arrival,
    handler: null,
    clockEvents: [],
    regime: null,
    search: null,
    restrictions: [],
    redactions: [],
    response: null,
    closure: null,
    version: 1,
    updatedAt: arrival.receivedAt,
  };
}

export type { AuditActor };

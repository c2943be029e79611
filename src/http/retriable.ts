import { ServiceUnavailableError } from '../errors.js';

/**
 * Which faults a caller can cure by waiting, told apart by their shape (name, code, HTTP status)
 * rather than by class, so that no AWS SDK is imported here: DynamoDB throttling, DynamoDB out of
 * reach (refused, reset, timed out, a 5xx), and transactions that kept colliding. Anything else
 * stays unexpected (a missing table, a bad request we built) and is masked as an internal error.
 */
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
]);
const UNAVAILABLE = new Set(['InternalServerError', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException', 'TimeoutError', 'RequestTimeout']);
const CONFLICT = new Set(['TransactionConflictException', 'TransactionInProgressException']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);
/** Why a transaction was cancelled, per item, when waiting would help. */
const RETRIABLE_REASONS: Record<string, ServiceUnavailableError['reason']> = {
  ThrottlingError: 'THROTTLED',
  ProvisionedThroughputExceeded: 'THROTTLED',
  RequestLimitExceeded: 'THROTTLED',
  TransactionConflict: 'CONFLICT',
};

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  errors?: unknown;
  cause?: unknown;
  CancellationReasons?: Array<{ Code?: string }>;
  $metadata?: { httpStatusCode?: number };
}

/** The fault as a ServiceUnavailableError when waiting would cure it; undefined otherwise. */
export function asServiceUnavailable(error: unknown, depth = 0): ServiceUnavailableError | undefined {
  if (error instanceof ServiceUnavailableError) return error;
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  if (THROTTLED.has(name)) return new ServiceUnavailableError('THROTTLED');
  if (CONFLICT.has(name)) return new ServiceUnavailableError('CONFLICT', 1);
  if (UNAVAILABLE.has(name)) return new ServiceUnavailableError('UNREACHABLE');
  if (name === 'TransactionCanceledException') {
    // A failed condition is a decision, not a fault: only cancellations that waiting would cure.
    const reasons = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
    if (reasons.includes('ConditionalCheckFailed') || reasons.includes('ValidationError')) return undefined;
    const retriable = reasons.map((r) => RETRIABLE_REASONS[r]).find(Boolean);
    return retriable ? new ServiceUnavailableError(retriable, retriable === 'CONFLICT' ? 1 : 2) : undefined;
  }
  if (typeof e.code === 'string' && NETWORK.has(e.code)) return new ServiceUnavailableError('UNREACHABLE');
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && status >= 500 && status !== 501) return new ServiceUnavailableError('UNREACHABLE');
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((inner) => asServiceUnavailable(inner, depth + 1))) {
    return new ServiceUnavailableError('UNREACHABLE');
  }
  return e.cause === undefined ? undefined : asServiceUnavailable(e.cause, depth + 1);
}

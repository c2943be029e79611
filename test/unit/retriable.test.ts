import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ResourceNotFoundException,
  ThrottlingException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../../src/errors.js';
import { asServiceUnavailable } from '../../src/http/retriable.js';

/**
 * DynamoDB Local never throttles, so the throttling answers are checked here on the SDK's own
 * exception classes, as the client throws them; the integration tests stop a real DynamoDB Local
 * for the "out of reach" case.
 */
const meta = { $metadata: { httpStatusCode: 400 }, message: 'm' };
const cancelled = (...codes: string[]) => new TransactionCanceledException({ ...meta, CancellationReasons: codes.map((Code) => ({ Code })) });

describe('faults that waiting cures', () => {
  it('are DynamoDB throttling, server errors, conflicts and unreachable endpoints', () => {
    expect(asServiceUnavailable(new ProvisionedThroughputExceededException(meta))?.reason).toBe('THROTTLED');
    expect(asServiceUnavailable(new ThrottlingException(meta))?.reason).toBe('THROTTLED');
    expect(asServiceUnavailable(new RequestLimitExceeded(meta))?.reason).toBe('THROTTLED');
    expect(asServiceUnavailable(new InternalServerError({ ...meta, $metadata: { httpStatusCode: 500 } }))?.reason).toBe('UNREACHABLE');
    expect(asServiceUnavailable(new TransactionConflictException(meta))?.reason).toBe('CONFLICT');
    expect(asServiceUnavailable(cancelled('None', 'ThrottlingError'))?.reason).toBe('THROTTLED');
    expect(asServiceUnavailable(cancelled('TransactionConflict', 'None'))?.reason).toBe('CONFLICT');
    expect(asServiceUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))?.reason).toBe('UNREACHABLE');
    expect(asServiceUnavailable(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))?.reason).toBe('UNREACHABLE');
    expect(asServiceUnavailable(new ServiceUnavailableError('CONFLICT'))?.reason).toBe('CONFLICT');
    expect(asServiceUnavailable(new ThrottlingException(meta))?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('are not failed conditions, missing tables or our own bugs', () => {
    expect(asServiceUnavailable(new ConditionalCheckFailedException(meta))).toBeUndefined();
    expect(asServiceUnavailable(new ResourceNotFoundException(meta))).toBeUndefined();
    expect(asServiceUnavailable(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBeUndefined();
    expect(asServiceUnavailable(cancelled('ValidationError'))).toBeUndefined();
    expect(asServiceUnavailable(new TypeError('x is undefined'))).toBeUndefined();
    expect(asServiceUnavailable('a string')).toBeUndefined();
  });
});

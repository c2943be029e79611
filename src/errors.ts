import type { UserErrorCode } from './generated/graphql.js';

/**
 * How the domain says "no". A mutation's service returns an Outcome: the value, or the user errors
 * that say what the caller got wrong (shown in the payload's userErrors). A query that is asked
 * something impossible throws UserInputError (a top-level BAD_USER_INPUT error). Messages never
 * repeat the values that were sent: they may be personal data.
 */
export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: UserErrorCode;
  /** The workflow rule that refused an action (src/cases/workflow.ts); absent for input errors. */
  rule?: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserErrorShape[] };

/** User errors as the schema's UserError: `rule` always present (null for input errors). */
export const asUserErrors = (errors: UserErrorShape[]) => errors.map((e) => ({ ...e, rule: e.rule ?? null }));

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const refuse = (
  code: UserErrorCode,
  message: string,
  field: string[] | null = null,
): { ok: false; userErrors: UserErrorShape[] } => ({ ok: false, userErrors: [{ field, message, code, rule: null }] });

/** A query's input cannot be answered as asked. */
export class UserInputError extends Error {
  constructor(readonly userErrors: UserErrorShape[]) {
    super(userErrors.map((e) => e.message).join(' '));
    this.name = 'UserInputError';
  }
}

/** Too many requests from one source in the current window. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests: try again in ${retryAfterSeconds} seconds.`);
    this.name = 'RateLimitedError';
  }
}

/** The bearer token was present but not valid. */
export class UnauthenticatedError extends Error {
  constructor(message = 'The bearer token is not valid: sign in again.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/**
 * A fault the caller can fix by waiting: the database is throttling or out of reach, or a write kept
 * colliding with others until its retries ran out. Answered 503 with Retry-After and
 * `extensions.retriable: true`, never as an internal error.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly reason: 'THROTTLED' | 'UNREACHABLE' | 'CONFLICT',
    readonly retryAfterSeconds = 2,
  ) {
    super('The service is busy or briefly out of reach: try again in a few seconds.');
    this.name = 'ServiceUnavailableError';
  }
}

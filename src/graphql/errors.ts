import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from './apollo.js';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { RateLimitedError, UnauthenticatedError, UserInputError } from '../errors.js';
import { clientMistake } from '../http/clientMistakes.js';
import { asServiceUnavailable } from '../http/retriable.js';
import type { Logger } from '../logging/logger.js';
import type { GraphQLContext } from './context.js';

/**
 * What callers see of errors. Expected errors keep their message and a code; anything unexpected
 * is masked: the caller gets an error id, the log gets the details under the same id (and the
 * request id), and neither gets a stack trace or a value somebody sent.
 */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
]);

const errorIds = new WeakMap<object, string>();

/** graphql-js and Apollo quote the offending value in some messages; it may be personal data. */
export function withoutValues(message: string): string {
  return message
    .replace(/got invalid value .*?(?=(?: at "|; |$))/s, 'got an invalid value')
    .replace(/(value:|found(?: String| Int| Float)?|Unexpected(?: String| Name| Int| Float)?) (?:"(?:[^"\\]|\\.)*"|[-+\w.@]+|\{.*?\}|\[.*?\])/gs, '$1 (not shown)')
    .replace(/\bValue "(?:[^"\\]|\\.)*" does not exist/g, 'The value (not shown) does not exist')
    .replace(/\bField "(?:[^"\\]|\\.)*" is not defined by type/g, 'A field (not shown) is not defined by type')
    .replace(/\bUnknown operation named "(?:[^"\\]|\\.)*"/g, 'Unknown operation named (not shown)');
}

function known(original: unknown): { code: string; message: string; extensions?: Record<string, unknown> } | undefined {
  if (original instanceof UserInputError) {
    return { code: 'BAD_USER_INPUT', message: original.message, extensions: { userErrors: original.userErrors } };
  }
  if (original instanceof RateLimitedError) {
    return { code: 'RATE_LIMITED', message: original.message, extensions: { retriable: true, retryAfterSeconds: original.retryAfterSeconds } };
  }
  if (original instanceof UnauthenticatedError) return { code: 'UNAUTHENTICATED', message: original.message };
  const unavailable = asServiceUnavailable(original);
  if (unavailable) {
    return { code: 'SERVICE_UNAVAILABLE', message: unavailable.message, extensions: { retriable: true, retryAfterSeconds: unavailable.retryAfterSeconds } };
  }
  return undefined;
}

/**
 * Expected: our own error classes, and GraphQL errors (parse, validation, variable coercion,
 * authorization) whose code is one we pass on. Everything else, which means anything a resolver
 * threw that is not ours, is unexpected.
 */
function isUnexpected(original: unknown): boolean {
  return !known(original) && !isGraphQLError(original);
}

/** By shape, not instanceof: a second copy of graphql in a process must not unmask errors. */
function isGraphQLError(error: unknown): boolean {
  return error instanceof GraphQLError || (error instanceof Error && error.name !== 'Error' && 'extensions' in error && 'locations' in error);
}

export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const mapped = known(original);
    if (mapped) {
      return { message: mapped.message, path: formatted.path, extensions: { code: mapped.code, ...mapped.extensions } };
    }
    const mistake = isUnexpected(original) ? undefined : clientMistake(formatted);
    if (mistake) return { message: mistake.message, extensions: { code: mistake.code } };
    const code = formatted.extensions?.code;
    if (!isUnexpected(original) && typeof code === 'string' && PASS_THROUGH.has(code)) {
      return {
        message: withoutValues(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    let errorId = typeof error === 'object' && error !== null ? errorIds.get(error) : undefined;
    if (!errorId) {
      errorId = randomUUID();
      logUnexpected(logger, errorId, original);
    }
    return {
      message: `Something went wrong on our side. If it keeps happening, quote error ${errorId}.`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

function logUnexpected(logger: Logger, errorId: string, original: unknown) {
  const e = original instanceof Error ? original : new Error('non-error thrown');
  // The stack without its first line: that line is the message, which may quote data.
  const frames = (e.stack ?? '').split('\n').slice(1, 12).map((l) => l.trim());
  logger.error('unexpected error', {
    errorId,
    errorName: e.name,
    awsRequestId: (e as { $metadata?: { requestId?: string } }).$metadata?.requestId,
    stack: frames,
  });
}

/** Logs each unexpected error once, with the request id, and remembers its id for formatError. */
export function errorLoggingPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const unavailable = asServiceUnavailable(original);
            if (unavailable) {
              contextValue.logger.warn('service unavailable', { reason: unavailable.reason, errorName: original instanceof Error ? original.name : 'unknown' });
              continue;
            }
            if (!isUnexpected(original)) continue;
            const errorId = randomUUID();
            errorIds.set(error, errorId);
            logUnexpected(contextValue.logger, errorId, original);
          }
        },
      };
    },
  };
}


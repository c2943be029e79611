import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';

/**
 * HTTP answers a client (or a CDN, or a retrying SDK) can act on without reading the body:
 *
 * - 503 with Retry-After when the database is throttling or out of reach (SERVICE_UNAVAILABLE,
 *   `extensions.retriable: true`): the request may be sent again unchanged;
 *   The same for a submission answered TRY_AGAIN (a user error in its payload: its write kept
 *   colliding with others' until its retries ran out, and nothing was stored);
 * - 429 with Retry-After when the caller is rate-limited, whether the limit was reported as a
 *   top-level RATE_LIMITED error (trackCase) or as a RATE_LIMITED user error in a mutation's
 *   payload (public submissions).
 *
 * Everything else keeps the status Apollo chose (200, or 400 for requests it could not run).
 */
export function httpAnswersPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          const answer = answerFor(errors ?? [], data, contextValue);
          if (!answer) return;
          response.http.status = answer.status;
          response.http.headers.set('retry-after', String(answer.retryAfterSeconds));
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

interface Answer {
  status: 429 | 503;
  retryAfterSeconds: number;
}

function answerFor(errors: readonly GraphQLFormattedError[], data: Record<string, unknown> | null | undefined, ctx: GraphQLContext | undefined): Answer | undefined {
  const waits = (code: string) => errors.filter((e) => e.extensions?.code === code).map((e) => Number(e.extensions?.retryAfterSeconds) || 1);
  const unavailable = waits('SERVICE_UNAVAILABLE');
  if (payloadRefused(data, 'TRY_AGAIN')) unavailable.push(1);
  if (unavailable.length) return { status: 503, retryAfterSeconds: Math.max(...unavailable) };
  const limited = waits('RATE_LIMITED');
  if (payloadRefused(data, 'RATE_LIMITED') && ctx) limited.push(submissionWindowLeft(ctx));
  if (limited.length) return { status: 429, retryAfterSeconds: Math.max(...limited) };
  return undefined;
}

/** A mutation payload (a top-level field with userErrors) refused with this code. */
function payloadRefused(data: Record<string, unknown> | null | undefined, code: string): boolean {
  return Object.values(data ?? {}).some((payload) => {
    const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
    return Array.isArray(userErrors) && userErrors.some((e) => (e as { code?: unknown })?.code === code);
  });
}

/** Seconds left in the submission rate limit's fixed window (as src/store/rateLimiter.ts counts it). */
function submissionWindowLeft(ctx: GraphQLContext): number {
  const { windowSeconds } = ctx.services.config.submitRateLimit;
  const nowSeconds = Math.floor(ctx.services.now().getTime() / 1000);
  return windowSeconds - (nowSeconds % windowSeconds);
}

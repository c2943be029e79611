import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { METRIC } from './metrics.js';

/**
 * Per request: tags the request's logger with the operation's name (so every line a resolver logs
 * says which operation it was in), and counts what the answer says: user errors by code (in
 * payloads and top-level), rate limiting, internal errors and unavailability. Never a variable.
 */
export function observabilityPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          contextValue.logger = contextValue.logger.child({ operationName: operationName ?? null, operationType: operation?.operation ?? null });
        },
        async willSendResponse({ response, contextValue }) {
          if (!contextValue || response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          countAnswer(contextValue, errors ?? [], data);
        },
      };
    },
  };
}

function countAnswer(ctx: GraphQLContext, errors: readonly GraphQLFormattedError[], data: Record<string, unknown> | null | undefined) {
  const metrics = ctx.services.metrics;
  const codes = [...errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')), ...payloadUserErrorCodes(data)];
  const byCode = new Map<string, number>();
  for (const code of codes) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  for (const [code, n] of byCode) {
    if (code === 'INTERNAL_SERVER_ERROR') metrics.count(METRIC.internalErrors, {}, n);
    else if (code === 'SERVICE_UNAVAILABLE') metrics.count(METRIC.serviceUnavailable, {}, n);
    else metrics.count(METRIC.userErrors, { code }, n);
  }
  if (byCode.has('RATE_LIMITED')) metrics.count(METRIC.rateLimited);
}

/** The codes of user errors in mutation payloads (top-level fields with userErrors). */
function payloadUserErrorCodes(data: Record<string, unknown> | null | undefined): string[] {
  return Object.values(data ?? {}).flatMap((payload) => {
    const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
    return Array.isArray(userErrors) ? userErrors.map((e) => String((e as { code?: unknown })?.code ?? 'UNKNOWN')) : [];
  });
}

import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

/**
 * CORS for the local server, as API Gateway answers it when deployed (infra/stack.ts,
 * `corsPreflight`): the configured website origins only, POST and OPTIONS, the headers a form
 * sends, preflights cached for an hour. An origin not in the list gets no CORS headers, so the
 * browser refuses the call, as it would against the deployed API.
 */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight'];
export const CORS_ALLOWED_METHODS = ['POST', 'OPTIONS'];
export const CORS_MAX_AGE_SECONDS = 3600;

export function corsHeaders(req: IncomingMessage, websiteOrigins: readonly string[], preflight: boolean): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  if (!origin || !websiteOrigins.includes(origin)) return preflight ? { vary: 'origin' } : {};
  return {
    'access-control-allow-origin': origin,
    vary: 'origin',
    ...(preflight && {
      'access-control-allow-methods': CORS_ALLOWED_METHODS.join(','),
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(','),
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
    }),
  };
}

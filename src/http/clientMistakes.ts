import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Requests Apollo or graphql-js refuse with an error that carries no code, which would otherwise be
 * masked as an internal error: each is the caller's mistake, so it gets Apollo's standard code (and
 * stays a 400). The messages are ours and never quote what was sent.
 */
const MISTAKES: Array<{ match: RegExp; code: string; message: string }> = [
  {
    // graphql-js stops coercing variables after 50 invalid values.
    match: /^Too many errors processing variables/,
    code: ApolloServerErrorCode.BAD_USER_INPUT,
    message: 'Too many variable values are invalid (more than 50): correct them and send again.',
  },
  {
    match: /^provided sha does not match query$/,
    code: ApolloServerErrorCode.BAD_REQUEST,
    message: 'The persisted query’s sha256Hash is not the SHA-256 of the query sent with it.',
  },
  {
    match: /^Unsupported persisted query version$/,
    code: ApolloServerErrorCode.BAD_REQUEST,
    message: 'Only version 1 of automatic persisted queries is supported.',
  },
];

/** The code and message for a codeless refusal that is the caller's mistake; undefined otherwise. */
export function clientMistake(formatted: GraphQLFormattedError): { code: string; message: string } | undefined {
  const code = formatted.extensions?.code;
  if (code !== undefined && code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) return undefined;
  const found = MISTAKES.find((m) => m.match.test(formatted.message));
  return found && { code: found.code, message: found.message };
}

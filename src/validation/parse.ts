import type { z } from 'zod';
import type { UserErrorCode } from '../generated/graphql.js';
import { UserInputError, type Outcome, type UserErrorShape } from '../errors.js';

/**
 * Validates an input with its zod schema and turns the issues into user errors whose field paths
 * start at the argument's name (for example ["input", "rating"]). Zod's messages never include the
 * value, and the schemas in this project give their own plain-English messages.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  argument = 'input',
): Outcome<z.infer<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const userErrors: UserErrorShape[] = result.error.issues.map((issue) => ({
    field: [argument, ...issue.path.map(String)],
    message: issue.message,
    code: codeFor(issue),
    rule: null,
  }));
  return { ok: false, userErrors };
}

/** The same, for queries: throws a UserInputError instead of returning the errors. */
export function parseQueryInput<S extends z.ZodType>(schema: S, value: unknown, argument = 'input'): z.infer<S> {
  const outcome = parseInput(schema, value, argument);
  if (!outcome.ok) throw new UserInputError(outcome.userErrors);
  return outcome.value;
}

function codeFor(issue: z.core.$ZodIssue): UserErrorCode {
  if (issue.code === 'custom') {
    const code = (issue.params as { code?: UserErrorCode } | undefined)?.code;
    return code ?? 'INVALID';
  }
  if (issue.code === 'too_big') return issue.origin === 'string' ? 'TOO_LONG' : 'OUT_OF_RANGE';
  if (issue.code === 'too_small') {
    return issue.origin === 'string' && issue.minimum === 1 ? 'REQUIRED' : 'OUT_OF_RANGE';
  }
  return 'INVALID';
}

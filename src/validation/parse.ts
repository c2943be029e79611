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
  const controls = controlCharacterErrors(value, [argument]);
  if (controls.length > 0) return { ok: false, userErrors: controls };
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

/**
 * Control characters are not text: a null, a bell, an escape, or a text-direction override or
 * isolate (which makes text display in another order than it is stored, "Trojan Source"). Tab,
 * line feed and carriage return are text. Refused in every string of every input, wherever it is,
 * before the schema: a name of "\u0000" would otherwise reach a letter as "Dear \u0000".
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function controlCharacterErrors(value: unknown, path: string[]): UserErrorShape[] {
  if (typeof value === 'string') {
    return CONTROL.test(value)
      ? [{ field: path, message: 'This contains control characters (invisible characters that are not text, such as a null or a text-direction override): remove them.', code: 'INVALID', rule: null }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => controlCharacterErrors(item, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => controlCharacterErrors(item, [...path, key]));
  return [];
}

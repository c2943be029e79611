import * as z from 'zod';
import { fieldMeta } from './fieldFacts.js';

/**
 * Input pieces every area uses. Messages are plain English and never repeat the value sent.
 */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, 'The idempotency key must be 16 to 100 letters, digits, hyphens or underscores (a UUID is ideal).')
  // IDEMPOTENCY_KEY_REUSED comes from the submission desk (src/cases/submitOnce.ts), not this check.
  .meta(fieldMeta({ codes: ['IDEMPOTENCY_KEY_REUSED'], limit: '16 to 100 letters, digits, - or _ (a UUID)', maxLength: 100 }));

/** Optional free text: trimmed; empty becomes null. */
export const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be at most ${max.toLocaleString('en-GB')} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

/** An optional email address: trimmed; empty becomes null. */
export const optionalEmail = z
  .string()
  .trim()
  .max(254, 'An email address can be at most 254 characters.')
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || z.email().safeParse(v).success, 'This does not look like an email address.');

/** The form of an email address used to find records by it (never stored as such: only hashed). */
export function emailLookupForm(email: string): string {
  return email.trim().toLowerCase();
}

/** Language, interpreter and accessibility needs, on every public form. */
export const needsSchema = z
  .object({
    language: optionalText(100, 'A language'),
    interpreterNeeded: z.boolean().nullish().transform((v) => v ?? false),
    accessibility: optionalText(1000, 'Accessibility needs'),
  })
  .nullish()
  .transform((v) => v ?? { language: null, interpreterNeeded: false, accessibility: null });

/** Required text: trimmed, not empty (then nothing else is checked), bounded. */
export const requiredText = (max: number, what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `Give ${what}.` : `Give ${what} as text.`) })
    .trim()
    // abort: an empty field gets one error (REQUIRED), not also the refinements that follow.
    .min(1, { message: `Give ${what}.`, abort: true })
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} can be at most ${max.toLocaleString('en-GB')} characters.`);

/** An optional UK-style telephone number. */
export const optionalPhone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\+?[0-9 ()-]{7,20}$/.test(v), 'A telephone number has 7 to 20 digits, spaces, brackets or hyphens.')
  .meta(fieldMeta({ limit: '7 to 20 digits, spaces, brackets or hyphens, and a leading +' }));

/** A staff member's user name, as a handler to allocate a case to. */
export const handlerName = z.string().trim().min(1, 'Give the handler’s user name.').max(100, 'A user name can be at most 100 characters.');

/** A queue's optional handler filter: the same user name, or nothing. */
export const handlerFilter = z.string().trim().max(100, 'A user name can be at most 100 characters.').nullish();

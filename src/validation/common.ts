import { z } from 'zod';

/**
 * Input pieces every area uses. Messages are plain English and never repeat the value sent.
 */
export const idempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,100}$/, 'The idempotency key must be 16 to 100 letters, digits, hyphens or underscores (a UUID is ideal).');

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

/** Required text: trimmed, not empty, bounded. */
export const requiredText = (max: number, what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `Give ${what}.` : `Give ${what} as text.`) })
    .trim()
    .min(1, `Give ${what}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} can be at most ${max.toLocaleString('en-GB')} characters.`);

/** An optional UK-style telephone number. */
export const optionalPhone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\+?[0-9 ()-]{7,20}$/.test(v), 'A telephone number has 7 to 20 digits, spaces, brackets or hyphens.');

import * as z from 'zod';
import { idempotencyKey, optionalEmail, optionalText } from '../validation/common.js';
import { fieldMeta } from '../validation/fieldFacts.js';
import { MAX_PAGE_URL_LENGTH, normalisePageUrl } from './pageUrl.js';

export const MAX_COMMENT_LENGTH = 2000;

const pageUrlMessages = {
  INVALID: 'Give the full address of the page, starting https://.',
  HOST_NOT_ALLOWED: "Only pages of the force's own website can be rated.",
  TOO_LONG: 'A page address can be at most 2,000 characters, and 500 without its query string (letters other than a to z count as several).',
} as const;

/** A page address, normalised; refused when it is not a page of the force's websites. */
export const pageUrlSchema = (allowedHosts: readonly string[]) =>
  z.string().transform((raw, ctx) => {
    const result = normalisePageUrl(raw, allowedHosts);
    if (result.ok) return { pageUrl: result.pageUrl, pageKey: result.pageKey };
    ctx.addIssue({ code: 'custom', message: pageUrlMessages[result.code], params: { code: result.code } });
    return z.NEVER;
  }).meta(fieldMeta({ codes: ['INVALID', 'HOST_NOT_ALLOWED', 'TOO_LONG'], maxLength: MAX_PAGE_URL_LENGTH, limit: "an http(s) address of the force's website; at most 500 bytes without its query string (UTF-8, percent-encoded)" }));

export const submitPageRatingSchema = (allowedHosts: readonly string[]) =>
  z.object({
    idempotencyKey,
    pageUrl: pageUrlSchema(allowedHosts),
    rating: z.number().int('Give a whole number of stars.').min(1, 'Give 1 to 3 stars.').max(3, 'Give 1 to 3 stars.'),
    comment: optionalText(MAX_COMMENT_LENGTH, 'A comment'),
    researchContact: z
      .object({
        name: optionalText(200, 'A name'),
        email: optionalEmail,
        consentToContact: z.literal(true, 'Contact details can be kept only with consent to be contacted.'),
      })
      .refine((c) => c.name !== null || c.email !== null, {
        message: 'Give a name or an email address, or leave out the contact details.',
        params: { code: 'REQUIRED' },
      })
      .nullish()
      .transform((v) => v ?? null),
  });

export type SubmitPageRating = z.infer<ReturnType<typeof submitPageRatingSchema>>;

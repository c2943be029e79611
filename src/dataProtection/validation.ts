import * as z from 'zod';
import { optionalPostalAddress } from '../validation/postalAddress.js';
import { isIsoDate } from '../calendar/londonDate.js';
import { parseReferenceParts } from '../cases/reference.js';
import { idempotencyKey, needsSchema, optionalEmail, optionalText, requiredText, handlerName } from '../validation/common.js';
import { fieldMeta } from '../validation/fieldFacts.js';
import { IN_FORCE_FROM } from './clock.js';

const text = requiredText;

const complainant = z
  .object({
    name: text(200, 'your name'),
    email: optionalEmail,
    postalAddress: optionalPostalAddress('An address'),
    preferredContact: z.enum(['EMAIL', 'POST']),
  })
  .superRefine((c, ctx) => {
    const [given, field] = c.preferredContact === 'EMAIL' ? [c.email, 'email'] : [c.postalAddress, 'postalAddress'];
    if (!given) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'Give the contact detail for the way you would like us to contact you.', params: { code: 'REQUIRED' } });
    }
  })
  .meta(
    fieldMeta({
      fieldErrors: [
        { path: ['email'], code: 'REQUIRED', when: 'when preferredContact is EMAIL' },
        { path: ['postalAddress'], code: 'REQUIRED', when: 'when preferredContact is POST' },
      ],
    }),
  );

/**
 * The reference of a related case (a subject access request, say), checked for its form only:
 * whether such a case exists is never looked up, so the answer cannot tell anyone that it does.
 * Stored as a reference is written (upper case, no spaces).
 */
const relatedReference = z
  .string()
  .trim()
  .max(30, 'A case reference is at most 30 characters.')
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || parseReferenceParts(v) !== undefined, 'A case reference looks like SAR-2026-000123: three letters, the year and a number.')
  .transform((v) => (v === null ? null : parseReferenceParts(v)!.reference));

const complaintFields = {
  idempotencyKey,
  complainant,
  whatHappened: text(10_000, 'what happened with your personal data'),
  desiredOutcome: optionalText(2000, 'What you would like us to do'),
  relatedReference,
  needs: needsSchema,
};

/** The public form. */
export const submitDataProtectionComplaintSchema = () => z.object(complaintFields);

/** Staff logging of a complaint that arrived another way: the statutory day of receipt and the channel. */
export const logDataProtectionComplaintSchema = (today: string) =>
  z.object({
    ...complaintFields,
    channel: z.enum(['POST', 'EMAIL', 'PHONE', 'IN_PERSON'], 'Choose POST, EMAIL, PHONE or IN_PERSON: WEB is for the website’s form.'),
    receivedOn: z
      .string()
      .refine(isIsoDate, 'Give the date as YYYY-MM-DD.')
      .refine((d) => d <= today, 'The day of receipt cannot be in the future.')
      .refine((d) => d >= IN_FORCE_FROM, `The duty to handle data-protection complaints applies from ${IN_FORCE_FROM}: a complaint received before then is not one.`),
  });

export type DataProtectionFormInput = z.infer<ReturnType<typeof submitDataProtectionComplaintSchema>>;
export type DataProtectionLogInput = z.infer<ReturnType<typeof logDataProtectionComplaintSchema>>;

const date = z.string().refine(isIsoDate, 'Give the date as YYYY-MM-DD.');
const dayOrToday = (today: string) =>
  date
    .nullish()
    .transform((v) => v ?? today);
const handler = handlerName;

/** Staff action inputs (the reference and version are checked by the runner). */
export const actionSchemas = {
  allocate: () => z.object({ handler }),
  acknowledge: (today: string) => z.object({ acknowledgedOn: dayOrToday(today) }),
  enquiry: (today: string) =>
    z.object({
      description: text(5000, 'what was looked into'),
      madeBy: text(200, 'who made the enquiry'),
      madeOn: dayOrToday(today),
    }),
  progressUpdate: (today: string) =>
    z.object({
      sentOn: dayOrToday(today),
      method: z.enum(['EMAIL', 'PHONE', 'POST']),
      summary: text(5000, 'what the complainant was told'),
    }),
  outcome: (today: string) =>
    z.object({
      kind: z.enum(['UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD']),
      summary: text(10_000, 'what the complainant was told'),
      sentOn: dayOrToday(today),
    }),
  icoComplaint: (today: string) =>
    z.object({
      icoReference: text(50, 'the ICO’s reference'),
      complainedOn: dayOrToday(today),
    }),
  icoOutcome: (today: string) =>
    z.object({
      result: z.enum(['NO_FURTHER_ACTION', 'FURTHER_ACTION_REQUIRED', 'REGULATORY_ACTION']),
      summary: text(5000, 'what the ICO said'),
      decidedOn: dayOrToday(today),
    }),
  reason: () => z.object({ reason: text(2000, 'the reason') }),
};

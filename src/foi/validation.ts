import * as z from 'zod';
import { optionalPostalAddress } from '../validation/postalAddress.js';
import { isIsoDate } from '../calendar/londonDate.js';
import { idempotencyKey, optionalEmail, optionalText, requiredText, handlerName } from '../validation/common.js';

const date = z.string().refine(isIsoDate, 'Give the date as YYYY-MM-DD.');
const on = (today: string) => date.nullish().transform((v) => v ?? today);

/**
 * What FOIA s.8 needs for a valid request: the requester's real name, an address for
 * correspondence (an email address is enough) and a description of the information.
 */
const requester = z
  .object({
    name: requiredText(200, 'your name').refine(
      (n) => /\p{L}.*\p{L}/u.test(n) && !n.includes('@'),
      'A Freedom of Information request needs your real name (FOIA s.8): give your name, not a nickname or an email address.',
    ),
    email: optionalEmail,
    postalAddress: optionalPostalAddress('An address'),
    phone: optionalText(40, 'A phone number'),
  })
  .refine((r) => r.email !== null || r.postalAddress !== null, {
    message: 'A Freedom of Information request needs an address for our reply (FOIA s.8): give an email or postal address.',
    path: ['email'],
    params: { code: 'REQUIRED' },
  });

const request = {
  requester,
  description: requiredText(5000, 'a description of the information you want'),
  format: z.enum(['ELECTRONIC_COPY', 'PAPER_COPY', 'INSPECTION', 'SUMMARY']),
};

export const submitFoiSchema = () =>
  z.object({ idempotencyKey, ...request, confirmNotOwnPersonalData: z.boolean().nullish().transform((v) => v ?? false) });

export const logFoiSchema = (today: string) =>
  z.object({
    idempotencyKey,
    channel: z.enum(['POST', 'EMAIL'], 'Log requests that arrived by post or email; website requests arrive by themselves.'),
    receivedOn: date.refine((d) => d <= today, 'The day it arrived cannot be in the future.'),
    ...request,
  });

const handler = handlerName;

export const foiActionSchemas = {
  allocate: () => z.object({ handler }),
  clockRequest: (today: string) => z.object({ on: on(today), reason: requiredText(2000, 'what was asked for') }),
  clockAnswer: (today: string) => z.object({ on: on(today), reason: optionalText(2000, 'A note') }),
  publicInterest: (today: string) =>
    z.object({
      on: on(today),
      estimatedDate: date,
      exemptions: z
        .array(z.string().trim().max(20, 'An exemption is named by its section, for example 31 or 40(2).'))
        .min(1, 'Name the exemptions whose public interest test needs more time.')
        .max(20, 'Name at most 20 exemptions.'),
      reason: requiredText(2000, 'why more time is needed'),
    }),
  respond: (today: string) =>
    z.object({
      outcome: z.enum(['PROVIDED_IN_FULL', 'PROVIDED_IN_PART', 'REFUSED', 'NOT_HELD', 'REFUSED_COST_LIMIT', 'REFUSED_VEXATIOUS_OR_REPEATED']),
      exemptions: z
        .array(z.object({ section: z.string().trim().max(20, 'An exemption is named by its section, for example 31 or 40(2).'), publicInterestTestApplied: z.boolean(), neitherConfirmNorDeny: z.boolean() }))
        .max(20, 'Name at most 20 exemptions.')
        .refine((list) => new Set(list.map((e) => e.section)).size === list.length, 'Name each exemption once.')
        .nullish()
        .transform((v) => v ?? []),
      summary: requiredText(20_000, 'a summary of the response'),
      respondedOn: on(today),
      costLimit: z
        .object({
          estimateHours: z.number().min(0, 'The estimate is a number of hours.').max(100_000, 'The estimate is a number of hours.'),
          adviceGiven: requiredText(5000, 'the advice and assistance given under s.16'),
        })
        .nullish()
        .transform((v) => v ?? null),
      vexatious: z
        .object({ section17_6Applies: z.boolean() })
        .nullish()
        .transform((v) => v ?? null),
    }),
  publish: () =>
    z.object({
      title: requiredText(200, 'a title'),
      question: requiredText(5000, 'the question as published'),
      answer: requiredText(50_000, 'the answer as published'),
      personalDataReviewed: z.boolean().nullish().transform((v) => v ?? false),
    }),
  reviewRequest: (today: string) => z.object({ on: on(today), reason: optionalText(2000, 'A note') }),
  unpublish: () => z.object({ reason: requiredText(2000, 'why it is taken off the disclosure log') }),
  reviewExtend: (today: string) => z.object({ extendedTo: date, reason: requiredText(2000, 'why the review needs longer'), on: on(today) }),
  reviewOutcome: (today: string) =>
    z.object({
      outcome: z.enum(['UPHELD', 'PARTLY_UPHELD', 'OVERTURNED'], 'The outcome is UPHELD, PARTLY_UPHELD or OVERTURNED.'),
      note: requiredText(5000, 'the reasons'),
      decidedOn: on(today),
    }),
  icoComplaint: (today: string) => z.object({ icoReference: requiredText(50, 'the ICO’s case reference'), receivedOn: on(today) }),
  icoDecision: (today: string) =>
    z.object({
      decision: z.enum(['UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD'], 'The decision is UPHELD, PARTLY_UPHELD or NOT_UPHELD.'),
      decisionNoticeReference: requiredText(50, 'the decision notice reference'),
      decidedOn: on(today),
    }),
  reason: () => z.object({ reason: requiredText(2000, 'the reason') }),
};

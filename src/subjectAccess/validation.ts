import * as z from 'zod';
import { requiredPostalAddress } from '../validation/postalAddress.js';
import { isIsoDate } from '../calendar/londonDate.js';
import { idempotencyKey, needsSchema, optionalEmail, optionalPhone, optionalText, requiredText, handlerName } from '../validation/common.js';

const date = z.string().refine(isIsoDate, 'Give the date as YYYY-MM-DD.');

const form = (today: string) => ({
  requester: z.object({
    name: requiredText(200, 'your full name'),
    previousNames: z.array(requiredText(200, 'a previous name')).max(10, 'List at most 10 previous names.').nullish().transform((v) => v ?? []),
    dateOfBirth: date.refine((d) => d <= today && d >= '1900-01-01', 'Give a real date of birth.'),
    address: requiredPostalAddress('your address'),
    email: optionalEmail,
    phone: optionalPhone,
  }),
  agent: z
    .object({
      agentName: requiredText(200, 'your name'),
      relationship: requiredText(100, 'your relationship to the person'),
      authority: requiredText(500, 'the authority you hold (for example their signed consent)'),
    })
    .nullish()
    .transform((v) => v ?? null),
  scope: z
    .object({
      description: requiredText(5000, 'a description of the information you want'),
      dateFrom: date.nullish().transform((v) => v ?? null),
      dateTo: date.nullish().transform((v) => v ?? null),
      knownReferences: z.array(requiredText(100, 'a reference')).max(20, 'List at most 20 references.').nullish().transform((v) => v ?? []),
    })
    .refine((s) => !(s.dateFrom && s.dateTo && s.dateFrom > s.dateTo), { message: 'The period ends before it starts.', path: ['dateTo'] }),
  format: z.enum(['ELECTRONIC', 'PAPER']),
  needs: needsSchema,
});

/** The public form. */
export const submitSarSchema = (today: string) =>
  z.object({ idempotencyKey, ...form(today), confirmNotOnlyCriminalRecord: z.boolean().nullish().transform((v) => v ?? false) });

/** A request staff log from post, email, phone or a visit. */
export const logSarSchema = (today: string) =>
  z.object({
    idempotencyKey,
    channel: z.enum(['POST', 'EMAIL', 'PHONE', 'IN_PERSON'], 'Requests made on the website arrive by themselves: log only those made another way.'),
    receivedOn: date.refine((d) => d <= today, 'The day it arrived cannot be in the future.'),
    identityVerified: z.boolean(),
    ...form(today),
  });

const on = (today: string) => date.nullish().transform((v) => v ?? today);
const handler = handlerName;

export const sarActionSchemas = {
  allocate: () => z.object({ handler }),
  clockRequest: (today: string) => z.object({ on: on(today), reason: requiredText(2000, 'what was asked for') }),
  clockAnswer: (today: string) => z.object({ on: on(today), reason: optionalText(2000, 'A note') }),
  extend: (today: string) =>
    z.object({ on: on(today), months: z.number().int('Give a whole number of months.'), reason: requiredText(2000, 'the reasons for the extension') }),
  regime: () => z.object({ regime: z.enum(['UK_GDPR', 'DPA_2018_PART_3']) }),
  search: (today: string) =>
    z.object({
      systemsSearched: z.array(requiredText(200, 'a system')).min(1, 'List at least one system searched.').max(50),
      dataFound: requiredText(10_000, 'what was found'),
      searchedOn: on(today),
    }),
  restrictions: () =>
    z.object({
      restrictions: z
        .array(
          z.object({
            ground: z.enum(['AVOID_OBSTRUCTING_INQUIRY', 'AVOID_PREJUDICING_OFFENCES', 'PUBLIC_SECURITY', 'NATIONAL_SECURITY', 'RIGHTS_OF_OTHERS']),
            reason: requiredText(2000, 'why the restriction is necessary and proportionate'),
          }),
        )
        .max(20),
      redactions: z.array(z.object({ description: requiredText(500, 'what was redacted'), reason: requiredText(2000, 'why') })).max(200),
    }),
  respond: (today: string) =>
    z.object({
      outcome: z.enum(['DISCLOSED_IN_FULL', 'DISCLOSED_IN_PART', 'RESTRICTED_IN_FULL', 'NOTHING_HELD', 'REFUSED_MANIFESTLY_UNFOUNDED', 'REFUSED_EXCESSIVE']),
      reasons: optionalText(10_000, 'The reasons'),
      respondedOn: on(today),
    }),
  datedReason: (today: string) => z.object({ reason: requiredText(2000, 'the reason'), on: on(today) }),
  icoComplaint: (today: string) => z.object({ icoReference: requiredText(50, 'the ICO’s case reference'), receivedOn: on(today) }),
  icoOutcome: (today: string) =>
    z.object({
      outcome: z.enum(['FORCE_COMPLIED', 'FORCE_DID_NOT_COMPLY', 'ENFORCEMENT_NOTICE']),
      outcomeNote: optionalText(2000, 'A note'),
      decidedOn: on(today),
    }),
};

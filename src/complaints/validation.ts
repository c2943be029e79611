import * as z from 'zod';
import { optionalPostalAddress } from '../validation/postalAddress.js';
import { isIsoDate } from '../calendar/londonDate.js';
import { idempotencyKey, needsSchema, optionalEmail, optionalPhone, optionalText, requiredText, handlerName } from '../validation/common.js';
import { fieldMeta } from '../validation/fieldFacts.js';
import type { UserErrorCode } from '../generated/graphql.js';
import { allegationCategories, commonComplaintTypes, isCode, SOMETHING_ELSE } from './catalogue.js';

const text = requiredText;
const phone = optionalPhone;

/** The public complaint form's fields. `today` is the Europe/London date (an incident cannot be in the future). */
const formFields = (today: string) => ({
  idempotencyKey,
  complainant: z.object({
    name: text(200, 'your name'),
    email: optionalEmail,
    phone,
    postalAddress: optionalPostalAddress('An address'),
    preferredContact: z.enum(['EMAIL', 'PHONE', 'POST']),
  }),
  onBehalfOf: z
    .object({
      name: text(200, 'the name of the person you are complaining for'),
      relationship: text(100, 'how you know them'),
      hasTheirConsent: z.boolean(),
    })
    .nullish()
    .transform((v) => v ?? null),
  needs: needsSchema,
  incident: z.object({
    date: z
      .string()
      .refine(isIsoDate, 'Give the date as YYYY-MM-DD.')
      .refine((d) => d <= today, 'The date of the incident cannot be in the future.'),
    time: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Give the time as HH:MM, for example 14:30.'),
    place: text(500, 'where it happened'),
    description: text(10_000, 'what happened'),
  }),
  peopleInvolved: z
    .array(
      z
        .object({
          name: optionalText(200, 'A name'),
          collarNumber: optionalText(20, 'A collar number'),
          description: optionalText(500, 'A description'),
        })
        .refine((p) => p.name || p.collarNumber || p.description, 'Give a name, collar number or description for each person.'),
    )
    .max(20, 'List at most 20 people.')
    .nullish()
    .transform((v) => v ?? []),
  complaintTypes: z
    .array(z.string().refine((c) => isCode(commonComplaintTypes, c), 'Choose from the listed kinds of complaint.'))
    .min(1, 'Choose at least one kind of complaint, or "something else".')
    .max(20, 'Choose at most 20 kinds of complaint.')
    .transform((v) => [...new Set(v)]),
  otherTypeDescription: optionalText(500, 'The description'),
  desiredOutcome: text(2000, 'the outcome you want'),
  wantsFormalRecording: z.boolean(),
});

type FormFields = z.infer<z.ZodObject<ReturnType<typeof formFields>>>;

/** The form's checks across fields (the contact detail for the way preferred; what "something else" is). */
function formChecks(v: FormFields, ctx: z.RefinementCtx) {
  const c = v.complainant;
  const given = { EMAIL: c.email, PHONE: c.phone, POST: c.postalAddress }[c.preferredContact];
  if (!given) {
    const field = { EMAIL: 'email', PHONE: 'phone', POST: 'postalAddress' }[c.preferredContact];
    ctx.addIssue({ code: 'custom', path: ['complainant', field], message: 'Give the contact detail for the way you would like us to contact you.', params: { code: 'REQUIRED' } });
  }
  if (v.complaintTypes.includes(SOMETHING_ELSE) && !v.otherTypeDescription) {
    ctx.addIssue({ code: 'custom', path: ['otherTypeDescription'], message: 'Say briefly what your complaint is about.', params: { code: 'REQUIRED' } });
  }
}

const formFieldErrors: Array<{ path: string[]; code: UserErrorCode; when: string }> = [
  { path: ['complainant', 'email'], code: 'REQUIRED', when: 'when preferredContact is EMAIL' },
  { path: ['complainant', 'phone'], code: 'REQUIRED', when: 'when preferredContact is PHONE' },
  { path: ['complainant', 'postalAddress'], code: 'REQUIRED', when: 'when preferredContact is POST' },
  { path: ['otherTypeDescription'], code: 'REQUIRED', when: `when complaintTypes includes ${SOMETHING_ELSE}` },
];

/** The public complaint form. `today` is the Europe/London date (an incident cannot be in the future). */
export const submitComplaintSchema = (today: string) =>
  z
    .object(formFields(today))
    .superRefine(formChecks)
    .meta(fieldMeta({ fieldErrors: [...formFieldErrors] }));

export type SubmitComplaint = z.infer<ReturnType<typeof submitComplaintSchema>>;

/**
 * A complaint that arrived by post, email, phone or in person, recorded by staff: the form's
 * fields, with the channel and the statutory day of receipt (RULES.md §4: the IOPC measures days
 * from receipt to logging), which is not in the future and not before the incident it is about.
 */
export const recordComplaintReceivedSchema = (today: string) =>
  z
    .object({
      ...formFields(today),
      channel: z.enum(['POST', 'EMAIL', 'PHONE', 'IN_PERSON'], 'Choose POST, EMAIL, PHONE or IN_PERSON: WEB is for the website’s form.'),
      receivedOn: z
        .string()
        .refine(isIsoDate, 'Give the date as YYYY-MM-DD.')
        .refine((d) => d <= today, 'The day of receipt cannot be in the future.'),
    })
    .superRefine((v, ctx) => {
      formChecks(v, ctx);
      if (v.receivedOn < v.incident.date) {
        ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: `The day of receipt cannot be before the incident (${v.incident.date}).`, params: { code: 'INVALID' } });
      }
    })
    .meta(fieldMeta({ fieldErrors: [...formFieldErrors, { path: ['receivedOn'], code: 'INVALID', when: 'when before incident.date' }] }));

export type RecordComplaintReceived = z.infer<ReturnType<typeof recordComplaintReceivedSchema>>;

const date = z.string().refine(isIsoDate, 'Give the date as YYYY-MM-DD.');
const optionalDate = (today: string) =>
  date
    .nullish()
    .transform((v) => v ?? today);
const handler = handlerName;
const flag = z.boolean().nullish().transform((v) => v ?? false);
const method = z.enum(['EMAIL', 'PHONE', 'POST']);
const route = z.enum(['OTHERWISE_THAN_BY_INVESTIGATION', 'INVESTIGATION']);
const criterion = z.enum(['DEATH_OR_SERIOUS_INJURY', 'SERIOUS_ASSAULT', 'SERIOUS_SEXUAL_OFFENCE', 'SERIOUS_CORRUPTION', 'DISCRIMINATION', 'CHIEF_OFFICER', 'SAME_INCIDENT', 'VOLUNTARY']);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
/** Lists from staff have a ceiling, so no input can outgrow an item. */
const MAX_LIST = 50;

/** Staff action inputs (the reference and version are checked by the service). */
export const actionSchemas = {
  log: (today: string) => z.object({ handler, loggedOn: optionalDate(today) }),
  allocate: () => z.object({ handler }),
  contact: (today: string) =>
    z.object({
      contactedOn: optionalDate(today),
      method,
      summary: text(5000, 'a summary of the contact'),
      updatePlan: nullable(
        z.object({
          every: z.number().int().min(1, 'Agree updates every 1 to 52 days or weeks.').max(52, 'Agree updates every 1 to 52 days or weeks.'),
          unit: z.enum(['DAYS', 'WEEKS']),
          channel: method,
        }),
      ),
      desiredOutcomeConfirmed: flag,
    }),
  allegation: () =>
    z.object({
      category: z.string().refine((c) => isCode(allegationCategories, c), 'Choose an IOPC category from allegationCategories.'),
      summary: text(2000, 'what is alleged'),
      personComplainedAbout: z
        .object({
          name: optionalText(200, 'A name'),
          collarNumber: optionalText(20, 'A collar number'),
          role: optionalText(100, 'A role'),
          seniorOfficer: flag,
          chiefOfficer: flag,
          kind: nullable(z.enum(['OFFICER', 'STAFF'])),
        })
        .nullish()
        .transform((v) => v ?? null),
      flags: z
        .object({ deathOrSeriousInjury: flag, possibleCriminalOffence: flag, possibleMisconduct: flag, article2or3: flag, mandatoryReferral: flag })
        .nullish()
        .transform((v) => v ?? { deathOrSeriousInjury: false, possibleCriminalOffence: false, possibleMisconduct: false, article2or3: false, mandatoryReferral: false }),
    }),
  late: () => z.object({ proceed: z.boolean(), reason: text(2000, 'the reason for the decision'), withoutContactReason: optionalText(2000, 'The reason') }),
  handling: () =>
    z.object({
      handling: z.enum(['OUTSIDE_SCHEDULE_3', 'SCHEDULE_3']),
      route: nullable(route),
      referredToIopc: flag,
      referralCriteria: nullable(z.array(criterion).max(8)),
      reason: text(2000, 'the reason for the decision'),
      withoutContactReason: optionalText(2000, 'The reason'),
    }),
  iopc: (today: string) =>
    z.object({
      decision: z.enum(['RETURNED_TO_FORCE', 'LOCAL_INVESTIGATION', 'DIRECTED_INVESTIGATION', 'INDEPENDENT_INVESTIGATION']),
      decidedOn: optionalDate(today),
      referral: nullable(z.number().int().min(1)),
    }),
  refer: (today: string) =>
    z.object({
      referredOn: optionalDate(today),
      criteria: z.array(criterion).min(1, 'Give at least one referral criterion.').max(8),
      allegations: nullable(z.array(z.number().int().min(1)).max(MAX_LIST, `Refer at most ${MAX_LIST} allegations at once.`)),
    }),
  atRequest: (today: string) => z.object({ requestedOn: optionalDate(today), route, note: optionalText(2000, 'The note') }),
  standing: () =>
    z.object({
      standing: z.enum(['DIRECTED_AT', 'ADVERSELY_AFFECTED', 'WITNESS', 'ON_BEHALF_WITH_CONSENT', 'ON_BEHALF_WITHOUT_CONSENT', 'OWN_STAFF', 'NO_STANDING']),
      writtenConsentOn: nullable(date),
      note: text(2000, 'what the decision rests on'),
    }),
  link: () => z.object({ otherReference: text(30, 'the other complaint’s reference'), reason: text(2000, 'why they are linked') }),
  transfer: (today: string) => z.object({ transferredOn: optionalDate(today), note: optionalText(2000, 'The note') }),
  localResolution: () =>
    z.object({
      actionsTaken: z.array(z.enum(['LISTENED', 'EXPLAINED', 'APOLOGISED', 'ACTION_AGREED'])).max(4, 'List each action once.').nullish(),
      resolvingOfficer: optionalText(200, 'A name'),
      team: optionalText(200, 'A team'),
      targetDate: date.nullish(),
      complainantResponse: optionalText(5000, 'The response'),
    }),
  conclude: () =>
    z.object({
      resolvedToSatisfaction: z.boolean(),
      complainantAsksForRecording: flag,
      route: nullable(route),
      complainantResponse: optionalText(5000, 'The response'),
    }),
  finalise: () =>
    z.object({
      outcome: text(10_000, 'the outcome'),
      outcomeLetterDate: date,
      letterContent: optionalText(20_000, 'The letter'),
      allegationOutcomes: z
        .array(
          z.object({
            allegation: z.number().int().min(1),
            outcome: z.enum(['SERVICE_ACCEPTABLE', 'SERVICE_NOT_ACCEPTABLE', 'UNABLE_TO_DETERMINE', 'NO_FURTHER_ACTION', 'CASE_TO_ANSWER', 'NO_CASE_TO_ANSWER']),
          }),
        )
        .max(MAX_LIST)
        .nullish()
        .transform((v) => v ?? []),
      withoutContactReason: optionalText(2000, 'The reason'),
    }),
  reviewRequest: (today: string) => z.object({ receivedOn: optionalDate(today) }),
  reviewOutcome: (today: string) => z.object({ upheld: z.boolean(), note: text(5000, 'the review body’s reasons'), decidedOn: optionalDate(today) }),
  withdraw: (today: string) =>
    z.object({
      reason: text(2000, 'the reason'),
      notice: z.enum(['SIGNED_NOTICE', 'CONFIRMED_REQUEST']),
      receivedOn: optionalDate(today),
      iopcNotifiedOn: nullable(date),
      continueInPublicInterest: z.boolean().nullish().transform((v) => v ?? null),
    }),
  reason: () => z.object({ reason: text(2000, 'the reason') }),
};

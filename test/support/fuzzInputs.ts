import { randomUUID } from 'node:crypto';
import fc from 'fast-check';

/**
 * Generated inputs for the public mutations: mostly shaped like the form (so that most reach the
 * database), with values drawn from ordinary text, unusual Unicode, values at and just over each
 * limit, personal-data look-alikes, wrong types, nulls and missing fields.
 */
const nasty = fc.constantFrom(
  '',
  '   ',
  '\u0000',
  '\ud800',
  '\udfff x',
  '\u202e\u2066',
  'jane.doe@example.com',
  '07700 900123',
  'B1 1AA',
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  '${process.env}',
  '{"$ne": null}',
  'WEB-2026-000001',
  '\r\n\t',
  'Zoë Ærø Ŀ 北京 😀 👩🏽‍⚖️',
);

/** Text for a field whose limit is `max` characters. */
export const text = (max: number) =>
  fc.oneof(
    { weight: 14, arbitrary: fc.lorem({ maxCount: Math.max(1, Math.min(Math.floor(max / 12), 40)) }).map((s) => s.slice(0, max)) },
    { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(max, 60) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(max, 40) }) },
    { weight: 2, arbitrary: nasty },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: Math.max(0, max - 2), max: max + 2 }), fc.constantFrom('x', '€', '😀', 'ß '))
        .map(([n, c]) => c.repeat(Math.ceil(n / c.length))),
    },
  );

const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.double(), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }));

/** Usually the arbitrary; now and then a value of the wrong type. */
const sometimesWrong = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 60, arbitrary: arb }, { weight: 1, arbitrary: wrongType });

/** An optional field: absent, null, or given. */
const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: arb });

const date = fc.oneof(
  { weight: 20, arbitrary: fc.date({ min: new Date('2020-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '1899-12-31', '2099-01-01', '26-03-02', '2026-13-01', '') },
);

/** A postal address: mostly as the forms ask for it (lines, the postcode last), sometimes any text. */
const postcode = fc.tuple(fc.constantFrom('B', 'CV', 'DY', 'WS', 'WV'), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('AA', 'BX', 'ZZ')).map(([a, n, d, z]) => `${a}${n} ${d}${z}`);
const address = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.lorem({ maxCount: 4 }), fc.lorem({ maxCount: 2 }), postcode, fc.constantFrom(', ', '\n', '\r\n')).map(([street, town, code, sep]) => [street, town, code].join(sep)) },
  { weight: 3, arbitrary: text(500) },
);

const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 12 });
const email = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(word, word).map(([a, b]) => `${a}.${b}@example.com`) },
  { weight: 2, arbitrary: fc.constantFrom('o\'brien@example.co.uk', 'a+b@sub.example.org', 'x@y', '"quoted"@example.com', 'jo@example.com.') },
  { weight: 1, arbitrary: text(320) },
);
const phone = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('07700 900123', '+44 121 496 0000', '0121 496 0123', '(0121) 4960123') }, { weight: 1, arbitrary: text(40) });

/** Mostly fresh keys; some from a small pool, so retries and reused keys (with other input) occur. */
const keyPool = Array.from({ length: 8 }, () => randomUUID());
const idempotencyKey = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null).map(() => randomUUID()) },
  { weight: 2, arbitrary: fc.constantFrom(...keyPool) },
  { weight: 1, arbitrary: text(120) },
);

/** Empty most of the time, as a person leaves it; filled (by a bot) now and then. */
const honeypot = fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: text(50) });

const needs = optional(fc.record({ language: optional(text(100)), interpreterNeeded: optional(fc.boolean()), accessibility: optional(text(2000)) }, { requiredKeys: [] }));

/** Drops a required field now and then. */
const record = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  fc.tuple(fc.record(fields), fc.oneof({ weight: 40, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(fields)) })).map(([value, drop]) => {
    const out: Record<string, unknown> = { ...value };
    if (drop) delete out[drop];
    for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
    return out;
  });

/**
 * Most inputs have one top-level field spoiled (too long, unusual, of the wrong type): refusing
 * them is cheap, so the fuzz covers validation widely and still stores a sample of cases (whose
 * writes cost the most time) for the half-written check.
 */
const spoiler = fc.oneof(nasty, wrongType, fc.constantFrom('x'.repeat(20_001), '€'.repeat(10_001)));
const mostlySpoiled = (arb: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { weight: 1, arbitrary: arb },
    {
      weight: 14,
      arbitrary: fc.tuple(arb, fc.nat(), spoiler).map(([value, n, bad]) => {
        const keys = Object.keys(value).filter((k) => k !== 'idempotencyKey');
        return keys.length ? { ...value, [keys[n % keys.length]!]: bad } : value;
      }),
    },
  );

const complaintTypeCodes = ['EXCESSIVE_FORCE', 'NOT_LISTENING', 'POOR_INVESTIGATION', 'RUDENESS', 'NO_CONTACT', 'MISUSE_OF_POLICE_COMPUTERS', 'SPEEDING_IN_MARKED_CARS', 'SOMETHING_ELSE'];

export const publicInputs: Record<string, { mutation: string; type: string; input: fc.Arbitrary<Record<string, unknown>> }> = {
  submitPageRating: {
    mutation: 'submitPageRating',
    type: 'SubmitPageRatingInput',
    input: mostlySpoiled(record({
      idempotencyKey,
      pageUrl: sometimesWrong(
        fc.oneof(
          { weight: 4, arbitrary: fc.array(word, { maxLength: 4 }).map((p) => `https://www.west-midlands.police.uk/${p.join('/')}`) },
          { weight: 1, arbitrary: fc.constantFrom('http://www.west-midlands.police.uk/a', 'https://example.com/', 'javascript:alert(1)', 'https://www.west-midlands.police.uk.evil.example/x', 'https://user:pw@www.west-midlands.police.uk/') },
          { weight: 1, arbitrary: text(2000) },
        ),
      ),
      rating: sometimesWrong(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer() })),
      comment: optional(text(2000)),
      researchContact: optional(record({ name: optional(text(200)), email, consentToContact: sometimesWrong(fc.boolean()) })),
      honeypot,
    })),
  },
  submitComplaint: {
    mutation: 'submitComplaint',
    type: 'SubmitComplaintInput',
    input: mostlySpoiled(record({
      idempotencyKey,
      complainant: record({
        name: text(200),
        email: optional(email),
        phone: optional(phone),
        postalAddress: optional(address),
        preferredContact: sometimesWrong(fc.constantFrom('EMAIL', 'PHONE', 'POST')),
      }),
      onBehalfOf: optional(record({ name: text(200), relationship: text(200), hasTheirConsent: fc.boolean() })),
      needs,
      incident: record({ date, time: optional(fc.oneof({ weight: 8, arbitrary: fc.constantFrom('14:30', '00:00', '23:59') }, { weight: 1, arbitrary: fc.constantFrom('24:00', '9:5') }, { weight: 1, arbitrary: text(10) })), place: text(500), description: text(10_000) }),
      peopleInvolved: optional(fc.array(record({ name: optional(text(200)), collarNumber: optional(text(20)), description: optional(text(500)) }), { maxLength: 22 })),
      complaintTypes: sometimesWrong(
        fc.oneof({ weight: 10, arbitrary: fc.array(fc.constantFrom(...complaintTypeCodes), { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...complaintTypeCodes), text(30)), { maxLength: 22 }) }),
      ),
      otherTypeDescription: optional(text(500)),
      desiredOutcome: text(2000),
      wantsFormalRecording: sometimesWrong(fc.boolean()),
      honeypot,
    })),
  },
  submitSubjectAccessRequest: {
    mutation: 'submitSubjectAccessRequest',
    type: 'SubmitSubjectAccessRequestInput',
    input: mostlySpoiled(record({
      idempotencyKey,
      requester: record({
        name: text(200),
        previousNames: optional(fc.array(text(200), { maxLength: 12 })),
        dateOfBirth: date,
        address,
        email: optional(email),
        phone: optional(phone),
      }),
      agent: optional(record({ agentName: text(200), relationship: text(100), authority: text(500) })),
      scope: record({ description: text(5000), dateFrom: optional(date), dateTo: optional(date), knownReferences: optional(fc.array(text(100), { maxLength: 22 })) }),
      format: sometimesWrong(fc.constantFrom('ELECTRONIC', 'PAPER')),
      needs,
      confirmNotOnlyCriminalRecord: optional(fc.boolean()),
      honeypot,
    })),
  },
  submitFoiRequest: {
    mutation: 'submitFoiRequest',
    type: 'SubmitFoiRequestInput',
    input: mostlySpoiled(record({
      idempotencyKey,
      requester: record({ name: text(200), email: optional(email), postalAddress: optional(address), phone: optional(phone) }),
      description: text(5000),
      format: sometimesWrong(fc.constantFrom('ELECTRONIC_COPY', 'PAPER_COPY', 'INSPECTION', 'SUMMARY')),
      confirmNotOwnPersonalData: optional(fc.boolean()),
      honeypot,
    })),
  },
  submitDataProtectionComplaint: {
    mutation: 'submitDataProtectionComplaint',
    type: 'SubmitDataProtectionComplaintInput',
    input: mostlySpoiled(record({
      idempotencyKey,
      complainant: record({ name: text(200), email: optional(email), postalAddress: optional(address), preferredContact: sometimesWrong(fc.constantFrom('EMAIL', 'POST')) }),
      whatHappened: text(10_000),
      desiredOutcome: optional(text(2000)),
      relatedReference: optional(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('SAR-2026-000001', 'FOI-2026-000123') }, { weight: 1, arbitrary: text(30) })),
      needs,
      honeypot,
    })),
  },
};

/** The document for a public mutation, selecting everything a client acts on. */
export const documentFor = (mutation: string, type: string) =>
  `mutation($input: ${type}!) { r: ${mutation}(input: $input) { receipt { reference trackingCode duplicateOfEarlierSubmission } userErrors { field code } } }`;

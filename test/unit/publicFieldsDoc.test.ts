import { describe, expect, it } from 'vitest';
import { currentPublicFieldsDoc, publicFieldsMarkdown, publicFormDocs } from '../../scripts/publicFields.js';
import { fieldFacts, type FieldFact } from '../../src/validation/fieldFacts.js';
import { parseInput } from '../../src/validation/parse.js';
import { publicFieldLimits, publicForms } from '../../src/validation/publicFields.js';

/** An input with only this field set (its groups made around it; a list holds the one element). */
function inputWith(path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (rest.length === 0) return { [head!]: value };
  if (rest[0] === '[]') return { [head!]: rest.length === 1 ? [value] : [inputWith(rest.slice(1), value)] };
  return { [head!]: inputWith(rest, value) };
}

/** The user errors the schema gives at exactly this field's path. */
function errorsAt(form: { schema: Parameters<typeof parseInput>[0] }, fact: FieldFact, value: unknown) {
  const outcome = parseInput(form.schema, inputWith(fact.path, value));
  const at = ['input', ...fact.path.map((p) => (p === '[]' ? '0' : p))].join('.');
  return outcome.ok ? [] : outcome.userErrors.filter((e) => e.field?.join('.') === at);
}

describe('docs/public-fields.md', () => {
  it('is what the schemas generate', () => {
    expect(currentPublicFieldsDoc() === publicFieldsMarkdown(), 'docs/public-fields.md differs from the schemas: run `npm run docs:public-fields`').toBe(true);
  });

  it('covers every field of every public form, and the API checks every field but the honeypot', () => {
    const docs = publicFormDocs();
    expect(docs.map((d) => d.mutation).sort()).toEqual(
      ['submitComplaint', 'submitDataProtectionComplaint', 'submitFoiRequest', 'submitPageRating', 'submitSubjectAccessRequest'].sort(),
    );
    for (const doc of docs) {
      expect(doc.unmatched, `${doc.mutation}: zod fields with no GraphQL field`).toEqual([]);
      expect(doc.rows.filter((r) => !r.validated).map((r) => r.path), doc.mutation).toEqual(['honeypot']);
    }
  });
});

describe('the limits forms import (publicFieldLimits) are the limits the API applies', () => {
  for (const form of publicForms()) {
    const facts = fieldFacts(form.schema);
    it(`${form.mutation}: text at its greatest length passes the length check, one character more is refused with the listed code`, () => {
      const limited = facts.filter((f) => f.kind === 'text' && f.maxLength !== undefined);
      expect(limited.length).toBeGreaterThan(0);
      for (const fact of limited) {
        const key = fact.path.join('.');
        expect(publicFieldLimits[form.mutation]![key]!.maxLength, key).toBe(fact.maxLength);
        expect(errorsAt(form, fact, 'a'.repeat(fact.maxLength!)).map((e) => e.code), key).not.toContain('TOO_LONG');
        const over = errorsAt(form, fact, 'a'.repeat(fact.maxLength! + 1));
        expect(over.length, `${key} one over its limit`).toBeGreaterThan(0);
        for (const e of over) expect(fact.codes, key).toContain(e.code);
        if (!fact.limitText) expect(over.map((e) => e.code), key).toContain('TOO_LONG');
      }
    });

    it(`${form.mutation}: required text left empty is REQUIRED; optional text left empty is not an error`, () => {
      for (const fact of facts.filter((f) => f.kind === 'text' && f.minLength === 1)) {
        expect(errorsAt(form, fact, '   ').map((e) => e.code), fact.path.join('.')).toEqual(['REQUIRED']);
      }
      for (const fact of facts.filter((f) => f.kind === 'text' && f.maxLength !== undefined && !f.required && !f.codes.includes('REQUIRED'))) {
        expect(errorsAt(form, fact, '   '), fact.path.join('.')).toEqual([]);
      }
    });

    it(`${form.mutation}: numbers outside their range are OUT_OF_RANGE`, () => {
      for (const fact of facts.filter((f) => f.kind === 'number' && f.max !== undefined)) {
        expect(errorsAt(form, fact, fact.max!).map((e) => e.code)).toEqual([]);
        expect(errorsAt(form, fact, fact.max! + 1).map((e) => e.code)).toEqual(['OUT_OF_RANGE']);
        expect(errorsAt(form, fact, fact.min! - 1).map((e) => e.code)).toEqual(['OUT_OF_RANGE']);
      }
    });
  }

  it('names the limits the website shows', () => {
    expect(publicFieldLimits.submitPageRating!.comment).toMatchObject({ required: false, maxLength: 2000 });
    expect(publicFieldLimits.submitPageRating!.rating).toMatchObject({ required: true, min: 1, max: 3, integer: true });
    expect(publicFieldLimits.submitComplaint!['incident.description']).toMatchObject({ required: true, maxLength: 10_000 });
    expect(publicFieldLimits.submitComplaint!['complainant.email']!.codes).toContain('REQUIRED');
  });
});

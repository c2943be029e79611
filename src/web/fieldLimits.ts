import * as z from 'zod';
import { submitComplaintSchema } from '../complaints/validation.js';
import { submitDataProtectionComplaintSchema } from '../dataProtection/validation.js';
import { submitFoiSchema } from '../foi/validation.js';
import { submitPageRatingSchema } from '../pageRatings/validation.js';
import { submitSarSchema } from '../subjectAccess/validation.js';

/**
 * The most characters each form field may hold, read from the very zod schemas the API validates
 * with (one source): the schema's input JSON Schema, walked to every string's maxLength. Keys are
 * the forms' field names, which are the input's paths ("complainant.name").
 */
type Json = { type?: unknown; maxLength?: number; properties?: Record<string, Json>; anyOf?: Json[]; items?: Json };

function walk(schema: Json, path: string, into: Record<string, number>) {
  if (typeof schema.maxLength === 'number' && path) into[path] = Math.min(into[path] ?? Infinity, schema.maxLength);
  for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, path ? `${path}.${name}` : name, into);
  for (const option of schema.anyOf ?? []) walk(option, path, into);
  if (schema.items) walk(schema.items, path, into);
}

export function limitsOf(schema: z.ZodType): Record<string, number> {
  const limits: Record<string, number> = {};
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json, '', limits);
  return limits;
}

/** The schema each public form submits to, by page. Limits do not depend on the date or hosts. */
const schemas: Record<string, () => z.ZodType> = {
  'rate-this-page': () => submitPageRatingSchema([]),
  complaint: () => submitComplaintSchema('2000-01-01'),
  'subject-access': () => submitSarSchema('2000-01-01'),
  foi: () => submitFoiSchema(),
  'data-protection-complaint': () => submitDataProtectionComplaintSchema(),
};

const cache = new Map<string, Record<string, number>>();

export function fieldLimits(slug: string): Record<string, number> {
  let limits = cache.get(slug);
  if (!limits) {
    const schema = schemas[slug];
    limits = schema ? limitsOf(schema()) : {};
    cache.set(slug, limits);
  }
  return limits;
}

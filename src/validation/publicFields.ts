import type { z } from 'zod';
import { registry } from '../caseTypes.js';
import { submitPageRatingSchema } from '../pageRatings/validation.js';
import { fieldFacts, type FieldFact } from './fieldFacts.js';

/**
 * The public forms' inputs, as the API validates them: the one source for the website's forms
 * (maxlength, required), for docs/public-fields.md (scripts/publicFields.ts) and for the API itself.
 *
 *   import { publicFieldLimits } from 'src/validation/publicFields.js';
 *   publicFieldLimits.submitComplaint['incident.description']  // { required: true, maxLength: 10000, … }
 *
 * Paths are below the mutation's `input` argument, dot-separated; `[]` stands for each element of a
 * list (`peopleInvolved.[].name`). A user error's `field` is the same path with `input` in front
 * and the element's index in place of `[]`.
 */
export interface PublicForm {
  /** The public mutation, for example submitComplaint. */
  mutation: string;
  schema: z.ZodType;
}

/** Every public form: each case type's public submission, and "Rate this page". */
export function publicForms(): PublicForm[] {
  // The schemas take today's date and the allowed hosts only for their checks: their fields and
  // limits are the same whatever is passed.
  const today = new Date().toISOString().slice(0, 10);
  return [
    { mutation: 'submitPageRating', schema: submitPageRatingSchema([]) },
    ...registry.caseTypes.flatMap((type) => (type.submission ? [{ mutation: type.submission.mutation, schema: type.submission.schema(today) }] : [])),
  ];
}

/** A field's limits, for a form control. */
export type FieldLimits = Pick<FieldFact, 'required' | 'maxLength' | 'minLength' | 'min' | 'max' | 'integer' | 'maxItems' | 'minItems' | 'choices' | 'codes'>;

const limitsOf = ({ path: _path, kind: _kind, notes: _notes, limitText: _limit, ...limits }: FieldFact): FieldLimits => limits;

/** Each public mutation's fields and their limits, by path. */
export const publicFieldLimits: Readonly<Record<string, Readonly<Record<string, FieldLimits>>>> = Object.fromEntries(
  publicForms().map((form) => [form.mutation, Object.fromEntries(fieldFacts(form.schema).map((f) => [f.path.join('.'), limitsOf(f)]))]),
);

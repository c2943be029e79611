import { buildSchema, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/caseTypes.js';
import { typeDefs } from '../../src/generated/typeDefs.js';
import { submitPageRatingSchema } from '../../src/pageRatings/validation.js';

/**
 * Every list a caller can send has a maximum: a form with 200,000 complaint types must be refused
 * by its validation, not stored. Each input schema (public forms, staff logging, every workflow
 * action) is walked, and each array in it must carry a maximum length.
 */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  checks?: Array<{ _zod: { def: { check: string } } }>;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The paths of arrays without a maximum, and the number of arrays seen. */
function unboundedLists(schema: z.ZodType, path: string, found: { unbounded: string[]; lists: number }) {
  const def = defOf(schema);
  if (def.type === 'array') {
    found.lists++;
    if (!def.checks?.some((c) => c._zod.def.check === 'max_length')) found.unbounded.push(path);
    unboundedLists(def.element!, `${path}[]`, found);
    return found;
  }
  for (const [name, inner] of Object.entries(def.shape ?? {})) unboundedLists(inner, `${path}.${name}`, found);
  for (const inner of [def.innerType, def.in, def.out, def.left, def.right, ...(def.options ?? [])]) {
    if (inner && typeof inner === 'object' && '_zod' in inner) unboundedLists(inner, path, found);
  }
  return found;
}

const today = '2026-03-02';
const schemas: Array<[string, z.ZodType]> = [['submitPageRating', submitPageRatingSchema(['www.west-midlands.police.uk']) as z.ZodType]];
for (const type of registry.caseTypes) {
  if (type.submission) schemas.push([type.submission.mutation, type.submission.schema(today) as z.ZodType]);
  if (type.logging) schemas.push([type.logging.mutation, type.logging.schema(today) as z.ZodType]);
  for (const [action, spec] of Object.entries(type.workflow.actions)) if (spec) schemas.push([`${type.name}.${action}`, spec.input(today) as z.ZodType]);
}

/** How many list fields the GraphQL schema's input types have, counted once per input type. */
function schemaListInputs(): number {
  const schema = buildSchema(typeDefs);
  let count = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const t: GraphQLInputType = isNonNullType(field.type) ? field.type.ofType : field.type;
      if (isListType(t)) count++;
    }
  }
  return count;
}

describe('list inputs', () => {
  it('each has a maximum in its validation', () => {
    const found = { unbounded: [] as string[], lists: 0 };
    for (const [name, schema] of schemas) unboundedLists(schema, name, found);
    expect(found.unbounded).toEqual([]);
    // The walk reaches the lists: at least as many as the GraphQL schema's input types declare.
    expect(found.lists).toBeGreaterThanOrEqual(schemaListInputs());
  });
});

import * as z from 'zod';
import type { UserErrorCode } from '../generated/graphql.js';

/**
 * What a zod input schema says about each of its fields, read off the schema itself so that forms,
 * the field table (docs/public-fields.md) and the API share one source: whether it must be given,
 * its limits, and the user-error codes it can produce. The codes follow src/validation/parse.ts:
 * a string's `min(1)` is REQUIRED, a string's `max` TOO_LONG, a number's or list's bounds
 * OUT_OF_RANGE, a refinement its `params.code` or INVALID.
 *
 * What a schema cannot show by its structure (a transform that refuses with several codes, a
 * cross-field rule in a superRefine) it declares with `.meta(fieldMeta(...))` beside the rule.
 */
export interface FieldFact {
  /** The path below the input argument; `[]` marks a list's elements (peopleInvolved.[].name). */
  path: string[];
  kind: 'text' | 'number' | 'boolean' | 'choice' | 'list' | 'group' | 'other';
  /** False when it may be left out or null. */
  required: boolean;
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  maxItems?: number;
  minItems?: number;
  /** For a choice: the values allowed. */
  choices?: string[];
  /** A limit in words where the structure cannot show it (for example the checks of a transform). */
  limitText?: string;
  codes: UserErrorCode[];
  /** The rules beyond the limits, in the API's own words (the messages of its refinements). */
  notes: string[];
}

/** What a schema node may declare about itself (through zod's `.meta`). */
export interface FieldMeta {
  /** Codes a transform or refinement on this node produces, beyond what its structure shows. */
  codes?: UserErrorCode[];
  /** Its limit in words, where it is not a plain max. */
  limit?: string;
  /** Its greatest length, where a transform checks it. */
  maxLength?: number;
  /**
   * Errors a rule on this object (a superRefine) puts on its fields, relative to this object. When
   * given, they replace what the object's own refinements would otherwise be read as.
   */
  fieldErrors?: { path: string[]; code: UserErrorCode; when: string }[];
}

/** The `.meta()` argument for a FieldMeta (typed, so a misspelt key does not compile). */
export const fieldMeta = (meta: FieldMeta): Record<string, unknown> => ({ fieldFacts: meta });

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  in?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  format?: string;
  params?: { code?: UserErrorCode };
  path?: PropertyKey[];
  error?: (issue: unknown) => unknown;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (schema: z.ZodType) => (z.globalRegistry.get(schema) as { fieldFacts?: FieldMeta } | undefined)?.fieldFacts;

/** Every field of an object schema (nested objects and lists included), in declaration order. */
export function fieldFacts(schema: z.ZodType): FieldFact[] {
  const facts = new Map<string, FieldFact>();
  walk(schema, [], true, facts);
  return [...facts.values()];
}

function walk(schema: z.ZodType, path: string[], required: boolean, facts: Map<string, FieldFact>, into?: FieldFact): void {
  const def = defOf(schema);
  // A rule declared on an object above may already have made this field's fact.
  const fact = into ?? facts.get(path.join('.')) ?? { path, kind: 'other', required, codes: [], notes: [] };
  if (!into && path.length > 0) facts.set(path.join('.'), fact);
  const meta = metaOf(schema);
  applyMeta(meta, path, fact, facts);
  for (const check of def.checks ?? []) {
    // An object whose rules say which fields they refuse: its pathless refinements are those rules.
    if (meta?.fieldErrors && check._zod.def.check === 'custom' && !check._zod.def.path?.length) continue;
    applyCheck(check._zod.def, def.type, path, fact, facts);
  }
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      fact.required = false;
      return walk(def.innerType!, path, false, facts, fact);
    case 'pipe':
      return walk(def.in!, path, fact.required, facts, fact);
    case 'object':
      fact.kind = 'group';
      for (const [name, child] of Object.entries(def.shape!)) walk(child, [...path, name], true, facts);
      return;
    case 'array':
      fact.kind = 'list';
      return walk(def.element!, [...path, '[]'], true, facts);
    case 'string':
      fact.kind = 'text';
      return;
    case 'number':
      fact.kind = 'number';
      return;
    case 'boolean':
      fact.kind = 'boolean';
      return;
    case 'enum':
      fact.kind = 'choice';
      fact.choices = Object.values(def.entries!);
      return;
    case 'literal':
      fact.kind = 'choice';
      fact.choices = def.values!.map(String);
      addCode(fact, 'INVALID');
      pushNote(fact, messageOf(def as unknown as CheckDef));
      return;
    default:
      return;
  }
}

function applyCheck(check: CheckDef, type: string, path: string[], fact: FieldFact, facts: Map<string, FieldFact>) {
  switch (check.check) {
    case 'min_length':
      if (type === 'array') {
        fact.minItems = check.minimum;
        addCode(fact, 'OUT_OF_RANGE');
      } else {
        fact.minLength = check.minimum;
        addCode(fact, check.minimum === 1 ? 'REQUIRED' : 'OUT_OF_RANGE');
      }
      return;
    case 'max_length':
      if (type === 'array') {
        fact.maxItems = check.maximum;
        addCode(fact, 'OUT_OF_RANGE');
      } else {
        fact.maxLength = check.maximum;
        addCode(fact, 'TOO_LONG');
      }
      return;
    case 'greater_than':
      fact.min = check.value;
      addCode(fact, 'OUT_OF_RANGE');
      return;
    case 'less_than':
      fact.max = check.value;
      addCode(fact, 'OUT_OF_RANGE');
      return;
    case 'number_format':
      fact.integer = true;
      addCode(fact, 'INVALID');
      return;
    case 'string_format':
      addCode(fact, 'INVALID');
      return;
    case 'custom': {
      const target = check.path?.length ? factAt(facts, [...path, ...check.path.map(String)]) : fact;
      addCode(target, check.params?.code ?? 'INVALID');
      pushNote(target, messageOf(check));
      return;
    }
    default:
      return;
  }
}

function applyMeta(meta: FieldMeta | undefined, path: string[], fact: FieldFact, facts: Map<string, FieldFact>) {
  if (!meta) return;
  for (const code of meta.codes ?? []) addCode(fact, code);
  if (meta.limit) fact.limitText = meta.limit;
  if (meta.maxLength) fact.maxLength = meta.maxLength;
  for (const e of meta.fieldErrors ?? []) {
    const target = factAt(facts, [...path, ...e.path]);
    addCode(target, e.code);
    target.notes.push(`${e.code} ${e.when}.`);
  }
}

/** A refinement's own message (its error function, asked with an empty issue). */
function messageOf(check: CheckDef): string | undefined {
  const out = check.error?.({ code: 'custom', input: undefined });
  const message = typeof out === 'string' ? out : (out as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** The fact for a path, made now if the walk has not reached it yet (a rule declared above its field). */
function factAt(facts: Map<string, FieldFact>, path: string[]): FieldFact {
  const key = path.join('.');
  let fact = facts.get(key);
  if (!fact) {
    fact = { path, kind: 'other', required: true, codes: [], notes: [] };
    facts.set(key, fact);
  }
  return fact;
}

function pushNote(fact: FieldFact, note: string | undefined) {
  if (note && !fact.notes.includes(note)) fact.notes.push(note);
}

function addCode(fact: FieldFact, code: UserErrorCode) {
  if (!fact.codes.includes(code)) fact.codes.push(code);
}

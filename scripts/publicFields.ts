import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { fieldFacts, type FieldFact } from '../src/validation/fieldFacts.js';
import { publicForms } from '../src/validation/publicFields.js';

/**
 * docs/public-fields.md: every field of every public mutation's input, with its GraphQL type,
 * whether it must be given, its limit and the user-error codes it can get, generated from the
 * GraphQL schema (schema/*.graphql: types, order, descriptions) and the zod input schemas (the
 * API's own checks: src/validation/publicFields.ts), so a form developer learns the limits before
 * the API refuses anything.
 *
 *   tsx scripts/publicFields.ts           prints it
 *   tsx scripts/publicFields.ts --write   writes docs/public-fields.md (npm run docs:public-fields)
 *
 * A unit test fails while the file differs from what the schemas generate.
 */
export const PUBLIC_FIELDS_DOC = fileURLToPath(new URL('../docs/public-fields.md', import.meta.url));
const SCHEMA_DIR = fileURLToPath(new URL('../schema/', import.meta.url));

/** The schema as written (declaration order), not the sorted bundle copy. */
export function sourceSchema(): GraphQLSchema {
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).sort();
  return buildSchema(files.map((f) => readFileSync(SCHEMA_DIR + f, 'utf8')).join('\n'));
}

/** The code order of the schema's UserErrorCode enum, for a stable listing. */
const codeOrder = (schema: GraphQLSchema) => {
  const type = schema.getType('UserErrorCode');
  return isEnumType(type) ? type.getValues().map((v) => v.name) : [];
};

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  limit: string;
  codes: string[];
  rules: string;
  /** False for a field the API does not validate (the honeypot). */
  validated: boolean;
}

export interface PublicFormDoc {
  mutation: string;
  inputType: string;
  rows: FieldRow[];
  /** Facts of the zod schema with no GraphQL field (a test requires none). */
  unmatched: string[];
}

const number = (n: number) => n.toLocaleString('en-GB');

function limitOf(fact: FieldFact): string {
  const parts: string[] = [];
  if (fact.maxLength !== undefined) parts.push(`at most ${number(fact.maxLength)} characters`);
  if (fact.min !== undefined || fact.max !== undefined) {
    parts.push(`${fact.min !== undefined ? number(fact.min) : '…'} to ${fact.max !== undefined ? number(fact.max) : '…'}${fact.integer ? ', whole number' : ''}`);
  } else if (fact.integer) parts.push('whole number');
  if (fact.minItems !== undefined || fact.maxItems !== undefined) {
    parts.push(fact.minItems ? `${fact.minItems} to ${fact.maxItems ?? 'any number of'} items` : `at most ${fact.maxItems} items`);
  }
  if (fact.limitText) parts.push(fact.limitText);
  return parts.join('; ');
}

function typeName(type: GraphQLInputType): string {
  const named = getNamedType(type);
  const shown = type.toString();
  return isEnumType(named) ? `${shown} (${named.getValues().map((v) => v.name).join(', ')})` : shown;
}

function rowsOf(
  type: GraphQLInputType,
  prefix: string[],
  facts: Map<string, FieldFact>,
  order: string[],
  seen: Set<string>,
): FieldRow[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).flatMap((field: GraphQLInputField) => {
    let inner: GraphQLInputType = isNonNullType(field.type) ? field.type.ofType : field.type;
    const path = [...prefix, field.name];
    const key = path.join('.');
    seen.add(key);
    const fact = facts.get(key);
    const row: FieldRow = fact
      ? {
          path: key,
          type: typeName(field.type),
          required: fact.required,
          limit: limitOf(fact),
          codes: [...fact.codes].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
          rules: fact.notes.join(' '),
          validated: true,
        }
      : { path: key, type: typeName(field.type), required: false, limit: '', codes: [], rules: field.description ?? '', validated: false };
    const rows = [row];
    if (isListType(inner)) {
      const itemPath = [...path, '[]'];
      const itemFact = facts.get(itemPath.join('.'));
      seen.add(itemPath.join('.'));
      inner = isNonNullType(inner.ofType) ? inner.ofType.ofType : inner.ofType;
      if (itemFact && (itemFact.codes.length || itemFact.notes.length) && !isInputObjectType(getNamedType(inner))) {
        rows.push({
          path: itemPath.join('.'),
          type: typeName(inner),
          required: true,
          limit: limitOf(itemFact),
          codes: [...itemFact.codes].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
          rules: itemFact.notes.join(' '),
          validated: true,
        });
      } else if (itemFact && isInputObjectType(getNamedType(inner)) && (itemFact.codes.length || itemFact.notes.length)) {
        rows.push({
          path: itemPath.join('.'),
          type: getNamedType(inner).name,
          required: true,
          limit: '',
          codes: [...itemFact.codes].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
          rules: itemFact.notes.join(' '),
          validated: true,
        });
      }
      return [...rows, ...rowsOf(inner, itemPath, facts, order, seen)];
    }
    return [...rows, ...rowsOf(inner, path, facts, order, seen)];
  });
}

/** Every public form's rows, from both schemas. */
export function publicFormDocs(schema = sourceSchema()): PublicFormDoc[] {
  const order = codeOrder(schema);
  const mutations = schema.getMutationType()!.getFields();
  return publicForms().map(({ mutation, schema: zodSchema }) => {
    const field = mutations[mutation];
    if (!field) throw new Error(`${mutation} is not a mutation of the schema`);
    const input = field.args.find((a) => a.name === 'input');
    if (!input) throw new Error(`${mutation} has no input argument`);
    const facts = new Map(fieldFacts(zodSchema).map((f) => [f.path.join('.'), f]));
    const seen = new Set<string>();
    const rows = rowsOf(input.type, [], facts, order, seen);
    return { mutation, inputType: getNamedType(input.type).name, rows, unmatched: [...facts.keys()].filter((k) => !seen.has(k)) };
  });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

export function publicFieldsMarkdown(): string {
  const lines = [
    '# Public input fields',
    '',
    '<!-- Written by `npm run docs:public-fields` from schema/*.graphql and the zod input schemas (src/validation/publicFields.ts): edit those, not this file. -->',
    '',
    "Every field of every public mutation's `input`, as the API checks it. A form can take the same limits from code: `publicFieldLimits` in `src/validation/publicFields.ts` (by mutation, then by path).",
    '',
    'How to read it:',
    '',
    '- **Field** is the path below `input`; `[]` stands for each element of a list. A user error names the field as `["input", …path]`, with the element\'s index in place of `[]` (for example `["input", "peopleInvolved", "0", "name"]`).',
    '- **Required**: *yes* means it must be given (and, for text, not be empty once trimmed: empty text is `REQUIRED`). Optional text given as empty or spaces counts as not given. A field inside an optional group is required only when the group is given.',
    "- **Error codes** are the `userErrors { code }` the field can get (see the README's error codes). A value of the wrong GraphQL type never reaches these checks: the whole request is refused with the top-level error `BAD_USER_INPUT`.",
    '- Every public form can also get, for the whole request (`field: null`): `RATE_LIMITED` (too many submissions from one connection: wait and try again; the message says how long). `IDEMPOTENCY_KEY_REUSED` is on `idempotencyKey`: the same key was sent before with different input (make a new key for a new submission; resend the same input to retry).',
    "- `honeypot` is the form's hidden trap field: leave it empty and hide it from people and assistive technology. Anything in it makes the API answer as if it stored the submission, and store nothing.",
    '',
  ];
  for (const doc of publicFormDocs()) {
    lines.push(`## ${code(doc.mutation)} (input ${code(doc.inputType)})`, '');
    lines.push('| Field | Type | Required | Limit | Error codes | Rules |', '| --- | --- | --- | --- | --- | --- |');
    for (const row of doc.rows) {
      lines.push(
        `| ${code(row.path)} | ${code(row.type)} | ${row.required ? 'yes' : 'no'} | ${cell(row.limit) || '–'} | ${row.codes.map(code).join(', ') || (row.validated ? '–' : 'none: not checked')} | ${cell(row.rules) || '–'} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export const currentPublicFieldsDoc = () => {
  try {
    return readFileSync(PUBLIC_FIELDS_DOC, 'utf8');
  } catch {
    return '';
  }
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = publicFieldsMarkdown();
  if (process.argv.includes('--write')) {
    writeFileSync(PUBLIC_FIELDS_DOC, doc);
    console.log(`${PUBLIC_FIELDS_DOC}: written from the schemas`);
  } else {
    process.stdout.write(doc);
  }
}

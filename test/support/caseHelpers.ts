import { buildSchema } from 'graphql';
import { expect } from 'vitest';
import { typeDefs } from '../../src/generated/typeDefs.js';
import type { TestApp } from './testApp.js';

const mutationFields = buildSchema(typeDefs).getMutationType()!.getFields();

/** A mutation's input type as the schema names it, for example FoiClockActionInput. */
function inputTypeOf(field: string): string {
  const arg = mutationFields[field]?.args.find((a) => a.name === 'input');
  if (!arg) throw new Error(`Mutation.${field} has no input argument`);
  return String(arg.type).replace(/!$/, '');
}

/**
 * Staff actions in integration tests, the same for every case type: read the case, run an action
 * on its current version, and expect it to succeed or to be refused with a message.
 */
export interface CaseHelperSpec {
  /** The query that reads one case, with $reference. */
  read: string;
  /** The query's root field, for example complaint. */
  readField: string;
  /** The payload field that holds the case, for example complaint. */
  payloadField: string;
  /** The fields to select on the case. */
  fields: string;
  /**
   * The case type: its workflow's actions are the mutations (each `<action>(input: …!)`, its input
   * type read from the schema), so tests name actions as the schema does and no map is kept by hand.
   */
  caseType?: { workflow: { actions: object } };
  /** Transitional, for case types not yet declared on the contract: action → [mutation field, input type]. */
  mutations?: Record<string, [string, string]>;
  token: () => string;
}

export type UserErrors = Array<{ field: string[] | null; message: string; code: string; rule: string | null }>;

export function caseHelpers(app: () => TestApp, spec: CaseHelperSpec) {
  async function read(reference: string) {
    return (await app().gql(spec.read, { reference }, { token: spec.token() })).body.data![spec.readField];
  }
  async function act(name: string, reference: string, input: Record<string, unknown> = {}) {
    const { version } = await read(reference);
    if (spec.caseType && !(name in spec.caseType.workflow.actions)) throw new Error(`${name} is not an action of this case type`);
    const [field, type] = spec.mutations?.[name] ?? [name, inputTypeOf(name)];
    const res = await app().gql(
      `mutation($input: ${type}!) { r: ${field}(input: $input) { ${spec.payloadField} { ${spec.fields} } userErrors { field message code rule } } }`,
      { input: { reference, expectedVersion: version, ...input } },
      { token: spec.token() },
    );
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const payload = res.body.data!.r;
    return { record: payload[spec.payloadField], userErrors: payload.userErrors as UserErrors };
  }
  async function ok(name: string, reference: string, input: Record<string, unknown> = {}) {
    const out = await act(name, reference, input);
    expect(out.userErrors, `${name}: ${JSON.stringify(out.userErrors)}`).toEqual([]);
    return out.record;
  }
  /** Expects a refusal whose message matches, and (when given) the named rule that refused it. */
  async function refused(name: string, reference: string, input: Record<string, unknown>, pattern: RegExp, rule?: string) {
    const out = await act(name, reference, input);
    expect(out.record).toBeNull();
    expect(out.userErrors[0]!.message).toMatch(pattern);
    if (rule) expect(out.userErrors[0]!.rule).toBe(rule);
    return out.userErrors[0]!;
  }
  return { read, act, ok, refused };
}

import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { buildSchema, type GraphQLInputObjectType, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { londonDateOf } from '../../src/calendar/londonDate.js';
import { recordFrom, type AnyCaseType } from '../../src/cases/contract.js';
import { STATE_RULE, type ActionContext } from '../../src/cases/workflow.js';
import { registry } from '../../src/caseTypes.js';
import { typeDefs } from '../../src/generated/typeDefs.js';
import { complaintFixture } from '../support/workflowFixtures/complaints.js';
import { subjectAccessFixture } from '../support/workflowFixtures/subjectAccess.js';
import { foiFixture } from '../support/workflowFixtures/foi.js';
import { dataProtectionFixture } from '../support/workflowFixtures/dataProtection.js';
import type { WorkflowFixture } from '../support/workflowFixtures/fixture.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

/**
 * The workflow tables, walked: for every case type, every state × every action, through the real
 * Lambda handler against DynamoDB Local. A record in the state is stored as it is, the action is
 * sent with a valid input, and the answer must be the table's: refused with WORKFLOW_STATE where
 * the row does not list the state, refused by the first of the row's rules that refuses the record,
 * and otherwise either done (leading to a state the row lists) or refused only by one of the row's
 * input rules or for its input. Every action must succeed from at least one state, so a fixture
 * whose inputs are wrong cannot pass by refusing everything.
 */
const fixtures: WorkflowFixture<Record<string, unknown>>[] = [complaintFixture as never, subjectAccessFixture as never, foiFixture as never, dataProtectionFixture as never];

const schema = buildSchema(typeDefs);

/** A mutation's input type as the schema names it (some actions share one). */
function inputTypeOf(action: string): string {
  const field = (schema.getType('Mutation') as GraphQLObjectType).getFields()[action];
  const arg = field?.args.find((a) => a.name === 'input');
  if (!arg) throw new Error(`Mutation.${action} has no input argument`);
  return String(arg.type).replace(/!$/, '');
}
let app: TestApp;
let sequence = 0;

beforeAll(async () => {
  app = await createTestApp();
});

async function store(type: AnyCaseType, record: Record<string, unknown>): Promise<string> {
  const reference = `${type.prefix}-2026-${String(++sequence).padStart(6, '0')}`;
  const at = String(record.receivedAt);
  await app.doc.send(
    new PutCommand({
      TableName: app.tableName,
      Item: { ...record, pk: `CASE#${reference}`, sk: 'CASE', kind: 'CASE', caseType: type.name, reference, version: 1, createdAt: at, updatedAt: at, trackingCodeHash: 'walk' },
    }),
  );
  return reference;
}

async function stored(reference: string) {
  return (await app.doc.send(new GetCommand({ TableName: app.tableName, Key: { pk: `CASE#${reference}`, sk: 'CASE' } }))).Item!;
}

describe('every workflow table has a fixture', () => {
  it('names every registered case type', () => {
    expect(fixtures.map((f) => f.caseType.name).sort()).toEqual(registry.caseTypes.map((t) => t.name).sort());
  });
});

describe.each(fixtures.map((f) => [f.caseType.name, f] as const))('%s workflow, walked through the API', (_, fixture) => {
  const type = fixture.caseType;
  const actions = Object.keys(type.workflow.actions);
  const states = Object.keys(type.workflow.states);
  const ctx: ActionContext = {
    today: londonDateOf(new Date(fixture.now)),
    now: new Date(fixture.now),
    actor: { kind: 'STAFF', id: 'walker', name: 'walker' },
    by: 'walker',
    calendar: ukCalendar,
  };

  it('declares each action as a mutation whose input has reference and expectedVersion', () => {
    for (const action of actions) {
      const input = schema.getType(inputTypeOf(action)) as GraphQLInputObjectType;
      expect(Object.keys(input.getFields()), action).toEqual(expect.arrayContaining(['reference', 'expectedVersion']));
    }
  });

  it('has an example of every state, in that state, and a valid input for every action', () => {
    expect(Object.keys(fixture.examples).sort()).toEqual([...states].sort());
    for (const [state, records] of Object.entries(fixture.examples)) {
      for (const record of records) expect(type.workflow.stateOf(record, ctx), state).toBe(state);
    }
    expect(Object.keys(fixture.inputs).sort()).toEqual([...actions].sort());
  });

  it('gives every rule one stable code, words and a source', () => {
    const seen = new Map<string, string>();
    for (const spec of Object.values(type.workflow.actions)) {
      for (const rule of [...spec!.guards, ...(spec!.inputRules ?? [])]) {
        expect(rule.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
        expect(rule.words.length, rule.code).toBeGreaterThan(20);
        expect(rule.cites, rule.code).toMatch(/RULES\.md|policy/);
        if (seen.has(rule.code)) expect(seen.get(rule.code), `${rule.code} means one thing`).toBe(rule.words);
        seen.set(rule.code, rule.words);
      }
      for (const state of [...spec!.from, ...spec!.to]) expect(states).toContain(state);
    }
  });

  it('answers every state × action as the table says', async () => {
    app.setNow(fixture.now);
    const token = app.token(fixture.groups, 'walker');
    const succeeded = new Set<string>();
    const outcomes: string[] = [];
    for (const [state, records] of Object.entries(fixture.examples)) {
      for (const [i, record] of records.entries()) {
        for (const action of actions) {
          const spec = type.workflow.actions[action]!;
          const reference = await store(type, record);
          const inputType = inputTypeOf(action);
          const res = await app.gql(
            `mutation($input: ${inputType}!) { r: ${action}(input: $input) { userErrors { field message code rule } } }`,
            { input: { reference, expectedVersion: 1, ...fixture.inputs[action] } },
            { token },
          );
          const where = `${action} from ${state}#${i}`;
          expect(res.body.errors, where).toBeUndefined();
          const errors = res.body.data!.r.userErrors as Array<{ rule: string | null; code: string; message: string }>;
          const guardRefusal = spec.guards.find((g) => g.refuses(record as never, ctx));
          if (!spec.from.includes(state)) {
            expect(errors[0]?.rule, where).toBe(STATE_RULE.code);
          } else if (guardRefusal) {
            expect(errors[0]?.rule, where).toBe(guardRefusal.code);
          } else if (errors.length) {
            // Allowed by the table: only the row's own input rules, or the input's form, may refuse it.
            const inputRules = (spec.inputRules ?? []).map((r) => r.code);
            expect(errors[0]!.rule === null || inputRules.includes(errors[0]!.rule), `${where}: ${errors[0]!.message}`).toBe(true);
          } else {
            succeeded.add(action);
            const after = type.workflow.stateOf(recordFrom(type, await stored(reference)), ctx);
            expect(spec.to.length ? spec.to : [state], where).toContain(after);
          }
          outcomes.push(`${where}: ${errors[0]?.rule ?? errors[0]?.code ?? 'done'}`);
        }
      }
    }
    expect([...actions].filter((a) => !succeeded.has(a)), `every action succeeds from some state:\n${outcomes.join('\n')}`).toEqual([]);
    expect(outcomes.length).toBe(Object.values(fixture.examples).flat().length * actions.length);
    app.setNow(undefined);
  }, 120_000); // hundreds of requests: on a shared, loaded machine it can outlast the default 30 s
});

import { randomInt } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFor, publicInputs } from '../support/fuzzInputs.js';
import { createTestApp, type GraphQLResponse, type TestApp } from '../support/testApp.js';

/**
 * Fuzzing the public mutations through the real Lambda handler against DynamoDB Local: at least
 * 2,000 generated inputs each (RUNS batches of BATCH, a batch sent at once), and for every answer
 * no HTTP 5xx and no internal error; at the end, nothing half-written (every stored case has its
 * idempotency record and its audit entry, and every receipt given names a stored case).
 *
 * The rate limit is lifted (each input also comes from its own address) so that inputs reach the
 * database rather than stopping at the limit. FUZZ_RUNS=n in the environment changes the number
 * of batches (to fuzz harder locally).
 */
const BATCH = 10;
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

let app: TestApp;
const receipts = new Set<string>();
const answered = { total: 0, stored: 0, refused: 0, badRequest: 0 };
const started = Date.now();
const seen = new Map<string, number>();

beforeAll(async () => {
  app = await createTestApp({ submitRateLimit: { limit: 1_000_000, windowSeconds: 60 } });
});

afterAll(() => {
  if (process.env.FUZZ_DEBUG) console.log([...seen].sort((a, b) => b[1] - a[1]).slice(0, 40));
  console.log(`fuzz: ${answered.total} inputs in ${((Date.now() - started) / 1000).toFixed(0)} s: ${answered.stored} stored, ${answered.refused} refused with user errors, ${answered.badRequest} refused as bad requests (400)`);
});

function check(res: GraphQLResponse, input: Record<string, unknown>) {
  const context = JSON.stringify(input).slice(0, 2000);
  expect(res.status, context).toBeLessThan(500);
  const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
  expect(codes, context).not.toContain('INTERNAL_SERVER_ERROR');
  answered.total++;
  if (res.status === 400) {
    answered.badRequest++;
    if (process.env.FUZZ_DEBUG) for (const e of res.body.errors ?? []) seen.set(e.message.slice(0, 90), (seen.get(e.message.slice(0, 90)) ?? 0) + 1);
    for (const code of codes) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'], context).toContain(code);
    return;
  }
  expect(res.status, context).toBe(200);
  expect(res.body.errors, context).toBeUndefined();
  const payload = res.body.data!.r as { receipt: { reference: string } | null; userErrors: unknown[] };
  if (payload.receipt) {
    expect(payload.userErrors, context).toEqual([]);
    answered.stored++;
    // A filled honeypot gets a decoy receipt for a case that does not exist.
    if (!input.honeypot || String(input.honeypot).trim() === '') receipts.add(payload.receipt.reference);
  } else {
    answered.refused++;
    if (process.env.FUZZ_DEBUG) for (const e of payload.userErrors as Array<{ code: string; field: string[] }>) seen.set(`${e.code} ${e.field?.join('.')}`, (seen.get(`${e.code} ${e.field?.join('.')}`) ?? 0) + 1);
  }
}

describe('fuzzing the public mutations', () => {
  for (const [name, { mutation, type, input }] of Object.entries(publicInputs)) {
    it(`${name}: ${RUNS * BATCH} generated inputs, no 5xx and no internal error`, async () => {
      const query = documentFor(mutation, type);
      await fc.assert(
        fc.asyncProperty(fc.array(input, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const answers = await Promise.all(
            batch.map((value) => app.gql(query, { input: value }, { ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}` })),
          );
          answers.forEach((res, i) => check(res, batch[i]!));
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }, 600_000);
  }

  it('left nothing half-written', async () => {
    const items: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await app.doc.send(new ScanCommand({ TableName: app.tableName, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    const cases = new Set(items.filter((i) => i.kind === 'CASE').map((i) => i.reference as string));
    // A page rating (issue 12) is its own idempotency record and carries its own submission (submittedFields).
    const selfContained = items.filter((i) => i.kind === 'CASE' && typeof i.idempotencyKeyHash === 'string' && Array.isArray(i.submittedFields));
    const audited = new Set([
      ...items.filter((i) => i.kind === 'AUDIT' && i.action === 'SUBMITTED').map((i) => i.subject as string),
      ...selfContained.map((i) => i.reference as string),
    ]);
    const keyed = new Set([...items.filter((i) => i.kind === 'IDEMPOTENCY').map((i) => i.reference as string), ...selfContained.map((i) => i.reference as string)]);
    expect(cases.size).toBeGreaterThan(RUNS);
    expect([...receipts].filter((r) => !cases.has(r))).toEqual([]);
    expect([...cases].filter((r) => !audited.has(r))).toEqual([]);
    expect([...cases].filter((r) => !keyed.has(r))).toEqual([]);
    expect([...keyed].filter((r) => !cases.has(r))).toEqual([]);
    expect([...audited].filter((r) => !cases.has(r))).toEqual([]);
  }, 120_000);
});

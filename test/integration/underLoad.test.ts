import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { foiCaseType } from '../../src/foi/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { PAGE, SUBMIT, SUMMARY, WORST } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Issue 12's behaviour under load, through the real Lambda handler and DynamoDB Local: bursts of
 * submissions, conflicts, and reads bounded by the request's budget. Behaviour, never timings.
 */

/** Counts the DynamoDB calls (and items examined) the app makes, by command. */
function countCalls(app: TestApp) {
  const calls: Array<{ command: string; scanned: number }> = [];
  app.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      calls.push({ command: context.commandName!, scanned: Number((out.output as { ScannedCount?: number }).ScannedCount ?? 0) });
      return out;
    },
    { step: 'initialize', name: 'countCallsForTest' },
  );
  return {
    calls,
    stop: () => app.doc.middlewareStack.remove('countCallsForTest'),
  };
}

/** Makes the next `times` TransactWriteItems fail as DynamoDB does when another transaction holds an item. */
function conflictNext(app: TestApp, times: number) {
  let left = times;
  app.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (/^TransactWrite(Items)?Command$/.test(context.commandName ?? '') && left > 0) {
        left--;
        const items = (args.input as { TransactItems: unknown[] }).TransactItems;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: items.map((_, i) => ({ Code: i === 0 ? 'TransactionConflict' : 'None' })),
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'conflictForTest' },
  );
  return () => app.doc.middlewareStack.remove('conflictForTest');
}

describe('submissions under load', () => {
  let app: TestApp;
  const web = () => app.token('web-content');
  beforeAll(async () => {
    app = await createTestApp();
  });

  it('stores 100 concurrent ratings of one page, every one, with no error, and counts them all', async () => {
    const page = `${PAGE}/burst`;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: page, rating: (i % 3) + 1 } }, { ip: `203.0.113.${i}` }),
      ),
    );
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    expect(answers.flatMap((a) => a.body.data!.submitPageRating.userErrors)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.data!.submitPageRating.receipt.reference)).size).toBe(100);
    // Counted (and ranked) from the table's stream, seconds later.
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: page, period: 'LAST_7_DAYS' } }, { token: web() });
    expect(summary.body.data!.pageRatingSummary).toMatchObject({ total: 100, counts: [{ stars: 1, count: 34 }, { stars: 2, count: 33 }, { stars: 3, count: 33 }] });
    const worst = await app.gql(WORST, { input: { minimumRatings: 100 } }, { token: web() });
    expect(worst.body.data!.worstRatedPages.edges).toEqual([expect.objectContaining({ node: expect.objectContaining({ pageUrl: page, total: 100 }) })]);
  });

  it('answers 200 concurrent retries of one submission with the first answer, tracking code included, from one address', async () => {
    const input = { idempotencyKey: newKey(), pageUrl: `${PAGE}/retries`, rating: 1, comment: 'The form times out' };
    const answers = await Promise.all(Array.from({ length: 200 }, () => app.gql(SUBMIT, { input }, { ip: '192.0.2.77' })));
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    const payloads = answers.map((a) => a.body.data!.submitPageRating);
    expect(payloads.flatMap((p) => p.userErrors)).toEqual([]);
    const first = payloads[0].receipt;
    expect(first.trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    for (const p of payloads) expect(p.receipt).toEqual({ ...first, duplicateOfEarlierSubmission: false });
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: `${PAGE}/retries`, period: 'LAST_7_DAYS' } }, { token: web() });
    expect(summary.body.data!.pageRatingSummary.total).toBe(1);
  });

  // A bare rating is one PutItem (no transaction to conflict); a commented one is a transaction.
  it('retries a write that conflicts with another transaction, and stores it once', async () => {
    const stop = conflictNext(app, 3);
    try {
      const page = `${PAGE}/conflict`;
      const res = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: page, rating: 2, comment: 'Conflicted' } }, { ip: '192.0.2.78' });
      expect(res.body.data!.submitPageRating.userErrors).toEqual([]);
      await app.drainChanges();
      const summary = await app.gql(SUMMARY, { input: { pageUrl: page, period: 'LAST_7_DAYS' } }, { token: web() });
      expect(summary.body.data!.pageRatingSummary.total).toBe(1);
    } finally {
      stop();
    }
  });

  it('answers TRY_AGAIN, a retriable user error and not an internal one, when conflicts never clear; the same key then succeeds', async () => {
    const input = { idempotencyKey: newKey(), pageUrl: `${PAGE}/busy`, rating: 3, comment: 'Busy' };
    const stop = conflictNext(app, 1000);
    let res;
    try {
      res = await app.gql(SUBMIT, { input }, { ip: '192.0.2.79' });
    } finally {
      stop();
    }
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.submitPageRating).toEqual({ receipt: null, userErrors: [expect.objectContaining({ code: 'TRY_AGAIN', field: null })] });
    // HTTP says so too: 503 with Retry-After, so a retrying client or SDK waits and sends it again.
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    const again = await app.gql(SUBMIT, { input }, { ip: '192.0.2.79' });
    expect(again.body.data!.submitPageRating.userErrors).toEqual([]);
  });

  it('writes a bare rating as one PutItem of one item: no count, rate, ranking or counter item on the request path', async () => {
    const counter = countCalls(app);
    try {
      await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: `${PAGE}/one-write`, rating: 2 } }, { ip: '192.0.2.80' });
    } finally {
      counter.stop();
    }
    expect(counter.calls.map((c) => c.command)).toEqual(['PutItemCommand']);
  });

  it('writes a commented rating in one transaction', async () => {
    const counter = countCalls(app);
    try {
      await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: `${PAGE}/one-write`, rating: 2, comment: 'Broken map' } }, { ip: '192.0.2.80' });
    } finally {
      counter.stop();
    }
    expect(counter.calls.map((c) => c.command)).toEqual(['TransactWriteItemsCommand']);
  });

  it('never merges different people’s identical bare ratings from one shared address', async () => {
    const page = `${PAGE}/library`;
    for (let i = 0; i < 3; i++) {
      const res = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: page, rating: 3 } }, { ip: '192.0.2.81' });
      expect(res.body.data!.submitPageRating.receipt.duplicateOfEarlierSubmission).toBe(false);
    }
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: page, period: 'LAST_7_DAYS' } }, { token: web() });
    expect(summary.body.data!.pageRatingSummary.total).toBe(3);
  });
});

describe('bounded public reads', () => {
  let app: TestApp;
  let ip = 0;
  const ir = () => app.token('information-rights', 'fay.foi');
  const { ok } = caseHelpers(() => app, {
    read: 'query($reference: String!) { foiRequest(reference: $reference) { version } }',
    readField: 'foiRequest',
    payloadField: 'foiRequest',
    fields: 'version',
    caseType: foiCaseType,
    token: () => ir(),
  });
  const SEARCH = `query($search: DisclosureLogSearch, $first: Int) { disclosureLog(search: $search, first: $first) {
    edges { node { reference title } } pageInfo { hasNextPage endCursor } refineSearch { message entriesRead } } }`;

  async function publish(title: string) {
    const res = await app.gql(
      'mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference } } }',
      { input: { idempotencyKey: newKey(), requester: { name: `Asker ${ip}`, email: `a${ip}@example.com` }, description: `About ${title}`, format: 'ELECTRONIC_COPY' } },
      { ip: `198.18.0.${++ip}` },
    );
    const reference = res.body.data!.submitFoiRequest.receipt.reference;
    await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'See attached' });
    await ok('publishToDisclosureLog', reference, { title, question: `Figures on ${title}`, answer: 'See attached' });
    return reference;
  }

  beforeAll(async () => {
    app = await createTestApp({
      limits: { maxDepth: 10, maxAliases: 15, maxCost: 5000, maxTokens: 2000, maxDirectives: 20, readBudget: { items: 6, calls: 8 } },
      publicReadRateLimit: { limit: 6, windowSeconds: 600 },
    });
    for (let i = 0; i < 8; i++) await publish(`Speed limits ${i}`);
    for (let i = 0; i < 8; i++) await publish(`Camera vans ${i}`);
    await publish('Speed camera vans');
    await publish('Helicopter cameras');
    await app.drainChanges();
  }, 120_000);

  it('answers "refine your search" at the read budget instead of reading on, and says how far it read', async () => {
    const counter = countCalls(app);
    const res = await app.gql(SEARCH, { search: { text: 'speed vans' }, first: 5 }, { ip: '192.0.2.90' });
    counter.stop();
    const log = res.body.data!.disclosureLog;
    expect(log.refineSearch).toEqual({ message: expect.stringMatching(/narrow the search/), entriesRead: 6 });
    expect(log.pageInfo.hasNextPage).toBe(true);
    expect(counter.calls.filter((c) => c.command === 'QueryCommand').reduce((n, c) => n + c.scanned, 0)).toBeLessThanOrEqual(6);
  });

  it('starts from the rarest word: a word in no response answers at once, however common the other', async () => {
    const counter = countCalls(app);
    const res = await app.gql(SEARCH, { search: { text: 'speed zeppelins' } }, { ip: '192.0.2.91' });
    counter.stop();
    expect(res.body.data!.disclosureLog).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, refineSearch: null });
    expect(counter.calls.filter((c) => c.command === 'QueryCommand').reduce((n, c) => n + c.scanned, 0)).toBe(0);
  });

  it('finds what a search within the budget finds, in full', async () => {
    const res = await app.gql(SEARCH, { search: { text: 'camera helicopter' } }, { ip: '192.0.2.92' });
    expect(res.body.data!.disclosureLog.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Helicopter cameras']);
    expect(res.body.data!.disclosureLog.refineSearch).toBeNull();
  });

  it('shares one budget between every aliased field of a request', async () => {
    const counter = countCalls(app);
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: disclosureLog(search: { text: "speed vans" }) { edges { node { reference } } refineSearch { entriesRead } }`).join('\n');
    const res = await app.gql(`{ ${aliases} }`, {}, { ip: '192.0.2.93' });
    counter.stop();
    expect(res.body.errors).toBeUndefined();
    const read = counter.calls.filter((c) => c.command === 'QueryCommand').reduce((n, c) => n + c.scanned, 0);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(6);
    // Every field either found its answer or says the budget stopped it: none pretends to be empty.
    for (const field of Object.values(res.body.data!) as Array<{ edges: unknown[]; refineSearch: unknown }>) {
      expect(field.edges.length > 0 || field.refineSearch !== null).toBe(true);
    }
    expect(Object.values(res.body.data!).some((field) => (field as { refineSearch: unknown }).refineSearch !== null)).toBe(true);
  });

  it('limits public reads per source: requests, however many fields each asks for', async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await app.gql(SEARCH, { search: { text: 'camera' }, first: 1 }, { ip: '192.0.2.94' }));
    expect(answers.slice(0, 6).every((a) => !a.body.errors)).toBe(true);
    expect(answers[6]!.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    const other = await app.gql(SEARCH, { search: { text: 'camera' }, first: 1 }, { ip: '192.0.2.95' });
    expect(other.body.errors).toBeUndefined();
  });
});

import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageCountsAndRankingConsumer } from '../../src/pageRatings/rankingStore.js';
import { Db } from '../../src/store/db.js';
import { itemSize, writeUnits, type WireValue } from '../../src/store/writeUnits.js';
import type { TableChange } from '../../src/streams/tableChange.js';
import { PAGE, SUBMIT, SUMMARY, WORST } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Issue 12, write cost: a bare rating is one item in one PutItem (its own idempotency record), and
 * page counts are kept from the table's stream, exactly once per rating however the stream cuts
 * or repeats its batches.
 */
async function ratingItems(app: TestApp, pageUrl: string) {
  const out = await app.doc.send(
    new ScanCommand({ TableName: app.tableName, FilterExpression: 'sk = :case AND pageUrl = :page', ExpressionAttributeValues: { ':case': 'CASE', ':page': pageUrl } }),
  );
  return out.Items ?? [];
}

/** The rating items as their stream INSERT records would give them. */
const asInserts = (items: Record<string, unknown>[]): TableChange[] =>
  items.map((item) => ({ id: `insert-${item.reference as string}`, kind: 'INSERT', pk: item.pk as string, sk: item.sk as string, newItem: item }));

describe('a bare rating: one item, one PutItem', () => {
  let app: TestApp;
  const web = () => app.token('web-content');
  beforeAll(async () => {
    app = await createTestApp();
  });

  it('is one item under 1 KB with no index entries: one write unit', async () => {
    const page = `${PAGE}/a-fairly-long-section-name/and-a-longer-page-name-about-reporting-a-crime-online`;
    const res = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: page, rating: 1 } });
    expect(res.body.data!.submitPageRating.userErrors).toEqual([]);
    const [item, ...others] = await ratingItems(app, page);
    expect(others).toEqual([]);
    expect(Object.keys(item!).filter((name) => name.startsWith('gsi'))).toEqual([]);
    const size = itemSize(marshall(item, { removeUndefinedValues: true }) as Record<string, WireValue>);
    expect(size).toBeLessThan(1024);
    expect(writeUnits(size, false)).toBe(1);
  });

  it('answers 50 concurrent retries with one key as the first answer, tracking code included, and stores one item', async () => {
    const page = `${PAGE}/same-key`;
    const input = { idempotencyKey: newKey(), pageUrl: page, rating: 2 };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => app.gql(SUBMIT, { input }, { ip: `198.51.100.${i}` })));
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    const payloads = answers.map((a) => a.body.data!.submitPageRating);
    expect(payloads.flatMap((p) => p.userErrors)).toEqual([]);
    const first = payloads[0].receipt;
    expect(first.trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    for (const p of payloads) expect(p.receipt).toEqual(first);
    expect(await ratingItems(app, page)).toHaveLength(1);
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: page, period: 'LAST_7_DAYS' } }, { token: web() });
    expect(summary.body.data!.pageRatingSummary.total).toBe(1);
  });

  it('refuses the same key with another rating, or with a comment added (IDEMPOTENCY_KEY_REUSED), and stores nothing more', async () => {
    const page = `${PAGE}/reused-key`;
    const idempotencyKey = newKey();
    const first = await app.gql(SUBMIT, { input: { idempotencyKey, pageUrl: page, rating: 3 } });
    expect(first.body.data!.submitPageRating.userErrors).toEqual([]);
    for (const other of [{ rating: 1 }, { rating: 3, comment: 'Now with a comment' }]) {
      const res = await app.gql(SUBMIT, { input: { idempotencyKey, pageUrl: page, ...other } });
      expect(res.body.data!.submitPageRating).toEqual({
        receipt: null,
        userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })],
      });
    }
    expect(await ratingItems(app, page)).toHaveLength(1);
  });
});

describe('a bare rating at the edges of its derived reference', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });

  it("finds a rating made just before midnight on New Year's Eve when it is sent again just after", async () => {
    const input = { idempotencyKey: newKey(), pageUrl: `${PAGE}/new-year`, rating: 3 };
    app.setNow('2026-12-31T23:59:58Z');
    const first = await app.gql(SUBMIT, { input });
    app.setNow('2027-01-01T00:00:03Z');
    const again = await app.gql(SUBMIT, { input });
    const other = await app.gql(SUBMIT, { input: { ...input, rating: 1 } });
    app.setNow(undefined);
    expect(first.body.data!.submitPageRating.receipt.reference).toMatch(/^WEB-2026-/);
    expect(again.body.data!.submitPageRating.receipt).toEqual(first.body.data!.submitPageRating.receipt);
    expect(other.body.data!.submitPageRating.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
    expect(await ratingItems(app, `${PAGE}/new-year`)).toHaveLength(1);
  });

  it('moves to the next derived number when its number belongs to another key, and answers retries from there', async () => {
    const input = { idempotencyKey: newKey(), pageUrl: `${PAGE}/collision`, rating: 2 };
    const first = await app.gql(SUBMIT, { input });
    const taken = first.body.data!.submitPageRating.receipt.reference as string;
    // Make the item under that number another key's, as a collision of derived numbers would be.
    await app.doc.send(
      new UpdateCommand({ TableName: app.tableName, Key: { pk: `CASE#${taken}`, sk: 'CASE' }, UpdateExpression: 'SET idempotencyKeyHash = :other', ExpressionAttributeValues: { ':other': 'another-key' } }),
    );
    const moved = await app.gql(SUBMIT, { input });
    const receipt = moved.body.data!.submitPageRating.receipt;
    expect(receipt.reference).not.toBe(taken);
    expect(receipt.trackingCode).toBe(first.body.data!.submitPageRating.receipt.trackingCode);
    const again = await app.gql(SUBMIT, { input });
    expect(again.body.data!.submitPageRating.receipt).toEqual(receipt);
    expect(await ratingItems(app, `${PAGE}/collision`)).toHaveLength(2);
  });
});

describe('page counts from the stream', () => {
  let app: TestApp;
  const web = () => app.token('web-content');
  const summary = async (pageUrl: string) =>
    (await app.gql(SUMMARY, { input: { pageUrl, period: 'LAST_7_DAYS' } }, { token: web() })).body.data!.pageRatingSummary as { total: number; counts: unknown };
  beforeAll(async () => {
    app = await createTestApp();
  });

  it('counts a rating once however often, and however cut, its batch is delivered again', async () => {
    const page = `${PAGE}/redelivered`;
    const other = `${PAGE}/redelivered-too`;
    for (let i = 0; i < 12; i++) {
      const res = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: i % 3 === 0 ? other : page, rating: (i % 3) + 1, ...(i === 5 && { comment: 'One with a comment' }) } });
      expect(res.body.data!.submitPageRating.userErrors).toEqual([]);
    }
    // Not counted until the stream has been read: the request wrote only the rating.
    expect((await summary(page)).total).toBe(0);

    const consumer = pageCountsAndRankingConsumer(new Db(app.doc, app.tableName), app.config.retention, () => new Date());
    const batch = asInserts([...(await ratingItems(app, page)), ...(await ratingItems(app, other))]);
    expect(batch.every((change) => consumer.wants(change))).toBe(true);
    await consumer.handle(batch);
    await consumer.handle(batch); // the same batch again (Lambda retrying it)
    await consumer.handle(batch.slice(0, 5)); // bisected
    await consumer.handle([...batch.slice(7), ...batch.slice(2, 9)]); // cut and ordered otherwise
    expect(await summary(page)).toEqual(expect.objectContaining({ total: 8, counts: [{ stars: 1, count: 0 }, { stars: 2, count: 4 }, { stars: 3, count: 4 }] }));
    expect((await summary(other)).total).toBe(4);

    // The real stream delivers them too, in its own batches: still counted once.
    await app.drainChanges();
    expect((await summary(page)).total).toBe(8);
    expect((await summary(other)).total).toBe(4);
    const worst = await app.gql(WORST, { input: { minimumRatings: 1 } }, { token: web() });
    expect(worst.body.data!.worstRatedPages.edges.map((e: { node: { pageUrl: string; total: number } }) => [e.node.pageUrl, e.node.total])).toEqual(
      expect.arrayContaining([
        [page, 8],
        [other, 4],
      ]),
    );
  });

  it('ignores what is not a new page rating (a review changing one, other case types)', async () => {
    const consumer = pageCountsAndRankingConsumer(new Db(app.doc, app.tableName), app.config.retention, () => new Date());
    const [item] = await ratingItems(app, `${PAGE}/redelivered`);
    expect(consumer.wants({ id: 'm', kind: 'MODIFY', pk: item!.pk as string, sk: 'CASE', newItem: { ...item, status: 'REVIEWED' }, oldItem: item })).toBe(false);
    expect(consumer.wants({ id: 'f', kind: 'INSERT', pk: 'CASE#FOI-2026-000001', sk: 'CASE', newItem: { caseType: 'FOI' } })).toBe(false);
    expect(consumer.wants({ id: 'd', kind: 'MODIFY', pk: 'PAGE#x', sk: 'DAY#2026-11-21#3', newItem: {} })).toBe(false);
  });

  it('does not count again a rating stored before counts moved to the stream (it has its page key, and was counted in its own transaction)', async () => {
    const consumer = pageCountsAndRankingConsumer(new Db(app.doc, app.tableName), app.config.retention, () => new Date());
    const page = `${PAGE}/before-the-stream`;
    const res = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: page, rating: 1 } });
    expect(res.body.data!.submitPageRating.userErrors).toEqual([]);
    const [item] = await ratingItems(app, page);
    const older = { ...item!, reference: item!.reference.replace(/\d$/, (d: string) => String((Number(d) + 1) % 10)), pageKey: page.slice('https://'.length) };
    await consumer.handle(asInserts([older]));
    expect((await summary(page)).total).toBe(0);
    await app.drainChanges();
    expect((await summary(page)).total).toBe(1);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE, SUBMIT, TRACK } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/** What the app counts and logs per request, through the metrics and logger ports. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ trackRateLimit: { limit: 1, windowSeconds: 600 } });
});

const counted = (name: string) => app.metrics.counted.filter((c) => c.name === name);

describe('metrics', () => {
  it('count submissions by case type and channel, not decoys', async () => {
    const before = counted('Submissions').length;
    await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 3 } });
    await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 3, honeypot: 'https://spam.example' } });
    expect(counted('Submissions').slice(before)).toEqual([{ name: 'Submissions', dimensions: { caseType: 'PAGE_RATING', channel: 'PUBLIC' }, value: 1 }]);
  });

  it('count user errors by code, from payloads and top-level errors', async () => {
    const before = counted('UserErrors').length;
    await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 7 } });
    await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 'seven' } });
    expect(counted('UserErrors').slice(before).map((c) => c.dimensions.code)).toEqual(['OUT_OF_RANGE', 'BAD_USER_INPUT']);
  });

  it('count rate limiting', async () => {
    const before = counted('RateLimited').length;
    for (let i = 0; i < 2; i++) await app.gql(TRACK, { reference: 'WEB-2026-000001', trackingCode: 'AAAA-AAAA-AAAA-AAAA' }, { ip: '203.0.113.50' });
    expect(counted('RateLimited').length - before).toBe(1);
  });

  it('count internal errors, and log them with the operation’s name', async () => {
    const broken = await createTestApp({}, { tableName: 'no-such-table' });
    const res = await broken.gql(TRACK, { reference: 'WEB-2026-000001', trackingCode: 'AAAA-AAAA-AAAA-AAAA' });
    expect(res.body.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(broken.metrics.counted.filter((c) => c.name === 'InternalErrors')).toHaveLength(1);
    const logged = broken.logger.lines.map((l) => JSON.parse(l)).find((l) => l.message === 'unexpected error');
    expect(logged).toMatchObject({ operationName: 'Track', operationType: 'query', requestId: expect.any(String) });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE, SUBMIT, TRACK } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

let app: TestApp;
let reference: string;
let trackingCode: string;

beforeAll(async () => {
  app = await createTestApp({ trackRateLimit: { limit: 8, windowSeconds: 600 } });
  const res = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 3 } });
  ({ reference, trackingCode } = res.body.data!.submitPageRating.receipt);
});

describe('trackCase', () => {
  it('shows the public status to whoever holds the reference and code, typed loosely', async () => {
    const res = await app.gql(TRACK, { reference: reference.toLowerCase(), trackingCode: trackingCode.toLowerCase().replace(/-/g, ' ') }, { ip: '10.9.0.1' });
    expect(res.body.data!.trackCase).toMatchObject({ reference, caseType: 'PAGE_RATING', status: 'RECEIVED' });
  });

  it('gives the same answer for a wrong code, an unknown reference and nonsense', async () => {
    const wrongCode = await app.gql(TRACK, { reference, trackingCode: 'AAAA-BBBB-CCCC-DDDD' }, { ip: '10.9.0.2' });
    const unknownReference = await app.gql(TRACK, { reference: 'WEB-2026-999999', trackingCode }, { ip: '10.9.0.2' });
    const nonsense = await app.gql(TRACK, { reference: 'hello', trackingCode: '' }, { ip: '10.9.0.2' });
    for (const res of [wrongCode, unknownReference, nonsense]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ data: { trackCase: null } });
    }
  });

  it('refuses a source that keeps guessing, but not other sources', async () => {
    const ip = '10.9.0.3';
    for (let i = 0; i < 8; i++) {
      const res = await app.gql(TRACK, { reference, trackingCode: `AAAA-BBBB-CCCC-${String(i).padStart(4, '0')}` }, { ip });
      expect(res.body.errors).toBeUndefined();
    }
    const refused = await app.gql(TRACK, { reference, trackingCode }, { ip });
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(refused.body.data?.trackCase ?? null).toBeNull();
    const elsewhere = await app.gql(TRACK, { reference, trackingCode }, { ip: '10.9.0.4' });
    expect(elsewhere.body.data!.trackCase.reference).toBe(reference);
  });

  it('counts right answers too, as the schema says: the limit is on calls, not on failures', async () => {
    const ip = '10.9.0.5';
    for (let i = 0; i < 8; i++) expect((await app.gql(TRACK, { reference, trackingCode }, { ip })).body.data!.trackCase.reference).toBe(reference);
    const refused = await app.gql(TRACK, { reference, trackingCode }, { ip });
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

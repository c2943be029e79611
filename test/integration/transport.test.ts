import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLocalSigningKey, signLocalToken } from '../../src/auth/tokens.js';
import { PAGE, SUBMIT } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});

describe('API Gateway events', () => {
  it('accepts a base64-encoded body, as API Gateway may send it', async () => {
    const body = JSON.stringify({ query: SUBMIT, variables: { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 3 } } });
    const res = await app.send(Buffer.from(body), { base64: true });
    expect(res.status).toBe(200);
    expect(res.body.data!.submitPageRating.receipt.reference).toMatch(/^WEB-/);
  });

  it('refuses batched requests', async () => {
    const res = await app.send(JSON.stringify([{ query: '{ ping }' }, { query: '{ ping }' }]));
    expect(res.status).toBe(400);
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const res = await app.send('', { headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/CSRF|preflight/i);
  });
});

describe('production behaviour', () => {
  it('has introspection off unless configured', async () => {
    const res = await app.gql('{ __schema { types { name } } }');
    expect(res.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.data ?? null).toBeNull();
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const res = await app.gql('{ researchContact }');
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });

  it('limits query depth and aliases', async () => {
    const deep = `{ ${'a { '.repeat(12)}b${' }'.repeat(12)} }`;
    const tooDeep = await app.gql(deep);
    expect(tooDeep.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooDeep.body.errors!.map((e) => e.message).join(' ')).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: ping`).join(' ')} }`;
    const tooMany = await app.gql(aliases);
    expect(tooMany.body.errors!.map((e) => e.message).join(' ')).toMatch(/alias/i);
    const fine = `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: ping`).join(' ')} }`;
    expect((await app.gql(fine)).body.errors).toBeUndefined();
  });

  it('refuses an overly long document as the caller’s fault', async () => {
    const res = await app.gql(`{ ${Array.from({ length: 2500 }, () => 'ping').join(' ')} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.body.errors![0]!.message).toMatch(/Document contains more th.t 2000 tokens/);
    const many = await app.gql(`{ ${Array.from({ length: 1500 }, () => 'ping').join(' ')} }`);
    expect(many.status).toBe(400);
    expect(many.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks unexpected errors, logging them with the request id and an error id', async () => {
    const broken = await createTestApp({}, { tableName: 'no-such-table' });
    expect(broken.tableName).toBe('no-such-table');
    const res = await broken.gql('{ trackCase(reference: "WEB-2026-000001", trackingCode: "AAAA-AAAA-AAAA-AAAA") { status } }');
    const error = res.body.errors![0]!;
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
    expect(error.message).toContain(error.extensions!.errorId);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|ResourceNotFound|no-such-table|at .*\.ts/i);
    const logged = broken.logger.lines.map((l) => JSON.parse(l)).find((l) => l.message === 'unexpected error');
    expect(logged).toMatchObject({ level: 'error', errorId: error.extensions!.errorId, requestId: expect.any(String) });
  });
});

describe('tokens', () => {
  it('refuses a token that does not verify, rather than treating the caller as anonymous', async () => {
    const foreign = signLocalToken(generateLocalSigningKey(), { name: 'mallory', groups: ['web-content'] });
    const genuine = app.token('web-content');
    const [h, p, s] = genuine.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), 'cognito:groups': ['professional-standards'] })).toString('base64url')}.${s}`;
    for (const token of [foreign, tampered, 'not-a-jwt']) {
      const res = await app.gql('{ ping }', {}, { token });
      expect(res.status).toBe(401);
      expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(res.body)).not.toContain('mallory');
    }
  });

  it('refuses an expired token', async () => {
    const expired = app.signToken({ name: 'casey.staff', groups: ['web-content'], expiresInSeconds: 60, now: new Date(Date.now() - 3600_000) });
    const res = await app.gql('{ pageRating(reference: "WEB-2026-000001") { reference } }', {}, { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('gives a staff member with no team group nothing', async () => {
    const none = app.signToken({ name: 'casey.staff', groups: ['some-other-group'] });
    const res = await app.gql('{ researchContacts { pageInfo { hasNextPage } } }', {}, { token: none });
    expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('error messages', () => {
  it('never repeat a value that was sent, in an enum or as an unknown field', async () => {
    const token = app.token('web-content');
    const enumValue = await app.gql(
      'mutation($input: ReviewPageRatingInput!) { reviewPageRating(input: $input) { userErrors { code } } }',
      { input: { reference: 'WEB-2026-000001', expectedVersion: 1, outcome: 'jo.secret@example.com' } },
      { token },
    );
    const unknownField = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 2, 'jo.secret@example.com': 1 } });
    for (const res of [enumValue, unknownField]) {
      expect(res.status).toBe(400);
      expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.body)).not.toContain('jo.secret');
    }
  });
});

describe('logs', () => {
  it('hold no personal data from a submission', async () => {
    const email = `pat.${randomUUID().slice(0, 6)}@example.com`;
    await app.gql(SUBMIT, {
      input: {
        idempotencyKey: newKey(),
        pageUrl: PAGE,
        rating: 1,
        comment: `Call 07700 900456 or ${email}`,
        researchContact: { name: 'Pat Example', email, consentToContact: true },
      },
    });
    await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: email } });
    const logs = app.logger.lines.join('\n');
    expect(logs).toContain('graphql request');
    for (const secret of [email, 'Pat Example', '07700 900456', '198.51.100.7']) expect(logs).not.toContain(secret);
  });
});

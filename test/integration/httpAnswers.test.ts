import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateLocalSigningKey, localTokenVerifier } from '../../src/auth/tokens.js';
import { loadConfig } from '../../src/config.js';
import { MAX_BODY_BYTES } from '../../src/http/limits.js';
import { apiGatewayEvent } from '../../src/local/apiGatewayEvent.js';
import { startDynamoDbLocal, freePort, type RunningDynamoDbLocal } from '../../src/local/dynamoDbLocal.js';
import { createLocalHttpServer } from '../../src/local/httpServer.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { createLambdaHandler, type LambdaHandler } from '../../src/server.js';
import { createDocumentClient } from '../../src/store/client.js';
import { ensureTable } from '../../src/store/ensureTable.js';
import { PAGE, SUBMIT, TRACK } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Every answer a client can act on without reading the body: its HTTP status, its headers and its
 * extensions.code, through the real Lambda handler (and the local HTTP server where it differs).
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ trackRateLimit: { limit: 2, windowSeconds: 600 }, submitRateLimit: { limit: 2, windowSeconds: 600 } });
});

// With a comment: bare ratings are limited at the edge (WAF), not by the app's submission limit.
let comments = 0;
const rating = () => ({ input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 2, comment: `Comment ${++comments}` } });

describe('rate limits', () => {
  it('answer 429 with Retry-After when trackCase is called too often', async () => {
    const ip = '203.0.113.10';
    const track = () => app.gql(TRACK, { reference: 'WEB-2026-000001', trackingCode: 'AAAA-AAAA-AAAA-AAAA' }, { ip });
    expect((await track()).status).toBe(200);
    expect((await track()).status).toBe(200);
    const limited = await track();
    expect(limited.status).toBe(429);
    expect(limited.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retriable: true });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(retryAfter).toBe(limited.body.errors![0]!.extensions!.retryAfterSeconds);
  });

  it('answer 429 with Retry-After when a source submits too often (a RATE_LIMITED user error)', async () => {
    const ip = '203.0.113.11';
    for (let i = 0; i < 2; i++) expect((await app.gql(SUBMIT, rating(), { ip })).status).toBe(200);
    const limited = await app.gql(SUBMIT, rating(), { ip });
    expect(limited.status).toBe(429);
    expect(limited.body.data!.submitPageRating.userErrors[0].code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Another source is not limited.
    expect((await app.gql(SUBMIT, rating(), { ip: '203.0.113.12' })).status).toBe(200);
  });
});

describe('DynamoDB out of reach', () => {
  let dynamo: RunningDynamoDbLocal | undefined;
  afterAll(async () => {
    await dynamo?.stop();
  });

  /** The real handler over its own DynamoDB Local, so that it can be stopped mid-run. */
  async function handlerOver(endpoint: string, tableName: string): Promise<LambdaHandler> {
    return createLambdaHandler({
      config: loadConfig({}),
      doc: createDocumentClient({ endpoint }),
      tableName,
      secret: Buffer.alloc(32, 9),
      tokenVerifier: localTokenVerifier(generateLocalSigningKey()),
      logger: createMemoryLogger(),
    });
  }
  async function call(handler: LambdaHandler, query: string, variables: Record<string, unknown>) {
    const event = apiGatewayEvent({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      sourceIp: '198.51.100.99',
    });
    const result = (await handler(event, { awsRequestId: randomUUID() } as Context)) as APIGatewayProxyStructuredResultV2;
    return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body ?? '{}') };
  }
  function expectRetriable(res: Awaited<ReturnType<typeof call>>) {
    expect(res.status).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retriable: true });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|INTERNAL_SERVER_ERROR/);
  }

  it('answers 503 with Retry-After and retriable: true when DynamoDB is stopped mid-run', async () => {
    dynamo = await startDynamoDbLocal();
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, 'stopped-mid-run');
    raw.destroy();
    const handler = await handlerOver(dynamo.endpoint, 'stopped-mid-run');
    const before = await call(handler, SUBMIT, rating());
    expect(before.status).toBe(200);
    expect(before.body.data.submitPageRating.receipt.reference).toMatch(/^WEB-/);
    await dynamo.stop();
    expectRetriable(await call(handler, SUBMIT, rating()));
    expectRetriable(await call(handler, TRACK, { reference: 'WEB-2026-000001', trackingCode: 'AAAA-AAAA-AAAA-AAAA' }));
  }, 120_000);

  it('answers 503 when DynamoDB’s port is closed from the start', async () => {
    const closed = await freePort();
    expectRetriable(await call(await handlerOver(`http://127.0.0.1:${closed}`, 'never-reached'), SUBMIT, rating()));
  });

  it('still masks a fault waiting would not cure (a missing table) as an internal error', async () => {
    const res = await call(await handlerOver(inject('dynamoEndpoint'), 'no-such-table'), SUBMIT, rating());
    expect(res.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(res.headers['retry-after']).toBeUndefined();
  });
});

describe('client mistakes are 400s with a code', () => {
  it('more than 50 invalid variable values', async () => {
    const res = await app.gql(
      'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { userErrors { code } } }',
      { input: { complaintTypes: Array.from({ length: 60 }, (_, i) => i) } },
    );
    expect(res.status).toBe(400);
    // 50 errors for the first 50 values, then graphql-js gives up: that last one is the caller's mistake too.
    expect(res.body.errors!.length).toBeGreaterThan(50);
    expect(new Set(res.body.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(res.body.errors!.at(-1)!.message).toMatch(/more than 50/);
  });

  it('an automatic persisted query whose hash is not its query’s (Apollo’s standard codes)', async () => {
    const query = '{ ping }';
    const wrong = await app.send(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    const version = await app.send(JSON.stringify({ query, extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } }));
    expect(version.status).toBe(400);
    expect(version.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    // The standard flow still works: an unknown hash alone, then the query with its hash.
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const unknown = await app.send(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(unknown.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await app.send(JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(registered.status).toBe(200);
    expect(registered.body.data).toEqual({ ping: true });
  });

  it('a subscription (this API has none), from anyone: a validation error, never an internal one', async () => {
    for (const query of ['subscription { __typename }', 'subscription S { ping }', 'query Q { ping } subscription S { __typename }']) {
      const res = await app.send(JSON.stringify({ query, operationName: query.startsWith('query') ? 'Q' : undefined }));
      expect(res.status).toBe(400);
      expect(res.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.errors![0]!.message).toBe('This API does not support subscription operations.');
    }
  });

  it('malformed JSON, answered without repeating the body', async () => {
    const res = await app.send('{"query": "{ ping }", "variables": {"email": "jane.doe@example.com"');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(res.body)).not.toContain('jane.doe');
  });

  it('an operation name that is not in the document, without repeating it', async () => {
    const res = await app.send(JSON.stringify({ query: 'query Ping { ping }', operationName: 'jane.doe@example.com' }));
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(JSON.stringify(res.body)).not.toContain('jane.doe');
  });

  it('a body over the size limit is 413 in Lambda, plain or base64-encoded', async () => {
    const big = JSON.stringify({ query: '{ ping }', variables: { padding: 'x'.repeat(MAX_BODY_BYTES) } });
    for (const base64 of [false, true]) {
      const res = await app.send(Buffer.from(big), { base64 });
      expect(res.status).toBe(413);
      expect(res.body.errors![0]!.extensions!.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });
});

describe('the local HTTP server', () => {
  let base = '';
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const server = createLocalHttpServer(app.handler, { websiteOrigins: ['https://www.west-midlands.police.uk', 'http://localhost:3000'] });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(() => close());

  it('answers 413 to a body over the limit instead of resetting the connection', async () => {
    for (const size of [MAX_BODY_BYTES + 1, 3 * MAX_BODY_BYTES]) {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(size) });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('answers 413 to a declared body far over the limit without reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(50 * MAX_BODY_BYTES) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(status).toBe(413);
  });

  it('answers CORS preflights for the configured website origins only, as API Gateway does', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('content-type');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const post = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://www.west-midlands.police.uk', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://www.west-midlands.police.uk');
  });

  it('reads its website origins from WEBSITE_ORIGINS, defaulting to the deployed stack’s', () => {
    expect(loadConfig({}).websiteOrigins).toEqual(['https://www.west-midlands.police.uk']);
    expect(loadConfig({ WEBSITE_ORIGINS: 'http://localhost:3000, https://www.west-midlands.police.uk' }).websiteOrigins).toEqual([
      'http://localhost:3000',
      'https://www.west-midlands.police.uk',
    ]);
  });
});

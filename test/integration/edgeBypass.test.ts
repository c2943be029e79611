import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayEvent } from '../../src/local/apiGatewayEvent.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

/**
 * Behind the edge (CloudFront with WAF: infra/edge.ts), an anonymous request sent to API Gateway's
 * own address instead is refused: WAF's per-address rate limit is the only limit a bare rating has,
 * and going round it must not be possible. Staff, with a token, may use either address.
 */
const EDGE = 'the-value-only-cloudfront-sends';
const viaEdge = { 'x-contact-counts-edge': EDGE, 'x-contact-counts-viewer': '203.0.113.9' };
const RATE = 'mutation($input: SubmitPageRatingInput!) { submitPageRating(input: $input) { receipt { reference } userErrors { code } } }';
const rating = () => ({ input: { idempotencyKey: randomUUID(), pageUrl: 'https://www.west-midlands.police.uk/contact-us', rating: 2 } });

describe('requests that go round the edge', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({}, { edgeOriginVerify: EDGE });
  });
  const storedItems = async () => (await app.doc.send(new ScanCommand({ TableName: app.tableName, Select: 'COUNT' }))).Count ?? 0;

  it('refuses an anonymous rating sent to API Gateway directly (403 FORBIDDEN), storing nothing', async () => {
    const before = await storedItems();
    const direct = await app.gql(RATE, rating());
    expect(direct.status).toBe(403);
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(direct.body.data).toBeUndefined();
    expect(await storedItems()).toBe(before);
  });

  it('refuses one carrying a wrong edge value, or an authorization that is not a bearer token', async () => {
    expect((await app.gql(RATE, rating(), { headers: { 'x-contact-counts-edge': 'a-guess' } })).status).toBe(403);
    expect((await app.gql(RATE, rating(), { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(403);
  });

  it('answers the same rating when it comes through the edge', async () => {
    const through = await app.gql(RATE, rating(), { headers: viaEdge });
    expect(through.status).toBe(200);
    expect(through.body.data?.submitPageRating.receipt.reference).toMatch(/^WEB-/);
  });

  it('answers staff with a token at either address, and refuses a token that does not verify (UNAUTHENTICATED), so a made-up token is no way round', async () => {
    const staff = await app.gql('{ worstRatedPages(input: { minimumRatings: 1 }, first: 1) { edges { node { pageUrl } } } }', {}, { token: app.token('web-content') });
    expect(staff.status).toBe(200);
    expect(staff.body.errors).toBeUndefined();
    const madeUp = await app.gql(RATE, rating(), { headers: { authorization: 'Bearer not-a-token' } });
    expect(madeUp.status).toBe(401);
    expect(madeUp.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the public forms at API Gateway’s own address too', async () => {
    const page = (headers: Record<string, string>) =>
      app.handler(apiGatewayEvent({ method: 'GET', path: '/forms/rate-this-page', headers, sourceIp: '198.51.100.7' }), { awsRequestId: randomUUID() } as Context) as Promise<APIGatewayProxyStructuredResultV2>;
    expect((await page({})).statusCode).toBe(403);
    expect((await page(viaEdge)).statusCode).not.toBe(403);
  });
});

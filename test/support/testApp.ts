import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { inject } from 'vitest';
import { generateLocalSigningKey, localTokenVerifier, signLocalToken, type LocalSigningKey } from '../../src/auth/tokens.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { apiGatewayEvent } from '../../src/local/apiGatewayEvent.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { createMemoryMetrics } from '../../src/observability/metrics.js';
import { createLambdaHandler } from '../../src/server.js';
import { createDocumentClient } from '../../src/store/client.js';
import { ensureTable } from '../../src/store/ensureTable.js';
import { startStreamPoller, type StreamPoller } from '../../src/local/streamPoller.js';
import { createChangeConsumers } from '../../src/streams/consumers.js';

/**
 * A real server for a test file: the real Lambda handler, over a fresh table in the DynamoDB Local
 * that the test run started. Requests are API Gateway v2 events, as in AWS.
 */
let signingKey: LocalSigningKey | undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response data loosely, by path
export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Record<string, unknown>;
  body: { data?: T | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }> };
}

export interface RequestOptions {
  token?: string;
  ip?: string;
  base64?: boolean;
  headers?: Record<string, string>;
}

export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  options: {
    env?: Record<string, string>;
    /** Use this table as it is (made if absent only when not given). */
    tableName?: string;
    /** As if behind the edge: the value CloudFront's origin header carries (HandlerOptions.edgeOriginVerify). */
    edgeOriginVerify?: string;
  } = {},
) {
  const endpoint = inject('dynamoEndpoint');
  const tableName = options.tableName ?? `test-${randomUUID()}`;
  if (!options.tableName) {
    const raw = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await ensureTable(raw, tableName);
    raw.destroy();
  }
  signingKey ??= generateLocalSigningKey();
  const key = signingKey;
  const logger = createMemoryLogger();
  const metrics = createMemoryMetrics();
  let clock: Date | undefined;
  const config = loadConfig({ ...options.env }, overrides);
  const doc = createDocumentClient({ endpoint });
  const handler = createLambdaHandler({
    config,
    doc,
    tableName,
    secret: Buffer.alloc(32, 7),
    tokenVerifier: localTokenVerifier(key),
    logger,
    metrics,
    now: () => clock ?? new Date(),
    edgeOriginVerify: options.edgeOriginVerify,
  });

  // The table's stream, read on demand: drainChanges() runs the stream's consumers (as the Lambda
  // stream function does in AWS) over everything written so far, and what they write in turn.
  let poller: StreamPoller | undefined;
  const drainChanges = async () => {
    poller ??= startStreamPoller({
      endpoint,
      tableName,
      logger,
      consumers: createChangeConsumers({ doc, tableName, logger, config, now: () => clock ?? new Date() }),
    });
    await poller.drain();
  };

  async function send(body: string | Buffer, options: RequestOptions = {}): Promise<GraphQLResponse> {
    const event = apiGatewayEvent({
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(options.token && { authorization: `Bearer ${options.token}` }),
        ...options.headers,
      },
      body,
      base64: options.base64,
      sourceIp: options.ip ?? '198.51.100.7',
    });
    const result = (await handler(event, { awsRequestId: randomUUID() } as Context)) as APIGatewayProxyStructuredResultV2;
    return { status: result.statusCode ?? 200, headers: result.headers ?? {}, body: JSON.parse(result.body ?? '{}') };
  }

  return {
    config,
    logger,
    /** What the app counted (the metrics port, kept in memory). */
    metrics,
    tableName,
    doc,
    /** The Lambda handler itself (for a loopback HTTP server: src/local/httpServer.ts). */
    handler,
    /** Sends one GraphQL operation through the Lambda handler. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as GraphQLResponse's default
    gql: <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, options: RequestOptions = {}) =>
      send(JSON.stringify({ query, variables }), options) as Promise<GraphQLResponse<T>>,
    send,
    /** Runs the table stream's consumers over every change so far (call after writes, before asserting what they did). */
    drainChanges,
    token: (groups: string | string[], name = 'casey.staff') =>
      signLocalToken(key, { name, groups: Array.isArray(groups) ? groups : [groups] }),
    signToken: (claims: Parameters<typeof signLocalToken>[1]) => signLocalToken(key, claims),
    setNow: (at: Date | string | undefined) => {
      clock = at === undefined ? undefined : new Date(at);
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export const newKey = () => randomUUID();

import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localTokenVerifier } from '../auth/tokens.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/logger.js';
import { typeDefs } from '../generated/typeDefs.js';
import { createLambdaHandler } from '../server.js';
import { createDocumentClient } from '../store/client.js';
import { ensureTable } from '../store/ensureTable.js';
import { JavaMissingError, startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamoDbLocal.js';
import { createChangeConsumers } from '../streams/consumers.js';
import { createLocalHttpServer } from './httpServer.js';
import { startStreamPoller, type StreamPoller } from './streamPoller.js';
import { LOCAL_DIR, loadLocalSecrets } from './localState.js';
import { LOCAL_CALLBACK_TOKEN, localNotificationRoutes } from '../notifications/local.js';

/**
 * npm start: DynamoDB Local (data kept in .local/dynamodb unless --in-memory), the table made or
 * brought up to date, and the API at http://localhost:4000/graphql with GraphiQL at /.
 * With DYNAMODB_ENDPOINT and TABLE_NAME set, it uses that DynamoDB instead of starting one.
 * Ctrl-C stops everything it started.
 */
const { values: flags } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log('npm start [-- --in-memory] [-- --port 4000]\n  --in-memory  keep the database in memory (lost on exit)\n  --port       HTTP port (default 4000)');
  process.exit(0);
}

let dynamo: RunningDynamoDbLocal | undefined;
let poller: StreamPoller | undefined;
let stopping = false;

async function main() {
  const external = process.env.DYNAMODB_ENDPOINT;
  const tableName = process.env.TABLE_NAME ?? 'contact-counts-local';
  if (external && !process.env.TABLE_NAME) throw new Error('Set TABLE_NAME too when DYNAMODB_ENDPOINT is set.');
  let endpoint = external;
  if (!endpoint) {
    dynamo = await startDynamoDbLocal({ dataDir: flags['in-memory'] ? undefined : join(LOCAL_DIR, 'dynamodb') });
    endpoint = dynamo.endpoint;
  }
  const raw = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const tableState = await ensureTable(raw, tableName);
  raw.destroy();

  const secrets = loadLocalSecrets();
  const logger = createLogger({ level: 'info', base: { service: 'contact-counts-local' } });
  // Messages go to files in .local/outbox/ (listed at /outbox), never to Notify, unless NOTIFY_* say otherwise.
  const config = loadConfig({ GRAPHQL_INTROSPECTION: 'true', OUTBOX_DIR: join(LOCAL_DIR, 'outbox'), NOTIFY_CALLBACK_TOKEN: LOCAL_CALLBACK_TOKEN, ...process.env });
  const doc = createDocumentClient({ endpoint });
  const handler = createLambdaHandler({
    config,
    doc,
    tableName,
    secret: secrets.appSecret,
    tokenVerifier: localTokenVerifier(secrets.signingKey),
    logger,
    // With its descriptions, for GraphiQL and clients' codegen (Lambda serves it without them).
    typeDefs,
  });
  // The table's stream, read as the Lambda stream function reads it in AWS: same consumers.
  poller = startStreamPoller({
    endpoint,
    tableName,
    logger,
    intervalMs: 250,
    consumers: createChangeConsumers({ doc, tableName, logger, config, now: () => new Date() }),
  });
  const server = createLocalHttpServer(handler, { websiteOrigins: config.websiteOrigins, extraRoutes: [localNotificationRoutes({ doc, tableName, logger, config })] });
  const port = Number(flags.port);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  console.log(
    [
      `Contact Counts API: http://localhost:${port}/graphql (GraphiQL: http://localhost:${port}/; public pages: http://localhost:${port}/forms/)`,
      `DynamoDB: ${endpoint} (${external ? 'external' : flags['in-memory'] ? 'DynamoDB Local, in memory' : 'DynamoDB Local, data in .local/dynamodb'}), table ${tableName} ${tableState}`,
      'Staff token: npm run token -- --group web-content [--name your.name]. Ctrl-C stops.',
    ].join('\n'),
  );

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    server.close();
    server.closeAllConnections();
    await poller?.stop();
    await dynamo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (error: unknown) => {
  await poller?.stop();
  await dynamo?.stop();
  if (error instanceof JavaMissingError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${flags.port} is in use: stop what is using it, or run npm start -- --port <another>.`);
  } else {
    console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});

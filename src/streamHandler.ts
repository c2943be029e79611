import { loadConfig } from './config.js';
import { functionLogger, requiredEnv } from './lambdaEnvironment.js';
import { createDocumentClient } from './store/client.js';
import { createChangeConsumers } from './streams/consumers.js';
import { createStreamBatchHandler } from './streams/lambdaBatch.js';

/**
 * The Lambda entry for the table's DynamoDB stream (NEW_AND_OLD_IMAGES): the same consumers that
 * the local stream poller runs (src/local/streamPoller.ts), built once per execution environment,
 * at module load. Retries, bisecting and the on-failure queue are set in infra/tableStream.ts.
 */
const logger = functionLogger('contact-counts-stream');

export const handler = createStreamBatchHandler(
  createChangeConsumers({
    doc: createDocumentClient({}),
    tableName: requiredEnv('TABLE_NAME'),
    logger,
    now: () => new Date(),
    config: loadConfig(process.env),
  }),
  logger,
);

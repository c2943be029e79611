import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/logger.js';
import { createDocumentClient } from '../store/client.js';
import { Db } from '../store/db.js';
import { writeDailyDigests } from './digest.js';

/**
 * npm run digest -- --endpoint http://127.0.0.1:PORT [--table contact-counts-local]: writes today's
 * digests into a running npm start's table (its DynamoDB endpoint is printed when it starts); its
 * stream poller delivers them to .local/outbox/ like any other message.
 */
const { values } = parseArgs({
  options: {
    endpoint: { type: 'string', default: process.env.DYNAMODB_ENDPOINT },
    table: { type: 'string', default: process.env.TABLE_NAME ?? 'contact-counts-local' },
  },
});
if (!values.endpoint) {
  console.error('Give the DynamoDB endpoint npm start printed: npm run digest -- --endpoint http://127.0.0.1:PORT');
  process.exit(1);
}
const config = loadConfig(process.env);
const out = await writeDailyDigests({
  db: new Db(createDocumentClient({ endpoint: values.endpoint }), values.table!),
  logger: createLogger({ level: 'warn' }),
  now: () => new Date(),
  staffEmailDomain: config.notifications.staffEmailDomain,
  horizonDays: config.notifications.digestHorizonDays,
});
console.log(`Digests: ${out.written} written for ${out.handlers} handlers (see http://localhost:4000/outbox once delivered).`);

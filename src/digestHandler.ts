import { loadConfig } from './config.js';
import { createLogger, type LogLevel } from './logging/logger.js';
import { writeDailyDigests } from './notifications/digest.js';
import { createDocumentClient } from './store/client.js';
import { Db } from './store/db.js';

/**
 * The Lambda entry for the daily digest, invoked by an EventBridge schedule (infra/notifications.ts).
 * It writes each handler's digest to the outbox; the table stream's delivery sends them.
 */
const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('TABLE_NAME is not set');
const logger = createLogger({ level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info', base: { service: 'contact-counts-digest' } });
const config = loadConfig(process.env);
const db = new Db(createDocumentClient({}), tableName);

export async function handler(): Promise<{ handlers: number; written: number }> {
  return writeDailyDigests({ db, logger, now: () => new Date(), staffEmailDomain: config.notifications.staffEmailDomain, horizonDays: config.notifications.digestHorizonDays });
}

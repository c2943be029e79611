import { loadConfig } from './config.js';
import { functionLogger, requiredEnv } from './lambdaEnvironment.js';
import { writeDailyDigests } from './notifications/digest.js';
import { createDocumentClient } from './store/client.js';
import { Db } from './store/db.js';

/**
 * The Lambda entry for the daily digest, invoked by an EventBridge schedule (infra/notifications.ts).
 * It writes each handler's digest to the outbox; the table stream's delivery sends them.
 */
const logger = functionLogger('contact-counts-digest');
const config = loadConfig(process.env);
const db = new Db(createDocumentClient({}), requiredEnv('TABLE_NAME'));

export async function handler(): Promise<{ handlers: number; written: number }> {
  return writeDailyDigests({ db, logger, now: () => new Date(), staffEmailDomain: config.notifications.staffEmailDomain, horizonDays: config.notifications.digestHorizonDays });
}

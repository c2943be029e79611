import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logging/logger.js';
import type { ChangeConsumer } from './tableChange.js';
import { outboxConsumers } from '../notifications/consumers.js';
import type { MessageSender } from '../outbox/sender.js';
import { Db } from '../store/db.js';
import { pageCountsAndRankingConsumer } from '../pageRatings/rankingStore.js';
import { disclosureWordCountConsumer } from '../foi/disclosureLogWordCountStore.js';

/** What the table's stream consumers may use. */
export interface StreamDependencies {
  doc: DynamoDBDocumentClient;
  tableName: string;
  logger: Logger;
  now: () => Date;
  config: AppConfig;
  /** Issue 15: how messages leave (tests give one); else the one config.notifications chooses. */
  sender?: MessageSender;
}

/**
 * The one list of the table stream's consumers, run in stream order by the Lambda stream function
 * and, locally and in tests, by the stream poller.
 */
export function createChangeConsumers(deps: StreamDependencies): ChangeConsumer[] {
  const db = new Db(deps.doc, deps.tableName);
  return [pageCountsAndRankingConsumer(db, deps.config.retention, deps.now), disclosureWordCountConsumer(db), ...outboxConsumers(deps)];
}

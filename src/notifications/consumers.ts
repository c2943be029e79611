import { AuditLog } from '../audit/auditLog.js';
import { outboxDeliveryConsumer } from '../outbox/delivery.js';
import { Db } from '../store/db.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logging/logger.js';
import type { MessageSender } from '../outbox/sender.js';
import type { ChangeConsumer } from '../streams/tableChange.js';
import { senderFor } from './senders.js';

/** The outbox's delivery consumer, when delivery is configured (none when it is OFF: messages wait). */
export function outboxConsumers(deps: { doc: DynamoDBDocumentClient; tableName: string; logger: Logger; now: () => Date; config: AppConfig; sender?: MessageSender }): ChangeConsumer[] {
  const sender = deps.sender ?? senderFor(deps.config.notifications);
  if (!sender) return [];
  const db = new Db(deps.doc, deps.tableName);
  return [outboxDeliveryConsumer({ db, audit: new AuditLog(db, deps.config.retention), sender, logger: deps.logger, now: deps.now })];
}

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditLog } from '../audit/auditLog.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logging/logger.js';
import { Db } from '../store/db.js';
import { notificationRoutes, type LocalRoute } from './localRoutes.js';

/** The bearer token npm start's /notify/callback expects unless NOTIFY_CALLBACK_TOKEN is set: local only. */
export const LOCAL_CALLBACK_TOKEN = 'local-notify-callback-token';

/** npm start's /outbox page and /notify/callback route, from the same settings as the rest. */
export function localNotificationRoutes(deps: { doc: DynamoDBDocumentClient; tableName: string; logger: Logger; config: AppConfig }): LocalRoute {
  const db = new Db(deps.doc, deps.tableName);
  const settings = deps.config.notifications;
  return notificationRoutes({
    outboxDir: settings.outboxDir ?? '.local/outbox',
    callback: {
      db,
      audit: new AuditLog(db, deps.config.retention),
      logger: deps.logger,
      now: () => new Date(),
      token: async () => settings.callbackToken?.value ?? LOCAL_CALLBACK_TOKEN,
    },
  });
}

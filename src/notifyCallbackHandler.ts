import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AuditLog } from './audit/auditLog.js';
import { loadConfig } from './config.js';
import { functionLogger, requiredEnv } from './lambdaEnvironment.js';
import { handleNotifyCallback } from './notifications/callbacks.js';
import { secretValue } from './notifications/secrets.js';
import { createDocumentClient } from './store/client.js';
import { Db } from './store/db.js';

/**
 * The Lambda entry for GOV.UK Notify's delivery-status callbacks (POST /notify/callback on the HTTP
 * API; infra/notifications.ts). The bearer token Notify sends is checked against the callback-token
 * secret; the work is src/notifications/callbacks.ts, the same code npm start serves locally.
 */
const logger = functionLogger('contact-counts-notify-callback');
const config = loadConfig(process.env);
const db = new Db(createDocumentClient({}), requiredEnv('TABLE_NAME'));
const deps = {
  db,
  audit: new AuditLog(db, config.retention),
  logger,
  now: () => new Date(),
  token: () => secretValue(requiredEnv('NOTIFY_CALLBACK_TOKEN_SECRET_ARN')),
};

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  const out = await handleNotifyCallback(deps, { authorization: event.headers?.authorization, body });
  return { statusCode: out.status, headers: { 'content-type': 'application/json' }, body: out.body };
}

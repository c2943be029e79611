import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { cognitoTokenVerifier } from './auth/tokens.js';
import { loadConfig } from './config.js';
import { createLogger, type LogLevel } from './logging/logger.js';
import { createLambdaHandler, type LambdaHandler } from './server.js';
import { createDocumentClient } from './store/client.js';

/**
 * The Lambda entry point, for API Gateway HTTP API events (payload format 2.0).
 *
 * Built once per execution environment, on the first request: configuration from the environment,
 * the application secret from Secrets Manager, the DynamoDB client, and a verifier for the staff
 * user pool's access tokens. If building fails, the next request tries again.
 */
let ready: Promise<LambdaHandler> | undefined;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function build(): Promise<LambdaHandler> {
  const logger = createLogger({ level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info', base: { service: 'contact-counts' } });
  const secrets = new SecretsManagerClient({});
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: required('APP_SECRET_ARN') }));
  secrets.destroy();
  if (!secret.SecretString) throw new Error('the application secret is empty');
  return createLambdaHandler({
    config: loadConfig(process.env),
    doc: createDocumentClient({}),
    tableName: required('TABLE_NAME'),
    secret: Buffer.from(secret.SecretString, 'utf8'),
    tokenVerifier: cognitoTokenVerifier({
      userPoolId: required('COGNITO_USER_POOL_ID'),
      clientId: required('COGNITO_CLIENT_ID'),
    }),
    logger,
  });
}

export async function handler(event: APIGatewayProxyEventV2, context: Context) {
  ready ??= build().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return (await ready)(event, context);
}

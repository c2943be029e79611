import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { cognitoTokenVerifier } from './auth/tokens.js';
import { loadConfig } from './config.js';
import type { LogLevel } from './logging/logger.js';
import { createPowertools } from './observability/powertools.js';
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

/** Powertools Logger, Metrics and Tracer behind the app's ports, once per execution environment. */
const config = loadConfig(process.env);
const observability = createPowertools({
  serviceName: 'contact-counts',
  namespace: config.metricsNamespace,
  logLevel: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info',
});

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function build(): Promise<LambdaHandler> {
  const secrets = observability.traced(new SecretsManagerClient({}));
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: required('APP_SECRET_ARN') }));
  secrets.destroy();
  if (!secret.SecretString) throw new Error('the application secret is empty');
  return createLambdaHandler({
    config,
    doc: createDocumentClient({ instrument: observability.traced }),
    tableName: required('TABLE_NAME'),
    secret: Buffer.from(secret.SecretString, 'utf8'),
    tokenVerifier: cognitoTokenVerifier({
      userPoolId: required('COGNITO_USER_POOL_ID'),
      clientId: required('COGNITO_CLIENT_ID'),
    }),
    logger: observability.logger,
    metrics: observability.metrics,
  });
}

export async function handler(event: APIGatewayProxyEventV2, context: Context) {
  observability.startInvocation(context);
  ready ??= build().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return (await ready)(event, context);
}

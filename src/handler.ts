import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { cognitoTokenVerifier } from './auth/tokens.js';
import { loadConfig } from './config.js';
import { requiredEnv } from './lambdaEnvironment.js';
import type { LogLevel } from './logging/logger.js';
import { createPowertools } from './observability/powertools.js';
import { lambdaHandlerFor } from './server.js';
import { createServices, type Services } from './services.js';
import { createDocumentClient } from './store/client.js';

/**
 * The Lambda entry point, for API Gateway HTTP API events (payload format 2.0).
 *
 * Everything is started at module load, in the execution environment's init phase (which Lambda
 * runs before the first request, with a full CPU): the configuration, Powertools, the schema and
 * Apollo Server, and, in parallel, the application secret from Secrets Manager, fetched once and
 * kept. The first request waits only for what is not ready yet. If fetching the secret fails, the
 * next request fetches it again.
 */

/** Powertools Logger, Metrics and Tracer behind the app's ports, once per execution environment. */
const config = loadConfig(process.env);
const observability = createPowertools({
  serviceName: 'contact-counts',
  namespace: config.metricsNamespace,
  logLevel: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info',
});

async function fetchSecret(): Promise<Buffer> {
  const secrets = observability.traced(new SecretsManagerClient({}));
  try {
    const secret = await secrets.send(new GetSecretValueCommand({ SecretId: requiredEnv('APP_SECRET_ARN') }));
    if (!secret.SecretString) throw new Error('the application secret is empty');
    return Buffer.from(secret.SecretString, 'utf8');
  } finally {
    secrets.destroy();
  }
}

let secret: Promise<Buffer> | undefined;
function secretOnce(): Promise<Buffer> {
  secret ??= fetchSecret().catch((error: unknown) => {
    secret = undefined;
    throw error;
  });
  return secret;
}

let services: Promise<Services> | undefined;
function servicesOnce(): Promise<Services> {
  services ??= secretOnce().then(
    (secret) =>
      createServices({
        config,
        doc: createDocumentClient({ instrument: observability.traced }),
        tableName: requiredEnv('TABLE_NAME'),
        secret,
        tokenVerifier: cognitoTokenVerifier({ userPoolId: requiredEnv('COGNITO_USER_POOL_ID'), clientId: requiredEnv('COGNITO_CLIENT_ID') }),
        logger: observability.logger,
        metrics: observability.metrics,
      }),
    (error: unknown) => {
      services = undefined;
      throw error;
    },
  );
  return services;
}
// Started now, not on the first request; if it fails, that request fetches the secret again.
servicesOnce().catch(() => undefined);

const handle = lambdaHandlerFor({ config, logger: observability.logger }, servicesOnce, secretOnce, { edgeOriginVerify: process.env.EDGE_ORIGIN_VERIFY });

export async function handler(event: APIGatewayProxyEventV2, context: Context) {
  observability.startInvocation(context);
  return handle(event, context);
}

/**
 * The bench's "libraries floor": the Apollo hello world plus what the API function cannot do
 * without, used the way src/handler.ts uses them and nothing more: the DynamoDB document client and
 * the Secrets Manager client (the secret fetched at module load, awaited by the first request),
 * Powertools Logger, Metrics and Tracer (wrapping the SDK clients), aws-jwt-verify's Cognito
 * verifier, and a zod schema parsing the arguments. None of this application's code.
 *
 * Built with the same esbuild options as the API and the hello world, it shows how much of
 * `bundleVsHelloWorld` and `coldStartVsHelloWorld` is the stack's libraries (the floor any function
 * built on them starts from) and how much is this application's own code (above the floor).
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import * as z from 'zod';

const logger = new Logger({ serviceName: 'floor' });
const metrics = new Metrics({ serviceName: 'floor', namespace: 'floor' });
const tracer = new Tracer({ serviceName: 'floor' });
const traced = <T>(client: T): T => (tracer.isTracingEnabled() ? (tracer.captureAWSv3Client(client as never) as T) : client);
const doc = DynamoDBDocumentClient.from(traced(new DynamoDBClient({})));
const verifier = CognitoJwtVerifier.create({ userPoolId: process.env.COGNITO_USER_POOL_ID ?? 'eu-west-2_floor0000', clientId: 'floor', tokenUse: 'access' });
const secret = traced(new SecretsManagerClient({})).send(new GetSecretValueCommand({ SecretId: process.env.APP_SECRET_ARN ?? 'floor' }));
secret.catch(() => undefined);
const HelloArgs = z.object({ name: z.string().max(100).optional() });

const server = new ApolloServer({
  typeDefs: 'type Query { hello(name: String): String }',
  resolvers: {
    Query: {
      hello: async (_: unknown, args: unknown) => {
        const { name } = HelloArgs.parse(args);
        await secret;
        metrics.singleMetric().addMetric('hello', MetricUnit.Count, 1);
        logger.debug('hello', { clients: [typeof doc.send, typeof verifier.verify] });
        return `hello ${name ?? 'world'}`;
      },
    },
  },
});
export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler());

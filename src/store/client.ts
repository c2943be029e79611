import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConnection {
  /** Set for DynamoDB Local or another non-AWS endpoint; unset in AWS. */
  endpoint?: string;
  region?: string;
  /** Wraps the low-level client before use (in Lambda: Powertools Tracer, so calls show in X-Ray). */
  instrument?: <T>(client: T) => T;
}

/**
 * One client per process (module scope in Lambda), reused across requests. Against a local
 * endpoint it uses fixed dummy credentials: DynamoDB Local ignores them, and a fixed key means
 * every local tool sees the same database.
 */
export function createDocumentClient(connection: DynamoConnection): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: connection.region ?? process.env.AWS_REGION ?? 'eu-west-2',
    ...(connection.endpoint
      ? { endpoint: connection.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : // In AWS a call that hangs fails fast (and is answered 503, retriable) well within the
        // function's timeout, rather than the whole request timing out at API Gateway.
        { requestHandler: { connectionTimeout: 1000, requestTimeout: 2500 } }),
    maxAttempts: 3,
  });
  return DynamoDBDocumentClient.from(connection.instrument ? connection.instrument(client) : client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

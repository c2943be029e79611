import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * Builds the event API Gateway's HTTP API (payload format 2.0) sends a Lambda function. The local
 * server turns each HTTP request into one of these and calls the real Lambda handler, so local
 * runs go through exactly the code that runs in AWS; the tests use it the same way.
 */
export interface HttpRequestFacts {
  method: string;
  path: string;
  rawQueryString?: string;
  headers: Record<string, string | undefined>;
  body?: string | Buffer;
  base64?: boolean;
  sourceIp: string;
}

export function apiGatewayEvent(request: HttpRequestFacts): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name.toLowerCase()] = value;
  const rawBody = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body);
  const now = new Date();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: `${request.method} ${request.path}`,
    rawPath: request.path,
    rawQueryString: request.rawQueryString ?? '',
    headers,
    queryStringParameters: request.rawQueryString
      ? Object.fromEntries(new URLSearchParams(request.rawQueryString).entries())
      : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${request.method} ${request.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: rawBody === undefined ? undefined : request.base64 ? rawBody.toString('base64') : rawBody.toString('utf8'),
    isBase64Encoded: Boolean(request.base64),
  };
}

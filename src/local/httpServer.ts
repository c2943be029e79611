import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import { tooLarge } from '../http/lambdaMiddleware.js';
import { MAX_BODY_BYTES } from '../http/limits.js';
import type { LambdaHandler } from '../server.js';
import { apiGatewayEvent } from './apiGatewayEvent.js';
import { corsHeaders } from './cors.js';
import { asset, graphiqlPage } from './graphiql.js';

/** Past this much of an oversized body, stop reading and drop the connection. */
const MAX_DISCARDED_BYTES = 10 * MAX_BODY_BYTES;

/**
 * The local HTTP front: POST /graphql becomes an API Gateway v2 event for the real Lambda handler;
 * GET / (and a browser's GET /graphql) shows GraphiQL. Browsers on the configured website origins
 * get CORS answers, as API Gateway gives them deployed.
 */
export function createLocalHttpServer(handler: LambdaHandler, options: { websiteOrigins?: readonly string[] } = {}): Server {
  const origins = options.websiteOrigins ?? [];
  return createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req, origins, true));
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(corsHeaders(req, origins, false))) res.setHeader(name, value!);
    route(handler, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  });
}

async function route(handler: LambdaHandler, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET') {
    const file = asset(url.pathname);
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'max-age=3600' });
      res.end(file.body);
      return;
    }
    if (url.pathname === '/' || (url.pathname === '/graphql' && (req.headers.accept ?? '').includes('text/html'))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(graphiqlPage);
      return;
    }
  }
  if (url.pathname !== '/graphql') {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found: the API is at /graphql');
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    const answer = tooLarge();
    res.writeHead(answer.statusCode!, answer.headers as Record<string, string>);
    res.end(answer.body);
    return;
  }
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(',') : value;
  const event = apiGatewayEvent({
    method: req.method ?? 'GET',
    path: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    body: body.length > 0 ? body : undefined,
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
  });
  const result = await handler(event, { awsRequestId: randomUUID() } as Context);
  res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

/**
 * The body, or undefined when it is over the limit. An oversized body is read to its end and
 * thrown away, so that the client, still sending, receives the 413 rather than a reset connection;
 * past MAX_DISCARDED_BYTES the connection is dropped.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_DISCARDED_BYTES) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DISCARDED_BYTES) {
        req.destroy();
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('close', () => resolve(undefined));
    req.on('error', reject);
  });
}

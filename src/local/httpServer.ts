import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import type { LambdaHandler } from '../server.js';
import { apiGatewayEvent } from './apiGatewayEvent.js';
import { asset, graphiqlPage } from './graphiql.js';
import type { LocalRoute } from '../notifications/localRoutes.js';

const MAX_BODY_BYTES = 1_000_000;

/**
 * The local HTTP front: POST /graphql becomes an API Gateway v2 event for the real Lambda handler;
 * GET / (and a browser's GET /graphql) shows GraphiQL.
 */
export function createLocalHttpServer(handler: LambdaHandler, extraRoutes: LocalRoute[] = []): Server {
  return createServer((req, res) => {
    route(handler, req, res, extraRoutes).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    });
  });
}

async function route(handler: LambdaHandler, req: IncomingMessage, res: ServerResponse, extraRoutes: LocalRoute[]) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // Other local pages (the outbox, Notify's callback route: src/notifications/localRoutes.ts).
  for (const extra of extraRoutes) if (await extra(req, res, url)) return;
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
    res.writeHead(413, { 'content-type': 'text/plain' });
    res.end('Request too large');
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

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

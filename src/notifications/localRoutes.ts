import type { IncomingMessage, ServerResponse } from 'node:http';
import { listOutbox } from '../outbox/fileSender.js';
import { handleNotifyCallback, type CallbackDependencies } from './callbacks.js';

/**
 * npm start's extra pages: GET /outbox lists the messages the local delivery wrote to .local/outbox/
 * (newest first, each as sent), and POST /notify/callback is the same callback route as in AWS, for
 * trying Notify's delivery-status callbacks by hand (README, Notifications).
 */
export type LocalRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function outboxPage(files: Array<{ name: string; text: string }>): string {
  const items = files.map((f) => `<article><h2>${escape(f.name)}</h2><pre>${escape(f.text)}</pre></article>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local outbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f3f2f1;padding:1rem}h2{font-size:1rem}</style></head>
<body><h1>Local outbox</h1><p>${files.length === 0 ? 'Nothing sent yet.' : `${files.length} message${files.length === 1 ? '' : 's'}, newest first.`} Messages the API sends are written here instead of going to GOV.UK Notify.</p>
${items}</body></html>`;
}

function readBody(req: IncomingMessage, limit = 100_000): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function notificationRoutes(options: { outboxDir: string; callback: CallbackDependencies }): LocalRoute {
  return async (req, res, url) => {
    if (req.method === 'GET' && url.pathname === '/outbox') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(outboxPage(await listOutbox(options.outboxDir)));
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/notify/callback') {
      const body = await readBody(req);
      const out = body === undefined ? { status: 413, body: '{"message":"Too large"}' } : await handleNotifyCallback(options.callback, { authorization: req.headers.authorization, body });
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(out.body);
      return true;
    }
    return false;
  };
}

import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small GOV.UK Notify on loopback, for tests: the endpoints our client uses
 * (POST /v2/notifications/email and /v2/notifications/letter), with Notify's authentication checked
 * as Notify checks it: a bearer JWT, HS256, signed with the API key's secret, iss = the service id,
 * iat within 30 seconds. Answers as Notify documents: 201 with the notification, 400 with
 * ValidationError/BadRequestError, 403 AuthError; and on request, 500s to test retries.
 *
 * API keys look like Notify's: `{name}-{service id}-{secret}`, both UUIDs.
 */
export interface FakeNotifyMessage {
  id: string;
  type: 'email' | 'letter';
  templateId: string;
  emailAddress?: string;
  personalisation: Record<string, string>;
  reference?: string;
}

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
export const FAKE_NOTIFY_API_KEY = `contactcountstest-${SERVICE_ID}-${SECRET}`;
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

function b64url(input: Buffer | string) {
  return Buffer.from(input).toString('base64url');
}

/** Checks a Notify bearer token: the reason it is refused, or null. */
function authError(header: string | undefined, nowSeconds: number): string | null {
  const token = header?.match(/^Bearer (.+)$/)?.[1];
  if (!token) return 'Unauthorized: authentication token must be provided';
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return 'Invalid token: signature, api token not found';
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (header_.alg !== 'HS256') return 'Invalid token: algorithm used is not HS256';
  const expected = b64url(createHmac('sha256', SECRET).update(`${head}.${body}`).digest());
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return 'Invalid token: signature, api token not found';
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { iss?: string; iat?: number };
  if (claims.iss !== SERVICE_ID) return 'Invalid token: service not found';
  if (typeof claims.iat !== 'number' || Math.abs(nowSeconds - claims.iat) > 30) return 'Error: Your system clock must be accurate to within 30 seconds';
  return null;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>);
      } catch (e) {
        reject(e as Error);
      }
    });
    req.on('error', reject);
  });
}

export async function startFakeNotify() {
  const sent: FakeNotifyMessage[] = [];
  const authFailures: string[] = [];
  let failNext = 0;
  const server: Server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, kind: string, message: string) => answer(status, { status_code: status, errors: [{ error: kind, message }] });
    void (async () => {
      const auth = authError(req.headers.authorization, Math.floor(Date.now() / 1000));
      if (auth) {
        authFailures.push(auth);
        return error(403, 'AuthError', auth);
      }
      if (failNext > 0) {
        failNext--;
        return error(500, 'Exception', 'Internal server error');
      }
      const body = await readJson(req);
      const personalisation = (body.personalisation ?? {}) as Record<string, string>;
      const templateId = body.template_id as string;
      if (!templateId) return error(400, 'ValidationError', 'template_id is a required property');
      const id = randomUUID();
      if (req.method === 'POST' && req.url === '/v2/notifications/email') {
        const email = body.email_address as string;
        if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return error(400, 'ValidationError', 'email_address Not a valid email address');
        sent.push({ id, type: 'email', templateId, emailAddress: email, personalisation, reference: body.reference as string | undefined });
        return answer(201, {
          id,
          reference: body.reference ?? null,
          content: { subject: personalisation.subject, body: personalisation.body, from_email: 'contact.counts@notifications.service.gov.uk' },
          uri: `http://localhost/v2/notifications/${id}`,
          template: { id: templateId, version: 1, uri: `http://localhost/v2/templates/${templateId}` },
        });
      }
      if (req.method === 'POST' && req.url === '/v2/notifications/letter') {
        const lines = [1, 2, 3, 4, 5, 6, 7].map((n) => personalisation[`address_line_${n}`]).filter((l): l is string => Boolean(l));
        if (lines.length < 3) return error(400, 'ValidationError', 'Address must be at least 3 lines');
        if (!POSTCODE.test(lines.at(-1)!.trim())) return error(400, 'ValidationError', 'Last line of address must be a real UK postcode or another country');
        sent.push({ id, type: 'letter', templateId, personalisation, reference: body.reference as string | undefined });
        return answer(201, {
          id,
          reference: body.reference ?? null,
          content: { subject: personalisation.subject, body: personalisation.body },
          uri: `http://localhost/v2/notifications/${id}`,
          template: { id: templateId, version: 1, uri: `http://localhost/v2/templates/${templateId}` },
          scheduled_for: null,
        });
      }
      return error(404, 'NotFound', 'Not found');
    })().catch(() => error(500, 'Exception', 'Internal server error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: FAKE_NOTIFY_API_KEY,
    sent,
    authFailures,
    /** The next n requests answer 500, as Notify does when it is having trouble. */
    failNextRequests(n: number) {
      failNext = n;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeNotify = Awaited<ReturnType<typeof startFakeNotify>>;

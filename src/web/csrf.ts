import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cross-site request forgery protection for the no-JavaScript form posts (JavaScript sends
 * GraphQL as JSON, which Apollo's own CSRF prevention already covers).
 *
 * Two independent checks, both required:
 * - the browser's Fetch Metadata: a post whose Sec-Fetch-Site is anything but same-origin is
 *   refused (every current browser sends it; a request without it relies on the token alone);
 * - a signed double-submit token: the form carries `nonce.issuedAt.signature` (an HMAC under a key
 *   derived from the application secret) and the browser carries the nonce in an HttpOnly,
 *   SameSite=Strict cookie. Another site can neither read the cookie nor forge a signature, and a
 *   token expires after two hours. Nothing is stored on the server.
 */
export const CSRF_COOKIE = 'cc_form';
const MAX_AGE_SECONDS = 2 * 60 * 60;

export interface CsrfGuard {
  /** A token for a form, reusing the browser's nonce when it has a valid one. */
  issue(cookieNonce: string | undefined, now: Date): { token: string; nonce: string; setCookie: boolean };
  /** Null when the post is allowed; otherwise why it is refused (for the log, never shown). */
  check(post: { token: string | undefined; cookieNonce: string | undefined; secFetchSite: string | undefined }, now: Date): string | null;
  cookie(nonce: string, secure: boolean): string;
}

export function createCsrfGuard(secret: Buffer): CsrfGuard {
  const key = createHmac('sha256', secret).update('contact-counts/web-forms/csrf').digest();
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  const validNonce = (n: string | undefined): n is string => typeof n === 'string' && /^[A-Za-z0-9_-]{22}$/.test(n);
  return {
    issue(cookieNonce, now) {
      const nonce = validNonce(cookieNonce) ? cookieNonce : randomBytes(16).toString('base64url');
      const payload = `${nonce}.${Math.floor(now.getTime() / 1000)}`;
      return { token: `${payload}.${sign(payload)}`, nonce, setCookie: nonce !== cookieNonce };
    },
    check({ token, cookieNonce, secFetchSite }, now) {
      if (secFetchSite !== undefined && secFetchSite !== 'same-origin') return 'cross-site';
      const [nonce, issued, signature] = (token ?? '').split('.');
      if (!nonce || !issued || !signature) return 'no token';
      const expected = Buffer.from(sign(`${nonce}.${issued}`));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad signature';
      const age = now.getTime() / 1000 - Number(issued);
      if (!(age >= -60 && age <= MAX_AGE_SECONDS)) return 'expired';
      if (!validNonce(cookieNonce) || cookieNonce !== nonce) return 'cookie mismatch';
      return null;
    },
    cookie: (nonce, secure) => `${CSRF_COOKIE}=${nonce}; Path=/forms; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`,
  };
}

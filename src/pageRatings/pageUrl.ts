/**
 * A rated page's address, normalised so that every way of writing one page counts as one page:
 * https, lower-case host, no port, credentials, query string or fragment, no trailing slash (but
 * the home page keeps its "/"). Only pages on the force's own websites (configured hosts) count.
 */
export type PageUrlResult =
  | { ok: true; pageUrl: string; pageKey: string }
  | { ok: false; code: 'INVALID' | 'HOST_NOT_ALLOWED' | 'TOO_LONG' };

export const MAX_PAGE_URL_LENGTH = 2000;
/**
 * The longest a normalised page address may be, in bytes (UTF-8, after percent-encoding: "é" is
 * six): it is part of DynamoDB keys (a page's partition key, and the ranking index's sort key,
 * which may be at most 1,024 bytes), and a bare rating item must stay under 1 KB (one write unit).
 * The force's real pages are well under 200.
 */
export const MAX_PAGE_KEY_BYTES = 500;
const utf8 = new TextEncoder();

export function normalisePageUrl(raw: string, allowedHosts: readonly string[]): PageUrlResult {
  const trimmed = raw.trim();
  if (trimmed.length > MAX_PAGE_URL_LENGTH) return { ok: false, code: 'TOO_LONG' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, code: 'INVALID' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, code: 'INVALID' };
  if (url.username || url.password) return { ok: false, code: 'INVALID' };
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.map((h) => h.toLowerCase()).includes(host)) return { ok: false, code: 'HOST_NOT_ALLOWED' };
  let path = url.pathname.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const pageUrl = `https://${host}${path}`;
  const pageKey = `${host}${path}`;
  if (utf8.encode(pageKey).length > MAX_PAGE_KEY_BYTES) return { ok: false, code: 'TOO_LONG' };
  return { ok: true, pageUrl, pageKey };
}

/** A normalised page address's key: the address without its "https://". */
export function pageKeyOf(pageUrl: string): string {
  return pageUrl.replace(/^https:\/\//, '');
}

import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The caller's address for per-source rate limits and duplicate guards. Behind CloudFront, API
 * Gateway's sourceIp is a CloudFront address shared by many people, so the caller's own address
 * comes from the header a CloudFront Function sets (infra/edge.ts), trusted only when the request
 * carries the value only CloudFront sends (EDGE_ORIGIN_VERIFY, set by the stack): anyone calling
 * API Gateway directly could otherwise choose their own address.
 */
export const EDGE_ORIGIN_HEADER = 'x-contact-counts-edge';
export const VIEWER_ADDRESS_HEADER = 'x-contact-counts-viewer';

export function viewerAddress(headers: Record<string, string | undefined>, sourceIp: string | undefined, edgeOriginVerify: string | undefined): string | undefined {
  if (!edgeOriginVerify || !cameThroughEdge(headers, edgeOriginVerify)) return sourceIp;
  const viewer = headerOf(headers, VIEWER_ADDRESS_HEADER)?.trim();
  return viewer && isIP(viewer) ? viewer : sourceIp;
}

/**
 * True for an anonymous request that went round the edge: the stack has one (EDGE_ORIGIN_VERIFY
 * set) and the request reached API Gateway's own address (execute-api) without it. Those are
 * refused: behind the edge, WAF's per-address rate limit is the only limit a bare rating has
 * (infra/edge.ts), and anyone could otherwise post to API Gateway directly and go round it. Staff
 * requests (a bearer token) may come either way: a token that does not verify is refused
 * (UNAUTHENTICATED) before anything runs, so sending one is no way round.
 */
export function bypassesEdge(headers: Record<string, string | undefined>, edgeOriginVerify: string | undefined): boolean {
  if (!edgeOriginVerify || cameThroughEdge(headers, edgeOriginVerify)) return false;
  return !/^Bearer\s+\S/i.test(headerOf(headers, 'authorization') ?? '');
}

function cameThroughEdge(headers: Record<string, string | undefined>, edgeOriginVerify: string): boolean {
  const presented = headerOf(headers, EDGE_ORIGIN_HEADER);
  return presented !== undefined && same(presented, edgeOriginVerify);
}

function headerOf(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

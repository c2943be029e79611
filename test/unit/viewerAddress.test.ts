import { describe, expect, it } from 'vitest';
import { viewerAddress } from '../../src/edge/viewerAddress.js';
import { EDGE_ORIGIN_HEADER } from '../../infra/edge.js';

const secret = 'a-value-only-cloudfront-sends';
const viaEdge = (viewer: string) => ({ 'x-contact-counts-edge': secret, 'x-contact-counts-viewer': viewer });

describe('the caller’s address behind CloudFront', () => {
  it('uses the header name the stack configures on CloudFront', () => {
    expect(EDGE_ORIGIN_HEADER).toBe('x-contact-counts-edge');
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8::1'],
  ])('is the viewer address %s on requests that came through CloudFront', (viewer, address) => {
    expect(viewerAddress(viaEdge(viewer), '130.176.1.1', secret)).toBe(address);
  });

  it('is API Gateway’s source address when the edge value is missing or wrong (a direct call cannot choose its address)', () => {
    expect(viewerAddress({ 'x-contact-counts-viewer': '203.0.113.7' }, '198.51.100.9', secret)).toBe('198.51.100.9');
    expect(viewerAddress({ 'x-contact-counts-edge': 'guess', 'x-contact-counts-viewer': '203.0.113.7' }, '198.51.100.9', secret)).toBe('198.51.100.9');
  });

  it('is API Gateway’s source address when there is no edge (local, or no distribution)', () => {
    expect(viewerAddress(viaEdge('203.0.113.7'), '198.51.100.9', undefined)).toBe('198.51.100.9');
  });

  it('ignores a malformed viewer header', () => {
    expect(viewerAddress(viaEdge('not an address'), '130.176.1.1', secret)).toBe('130.176.1.1');
  });
});

import { describe, expect, it } from 'vitest';
import { bypassesEdge, viewerAddress } from '../../src/edge/viewerAddress.js';
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

describe('a request that went round the edge', () => {
  it('is one that is anonymous and lacks the edge value, when there is an edge', () => {
    expect(bypassesEdge({}, secret)).toBe(true);
    expect(bypassesEdge({ 'x-contact-counts-edge': 'guess' }, secret)).toBe(true);
    expect(bypassesEdge({ 'x-contact-counts-edge': `${secret}x` }, secret)).toBe(true);
  });

  it('is not one that came through the edge, whatever the header name’s case', () => {
    expect(bypassesEdge({ 'x-contact-counts-edge': secret }, secret)).toBe(false);
    expect(bypassesEdge({ 'X-Contact-Counts-Edge': secret }, secret)).toBe(false);
  });

  it('is not a staff request (a bearer token, verified later), but is one with any other authorization', () => {
    expect(bypassesEdge({ authorization: 'Bearer eyJhbGciOi' }, secret)).toBe(false);
    expect(bypassesEdge({ Authorization: 'bearer eyJhbGciOi' }, secret)).toBe(false);
    expect(bypassesEdge({ authorization: 'Bearer ' }, secret)).toBe(true);
    expect(bypassesEdge({ authorization: 'Basic dXNlcjpwYXNz' }, secret)).toBe(true);
  });

  it('is never one when there is no edge (npm start, or a stack without a distribution)', () => {
    expect(bypassesEdge({}, undefined)).toBe(false);
    expect(bypassesEdge({}, '')).toBe(false);
  });
});

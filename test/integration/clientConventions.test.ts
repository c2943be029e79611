import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { ClientError, GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLocalHttpServer } from '../../src/local/httpServer.js';
import { PAGE } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * The client conventions, proven with real client libraries (Apollo Client's normalising cache and
 * relay pagination, graphql-request) over HTTP against the real handler behind the local server:
 * stable ids, node(id:), full PageInfo, POST and the CSRF header for GET, and error codes.
 */
let app: TestApp;
let server: Server;
let url: string;

beforeAll(async () => {
  app = await createTestApp();
  server = createLocalHttpServer(app.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const publicClient = () => new GraphQLClient(url);
const staffClient = (group: string) => new GraphQLClient(url, { headers: { authorization: `Bearer ${app.token(group, 'casey.client')}` } });

/** The error code graphql-request's ClientError carries, or 'NO ERROR'. */
async function errorCode(request: Promise<unknown>): Promise<unknown> {
  return (await errorOf(request)).code;
}

/** The code and HTTP status of a refused request, as graphql-request reports them. */
async function errorOf(request: Promise<unknown>): Promise<{ code: unknown; status?: number }> {
  try {
    await request;
    return { code: 'NO ERROR' };
  } catch (error) {
    if (error instanceof ClientError) return { code: error.response.errors?.[0]?.extensions?.code, status: error.response.status };
    throw error;
  }
}

const SUBMIT = `mutation Submit($input: SubmitPageRatingInput!) {
  submitPageRating(input: $input) { receipt { id reference trackingCode } userErrors { field code } }
}`;
const TRACK = `query Track($reference: String!, $trackingCode: String!) {
  trackCase(reference: $reference, trackingCode: $trackingCode) { id reference status }
}`;

async function rate(comment: string) {
  const res = await publicClient().request<{ submitPageRating: { receipt: { id: string; reference: string; trackingCode: string } } }>(SUBMIT, {
    input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 1, comment },
  });
  return res.submitPageRating.receipt;
}

describe('public objects have opaque, stable ids', () => {
  it('a tracked case keeps its id across reads; the id names no reference and differs from case to case', async () => {
    const one = await rate('The opening hours are wrong on this page.');
    const two = await rate('The map does not load on my phone.');
    const client = publicClient();
    const first = await client.request<{ trackCase: { id: string; reference: string } }>(TRACK, one);
    const again = await client.request<{ trackCase: { id: string } }>(TRACK, one);
    const other = await client.request<{ trackCase: { id: string } }>(TRACK, two);
    expect(first.trackCase.reference).toBe(one.reference);
    expect(again.trackCase.id).toBe(first.trackCase.id);
    expect(other.trackCase.id).not.toBe(first.trackCase.id);
    for (const id of [first.trackCase.id, one.id]) {
      const decoded = Buffer.from(id, 'base64url').toString('latin1');
      for (const text of [id, decoded]) {
        expect(text).not.toContain(one.reference);
        expect(text).not.toContain(one.reference.slice(-6));
      }
    }
    // A public id is not a global id: node cannot use it.
    expect(await errorCode(staffClient('web-content').request('query($id: ID!) { node(id: $id) { id } }', { id: first.trackCase.id }))).toBe('BAD_USER_INPUT');
  });
});

describe('Apollo Client: normalised cache, node(id:) and relay pagination', () => {
  const COMMENTS = gql`
    query Comments($pageUrl: String!, $first: Int, $after: String) {
      pageComments(pageUrl: $pageUrl, first: $first, after: $after) {
        edges { cursor node { id reference comment status version } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  `;
  const REVIEW = gql`
    mutation Review($input: ReviewPageRatingInput!) {
      reviewPageRating(input: $input) { pageRating { id status version } userErrors { code } }
    }
  `;
  const NODE = gql`
    query Node($id: ID!) {
      node(id: $id) { id ... on PageRating { reference status } }
    }
  `;
  type Comments = {
    pageComments: {
      edges: { cursor: string; node: { id: string; reference: string; status: string; version: number } }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    };
  };

  it('pages with relayStylePagination, updates a listed rating from a mutation by its id, and refetches it with node', async () => {
    const page = `${PAGE}/apollo-${newKey().slice(0, 8)}`;
    for (const comment of ['First: the form timed out.', 'Second: the link to the map is broken.', 'Third: the phone number is missing.']) {
      await publicClient().request(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: page, rating: 2, comment } });
    }
    const client = new ApolloClient({
      link: new HttpLink({ uri: url, headers: { authorization: `Bearer ${app.token('web-content', 'casey.client')}` } }),
      cache: new InMemoryCache({ typePolicies: { Query: { fields: { pageComments: relayStylePagination(['pageUrl']) } } } }),
    });

    const first = await client.query<Comments>({ query: COMMENTS, variables: { pageUrl: page, first: 2 } });
    const firstPage = first.data!.pageComments;
    expect(firstPage.edges).toHaveLength(2);
    expect(firstPage.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: firstPage.edges[0]!.cursor });

    // The second page as the server sends it: it knows it follows another.
    const raw = await staffClient('web-content').request<Comments>(COMMENTS, { pageUrl: page, first: 2, after: firstPage.pageInfo.endCursor });
    expect(raw.pageComments.edges).toHaveLength(1);
    expect(raw.pageComments.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: raw.pageComments.edges[0]!.cursor,
      endCursor: raw.pageComments.edges[0]!.cursor,
    });

    // Apollo merges the pages into one list, and keeps each rating once, under its id.
    // (what fetchMore does: the field policy's read serves any `after` from the cache, so ask the network)
    await client.query<Comments>({ query: COMMENTS, variables: { pageUrl: page, first: 2, after: firstPage.pageInfo.endCursor }, fetchPolicy: 'network-only' });
    const merged = client.readQuery<Comments>({ query: COMMENTS, variables: { pageUrl: page } })!.pageComments;
    expect(merged.edges).toHaveLength(3);
    expect(new Set(merged.edges.map((e) => e.node.id)).size).toBe(3);
    const cacheKeys = Object.keys(client.cache.extract() as object);
    for (const edge of merged.edges) expect(cacheKeys).toContain(`PageRating:${edge.node.id}`);

    // A mutation's answer updates the listed rating in place: same type, same id.
    const target = merged.edges[1]!.node;
    await client.mutate({ mutation: REVIEW, variables: { input: { reference: target.reference, expectedVersion: target.version, outcome: 'ACTIONED' } } });
    const after = client.readQuery<Comments>({ query: COMMENTS, variables: { pageUrl: page } })!.pageComments;
    expect(after.edges.find((e) => e.node.id === target.id)!.node).toMatchObject({ status: 'REVIEWED', version: target.version + 1 });

    // node(id:) gives the same record back, and the cache sees one object.
    const node = await client.query<{ node: { id: string; reference: string; status: string } }>({ query: NODE, variables: { id: target.id }, fetchPolicy: 'network-only' });
    expect(node.data!.node).toMatchObject({ __typename: 'PageRating', id: target.id, reference: target.reference, status: 'REVIEWED' });
    expect(Object.keys(client.cache.extract() as object).filter((k) => k === `PageRating:${target.id}`)).toHaveLength(1);
  });
});

describe('urql with Graphcache: keys by id, relay pagination, GET by default', () => {
  const COMMENTS = `query Comments($pageUrl: String!, $first: Int, $after: String) {
    pageComments(pageUrl: $pageUrl, first: $first, after: $after) {
      edges { cursor node { id reference status version } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  const REVIEW = `mutation Review($input: ReviewPageRatingInput!) {
    reviewPageRating(input: $input) { pageRating { id status version } userErrors { code } }
  }`;
  type Comments = { pageComments: { edges: { node: { id: string; reference: string; status: string; version: number } }[]; pageInfo: { endCursor: string } } };
  // Value objects: no identity of their own, kept inside their parent (Graphcache itself exempts
  // *Connection, *Edge and PageInfo by name). Any other object without an id makes Graphcache warn,
  // and the test fails.
  const keyless = ['ReviewPageRatingPayload', 'UserError'];

  const urql = (options: { preferGetMethod?: boolean } = {}) =>
    new UrqlClient({
      url,
      ...options,
      fetchOptions: { headers: { authorization: `Bearer ${app.token('web-content', 'casey.client')}` } },
      exchanges: [
        cacheExchange({
          keys: Object.fromEntries(keyless.map((type) => [type, () => null])),
          resolvers: { Query: { pageComments: relayPagination() } },
        }),
        fetchExchange,
      ],
    });

  it('sends queries by GET by default, which CSRF prevention refuses without a preflight header: use POST', async () => {
    const refused = await urql().query('{ ping }', {}).toPromise();
    expect(refused.error?.response?.status).toBe(400);
    expect(refused.error?.graphQLErrors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect((await urql({ preferGetMethod: false }).query('{ ping }', {}).toPromise()).data).toEqual({ ping: true });
  });

  it('merges pages, and a mutation updates the listed rating by its id, without a warning about keys', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const page = `${PAGE}/urql-${newKey().slice(0, 8)}`;
      for (const comment of ['One: no opening hours.', 'Two: the contact form fails.', 'Three: a broken link to the map.']) {
        await publicClient().request(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: page, rating: 2, comment } });
      }
      const client = urql({ preferGetMethod: false });
      const first = await client.query<Comments>(COMMENTS, { pageUrl: page, first: 2 }).toPromise();
      expect(first.error).toBeUndefined();
      await client.query<Comments>(COMMENTS, { pageUrl: page, first: 2, after: first.data!.pageComments.pageInfo.endCursor }).toPromise();
      const merged = (await client.query<Comments>(COMMENTS, { pageUrl: page, first: 2 }, { requestPolicy: 'cache-only' }).toPromise()).data!.pageComments;
      expect(merged.edges).toHaveLength(3);

      const target = merged.edges[2]!.node;
      const reviewed = await client.mutation(REVIEW, { input: { reference: target.reference, expectedVersion: target.version, outcome: 'NO_ACTION' } }).toPromise();
      expect(reviewed.error).toBeUndefined();
      const after = (await client.query<Comments>(COMMENTS, { pageUrl: page, first: 2 }, { requestPolicy: 'cache-only' }).toPromise()).data!.pageComments;
      expect(after.edges.find((e) => e.node.id === target.id)!.node).toMatchObject({ status: 'REVIEWED', version: target.version + 1 });
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([]);
      // The control: the same list without asking for id, and Graphcache warns.
      await urql({ preferGetMethod: false }).query('query($p: String!) { pageComments(pageUrl: $p) { edges { node { reference } } } }', { p: page }).toPromise();
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/Invalid key.*PageRating/s);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('node(id:): staff only, each kind of record for its own team, audited', () => {
  const NODE = 'query($id: ID!) { node(id: $id) { __typename id ... on Complaint { reference } ... on PageRating { reference } } }';
  const TRAIL = 'query($reference: String!) { pageRating(reference: $reference) { id auditTrail { action } } }';
  let ratingId: string;
  let ratingReference: string;
  let complaintId: string;
  let queueRowId: string;

  beforeAll(async () => {
    ratingReference = (await rate('Nothing on this page about parking.')).reference;
    ratingId = (await staffClient('web-content').request<{ pageRating: { id: string } }>(TRAIL, { reference: ratingReference })).pageRating.id;
    const submitted = await publicClient().request<{ submitComplaint: { receipt: { reference: string } } }>(
      `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { receipt { reference } } }`,
      {
        input: {
          idempotencyKey: newKey(),
          complainant: { name: 'A Person', email: 'a@example.com', preferredContact: 'EMAIL' },
          incident: { date: '2026-01-05', place: 'Birmingham', description: 'What happened' },
          complaintTypes: ['RUDENESS'],
          desiredOutcome: 'An apology',
          wantsFormalRecording: false,
        },
      },
    );
    const ps = staffClient('professional-standards');
    const reference = submitted.submitComplaint.receipt.reference;
    complaintId = (await ps.request<{ complaint: { id: string } }>('query($r: String!) { complaint(reference: $r) { id } }', { r: reference })).complaint.id;
    const queue = await ps.request<{ complaintQueue: { edges: { node: { id: string; reference: string } }[] } }>(
      '{ complaintQueue(input: { queue: UNALLOCATED }) { edges { node { id reference } } } }',
    );
    queueRowId = queue.complaintQueue.edges.find((e) => e.node.reference === reference)!.node.id;
  });

  it('gives each team its own records, and the read is audited as the record’s own query is', async () => {
    const reads = async () => (await staffClient('web-content').request<{ pageRating: { auditTrail: { action: string }[] } }>(TRAIL, { reference: ratingReference })).pageRating.auditTrail.filter((e) => e.action === 'READ').length;
    const before = await reads();
    const got = await staffClient('web-content').request<{ node: { __typename: string; id: string; reference: string } }>(NODE, { id: ratingId });
    expect(got.node).toEqual({ __typename: 'PageRating', id: ratingId, reference: ratingReference });
    // The node read and the second trail read: two more READ entries.
    expect(await reads()).toBe(before + 2);
    const complaint = await staffClient('professional-standards').request<{ node: { __typename: string; id: string } }>(NODE, { id: complaintId });
    expect(complaint.node).toMatchObject({ __typename: 'Complaint', id: complaintId });
  });

  it('refuses another team’s records, rows and anything not listed (FORBIDDEN), the public (UNAUTHENTICATED), and ids it did not give out (BAD_USER_INPUT)', async () => {
    expect(await errorCode(staffClient('professional-standards').request(NODE, { id: ratingId }))).toBe('FORBIDDEN');
    expect(await errorCode(staffClient('web-content').request(NODE, { id: complaintId }))).toBe('FORBIDDEN');
    expect(await errorCode(staffClient('information-rights').request(NODE, { id: complaintId }))).toBe('FORBIDDEN');
    expect(queueRowId).not.toBe(complaintId);
    expect(await errorCode(staffClient('professional-standards').request(NODE, { id: queueRowId }))).toBe('FORBIDDEN');
    expect(await errorCode(publicClient().request(NODE, { id: ratingId }))).toBe('UNAUTHENTICATED');
    expect(await errorCode(staffClient('web-content').request(NODE, { id: 'not-an-id' }))).toBe('BAD_USER_INPUT');
    const unknown = Buffer.from('PageRating:WEB-2020-999999').toString('base64url');
    expect(await staffClient('web-content').request(NODE, { id: unknown })).toEqual({ node: null });
  });
});

describe('transport: POST, and the CSRF header for GET', () => {
  it('answers a query sent by GET only with a preflight header (Apollo Client: csrfPrevention)', async () => {
    const get = (headers: Record<string, string>) => new GraphQLClient(url, { method: 'GET', headers }).request<{ ping: boolean }>('query Ping { ping }');
    expect(await get({ 'apollo-require-preflight': 'true' })).toEqual({ ping: true });
    const refused = await fetch(`${url}?query=${encodeURIComponent('{ ping }')}`);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toMatch(/CSRF|preflight/i);
  });

  it('refuses a plain HTML form post (a "simple" request a cross-site page could send)', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B%20ping%20%7D' });
    expect(res.status).toBe(400);
  });

  it('never runs a mutation sent by GET', async () => {
    const res = await fetch(`${url}?query=${encodeURIComponent('mutation { __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
  });
});

describe('error codes reach clients as documented', () => {
  it('a mistake in the input is a user error with a code; a wrong type is BAD_USER_INPUT', async () => {
    const res = await publicClient().request<{ submitPageRating: { userErrors: { field: string[]; code: string }[] } }>(SUBMIT, {
      input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 4 },
    });
    expect(res.submitPageRating.userErrors).toEqual([{ field: ['input', 'rating'], code: 'OUT_OF_RANGE' }]);
    expect(await errorOf(publicClient().request(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 'four' } }))).toEqual({ code: 'BAD_USER_INPUT', status: 400 });
  });

  it('UNAUTHENTICATED is 401, FORBIDDEN 403, a broken document 400', async () => {
    expect(await errorOf(publicClient().request('{ researchContacts { pageInfo { hasNextPage } } }'))).toEqual({ code: 'UNAUTHENTICATED', status: 401 });
    expect(await errorOf(staffClient('professional-standards').request('{ researchContacts { pageInfo { hasNextPage } } }'))).toEqual({ code: 'FORBIDDEN', status: 403 });
    expect(await errorOf(new GraphQLClient(url, { headers: { authorization: 'Bearer nonsense' } }).request('{ ping }'))).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(await errorOf(publicClient().request('{ ping '))).toEqual({ code: 'GRAPHQL_PARSE_FAILED', status: 400 });
    expect(await errorOf(publicClient().request('{ noSuchField }'))).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
  });
});

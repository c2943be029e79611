import type { Resolvers } from '../generated/graphql.js';

/**
 * Relay's PageInfo in full, for client caches (Apollo Client's relayStylePagination, urql's
 * relayPagination): the store's paginator gives hasNextPage and endCursor; the GraphQL layer adds
 * startCursor (the first edge's) and hasPreviousPage (the page was asked for with `after`) to
 * every root list that takes `after`, so no list can forget them.
 */
/** PageInfo as lists give it (codegen's mapper): the rest is added here. */
export interface ListPageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
  hasPreviousPage?: boolean;
  startCursor?: string | null;
}

interface ConnectionLike {
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function completePageInfo<C extends ConnectionLike>(connection: C, after: string | null | undefined) {
  return {
    ...connection,
    pageInfo: { ...connection.pageInfo, hasPreviousPage: Boolean(after), startCursor: connection.edges[0]?.cursor ?? null },
  };
}

type Resolver = (parent: unknown, args: { after?: string | null }, context: unknown, info: unknown) => unknown;

/** The resolvers with every paginated list's PageInfo completed (the root Query fields that take `after`, as codegen lists them). */
export function withCompletePageInfo(resolvers: Resolvers, paginatedQueryFields: readonly string[]): Resolvers {
  const query = { ...(resolvers.Query as Record<string, Resolver>) };
  for (const field of paginatedQueryFields) {
    const resolve = query[field];
    if (!resolve) continue;
    query[field] = async (parent, args, context, info) => completePageInfo((await resolve(parent, args, context, info)) as ConnectionLike, args.after);
  }
  return { ...resolvers, Query: query } as Resolvers;
}

import { GraphQLError } from 'graphql';
import { decideNode } from '../auth/policy.js';
import type { AnyCaseType } from '../cases/contract.js';
import { UserInputError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import type { GraphQLContext } from './context.js';
import { parseGlobalId } from './ids.js';

/**
 * node(id:): a staff record by its global id (src/graphql/ids.ts). Allowed only under the policy
 * of the record's own query (src/auth/policy.ts, decideNode: deny by default), and read through
 * that query's service, so the read is audited exactly as it is there.
 */
type Read = (key: string, context: GraphQLContext) => Promise<object | null>;

export function nodeResolvers(caseTypes: readonly AnyCaseType[]): Resolvers {
  const readers: Record<string, Read> = {
    PageRating: (key, { services, caller }) => services.pageRatings.get(key, caller),
    ...Object.fromEntries(
      caseTypes.map((type): [string, Read] => [type.graphql.type, (key, { services, caller }) => services.cases.get(type, key, caller)]),
    ),
  };
  return {
    Query: {
      node: async (_, { id }, context) => {
        const parsed = parseGlobalId(id);
        if (!parsed) throw new UserInputError([{ field: ['id'], message: 'This id is not one the API gave out: use an id exactly as it was given.', code: 'INVALID' }]);
        const decision = decideNode(context.caller, parsed.type);
        const read = readers[parsed.type];
        if (decision === 'UNAUTHENTICATED') throw new GraphQLError('Sign in to use node.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        if (decision !== 'ALLOWED' || !read) {
          throw new GraphQLError('You are not allowed to fetch this record with node.', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
        }
        const record = await read(parsed.key, context);
        return record ? { ...record, __typename: parsed.type } : null;
      },
    },
    Node: {
      __resolveType: (value) => (value as { __typename?: string }).__typename as never,
    },
  } as Resolvers;
}

import { GraphQLError } from 'graphql';
import type { CaseRecord } from '../cases/contract.js';
import { registry } from '../caseTypes.js';
import type { CaseType, Resolvers } from '../generated/graphql.js';
import type { GraphQLContext } from '../graphql/context.js';
import { payload } from '../graphql/payload.js';
import { correspondencePlans } from './plans/index.js';

/**
 * Thin resolvers: the correspondence log on every case type that has a correspondence plan, the
 * undeliverable queue, and staff recording correspondence or a contact preference.
 */
const correspondenceField = {
  correspondence: (record: CaseRecord, _: unknown, { services, caller }: GraphQLContext) => services.correspondence.list(record.reference, caller),
};

export const correspondenceResolvers = {
  ...Object.fromEntries(registry.caseTypes.filter((t) => correspondencePlans[t.name]).map((t) => [t.graphql.type, correspondenceField])),
  Query: {
    // Another team's case type is refused, not answered with an empty queue that looks like "none".
    undeliverableMessages: (_: unknown, args: { caseType: CaseType; first?: number | null; after?: string | null }, { services, caller }: GraphQLContext) => {
      const queue = services.correspondence.undeliverable(args.caseType, { first: args.first, after: args.after }, caller);
      if (!queue) throw new GraphQLError("Your team does not deal with this case type's messages.", { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
      return queue;
    },
  },
  Mutation: {
    recordCorrespondence: async (_: unknown, { input }: { input: Record<string, unknown> }, { services, caller }: GraphQLContext) =>
      payload('entry', await services.correspondence.record(input, caller)),
    setContactPreference: async (_: unknown, { input }: { input: Record<string, unknown> }, { services, caller }: GraphQLContext) =>
      payload('preference', await services.correspondence.setPreference(input, caller)),
    resendMessage: async (_: unknown, { input }: { input: Record<string, unknown> }, { services, caller }: GraphQLContext) =>
      payload('entry', await services.correspondence.resend(input, caller)),
  },
} as Resolvers;

import type { Resolvers } from '../generated/graphql.js';

export const trackingResolvers: Resolvers = {
  Query: {
    ping: () => true,
    trackCase: (_, { reference, trackingCode }, { services, caller }) =>
      services.tracking.track(reference, trackingCode, caller.sourceHash),
  },
};

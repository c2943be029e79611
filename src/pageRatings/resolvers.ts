import { asUserErrors } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import { globalId } from '../graphql/ids.js';
import { payload } from '../graphql/payload.js';
import { countSubmission } from '../observability/submissionMetrics.js';
import { averageOf, countsList, totalOf } from './aggregates.js';

/** Thin: each resolver hands its arguments and the caller to the service, and shapes the answer. */
export const pageRatingResolvers: Resolvers = {
  Query: {
    pageRating: (_, { reference }, { services, caller }) => services.pageRatings.get(reference, caller),
    pageRatingSummary: async (_, { input }, { services }) => {
      const s = await services.pageRatings.summary(input);
      return {
        pageUrl: s.pageUrl,
        from: s.range.from,
        to: s.range.to,
        total: totalOf(s.counts),
        average: averageOf(s.counts),
        counts: countsList(s.counts),
      };
    },
    worstRatedPages: async (_, { input, first, after }, { services, readBudget }) => {
      const connection = await services.pageRatings.worstRated(input, { first, after }, readBudget);
      return {
        pageInfo: connection.pageInfo,
        edges: connection.edges.map(({ cursor, node }) => ({
          cursor,
          // Its id names the ranking's period too: the same page over another period is another row.
          node: { id: globalId('RatedPage', `${input.month ?? 'ALL'} ${node.pageUrl}`), pageUrl: node.pageUrl, total: totalOf(node.counts), average: averageOf(node.counts) ?? 0, counts: countsList(node.counts) },
        })),
      };
    },
    pageComments: (_, { pageUrl, first, after }, { services, caller }) =>
      services.pageRatings.comments(pageUrl, { first, after }, caller),
    researchContacts: (_, { first, after }, { services, caller }) => services.pageRatings.researchContacts({ first, after }, caller),
  },
  Mutation: {
    submitPageRating: async (_, { input }, { services, caller }) =>
      payload('receipt', countSubmission(services.metrics, 'PAGE_RATING', 'PUBLIC', input, await services.pageRatings.submit(input, caller))),
    reviewPageRating: async (_, { input }, { services, caller }) =>
      payload('pageRating', await services.pageRatings.review(input, caller)),
    eraseResearchContact: async (_, { input }, { services, caller }) => {
      const outcome = await services.pageRatings.eraseResearchContact(input, caller);
      return { erasedCount: outcome.ok ? outcome.value.erasedCount : 0, userErrors: outcome.ok ? [] : asUserErrors(outcome.userErrors) };
    },
  },
  PageRating: {
    auditTrail: (rating, _, { services }) => services.pageRatings.auditTrail(rating),
  },
};

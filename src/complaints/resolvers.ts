import type { Resolvers } from '../generated/graphql.js';
import { allegationCategories, commonComplaintTypes, named } from './catalogue.js';
import { UserInputError } from '../errors.js';
import type { ComplaintStatistics } from '../generated/graphql.js';
import type { AnyCaseType } from '../cases/contract.js';
import { latestOutcome, latestReview } from './model.js';
import { everRecorded, firstReplyDueOn, isLate, nextUpdateDueOn, referralRequired, reviewBodyFor, schedule3Reasons, unreferredAllegations } from './rules.js';
import { measuresCsv, quarterRange } from './statistics.js';

/**
 * The complaint fields that are derived or named when read, and the catalogues. The actions, the
 * form, the read, queue and statistics queries come from the case type's definition
 * (src/cases/caseResolvers.ts).
 */
export const complaintResolvers = (complaintCaseType: AnyCaseType): Resolvers => ({
  Query: {
    commonComplaintTypes: () => commonComplaintTypes,
    allegationCategories: () => allegationCategories,
    complaintMeasuresCsv: async (_, { quarter }, { services }) => {
      const range = quarterRange(quarter);
      if (!range) throw new UserInputError([{ field: ['quarter'], message: 'Give the quarter as YYYY-Qn, for example 2026-Q1.', code: 'INVALID' }]);
      return measuresCsv(quarter.trim().toUpperCase(), await services.cases.statistics<ComplaintStatistics>(complaintCaseType, range));
    },
  },
  Complaint: {
    // Complaints stored before staff could record one all came through the website.
    channel: (c) => c.channel ?? 'WEB',
    complaintTypes: (c) => c.complaintTypes.map((code) => named(commonComplaintTypes, code)),
    late: (c) => isLate(c),
    schedule3Reasons: (c) => schedule3Reasons(c),
    referralRequired: (c) => referralRequired(c),
    unreferredAllegations: (c) => unreferredAllegations(c),
    // Only a complaint recorded under Schedule 3 has a right of review.
    reviewBody: (c) => (everRecorded(c) && c.status !== 'TRANSFERRED_TO_LOCAL_POLICING_BODY' ? reviewBodyFor(c) : null),
    firstReplyDueOn: (c) => firstReplyDueOn(c),
    nextUpdateDueOn: (c) => nextUpdateDueOn(c),
    outcome: (c) => latestOutcome(c),
    review: (c) => latestReview(c),
    // iopcDecision (deprecated) is the decision on the referral made with a handling decision.
    handlingHistory: (c) =>
      c.handlingHistory.map((h) => ({
        ...h,
        iopcDecision: h.referredToIopc ? (c.referrals.find((r) => r.referredOn >= h.decidedOn)?.decision ?? null) : null,
      })),
  },

  Allegation: {
    category: (a) => named(allegationCategories, a.category),
  },
});

import type { Resolvers } from '../generated/graphql.js';
import { allegationCategories, commonComplaintTypes, named } from './catalogue.js';
import { isLate, nextUpdateDueOn, referralRequired, schedule3Reasons } from './rules.js';

/**
 * The complaint fields that are derived or named when read, and the catalogues. The actions, the
 * form, the read, queue and statistics queries come from the case type's definition
 * (src/cases/caseResolvers.ts).
 */
export const complaintResolvers: Resolvers = {
  Query: {
    commonComplaintTypes: () => commonComplaintTypes,
    allegationCategories: () => allegationCategories,
  },
  Complaint: {
    complaintTypes: (c) => c.complaintTypes.map((code) => named(commonComplaintTypes, code)),
    late: (c) => isLate(c),
    schedule3Reasons: (c) => schedule3Reasons(c),
    referralRequired: (c) => referralRequired(c),
    nextUpdateDueOn: (c) => nextUpdateDueOn(c),
  },
  Allegation: {
    category: (a) => named(allegationCategories, a.category),
  },
};

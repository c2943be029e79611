import type { Resolvers } from '../generated/graphql.js';
import type { GraphQLContext } from '../graphql/context.js';
import { payload } from '../graphql/payload.js';
import { allegationCategories, commonComplaintTypes, named } from './catalogue.js';
import { isLate, nextUpdateDueOn, referralRequired, schedule3Reasons } from './rules.js';
import type { ComplaintActionName } from './service.js';

/** Every staff action has the same shape: input in, the complaint (or user errors) out. */
const action =
  (name: ComplaintActionName) =>
  async (_: unknown, { input }: { input: { reference: string; expectedVersion: number } }, { services, caller }: GraphQLContext) =>
    payload('complaint', await services.complaints.act(name, input as never, caller));

export const complaintResolvers: Resolvers = {
  Query: {
    commonComplaintTypes: () => commonComplaintTypes,
    allegationCategories: () => allegationCategories,
    complaint: (_, { reference }, { services, caller }) => services.complaints.get(reference, caller),
    complaintQueue: (_, { input, first, after }, { services, caller }) => services.complaints.queue(input, { first, after }, caller),
    complaintStatistics: (_, { input }, { services }) => services.complaints.statistics(input),
  },
  Mutation: {
    submitComplaint: async (_, { input }, { services, caller }) => payload('receipt', await services.complaints.submit(input, caller)),
    logComplaint: action('log'),
    allocateComplaint: action('allocate'),
    recordComplaintContact: action('contact'),
    addAllegation: action('allegation'),
    decideLateComplaint: action('late'),
    decideComplaintHandling: action('handling'),
    recordIopcDecision: action('iopc'),
    updateLocalResolution: action('localResolution'),
    concludeLocalResolution: action('conclude'),
    finaliseComplaint: action('finalise'),
    recordReviewRequest: action('reviewRequest'),
    recordReviewOutcome: action('reviewOutcome'),
    withdrawComplaint: action('withdraw'),
    closeComplaint: action('close'),
  },
  Complaint: {
    complaintTypes: (c) => c.complaintTypes.map((code) => named(commonComplaintTypes, code)),
    late: (c) => isLate(c),
    schedule3Reasons: (c) => schedule3Reasons(c),
    referralRequired: (c) => referralRequired(c),
    nextUpdateDueOn: (c) => nextUpdateDueOn(c),
    auditTrail: (c, _, { services }) => services.audit.list(c.reference),
  },
  Allegation: {
    category: (a) => named(allegationCategories, a.category),
  },
};

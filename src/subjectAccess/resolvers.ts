import { asUserErrors } from '../errors.js';
import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { Resolvers } from '../generated/graphql.js';
import type { GraphQLContext } from '../graphql/context.js';
import { payload } from '../graphql/payload.js';
import type { SarActionName } from './service.js';
import { clockView, statusOf } from './status.js';

const action =
  (name: SarActionName) =>
  async (_: unknown, { input }: { input: { reference: string; expectedVersion: number } }, { services, caller }: GraphQLContext) =>
    payload('subjectAccessRequest', await services.subjectAccess.act(name, input as never, caller));

const submission = async (outcome: Awaited<ReturnType<GraphQLContext['services']['subjectAccess']['submit']>>) =>
  outcome.ok
    ? { receipt: outcome.value.receipt, signpost: outcome.value.signpost, userErrors: [] }
    : { receipt: null, signpost: null, userErrors: asUserErrors(outcome.userErrors) };

export const subjectAccessResolvers: Resolvers = {
  Query: {
    subjectAccessRequest: (_, { reference }, { services, caller }) => services.subjectAccess.get(reference, caller),
    subjectAccessQueue: (_, { input, first, after }, { services, caller }) =>
      services.subjectAccess.queue(input, { first, after }, caller) as never,
    subjectAccessStatistics: (_, { input }, { services }) => services.subjectAccess.statistics(input),
  },
  Mutation: {
    submitSubjectAccessRequest: async (_, { input }, { services, caller }) => submission(await services.subjectAccess.submit(input, caller)),
    logSubjectAccessRequest: async (_, { input }, { services, caller }) => submission(await services.subjectAccess.log(input, caller)),
    allocateSubjectAccessRequest: action('allocate'),
    requestProofOfIdentity: action('requestIdentity'),
    recordProofOfIdentity: action('recordIdentity'),
    requestSarClarification: action('requestClarification'),
    recordSarClarification: action('recordClarification'),
    extendSubjectAccessRequest: action('extend'),
    decideSarRegime: action('regime'),
    recordSarSearch: action('search'),
    recordSarRestrictions: action('restrictions'),
    respondToSubjectAccessRequest: action('respond'),
    withdrawSubjectAccessRequest: action('withdraw'),
    closeSubjectAccessRequest: action('close'),
  },
  SubjectAccessRequest: {
    status: (r) => statusOf(ukCalendar, r),
    clock: (r, _, { services }) => clockView(ukCalendar, r, londonDateOf(services.now())),
    auditTrail: (r, _, { services }) => services.audit.list(r.reference),
  },
};

import { asUserErrors } from '../errors.js';
import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { Resolvers } from '../generated/graphql.js';
import type { GraphQLContext } from '../graphql/context.js';
import { payload } from '../graphql/payload.js';
import type { Item } from '../store/db.js';
import { exemption, exemptions } from './catalogue.js';
import type { FoiActionName } from './service.js';
import { clockView, reviewClockOf, statusOf } from './status.js';

const action =
  (name: FoiActionName) =>
  async (_: unknown, { input }: { input: { reference: string; expectedVersion: number } }, { services, caller }: GraphQLContext) =>
    payload('foiRequest', await services.foi.act(name, input as never, caller));

const submission = (outcome: Awaited<ReturnType<GraphQLContext['services']['foi']['submit']>>) =>
  outcome.ok
    ? { receipt: outcome.value.receipt, signpost: outcome.value.signpost, userErrors: [] }
    : { receipt: null, signpost: null, userErrors: asUserErrors(outcome.userErrors) };

const named = (section: string) => exemption(section) ?? { section, name: section, absolute: false };

const queueItem = (item: Item) => ({
  reference: item.reference as string,
  status: item.status as never,
  receivedAt: item.receivedAt as string,
  handler: (item.handler as string | null) ?? null,
  dueOn: (item.dueOn as string | null) ?? null,
});

export const foiResolvers: Resolvers = {
  Query: {
    disclosureLog: (_, { search, first, after }, { services }) => services.foi.disclosureLog(search, { first, after }) as never,
    foiExemptions: () => exemptions,
    foiRequest: (_, { reference }, { services, caller }) => services.foi.get(reference, caller),
    foiQueue: async (_, { input, first, after }, { services, caller }) => {
      const c = await services.foi.queue(input, { first, after }, caller);
      return { pageInfo: c.pageInfo, edges: c.edges.map((e) => ({ cursor: e.cursor, node: queueItem(e.node) })) };
    },
    foiRequesterHistory: async (_, { reference, first, after }, { services, caller }) => {
      const c = await services.foi.requesterHistory(reference, { first, after }, caller);
      return { pageInfo: c.pageInfo, edges: c.edges.map((e) => ({ cursor: e.cursor, node: queueItem(e.node) })) };
    },
    foiStatistics: (_, { input }, { services }) => services.foi.statistics(input),
  },
  Mutation: {
    submitFoiRequest: async (_, { input }, { services, caller }) => submission(await services.foi.submit(input, caller)),
    logFoiRequest: async (_, { input }, { services, caller }) => submission(await services.foi.log(input, caller)),
    allocateFoiRequest: action('allocate'),
    requestFoiClarification: action('requestClarification'),
    recordFoiClarification: action('recordClarification'),
    issueFeesNotice: action('feesNotice'),
    recordFeeReceived: action('feeReceived'),
    extendFoiForPublicInterest: action('publicInterest'),
    respondToFoiRequest: action('respond'),
    publishToDisclosureLog: action('publish'),
    requestFoiInternalReview: action('reviewRequest'),
    extendFoiInternalReview: action('reviewExtend'),
    recordFoiInternalReviewOutcome: action('reviewOutcome'),
    recordIcoComplaint: action('icoComplaint'),
    recordIcoDecision: action('icoDecision'),
    withdrawFoiRequest: action('withdraw'),
    closeFoiRequest: action('close'),
  },
  FoiRequest: {
    status: (r, _, { services }) => statusOf(ukCalendar, r, londonDateOf(services.now())),
    clock: (r, _, { services }) => clockView(ukCalendar, r, londonDateOf(services.now())),
    publicInterestExtension: (r) =>
      r.publicInterestExtension && {
        exemptions: r.publicInterestExtension.sections.map(named),
        estimatedDate: r.publicInterestExtension.estimatedDate,
        refusalNoticeOn: r.publicInterestExtension.refusalNoticeOn,
      },
    response: (r) => r.response && { ...r.response, exemptions: r.response.exemptions.map((e) => ({ ...e, name: named(e.section).name })) },
    disclosureDraft: (r) =>
      r.disclosure ??
      (r.response && {
        title: r.description.slice(0, 80),
        question: r.description,
        answer: r.response.summary,
      }),
    published: (r) => r.disclosure !== null,
    internalReview: (r) => {
      const clock = reviewClockOf(ukCalendar, r);
      return r.internalReview && clock
        ? { ...r.internalReview, dueOn: clock.dueOn, limitOn: clock.limitOn, extendedTo: clock.extendedTo }
        : null;
    },
    auditTrail: (r, _, { services }) => services.audit.list(r.reference),
  },
};

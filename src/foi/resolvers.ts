import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { Resolvers } from '../generated/graphql.js';
import { exemptions, exemptionView, named } from './catalogue.js';
import { scrubbed } from './personalData.js';
import { clockView, reviewClockOf, statusOf } from './status.js';

/**
 * The FOI request fields that are derived or named when read, the exemptions, the public disclosure
 * log and a requester's history. The actions, the form and logging, the read, queue and statistics
 * queries come from the case type's definition (src/cases/caseResolvers.ts).
 */
export const foiResolvers: Resolvers = {
  Query: {
    disclosureLog: (_, { search, first, after }, { services, caller, readBudget }) =>
      services.foi.disclosureLog(search, { first, after }, { budget: readBudget, sourceHash: caller.sourceHash }),
    foiExemptions: () => exemptions.map(exemptionView),
    foiRequesterHistory: (_, { reference, first, after }, { services, caller }) => services.foi.requesterHistory(reference, { first, after }, caller),
  },
  FoiRequest: {
    status: (r, _, { services }) => statusOf(ukCalendar, r, londonDateOf(services.now())),
    clock: (r, _, { services }) => clockView(ukCalendar, r, londonDateOf(services.now())),
    publicInterestExtension: (r) =>
      r.publicInterestExtension && {
        exemptions: r.publicInterestExtension.sections.map((s) => exemptionView(named(s))),
        estimatedDate: r.publicInterestExtension.estimatedDate,
        refusalNoticeOn: r.publicInterestExtension.refusalNoticeOn,
      },
    response: (r) =>
      r.response && {
        ...r.response,
        exemptions: r.response.exemptions.map((e) => ({ ...e, name: named(e.section).name })),
        costLimit: r.response.costLimit ?? null,
        vexatious: r.response.vexatious ?? null,
        routeToSubjectAccess: r.response.exemptions.some((e) => named(e.section).routesToSubjectAccess),
      },
    // The draft offered is already scrubbed of the requester's identity (publishing refuses it anyway).
    disclosureDraft: (r) => {
      if (r.disclosure) return r.disclosure;
      if (!r.response) return null;
      const draft = scrubbed({ question: r.description, answer: r.response.summary }, r.requester);
      return { title: shortTitle(draft.question), ...draft };
    },
    published: (r) => r.disclosure !== null,
    unpublished: (r) => r.unpublished ?? [],
    internalReview: (r) => {
      const clock = reviewClockOf(ukCalendar, r);
      return r.internalReview && clock
        ? { ...r.internalReview, dueOn: clock.dueOn, limitOn: clock.limitOn, extendedTo: clock.extendedTo, extendedOn: r.internalReview.extension?.on ?? null }
        : null;
    },
  },
};

/** A draft title: the question's first 80 characters, cut at a word. */
function shortTitle(question: string): string {
  if (question.length <= 80) return question;
  const cut = question.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

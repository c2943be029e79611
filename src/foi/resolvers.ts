import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { Resolvers } from '../generated/graphql.js';
import { exemption, exemptions } from './catalogue.js';
import { clockView, reviewClockOf, statusOf } from './status.js';

/**
 * The FOI request fields that are derived or named when read, the exemptions, the public disclosure
 * log and a requester's history. The actions, the form and logging, the read, queue and statistics
 * queries come from the case type's definition (src/cases/caseResolvers.ts).
 */
const named = (section: string) => exemption(section) ?? { section, name: section, absolute: false };

export const foiResolvers: Resolvers = {
  Query: {
    disclosureLog: (_, { search, first, after }, { services }) => services.foi.disclosureLog(search, { first, after }),
    foiExemptions: () => exemptions,
    foiRequesterHistory: (_, { reference, first, after }, { services, caller }) => services.foi.requesterHistory(reference, { first, after }, caller),
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
  },
};

import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { Resolvers } from '../generated/graphql.js';
import { clockView, statusOf } from './status.js';

/**
 * The subject access fields that are derived when read: the status and the clock. The actions,
 * the form, staff logging, the read, queue and statistics queries, availableActions and the audit
 * trail come from the case type's definition (src/cases/caseResolvers.ts).
 */
export const subjectAccessResolvers: Resolvers = {
  SubjectAccessRequest: {
    status: (r) => statusOf(ukCalendar, r),
    clock: (r, _, { services }) => clockView(ukCalendar, r, londonDateOf(services.now())),
  },
};

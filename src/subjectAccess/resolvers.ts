import { ukCalendar } from '../calendar/holidays.js';
import { londonDateOf } from '../calendar/londonDate.js';
import type { Resolvers } from '../generated/graphql.js';
import { criminalRecordWarning } from './criminalRecord.js';
import { clockView, statusOf } from './status.js';

/**
 * The subject access fields that are derived when read: the status, the clock and the ACRO warning. The actions,
 * the form, staff logging, the read, queue and statistics queries, availableActions and the audit
 * trail come from the case type's definition (src/cases/caseResolvers.ts).
 */
export const subjectAccessResolvers: Resolvers = {
  SubjectAccessRequest: {
    status: (r) => statusOf(ukCalendar, r),
    clock: (r, _, { services }) => clockView(ukCalendar, r, londonDateOf(services.now())),
    // A warning for staff, however the request came in: never a refusal.
    criminalRecordWarning: (r) => criminalRecordWarning(r.scope.description),
  },
};

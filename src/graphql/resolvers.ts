import type { Resolvers } from '../generated/graphql.js';
import { deadlineResolvers } from '../clocks/resolvers.js';
import { complaintResolvers } from '../complaints/resolvers.js';
import { subjectAccessResolvers } from '../subjectAccess/resolvers.js';
import { foiResolvers } from '../foi/resolvers.js';
import { pageRatingResolvers } from '../pageRatings/resolvers.js';
import { trackingResolvers } from '../tracking/resolvers.js';
import { caseTypeResolvers } from '../cases/caseResolvers.js';
import { registry } from '../caseTypes.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

/** Every area's resolvers, merged by root type. */
const areas: Resolvers[] = [
  trackingResolvers,
  deadlineResolvers,
  pageRatingResolvers,
  complaintResolvers,
  subjectAccessResolvers,
  foiResolvers,
  // What every case type gets from its definition: actions, intake, read, queue, statistics, availableActions.
  ...registry.caseTypes.map(caseTypeResolvers),
];

export function allResolvers(): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const area of areas) {
    for (const [type, fields] of Object.entries(area)) merged[type] = { ...merged[type], ...(fields as object) };
  }
  return { ...(merged as Resolvers), Date: DateScalar, DateTime: DateTimeScalar };
}

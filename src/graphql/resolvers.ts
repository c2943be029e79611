import type { Resolvers } from '../generated/graphql.js';
import { deadlineResolvers } from '../clocks/resolvers.js';
import { pageRatingResolvers } from '../pageRatings/resolvers.js';
import { trackingResolvers } from '../tracking/resolvers.js';
import { caseTypeResolvers, mergeResolvers } from '../cases/caseResolvers.js';
import { registry } from '../caseTypes.js';
import { DateScalar, DateTimeScalar } from './scalars.js';
import { correspondenceResolvers } from '../correspondence/resolvers.js';
import { paginatedQueryFields, typesWithIds } from '../generated/runtimeSchema.js';
import { withCompletePageInfo } from './pageInfo.js';
import { idResolvers } from './ids.js';
import { nodeResolvers } from './node.js';

/** Every area's resolvers, merged by root type. */
const areas: Resolvers[] = [
  trackingResolvers,
  deadlineResolvers,
  pageRatingResolvers,
  // What every case type gets from its definition (actions, intake, read, queue, statistics,
  // availableActions), with its own resolvers (its definition's `resolvers`).
  ...registry.caseTypes.map(caseTypeResolvers),
  // Every case's correspondence log, the undeliverable queue, recording correspondence (issue 15).
  correspondenceResolvers,
  // Client conventions: node(id:) for staff records, and every object type's id.
  nodeResolvers(registry.caseTypes),
  idResolvers(typesWithIds),
];

export function allResolvers(): Resolvers {
  return { ...withCompletePageInfo(mergeResolvers(areas), paginatedQueryFields), Date: DateScalar, DateTime: DateTimeScalar };
}

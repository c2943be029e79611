import type { CaseTypeName } from '../cases/caseTypes.js';
import type { PublicCaseStatus } from '../generated/graphql.js';
import { pageRatingStatusDescriptions } from '../pageRatings/model.js';
import type { Item } from '../store/db.js';

/**
 * What each case type shows its submitter through trackCase. Each area adds its entry; nothing
 * here may read staff notes or anyone else's data.
 */
export interface PublicView {
  status: PublicCaseStatus;
  statusDescription: string;
}

export const publicViews: Record<CaseTypeName, (item: Item) => PublicView> = {
  PAGE_RATING: (item) => {
    const status = item.status as keyof typeof pageRatingStatusDescriptions;
    return { status, statusDescription: pageRatingStatusDescriptions[status] };
  },
};

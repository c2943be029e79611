import type { CaseTypeName } from '../cases/caseTypes.js';
import { ukCalendar } from '../calendar/holidays.js';
import { complaintPublicView } from '../complaints/publicView.js';
import type { FoiRecord } from '../foi/model.js';
import { foiPublicView } from '../foi/publicView.js';
import type { SarRecord } from '../subjectAccess/model.js';
import { sarPublicView } from '../subjectAccess/publicView.js';
import type { ComplaintRecord } from '../complaints/model.js';
import type { PublicCaseStatus } from '../generated/graphql.js';
import { pageRatingStatusDescriptions } from '../pageRatings/model.js';
import type { Item } from '../store/db.js';

/**
 * What each case type shows its submitter through trackCase. Each area adds its entry; nothing
 * here may read staff notes or anyone else's data. `today` is the Europe/London date.
 */
export interface PublicView {
  status: PublicCaseStatus;
  statusDescription: string;
  nextUpdateBy: string | null;
  reviewWindowClosesOn: string | null;
  dueOn?: string | null;
}

export const publicViews: Record<CaseTypeName, (item: Item, today: string) => PublicView> = {
  PAGE_RATING: (item) => {
    const status = item.status as keyof typeof pageRatingStatusDescriptions;
    return { status, statusDescription: pageRatingStatusDescriptions[status], nextUpdateBy: null, reviewWindowClosesOn: null };
  },
  COMPLAINT: (item, today) => complaintPublicView(item as unknown as ComplaintRecord, today),
  SUBJECT_ACCESS: (item) => sarPublicView(ukCalendar, item as unknown as SarRecord),
  FOI: (item, today) => foiPublicView(ukCalendar, item as unknown as FoiRecord, today),
};

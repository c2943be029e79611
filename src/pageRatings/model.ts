import type { PageRatingReviewOutcome, PublicCaseStatus } from '../generated/graphql.js';
import type { TrackableKind } from '../cases/contract.js';
import type { PersonalDataKind } from '../redaction/personalData.js';

/**
 * A page rating as the domain knows it. The comment is stored already redacted; the person's
 * research-contact details are not part of it (they are kept apart, with their own retention).
 */
export interface PageRatingRecord {
  reference: string;
  pageUrl: string;
  pageKey: string;
  rating: number;
  comment: string | null;
  redactions: PersonalDataKind[];
  hasResearchContact: boolean;
  receivedAt: string;
  status: Extract<PublicCaseStatus, 'RECEIVED' | 'REVIEWED'>;
  reviewOutcome: PageRatingReviewOutcome | null;
  version: number;
  updatedAt: string;
  /** The fields given when it was submitted (names only): the first entry of its audit trail. */
  submittedFields: string[];
}

export interface ResearchContactRecord {
  reference: string;
  name: string | null;
  email: string | null;
  pageUrl: string;
  consentedAt: string;
  deleteOn: string;
}

/** What the submitter sees when tracking a rating. */
export const pageRatingStatusDescriptions: Record<PageRatingRecord['status'], string> = {
  RECEIVED: 'Thank you: your feedback has reached the web team.',
  REVIEWED: 'The web team has read your feedback.',
};

/** Page ratings in the case-type registry: trackable by reference, with no staff workflow of cases. */
export const pageRatingTrackable: TrackableKind = {
  name: 'PAGE_RATING',
  prefix: 'WEB',
  publicView: (item) => {
    const status = item.status as PageRatingRecord['status'];
    return { status, statusDescription: pageRatingStatusDescriptions[status], nextUpdateBy: null, reviewWindowClosesOn: null };
  },
};

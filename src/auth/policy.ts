import type { Caller, StaffGroup } from './caller.js';

/**
 * Who may call what: every root operation, in one table. An operation that is not listed here is
 * refused to everyone (deny by default), and a test checks that the table and the schema agree.
 * Staff see only their team's work: each staff operation names the groups that may call it.
 */
export type Access = { kind: 'public' } | { kind: 'staff'; groups: readonly StaffGroup[] };

const PUBLIC: Access = { kind: 'public' };
const staff = (...groups: StaffGroup[]): Access => ({ kind: 'staff', groups });

export const operationPolicy: Record<'Query' | 'Mutation', Record<string, Access>> = {
  Query: {
    ping: PUBLIC,
    trackCase: PUBLIC,
    statutoryDeadline: PUBLIC,
    pageRating: staff('web-content'),
    pageRatingSummary: staff('web-content'),
    worstRatedPages: staff('web-content'),
    pageComments: staff('web-content'),
    researchContacts: staff('web-content'),
    commonComplaintTypes: PUBLIC,
    allegationCategories: staff('professional-standards'),
    complaint: staff('professional-standards'),
    complaintQueue: staff('professional-standards'),
    complaintStatistics: staff('professional-standards'),
    subjectAccessRequest: staff('information-rights'),
    subjectAccessQueue: staff('information-rights'),
    subjectAccessStatistics: staff('information-rights'),
    disclosureLog: PUBLIC,
    foiExemptions: staff('information-rights'),
    foiRequest: staff('information-rights'),
    foiQueue: staff('information-rights'),
    foiRequesterHistory: staff('information-rights'),
    foiStatistics: staff('information-rights'),
  },
  Mutation: {
    submitPageRating: PUBLIC,
    reviewPageRating: staff('web-content'),
    eraseResearchContact: staff('web-content'),
    submitComplaint: PUBLIC,
    logComplaint: staff('professional-standards'),
    allocateComplaint: staff('professional-standards'),
    recordComplaintContact: staff('professional-standards'),
    addAllegation: staff('professional-standards'),
    decideLateComplaint: staff('professional-standards'),
    decideComplaintHandling: staff('professional-standards'),
    recordIopcDecision: staff('professional-standards'),
    updateLocalResolution: staff('professional-standards'),
    concludeLocalResolution: staff('professional-standards'),
    finaliseComplaint: staff('professional-standards'),
    recordReviewRequest: staff('professional-standards'),
    recordReviewOutcome: staff('professional-standards'),
    withdrawComplaint: staff('professional-standards'),
    closeComplaint: staff('professional-standards'),
    submitSubjectAccessRequest: PUBLIC,
    logSubjectAccessRequest: staff('information-rights'),
    allocateSubjectAccessRequest: staff('information-rights'),
    requestProofOfIdentity: staff('information-rights'),
    recordProofOfIdentity: staff('information-rights'),
    requestSarClarification: staff('information-rights'),
    recordSarClarification: staff('information-rights'),
    extendSubjectAccessRequest: staff('information-rights'),
    decideSarRegime: staff('information-rights'),
    recordSarSearch: staff('information-rights'),
    recordSarRestrictions: staff('information-rights'),
    respondToSubjectAccessRequest: staff('information-rights'),
    withdrawSubjectAccessRequest: staff('information-rights'),
    closeSubjectAccessRequest: staff('information-rights'),
    submitFoiRequest: PUBLIC,
    logFoiRequest: staff('information-rights'),
    allocateFoiRequest: staff('information-rights'),
    requestFoiClarification: staff('information-rights'),
    recordFoiClarification: staff('information-rights'),
    issueFeesNotice: staff('information-rights'),
    recordFeeReceived: staff('information-rights'),
    extendFoiForPublicInterest: staff('information-rights'),
    respondToFoiRequest: staff('information-rights'),
    publishToDisclosureLog: staff('information-rights'),
    requestFoiInternalReview: staff('information-rights'),
    extendFoiInternalReview: staff('information-rights'),
    recordFoiInternalReviewOutcome: staff('information-rights'),
    recordIcoComplaint: staff('information-rights'),
    recordIcoDecision: staff('information-rights'),
    withdrawFoiRequest: staff('information-rights'),
    closeFoiRequest: staff('information-rights'),
  },
};

export type Decision = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export function decide(caller: Caller, rootType: string, field: string): Decision {
  const access = (operationPolicy as Record<string, Record<string, Access> | undefined>)[rootType]?.[field];
  if (!access) return 'FORBIDDEN';
  if (access.kind === 'public') return 'ALLOWED';
  if (caller.kind !== 'staff') return 'UNAUTHENTICATED';
  return caller.groups.some((g) => access.groups.includes(g)) ? 'ALLOWED' : 'FORBIDDEN';
}

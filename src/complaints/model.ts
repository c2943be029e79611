import type {
  Complainant,
  CaseClosure,
  ComplaintContact,
  ComplaintOutcome,
  ComplaintReview,
  ComplaintStatus,
  HandlingDecision,
  Incident,
  LateDecision,
  LocalResolution,
  Needs,
  OnBehalfOf,
  PersonComplainedAbout,
  PersonInvolved,
  AllegationFlags,
} from '../generated/graphql.js';

/**
 * A complaint as stored: the schema's own types for its parts, with codes where the schema shows
 * names (categories and complaint types are data, named when read). What can be derived (whether
 * it must be recorded under Schedule 3, referral, the next update date) is derived, not stored.
 */
type Plain<T> = Omit<T, '__typename'>;

export interface AllegationRecord {
  number: number;
  category: string;
  summary: string;
  personComplainedAbout: Plain<PersonComplainedAbout> | null;
  flags: Plain<AllegationFlags>;
  addedOn: string;
}

export interface ComplaintRecord {
  reference: string;
  status: ComplaintStatus;
  receivedAt: string;
  /** The Europe/London day it arrived: day 0 for the IOPC's measures. */
  receivedOn: string;
  loggedOn: string | null;
  handler: string | null;
  complainant: Plain<Complainant>;
  onBehalfOf: Plain<OnBehalfOf> | null;
  needs: Plain<Needs>;
  incident: Plain<Incident>;
  peopleInvolved: Plain<PersonInvolved>[];
  complaintTypes: string[];
  otherTypeDescription: string | null;
  desiredOutcome: string;
  desiredOutcomeConfirmed: boolean;
  wantsFormalRecording: boolean;
  lateDecision: Plain<LateDecision> | null;
  allegations: AllegationRecord[];
  contacts: Plain<ComplaintContact>[];
  handlingHistory: Plain<HandlingDecision>[];
  localResolution: Plain<LocalResolution> | null;
  outcome: Plain<ComplaintOutcome> | null;
  review: Plain<ComplaintReview> | null;
  closure: Plain<CaseClosure> | null;
  agreedUpdateFrequency: string | null;
  version: number;
  updatedAt: string;
}

export const openStatuses: readonly ComplaintStatus[] = ['RECEIVED', 'LOGGED', 'LOCAL_RESOLUTION', 'SCHEDULE_3', 'FINALISED', 'UNDER_REVIEW'];

export function isOpen(c: Pick<ComplaintRecord, 'status'>): boolean {
  return openStatuses.includes(c.status);
}

/** The form's fields, as submitted and validated. */
export type ComplaintForm = Pick<
  ComplaintRecord,
  | 'complainant'
  | 'onBehalfOf'
  | 'needs'
  | 'incident'
  | 'peopleInvolved'
  | 'complaintTypes'
  | 'otherTypeDescription'
  | 'desiredOutcome'
  | 'wantsFormalRecording'
>;

/** A complaint as it is when it arrives: nothing logged, decided or recorded yet. */
export function newComplaint(form: ComplaintForm, reference: string, receivedAt: string, receivedOn: string): ComplaintRecord {
  return {
    ...form,
    reference,
    status: 'RECEIVED',
    receivedAt,
    receivedOn,
    loggedOn: null,
    handler: null,
    desiredOutcomeConfirmed: false,
    lateDecision: null,
    allegations: [],
    contacts: [],
    handlingHistory: [],
    localResolution: null,
    outcome: null,
    review: null,
    closure: null,
    agreedUpdateFrequency: null,
    version: 1,
    updatedAt: receivedAt,
  };
}

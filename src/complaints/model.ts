import * as z from 'zod';
import type {
  AllegationFlags,
  AllegationOutcome,
  CaseClosure,
  Complainant,
  ComplaintContact,
  ComplaintReferral,
  ComplaintReview,
  ComplaintStatus,
  HandlingDecision,
  Incident,
  LateDecision,
  LinkedComplaint,
  LocalResolution,
  Needs,
  OnBehalfOf,
  OutcomeDecider,
  PersonComplainedAbout,
  PersonInvolved,
  RequestChannel,
  ReviewBody,
  StandingRecord,
  UpdatePlan,
  Withdrawal,
} from '../generated/graphql.js';

/**
 * A complaint as stored: the schema's own types for its parts, with codes where the schema shows
 * names (categories and complaint types are data, named when read). What can be derived (whether
 * it must be recorded under Schedule 3, referral, the next update date) is derived, not stored.
 * The zod object is the list of the case item's fields: the shared machinery reads exactly these.
 */
type Plain<T> = Omit<T, '__typename'>;
const part = <T>() => z.custom<T>();

export interface AllegationRecord {
  number: number;
  category: string;
  summary: string;
  personComplainedAbout: Plain<PersonComplainedAbout> | null;
  flags: Plain<AllegationFlags>;
  addedOn: string;
}

/** A handling decision as stored (the IOPC's decisions are on the referrals). */
export type HandlingRecord = Omit<Plain<HandlingDecision>, 'iopcDecision'>;

/** An outcome as stored: every one is kept. */
export interface OutcomeRecord {
  number: number;
  summary: string;
  letterContent: string | null;
  letterDate: string;
  decidedBy: OutcomeDecider;
  reviewWindowClosesOn: string | null;
  reviewBody: ReviewBody | null;
  allegationOutcomes: Plain<AllegationOutcome>[];
  withoutContactReason: string | null;
  recordedBy: string;
  recordedOn: string;
}

export const complaintRecord = z.object({
  reference: z.string(),
  status: part<ComplaintStatus>(),
  receivedAt: z.string(),
  /** The Europe/London day it arrived: day 0 for the IOPC's measures. */
  receivedOn: z.string(),
  /** How it arrived; absent on complaints stored before staff could record one (all from the website). */
  channel: part<RequestChannel>().optional(),
  loggedOn: z.string().nullable(),
  handler: z.string().nullable(),
  complainant: part<Plain<Complainant>>(),
  onBehalfOf: part<Plain<OnBehalfOf> | null>(),
  needs: part<Plain<Needs>>(),
  incident: part<Plain<Incident>>(),
  peopleInvolved: part<Plain<PersonInvolved>[]>(),
  complaintTypes: z.array(z.string()),
  otherTypeDescription: z.string().nullable(),
  desiredOutcome: z.string(),
  desiredOutcomeConfirmed: z.boolean(),
  wantsFormalRecording: z.boolean(),
  lateDecision: part<Plain<LateDecision> | null>(),
  allegations: part<AllegationRecord[]>(),
  contacts: part<Plain<ComplaintContact>[]>(),
  handlingHistory: part<HandlingRecord[]>(),
  referrals: part<Plain<ComplaintReferral>[]>(),
  localResolution: part<Plain<LocalResolution> | null>(),
  outcomes: part<OutcomeRecord[]>(),
  reviews: part<Plain<ComplaintReview>[]>(),
  standing: part<Plain<StandingRecord> | null>(),
  withdrawal: part<Plain<Withdrawal> | null>(),
  linkedComplaints: part<Plain<LinkedComplaint>[]>(),
  closure: part<Plain<CaseClosure> | null>(),
  updatePlan: part<Plain<UpdatePlan> | null>(),
  version: z.number(),
  updatedAt: z.string(),
});

export type ComplaintRecord = z.infer<typeof complaintRecord>;

export const openStatuses = ['RECEIVED', 'LOGGED', 'LOCAL_RESOLUTION', 'SCHEDULE_3', 'FINALISED', 'UNDER_REVIEW'] as const satisfies readonly ComplaintStatus[];

/** Every status (the workflow's states). */
export const allStatuses = [...openStatuses, 'RESOLVED', 'CLOSED', 'WITHDRAWN', 'GENERAL_FEEDBACK', 'TRANSFERRED_TO_LOCAL_POLICING_BODY'] as const satisfies readonly ComplaintStatus[];

/** Before an outcome: still being handled (the outcome letter not yet sent, nor local resolution ended). */
export const beforeOutcome = ['RECEIVED', 'LOGGED', 'LOCAL_RESOLUTION', 'SCHEDULE_3'] as const satisfies readonly ComplaintStatus[];

/** The latest outcome and review (every one is kept). */
export const latestOutcome = (c: Pick<ComplaintRecord, 'outcomes'>): OutcomeRecord | null => c.outcomes.at(-1) ?? null;
export const latestReview = (c: Pick<ComplaintRecord, 'reviews'>) => c.reviews.at(-1) ?? null;

export function isOpen(c: Pick<ComplaintRecord, 'status'>): boolean {
  return (openStatuses as readonly ComplaintStatus[]).includes(c.status);
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
export function newComplaint(form: ComplaintForm, reference: string, receivedAt: string, receivedOn: string, channel: RequestChannel = 'WEB'): ComplaintRecord {
  return {
    ...form,
    reference,
    status: 'RECEIVED',
    receivedAt,
    receivedOn,
    channel,
    loggedOn: null,
    handler: null,
    desiredOutcomeConfirmed: false,
    lateDecision: null,
    allegations: [],
    contacts: [],
    handlingHistory: [],
    referrals: [],
    localResolution: null,
    outcomes: [],
    reviews: [],
    standing: null,
    withdrawal: null,
    linkedComplaints: [],
    closure: null,
    updatePlan: null,
    version: 1,
    updatedAt: receivedAt,
  };
}

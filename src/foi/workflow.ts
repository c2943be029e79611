import { clockEventDays, receiptDateCorrection } from '../cases/receiptDate.js';
import { actionFor, type Workflow } from '../cases/workflow.js';
import type { FoiStatus } from '../generated/graphql.js';
import * as decide from './actions.js';
import type { FoiRecord } from './model.js';
import {
  answeredOrLapsed,
  clarificationReceived,
  costLimitRecorded,
  datedInOrder,
  disclosureOfOwnDataReviewed,
  disclosureReviewedForPersonalData,
  disclosureWithoutRequester,
  exemptionInList,
  exemptionsMatchOutcome,
  feePaid,
  foiClockRules,
  icoAfterResponse,
  icoComplaintUndecided,
  ncndWhereProvided,
  notLapsed,
  onDisclosureLog,
  oneIcoComplaint,
  oneInternalReview,
  publicInterestExtendedOnce,
  publishedAfterResponse,
  qualifiedExemptionsOnly,
  qualifiedExemptionTested,
  requestOpen,
  reviewAfterResponse,
  reviewAskedInTime,
  reviewClockRules,
  reviewDecidedBeforeClosing,
  reviewExtendedOnce,
  reviewUnderWay,
  vexatiousRecorded,
} from './rules.js';
import { statusOf } from './status.js';
import { foiActionSchemas as input } from './validation.js';

/**
 * The FOI workflow (the Freedom of Information Act 2000; RULES.md §2), as one table: for each
 * staff action, the states it may be taken from, the named rules that must allow it, and the
 * states it may lead to. A request's state is derived (src/foi/status.ts): from its clock events,
 * response, internal review and closure, and the day (an unpaid fee lapses). The key of each row is
 * its GraphQL mutation.
 */
const action = actionFor<FoiStatus, FoiRecord>();

/** Every state. */
const any: FoiStatus[] = [
  'IN_PROGRESS',
  'PUBLIC_INTEREST_EXTENSION',
  'AWAITING_CLARIFICATION',
  'AWAITING_FEE',
  'LAPSED',
  'RESPONDED',
  'UNDER_INTERNAL_REVIEW',
  'CLOSED',
  'WITHDRAWN',
];
/** Not yet responded to, closed or withdrawn: the clock is the request's. */
const beforeResponse: FoiStatus[] = ['IN_PROGRESS', 'PUBLIC_INTEREST_EXTENSION', 'AWAITING_CLARIFICATION', 'AWAITING_FEE', 'LAPSED'];
/** Neither closed nor withdrawn. */
const open: FoiStatus[] = any.filter((s) => s !== 'CLOSED' && s !== 'WITHDRAWN');
/** The clock is running (possibly extended for the public interest test). */
const running: FoiStatus[] = ['IN_PROGRESS', 'PUBLIC_INTEREST_EXTENSION'];
const clockRules = Object.values(foiClockRules);

export type FoiAction = keyof typeof foiWorkflow.actions;

export const foiWorkflow = {
  states: {
    IN_PROGRESS: 'in progress',
    PUBLIC_INTEREST_EXTENSION: 'extended for the public interest test',
    AWAITING_CLARIFICATION: 'awaiting clarification',
    AWAITING_FEE: 'awaiting a fee',
    LAPSED: 'lapsed',
    // Read in refusals as "… while the FOI request is already answered".
    RESPONDED: 'already answered',
    UNDER_INTERNAL_REVIEW: 'under internal review',
    CLOSED: 'closed',
    WITHDRAWN: 'withdrawn',
  },
  stateOf: (r, ctx) => statusOf(ctx.calendar, r, ctx.today),
  actions: {
    allocateFoiRequest: action({
      doing: 'Allocation',
      does: 'Give the request to a handler.',
      from: any,
      guards: [requestOpen],
      to: [],
      input: input.allocate,
      decide: decide.allocate,
    }),
    requestFoiClarification: action({
      doing: 'Changing the clock',
      does: 'Ask the requester to clarify (s.1(3)): the clock stops, and restarts from the day the answer arrives.',
      from: running,
      guards: [],
      inputRules: clockRules,
      to: ['AWAITING_CLARIFICATION'],
      input: input.clockRequest,
      decide: decide.simpleClockEvent('CLARIFICATION_REQUESTED'),
    }),
    recordFoiClarification: action({
      doing: 'Changing the clock',
      does: 'Record the clarification: a fresh 20 working days begins that day.',
      from: ['AWAITING_CLARIFICATION'],
      guards: [],
      inputRules: clockRules,
      to: ['IN_PROGRESS', 'PUBLIC_INTEREST_EXTENSION'],
      input: input.clockAnswer,
      decide: decide.simpleClockEvent('CLARIFICATION_RECEIVED'),
    }),
    issueFeesNotice: action({
      doing: 'Changing the clock',
      does: 'Issue a fees notice (s.9): the clock is frozen until the fee arrives; unpaid after three months the request lapses.',
      from: running,
      guards: [],
      inputRules: clockRules,
      // A notice recorded more than three months after it was given has lapsed already.
      to: ['AWAITING_FEE', 'LAPSED'],
      input: input.clockRequest,
      decide: decide.simpleClockEvent('FEES_NOTICE_ISSUED'),
    }),
    recordFeeReceived: action({
      doing: 'Changing the clock',
      does: 'Record the fee received: the clock runs again.',
      // Lapsed today, a fee that arrived in time is still recorded; the clock refuses a late one.
      from: ['AWAITING_FEE', 'LAPSED'],
      guards: [],
      inputRules: clockRules,
      to: ['IN_PROGRESS', 'PUBLIC_INTEREST_EXTENSION'],
      input: input.clockAnswer,
      decide: decide.simpleClockEvent('FEE_RECEIVED'),
    }),
    extendFoiForPublicInterest: action({
      doing: 'Changing the clock',
      does: 'Extend for the public interest test (s.10(3), s.17(2)) with a refusal notice naming qualified exemptions and an estimated date.',
      from: running,
      guards: [publicInterestExtendedOnce],
      inputRules: [exemptionInList, qualifiedExemptionsOnly, ...clockRules],
      to: ['PUBLIC_INTEREST_EXTENSION'],
      input: input.publicInterest,
      decide: decide.extendForPublicInterest,
    }),
    respondToFoiRequest: action({
      doing: 'Recording a response',
      does: 'Respond with the outcome and each exemption relied on.',
      from: beforeResponse,
      guards: [clarificationReceived, feePaid, notLapsed],
      inputRules: [exemptionsMatchOutcome, exemptionInList, qualifiedExemptionTested, ncndWhereProvided, costLimitRecorded, vexatiousRecorded, datedInOrder],
      to: ['RESPONDED'],
      input: input.respond,
      decide: decide.respond,
    }),
    publishToDisclosureLog: action({
      doing: 'Publishing',
      does: 'Publish the response to the disclosure log (publishing again replaces the text), never with the requester’s identity in it.',
      from: any.filter((s) => s !== 'WITHDRAWN'),
      guards: [publishedAfterResponse],
      inputRules: [disclosureWithoutRequester, disclosureOfOwnDataReviewed, disclosureReviewedForPersonalData],
      to: [],
      input: input.publish,
      decide: decide.publish,
    }),
    unpublishFromDisclosureLog: action({
      doing: 'Taking a response off the disclosure log',
      does: 'Take the response off the disclosure log at once, with the reason: the entry and its search words go.',
      from: any,
      guards: [onDisclosureLog],
      to: [],
      input: input.unpublish,
      decide: decide.unpublish,
    }),
    requestFoiInternalReview: action({
      doing: 'Asking for an internal review',
      does: 'Record a request for an internal review of the response.',
      from: any,
      guards: [reviewAfterResponse, oneInternalReview],
      inputRules: [reviewAskedInTime, datedInOrder],
      to: ['UNDER_INTERNAL_REVIEW'],
      input: input.reviewRequest,
      decide: decide.requestReview,
    }),
    extendFoiInternalReview: action({
      doing: 'Extending an internal review',
      does: 'Extend an internal review, with a reason, to at most 40 working days.',
      from: any,
      guards: [reviewUnderWay, reviewExtendedOnce],
      inputRules: [datedInOrder, ...Object.values(reviewClockRules)],
      to: [],
      input: input.reviewExtend,
      decide: decide.extendReview,
    }),
    recordFoiInternalReviewOutcome: action({
      doing: 'Recording an internal review outcome',
      does: 'Record the internal review’s outcome.',
      from: any,
      guards: [reviewUnderWay],
      inputRules: [datedInOrder],
      to: ['RESPONDED'],
      input: input.reviewOutcome,
      decide: decide.reviewOutcome,
    }),
    recordIcoComplaint: action({
      doing: 'Recording a complaint to the ICO',
      does: 'Record a complaint to the ICO about the request.',
      from: any,
      guards: [icoAfterResponse, oneIcoComplaint],
      inputRules: [datedInOrder],
      to: [],
      input: input.icoComplaint,
      decide: decide.icoComplaint,
    }),
    recordIcoDecision: action({
      doing: 'Recording the ICO’s decision',
      does: 'Record the ICO’s decision notice.',
      from: any,
      guards: [icoComplaintUndecided],
      inputRules: [datedInOrder],
      to: [],
      input: input.icoDecision,
      decide: decide.icoDecision,
    }),
    correctFoiReceiptDate: receiptDateCorrection<FoiStatus, FoiRecord>({ from: beforeResponse, recordedSince: (r) => clockEventDays(r.clockEvents) }),
    withdrawFoiRequest: action({
      doing: 'Withdrawal',
      does: 'The requester withdraws the request.',
      from: beforeResponse,
      guards: [],
      to: ['WITHDRAWN'],
      input: input.reason,
      decide: decide.withdraw,
    }),
    closeFoiRequest: action({
      doing: 'Closing',
      does: 'Close a request that has been responded to (its internal review decided) or has lapsed.',
      from: open,
      guards: [answeredOrLapsed, reviewDecidedBeforeClosing],
      to: ['CLOSED'],
      input: input.reason,
      decide: decide.close,
    }),
  },
} satisfies Workflow<FoiStatus, FoiRecord>;

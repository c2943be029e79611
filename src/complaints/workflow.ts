import { actionFor, type Workflow } from '../cases/workflow.js';
import type { ComplaintStatus } from '../generated/graphql.js';
import * as decide from './actions.js';
import { openStatuses, type ComplaintRecord } from './model.js';
import {
  awaitingIopcDecision,
  hasAllegation,
  informalHandlingAllowed,
  lateDecisionMade,
  lateDecisionNeeded,
  loggedBeforeAllocation,
  mandatoryReferralMade,
  mustRecordUnderSchedule3,
  referralDecided,
  reviewWindowClosed,
  reviewWindowOpen,
  staysUnderSchedule3,
} from './rules.js';
import { actionSchemas as input } from './validation.js';

/**
 * The complaints workflow (Police Reform Act 2002 Schedule 3; the Police (Complaints and
 * Misconduct) Regulations 2020; RULES.md §4), as one table: for each staff action, the states it
 * may be taken from, the named rules that must allow it, and the states it may lead to. The key
 * of each row is its GraphQL mutation. docs/workflows.md is generated from this table.
 */
const action = actionFor<ComplaintStatus, ComplaintRecord>();
const open = openStatuses;

export type ComplaintAction = keyof typeof complaintWorkflow.actions;

export const complaintWorkflow = {
  states: {
    RECEIVED: 'received but not yet logged',
    LOGGED: 'logged, with handling not yet decided',
    LOCAL_RESOLUTION: 'in local resolution',
    RESOLVED: 'resolved',
    SCHEDULE_3: 'being handled under Schedule 3',
    FINALISED: 'finalised',
    UNDER_REVIEW: 'under review',
    CLOSED: 'closed',
    WITHDRAWN: 'withdrawn',
  },
  stateOf: (c) => c.status,
  actions: {
    logComplaint: action({
      doing: 'Logging',
      does: 'Log a received complaint and allocate a handler.',
      from: ['RECEIVED'],
      guards: [],
      to: ['LOGGED'],
      input: input.log,
      decide: decide.logComplaint,
    }),
    allocateComplaint: action({
      doing: 'Allocation',
      does: 'Give the complaint to another handler.',
      from: open,
      guards: [loggedBeforeAllocation],
      to: [],
      input: input.allocate,
      decide: decide.allocateComplaint,
    }),
    recordComplaintContact: action({
      doing: 'Recording a contact',
      does: 'Record a contact with the complainant (the first is marked as first contact).',
      from: open,
      guards: [],
      to: [],
      input: input.contact,
      decide: decide.recordContact,
    }),
    addAllegation: action({
      doing: 'Adding an allegation',
      does: 'Add an allegation with its IOPC category.',
      from: ['LOGGED', 'LOCAL_RESOLUTION', 'SCHEDULE_3'],
      guards: [],
      to: [],
      input: input.allegation,
      decide: decide.addAllegation,
    }),
    decideLateComplaint: action({
      doing: 'Deciding on a late complaint',
      does: 'Decide whether a complaint made more than 12 months after the incident goes ahead.',
      from: ['LOGGED'],
      guards: [lateDecisionNeeded],
      to: ['LOGGED', 'CLOSED'],
      input: input.late,
      decide: decide.decideLateComplaint,
    }),
    decideComplaintHandling: action({
      doing: 'Deciding the handling',
      does: 'Decide the handling: outside Schedule 3 (local resolution) or recorded under Schedule 3.',
      from: ['LOGGED', 'LOCAL_RESOLUTION'],
      guards: [hasAllegation, lateDecisionMade],
      inputRules: [informalHandlingAllowed, staysUnderSchedule3, mandatoryReferralMade],
      to: ['LOCAL_RESOLUTION', 'SCHEDULE_3'],
      input: input.handling,
      decide: decide.decideHandling,
    }),
    recordIopcDecision: action({
      doing: 'Recording the IOPC’s decision',
      does: 'Record the IOPC’s decision on a referred complaint.',
      from: ['SCHEDULE_3'],
      guards: [awaitingIopcDecision],
      to: [],
      input: input.iopc,
      decide: decide.recordIopcDecision,
    }),
    updateLocalResolution: action({
      doing: 'Updating local resolution',
      does: 'Record what local resolution has done so far.',
      from: ['LOCAL_RESOLUTION'],
      guards: [mustRecordUnderSchedule3],
      to: [],
      input: input.localResolution,
      decide: decide.updateLocalResolution,
    }),
    concludeLocalResolution: action({
      doing: 'Concluding local resolution',
      does: 'End local resolution: resolved to the complainant’s satisfaction, or not (and recorded under Schedule 3 if they ask).',
      from: ['LOCAL_RESOLUTION'],
      guards: [mustRecordUnderSchedule3],
      to: ['RESOLVED', 'SCHEDULE_3'],
      input: input.conclude,
      decide: decide.concludeLocalResolution,
    }),
    finaliseComplaint: action({
      doing: 'Finalising under Schedule 3',
      does: 'Finalise a Schedule 3 complaint with its outcome and the outcome letter’s date; the review window opens.',
      from: ['SCHEDULE_3'],
      guards: [referralDecided],
      to: ['FINALISED'],
      input: input.finalise,
      decide: decide.finaliseComplaint,
    }),
    recordReviewRequest: action({
      doing: 'Recording a review application',
      does: 'Record an application for review.',
      from: ['FINALISED'],
      guards: [],
      inputRules: [reviewWindowOpen],
      to: ['UNDER_REVIEW'],
      input: input.reviewRequest,
      decide: decide.recordReviewRequest,
    }),
    recordReviewOutcome: action({
      doing: 'Recording a review outcome',
      does: 'Record the review body’s decision; an upheld review reopens the complaint.',
      from: ['UNDER_REVIEW'],
      guards: [],
      to: ['SCHEDULE_3', 'CLOSED'],
      input: input.reviewOutcome,
      decide: decide.recordReviewOutcome,
    }),
    withdrawComplaint: action({
      doing: 'Withdrawal',
      does: 'The complainant withdraws the complaint.',
      from: open,
      guards: [],
      to: ['WITHDRAWN'],
      input: input.reason,
      decide: decide.withdrawComplaint,
    }),
    closeComplaint: action({
      doing: 'Closing',
      does: 'Close a complaint whose handling is over.',
      from: ['RESOLVED', 'FINALISED'],
      guards: [reviewWindowClosed],
      to: ['CLOSED'],
      input: input.reason,
      decide: decide.closeComplaint,
    }),
  },
} satisfies Workflow<ComplaintStatus, ComplaintRecord>;

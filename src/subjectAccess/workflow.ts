import { clockEventDays, receiptDateCorrection } from '../cases/receiptDate.js';
import { actionFor, type Workflow } from '../cases/workflow.js';
import type { SubjectAccessStatus } from '../generated/graphql.js';
import * as decide from './actions.js';
import type { SarRecord } from './model.js';
import {
  clockEventDate,
  clockRules,
  datesInOrder,
  fullDisclosureUnrestricted,
  icoComplaintUndecided,
  identityNotYetVerified,
  oneIcoComplaint,
  partialDisclosureGrounds,
  wholeRestrictionGrounds,
  regimeDecided,
  restrictionsUnderPart3,
  searchBeforeDisclosure,
} from './rules.js';
import { statusOf } from './status.js';
import { sarActionSchemas as input } from './validation.js';

/**
 * The subject access workflow (UK GDPR Art 15; DPA 2018 Part 3 s.45; RULES.md §3), as one table:
 * for each staff action, the states it may be taken from, the named rules that must allow it, and
 * the states it may lead to. The key of each row is its GraphQL mutation.
 *
 * A request's state is not stored: it is derived from its closure, response and clock
 * (status.ts), so the clock's states (waiting for identity, for clarification) are the table's
 * too; the clock's own rules about dates refuse clock events as input rules.
 */
const action = actionFor<SubjectAccessStatus, SarRecord>();

const open = ['AWAITING_IDENTITY', 'AWAITING_CLARIFICATION', 'IN_PROGRESS'] as const satisfies readonly SubjectAccessStatus[];
const any = [...open, 'RESPONDED', 'CLOSED', 'WITHDRAWN'] as const satisfies readonly SubjectAccessStatus[];
const clockInputRules = [clockEventDate];

export type SarAction = keyof typeof subjectAccessWorkflow.actions;

export const subjectAccessWorkflow = {
  states: {
    AWAITING_IDENTITY: 'waiting for proof of identity',
    AWAITING_CLARIFICATION: 'waiting for clarification',
    IN_PROGRESS: 'in progress',
    // Read in refusals as "… while the subject access request is already answered".
    RESPONDED: 'already answered',
    CLOSED: 'closed',
    WITHDRAWN: 'withdrawn',
  },
  stateOf: (r, ctx) => statusOf(ctx.calendar, r),
  actions: {
    allocateSubjectAccessRequest: action({
      doing: 'Allocation',
      does: 'Give the request to a handler.',
      from: open,
      guards: [],
      to: [],
      input: input.allocate,
      decide: decide.allocate,
    }),
    requestProofOfIdentity: action({
      doing: 'Asking for proof of identity',
      does: 'Ask for proof of identity (where there is reasonable doubt); the clock waits for it.',
      from: ['IN_PROGRESS'],
      guards: [identityNotYetVerified],
      inputRules: [...clockInputRules, clockRules.IDENTITY_REQUESTED],
      to: ['AWAITING_IDENTITY'],
      input: input.clockRequest,
      decide: decide.requestIdentity,
    }),
    recordProofOfIdentity: action({
      doing: 'Recording proof of identity',
      does: 'Record that proof of identity arrived; the clock starts that day.',
      from: ['AWAITING_IDENTITY'],
      guards: [],
      inputRules: [...clockInputRules, clockRules.IDENTITY_RECEIVED],
      to: ['IN_PROGRESS'],
      input: input.clockAnswer,
      decide: decide.recordIdentity,
    }),
    requestSarClarification: action({
      doing: 'Asking for clarification',
      does: 'Ask for information needed to find the data; the clock pauses.',
      from: ['IN_PROGRESS'],
      guards: [],
      inputRules: [...clockInputRules, clockRules.CLARIFICATION_REQUESTED],
      to: ['AWAITING_CLARIFICATION'],
      input: input.clockRequest,
      decide: decide.requestClarification,
    }),
    recordSarClarification: action({
      doing: 'Recording clarification',
      does: 'Record that the clarification arrived; the clock runs again and the deadline moves by the days paused.',
      from: ['AWAITING_CLARIFICATION'],
      guards: [],
      inputRules: [...clockInputRules, clockRules.CLARIFICATION_RECEIVED],
      to: ['IN_PROGRESS'],
      input: input.clockAnswer,
      decide: decide.recordClarification,
    }),
    extendSubjectAccessRequest: action({
      doing: 'Extending the time limit',
      does: 'Extend the time limit by up to two further months, with reasons, before the first month ends.',
      from: ['IN_PROGRESS'],
      guards: [],
      inputRules: [...clockInputRules, clockRules.EXTENDED],
      to: [],
      input: input.extend,
      decide: decide.extend,
    }),
    decideSarRegime: action({
      doing: 'Deciding the regime',
      does: 'Decide whether UK GDPR or DPA 2018 Part 3 (law enforcement) governs the request.',
      from: open,
      guards: [],
      inputRules: [restrictionsUnderPart3],
      to: [],
      input: input.regime,
      decide: decide.decideRegime,
    }),
    recordSarSearch: action({
      doing: 'Recording the search',
      does: 'Record the systems searched and what was found, with the day of the search.',
      from: open,
      guards: [],
      inputRules: [datesInOrder],
      to: [],
      input: input.search,
      decide: decide.recordSearch,
    }),
    recordSarRestrictions: action({
      doing: 'Recording restrictions',
      does: 'Record the s.45(4) restrictions and the redactions, with reasons.',
      from: open,
      guards: [],
      inputRules: [restrictionsUnderPart3],
      to: [],
      input: input.restrictions,
      decide: decide.recordRestrictions,
    }),
    respondToSubjectAccessRequest: action({
      doing: 'Recording a response',
      does: 'Record the response: disclosed in full or in part, access wholly restricted (s.45(4), Part 3), nothing held, or refused with reasons.',
      from: ['IN_PROGRESS'],
      guards: [regimeDecided],
      inputRules: [searchBeforeDisclosure, fullDisclosureUnrestricted, partialDisclosureGrounds, wholeRestrictionGrounds, datesInOrder],
      to: ['RESPONDED'],
      input: input.respond,
      decide: decide.respond,
    }),
    correctSubjectAccessReceiptDate: receiptDateCorrection<SubjectAccessStatus, SarRecord>({ from: open, recordedSince: (r) => clockEventDays(r.clockEvents) }),
    withdrawSubjectAccessRequest: action({
      doing: 'Withdrawal',
      does: 'The requester withdraws the request, on the day given.',
      from: open,
      guards: [],
      inputRules: [datesInOrder],
      to: ['WITHDRAWN'],
      input: input.datedReason,
      decide: decide.withdraw,
    }),
    closeSubjectAccessRequest: action({
      doing: 'Closing',
      does: 'Close a request that has been responded to, on the day given.',
      from: ['RESPONDED'],
      guards: [],
      inputRules: [datesInOrder],
      to: ['CLOSED'],
      input: input.datedReason,
      decide: decide.close,
    }),
    recordSarIcoComplaint: action({
      doing: 'Recording a complaint to the ICO',
      does: 'Record the requester’s complaint to the ICO, at any stage, with the day the force heard of it.',
      from: any,
      guards: [oneIcoComplaint],
      inputRules: [datesInOrder],
      to: [],
      input: input.icoComplaint,
      decide: decide.icoComplaint,
    }),
    recordSarIcoOutcome: action({
      doing: 'Recording the ICO’s outcome',
      does: 'Record the outcome of the complaint to the ICO, with its date.',
      from: any,
      guards: [icoComplaintUndecided],
      inputRules: [datesInOrder],
      to: [],
      input: input.icoOutcome,
      decide: decide.icoOutcome,
    }),
  },
} satisfies Workflow<SubjectAccessStatus, SarRecord>;

import { actionFor, type Workflow } from '../cases/workflow.js';
import type { SubjectAccessStatus } from '../generated/graphql.js';
import * as decide from './actions.js';
import type { SarRecord } from './model.js';
import {
  clockEventDate,
  clockRules,
  clockRunning,
  identityNotYetVerified,
  partialDisclosureGrounds,
  regimeDecided,
  requestOpen,
  respondedBeforeClosing,
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
 * (status.ts). Every action is considered from every state and refused by a named rule
 * (SAR_REQUEST_OPEN, SAR_CLOSE_ONLY_RESPONDED) rather than by the state alone, so that a refusal
 * says in the request's own terms why; the clock's own rules refuse clock events (input rules).
 */
const action = actionFor<SubjectAccessStatus, SarRecord>();

const anyState = ['AWAITING_IDENTITY', 'AWAITING_CLARIFICATION', 'IN_PROGRESS', 'RESPONDED', 'CLOSED', 'WITHDRAWN'] as const satisfies readonly SubjectAccessStatus[];
const clockInputRules = [clockEventDate];

export type SarAction = keyof typeof subjectAccessWorkflow.actions;

export const subjectAccessWorkflow = {
  states: {
    AWAITING_IDENTITY: 'waiting for proof of identity',
    AWAITING_CLARIFICATION: 'waiting for clarification',
    IN_PROGRESS: 'in progress',
    RESPONDED: 'responded to',
    CLOSED: 'closed',
    WITHDRAWN: 'withdrawn',
  },
  stateOf: (r, ctx) => statusOf(ctx.calendar, r),
  actions: {
    allocateSubjectAccessRequest: action({
      doing: 'Allocation',
      does: 'Give the request to a handler.',
      from: anyState,
      guards: [requestOpen],
      to: [],
      input: input.allocate,
      decide: decide.allocate,
    }),
    requestProofOfIdentity: action({
      doing: 'Asking for proof of identity',
      does: 'Ask for proof of identity (where there is reasonable doubt); the clock waits for it.',
      from: anyState,
      guards: [requestOpen, identityNotYetVerified],
      inputRules: [...clockInputRules, clockRules.IDENTITY_REQUESTED],
      to: ['AWAITING_IDENTITY'],
      input: input.clockRequest,
      decide: decide.requestIdentity,
    }),
    recordProofOfIdentity: action({
      doing: 'Recording proof of identity',
      does: 'Record that proof of identity arrived; the clock starts that day.',
      from: anyState,
      guards: [requestOpen],
      inputRules: [...clockInputRules, clockRules.IDENTITY_RECEIVED],
      to: ['IN_PROGRESS'],
      input: input.clockAnswer,
      decide: decide.recordIdentity,
    }),
    requestSarClarification: action({
      doing: 'Asking for clarification',
      does: 'Ask for information needed to find the data; the clock pauses.',
      from: anyState,
      guards: [requestOpen],
      inputRules: [...clockInputRules, clockRules.CLARIFICATION_REQUESTED],
      to: ['AWAITING_CLARIFICATION'],
      input: input.clockRequest,
      decide: decide.requestClarification,
    }),
    recordSarClarification: action({
      doing: 'Recording clarification',
      does: 'Record that the clarification arrived; the clock runs again and the deadline moves by the days paused.',
      from: anyState,
      guards: [requestOpen],
      inputRules: [...clockInputRules, clockRules.CLARIFICATION_RECEIVED],
      to: ['IN_PROGRESS'],
      input: input.clockAnswer,
      decide: decide.recordClarification,
    }),
    extendSubjectAccessRequest: action({
      doing: 'Extending the time limit',
      does: 'Extend the time limit by up to two further months, with reasons, before the first month ends.',
      from: anyState,
      guards: [requestOpen],
      inputRules: [...clockInputRules, clockRules.EXTENDED],
      to: [],
      input: input.extend,
      decide: decide.extend,
    }),
    decideSarRegime: action({
      doing: 'Deciding the regime',
      does: 'Decide whether UK GDPR or DPA 2018 Part 3 (law enforcement) governs the request.',
      from: anyState,
      guards: [requestOpen],
      inputRules: [restrictionsUnderPart3],
      to: [],
      input: input.regime,
      decide: decide.decideRegime,
    }),
    recordSarSearch: action({
      doing: 'Recording the search',
      does: 'Record the systems searched and what was found.',
      from: anyState,
      guards: [requestOpen],
      to: [],
      input: input.search,
      decide: decide.recordSearch,
    }),
    recordSarRestrictions: action({
      doing: 'Recording restrictions',
      does: 'Record the s.45(4) restrictions and the redactions, with reasons.',
      from: anyState,
      guards: [requestOpen],
      inputRules: [restrictionsUnderPart3],
      to: [],
      input: input.restrictions,
      decide: decide.recordRestrictions,
    }),
    respondToSubjectAccessRequest: action({
      doing: 'Responding',
      does: 'Record the response: disclosed in full or in part, nothing held, or refused with reasons.',
      from: anyState,
      guards: [requestOpen, clockRunning, regimeDecided],
      inputRules: [searchBeforeDisclosure, partialDisclosureGrounds],
      to: ['RESPONDED'],
      input: input.respond,
      decide: decide.respond,
    }),
    withdrawSubjectAccessRequest: action({
      doing: 'Withdrawal',
      does: 'The requester withdraws the request.',
      from: anyState,
      guards: [requestOpen],
      to: ['WITHDRAWN'],
      input: input.reason,
      decide: decide.withdraw,
    }),
    closeSubjectAccessRequest: action({
      doing: 'Closing',
      does: 'Close a request that has been responded to.',
      from: anyState,
      guards: [respondedBeforeClosing],
      to: ['CLOSED'],
      input: input.reason,
      decide: decide.close,
    }),
  },
} satisfies Workflow<SubjectAccessStatus, SarRecord>;

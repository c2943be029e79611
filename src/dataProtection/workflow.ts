import { receiptDateCorrection } from '../cases/receiptDate.js';
import { actionFor, type Workflow } from '../cases/workflow.js';
import type { DataProtectionComplaintStatus } from '../generated/graphql.js';
import * as decide from './actions.js';
import { IN_FORCE_FROM } from './clock.js';
import { openStatuses, type DataProtectionRecord } from './model.js';
import {
  acknowledgedFirst,
  acknowledgedOnce,
  dateInOrder,
  dateNotInFuture,
  icoComplaintOnce,
  icoComplaintOpen,
  icoOutcomeBeforeClosing,
  icoOutcomeOnce,
  newHandler,
  outcomeOnce,
} from './rules.js';
import { actionSchemas as input } from './validation.js';

/**
 * The data-protection complaints workflow (DPA 2018 s.164A; RULES.md "Data protection complaints"),
 * as one table: for each staff action, the states it may be taken from, the named rules that must
 * allow it, and the states it may lead to. The key of each row is its GraphQL mutation.
 *
 *   RECEIVED ──acknowledge──▶ ACKNOWLEDGED ──outcome──▶ OUTCOME_SENT ──close──▶ CLOSED
 *       │                         │                        │                    │
 *       └── withdraw ─────────────┴──▶ WITHDRAWN           └── ICO complaint ──▶ WITH_ICO ──close──▶ CLOSED
 *   (an ICO complaint may also come before the outcome, after undue delay, or after closing; the
 *   acknowledgement and the outcome are then still recorded, and the case stays WITH_ICO)
 */
const action = actionFor<DataProtectionComplaintStatus, DataProtectionRecord>();
const open = openStatuses;
const dates = [dateNotInFuture, dateInOrder];

export const dataProtectionWorkflow = {
  states: {
    RECEIVED: 'received and not yet acknowledged',
    ACKNOWLEDGED: 'acknowledged, with its outcome not yet sent',
    OUTCOME_SENT: 'answered with its outcome',
    WITH_ICO: 'with the ICO',
    CLOSED: 'closed',
    WITHDRAWN: 'withdrawn',
  },
  stateOf: (c) => c.status,
  actions: {
    allocateDataProtectionComplaint: action({
      doing: 'Allocation',
      does: 'Give the complaint to a handler (or to another one).',
      from: open,
      guards: [],
      inputRules: [newHandler],
      to: [],
      input: input.allocate,
      decide: decide.allocate,
    }),
    acknowledgeDataProtectionComplaint: action({
      doing: 'Acknowledging',
      does: 'Record the acknowledgement (due within the 30 days beginning with the day of receipt), and whether it was in time.',
      from: ['RECEIVED', 'WITH_ICO'],
      guards: [acknowledgedOnce],
      inputRules: dates,
      to: ['ACKNOWLEDGED', 'WITH_ICO'],
      input: input.acknowledge,
      decide: decide.acknowledge,
    }),
    recordDataProtectionEnquiry: action({
      doing: 'Recording an enquiry',
      does: 'Record an enquiry into the complaint: what was looked into, by whom, when.',
      from: open,
      guards: [],
      inputRules: dates,
      to: [],
      input: input.enquiry,
      decide: decide.recordEnquiry,
    }),
    recordDataProtectionProgressUpdate: action({
      doing: 'Recording a progress update',
      does: 'Record an update on progress sent to the complainant.',
      from: ['RECEIVED', 'ACKNOWLEDGED', 'WITH_ICO'],
      guards: [acknowledgedFirst],
      inputRules: dates,
      to: [],
      input: input.progressUpdate,
      decide: decide.recordProgressUpdate,
    }),
    recordDataProtectionOutcome: action({
      doing: 'Recording the outcome',
      does: 'Record the outcome told to the complainant: upheld, partly upheld or not upheld.',
      from: ['RECEIVED', 'ACKNOWLEDGED', 'WITH_ICO'],
      guards: [acknowledgedFirst, outcomeOnce],
      inputRules: dates,
      to: ['OUTCOME_SENT', 'WITH_ICO'],
      input: input.outcome,
      decide: decide.recordOutcome,
    }),
    recordDataProtectionIcoComplaint: action({
      doing: 'Recording a complaint to the ICO',
      does: 'Record that the complainant has complained to the ICO, with the ICO’s reference (after the outcome, or after undue delay).',
      from: ['RECEIVED', 'ACKNOWLEDGED', 'OUTCOME_SENT', 'CLOSED'],
      guards: [icoComplaintOnce, icoComplaintOpen],
      inputRules: [...dates, icoComplaintOpen],
      to: ['WITH_ICO'],
      input: input.icoComplaint,
      decide: decide.recordIcoComplaint,
    }),
    recordDataProtectionIcoOutcome: action({
      doing: 'Recording the ICO’s outcome',
      does: 'Record what the ICO decided on the complainant’s complaint to it.',
      from: ['WITH_ICO'],
      guards: [icoOutcomeOnce],
      inputRules: dates,
      to: [],
      input: input.icoOutcome,
      decide: decide.recordIcoOutcome,
    }),
    correctDataProtectionComplaintReceiptDate: receiptDateCorrection<DataProtectionComplaintStatus, DataProtectionRecord>({
      from: ['RECEIVED', 'ACKNOWLEDGED'],
      recordedSince: decide.datesSinceReceipt,
      earliest: { on: IN_FORCE_FROM, why: 'the duty to handle data-protection complaints applies from then' },
      recompute: decide.afterReceiptCorrected,
    }),
    withdrawDataProtectionComplaint: action({
      doing: 'Withdrawal',
      does: 'The complainant withdraws the complaint before its outcome.',
      from: ['RECEIVED', 'ACKNOWLEDGED'],
      guards: [],
      to: ['WITHDRAWN'],
      input: input.reason,
      decide: decide.withdraw,
    }),
    closeDataProtectionComplaint: action({
      doing: 'Closing',
      does: 'Close a complaint whose outcome was sent (and, if it went to the ICO, whose ICO outcome is recorded).',
      from: ['OUTCOME_SENT', 'WITH_ICO'],
      guards: [icoOutcomeBeforeClosing],
      to: ['CLOSED'],
      input: input.reason,
      decide: decide.close,
    }),
  },
} satisfies Workflow<DataProtectionComplaintStatus, DataProtectionRecord>;

export type DataProtectionAction = keyof typeof dataProtectionWorkflow.actions;

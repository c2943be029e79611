import { ukCalendar } from '../../../src/calendar/holidays.js';
import type { ActionContext } from '../../../src/cases/workflow.js';
import { foiCaseType } from '../../../src/foi/caseType.js';
import { newFoiRequest, type FoiRecord } from '../../../src/foi/model.js';
import { foiWorkflow, type FoiAction } from '../../../src/foi/workflow.js';
import type { WorkflowFixture } from './fixture.js';

/**
 * FOI requests in every state on Friday 20 March 2026, and a valid input for every action. Most
 * arrived on Monday 2 March (due Tuesday 31 March; a public interest extension may run to 30 April);
 * the older ones arrived on 3 November 2025 (a fees notice of 10 November lapsed on 10 February).
 * Each record is built the way the API builds it: by the actions' own decisions, on their days.
 */
const at = (today: string): ActionContext => ({
  today,
  now: new Date(`${today}T10:00:00Z`),
  actor: { kind: 'STAFF', id: 'fay', name: 'fay' },
  by: 'fay',
  calendar: ukCalendar,
});

const arrived = (receivedOn: string, reference = 'FOI-2026-000001'): FoiRecord =>
  newFoiRequest(
    { requester: { name: 'Sam Asker', email: 'sam@example.com', postalAddress: null }, description: 'Speed cameras', format: 'ELECTRONIC_COPY' },
    { reference, channel: 'WEB', receivedAt: `${receivedOn}T09:00:00.000Z`, receivedOn, requesterKey: 'k' },
  );

/** One action's decision applied on `today` (the table's state and rules are the walk's to check, not this). */
function then(r: FoiRecord, action: FoiAction, raw: Record<string, unknown>, today: string): FoiRecord {
  const spec = foiWorkflow.actions[action];
  const decision = spec.decide(r, spec.input(today).parse(raw) as never, at(today));
  if (!decision.ok) throw new Error(`${action} on ${today}: ${decision.userErrors[0]!.message}`);
  return { ...r, ...decision.value.set, version: r.version + 1 };
}

const fresh = arrived('2026-03-02');
const allocated = then(fresh, 'allocateFoiRequest', { handler: 'fay' }, '2026-03-03');
const askedToClarify = then(allocated, 'requestFoiClarification', { on: '2026-03-05', reason: 'Which years?' }, '2026-03-05');
const clarified = then(askedToClarify, 'recordFoiClarification', { on: '2026-03-09', reason: '2024 and 2025' }, '2026-03-09');
const feeAsked = then(allocated, 'issueFeesNotice', { on: '2026-03-04', reason: '£25 for copies' }, '2026-03-04');
const feePaid = then(feeAsked, 'recordFeeReceived', { on: '2026-03-11' }, '2026-03-11');
const pit = { exemptions: ['31'], reason: 'Balancing the public interest in law enforcement' };
const extended = then(allocated, 'extendFoiForPublicInterest', { ...pit, on: '2026-03-16', estimatedDate: '2026-04-24' }, '2026-03-16');
const extendedThenFeeAsked = then(extended, 'issueFeesNotice', { on: '2026-03-18', reason: '£10 for copies' }, '2026-03-18');
const extendedAfterFee = then(feePaid, 'extendFoiForPublicInterest', { ...pit, on: '2026-03-16', estimatedDate: '2026-04-28' }, '2026-03-16');

const older = arrived('2025-11-03', 'FOI-2025-000001');
const lapsed = then(older, 'issueFeesNotice', { on: '2025-11-10', reason: '£25 for copies' }, '2025-11-10');
const lapsedWhenExtended = then(
  then(older, 'extendFoiForPublicInterest', { ...pit, on: '2025-11-05', estimatedDate: '2025-12-19' }, '2025-11-05'),
  'issueFeesNotice',
  { on: '2025-11-10', reason: '£25 for copies' },
  '2025-11-10',
);

const notHeld = { outcome: 'NOT_HELD', summary: 'The information is not held' };
const responded = then(allocated, 'respondToFoiRequest', { ...notHeld, respondedOn: '2026-03-13' }, '2026-03-13');
const refusedInPart = then(
  clarified,
  'respondToFoiRequest',
  { outcome: 'PROVIDED_IN_PART', summary: 'Some withheld', exemptions: [{ section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false }], respondedOn: '2026-03-12' },
  '2026-03-12',
);
const published = then(responded, 'publishToDisclosureLog', { title: 'Speed cameras', question: 'How many?', answer: 'Not held' }, '2026-03-16');
const unpublished = then(published, 'unpublishFromDisclosureLog', { reason: 'Named the requester' }, '2026-03-17');
/** Received 2 February (due 2 March): clarification asked on 4 March, too late to restart the clock. */
const askedLate = then(
  arrived('2026-02-02', 'FOI-2026-000002'),
  'requestFoiClarification',
  { on: '2026-03-04', reason: 'Which years? (asked after the due date of 2 March)' },
  '2026-03-04',
);
const underReview = then(responded, 'requestFoiInternalReview', { on: '2026-03-16' }, '2026-03-16');
const reviewExtended = then(underReview, 'extendFoiInternalReview', { extendedTo: '2026-05-01', reason: 'Many documents' }, '2026-03-18');
const reviewed = then(underReview, 'recordFoiInternalReviewOutcome', { outcome: 'UPHELD', note: 'The search was thorough' }, '2026-03-18');
const complained = then(reviewed, 'recordIcoComplaint', { icoReference: 'IC-100', receivedOn: '2026-03-19' }, '2026-03-19');
const icoDecided = then(complained, 'recordIcoDecision', { decision: 'NOT_UPHELD', decisionNoticeReference: 'IC-100/DN' }, '2026-03-19');
/** Answered in November: too late now to ask for an internal review (40 working days ran to 22 January). */
const longAnswered = then(older, 'respondToFoiRequest', { ...notHeld, respondedOn: '2025-11-20' }, '2025-11-20');

const close = { reason: 'Nothing more to do' };

export const foiFixture: WorkflowFixture<FoiRecord> = {
  caseType: foiCaseType,
  groups: ['information-rights'],
  now: '2026-03-20T12:00:00Z',
  examples: {
    IN_PROGRESS: [fresh, allocated, clarified, feePaid, { ...fresh, channel: 'POST' }],
    PUBLIC_INTEREST_EXTENSION: [extended, extendedAfterFee],
    AWAITING_CLARIFICATION: [askedToClarify, askedLate],
    AWAITING_FEE: [feeAsked, extendedThenFeeAsked],
    LAPSED: [lapsed, lapsedWhenExtended],
    RESPONDED: [
      responded,
      refusedInPart,
      published,
      unpublished,
      reviewed,
      complained,
      icoDecided,
      then(published, 'recordIcoComplaint', { icoReference: 'IC-101', receivedOn: '2026-03-17' }, '2026-03-17'),
      longAnswered,
    ],
    UNDER_INTERNAL_REVIEW: [
      underReview,
      reviewExtended,
      // A complaint to the ICO while the review is under way: once it is overdue (asked 21 Nov 2025, due 19 Dec).
      then(then(longAnswered, 'requestFoiInternalReview', { on: '2025-11-21' }, '2025-11-21'), 'recordIcoComplaint', { icoReference: 'IC-102', receivedOn: '2026-01-05' }, '2026-01-05'),
    ],
    CLOSED: [then(responded, 'closeFoiRequest', close, '2026-03-16'), then(icoDecided, 'closeFoiRequest', close, '2026-03-19'), then(lapsed, 'closeFoiRequest', close, '2026-02-20')],
    WITHDRAWN: [then(allocated, 'withdrawFoiRequest', { reason: 'No longer needed' }, '2026-03-06'), then(askedToClarify, 'withdrawFoiRequest', { reason: 'No answer' }, '2026-03-10')],
  },
  inputs: {
    allocateFoiRequest: { handler: 'another.handler' },
    requestFoiClarification: { reason: 'Which force areas?' },
    recordFoiClarification: { reason: 'All of them' },
    issueFeesNotice: { reason: '£25 for copies' },
    recordFeeReceived: { reason: 'Paid by card' },
    extendFoiForPublicInterest: { ...pit, estimatedDate: '2026-04-30' },
    respondToFoiRequest: notHeld,
    publishToDisclosureLog: { title: 'Speed cameras', question: 'How many speed cameras are there?', answer: 'The information is not held.' },
    unpublishFromDisclosureLog: { reason: 'The answer named the requester' },
    requestFoiInternalReview: { reason: 'The requester thinks more is held' },
    extendFoiInternalReview: { extendedTo: '2026-05-08', reason: 'Many documents to read again' },
    recordFoiInternalReviewOutcome: { outcome: 'PARTLY_UPHELD', note: 'More was found on a second search' },
    recordIcoComplaint: { icoReference: 'IC-200' },
    recordIcoDecision: { decision: 'UPHELD', decisionNoticeReference: 'IC-100/DN' },
    correctFoiReceiptDate: { receivedOn: '2026-02-27', reason: 'The letter is date-stamped 27 February' },
    withdrawFoiRequest: { reason: 'The requester no longer needs it' },
    closeFoiRequest: close,
  },
};

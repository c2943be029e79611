import { ukCalendar } from '../../../src/calendar/holidays.js';
import { recordClockEvent } from '../../../src/clocks/clockEvents.js';
import type { SarClockEvent } from '../../../src/clocks/sarClock.js';
import { subjectAccessCaseType } from '../../../src/subjectAccess/caseType.js';
import { newSubjectAccessRequest, type SarRecord } from '../../../src/subjectAccess/model.js';
import type { WorkflowFixture } from './fixture.js';

/**
 * Subject access requests in every state on 2026-03-10 (received Monday 2 March; the first month
 * ends on Thursday 2 April), and a valid input for every action. The state is derived from the
 * closure, the response and the clock's events, so each example is built from those.
 */
const event = (e: SarClockEvent) =>
  recordClockEvent(e, { actor: { kind: 'STAFF', id: 'ira', name: 'ira' }, at: new Date('2026-03-09T12:00:00Z'), reason: null, rule: 'ENGLAND_AND_WALES', calendar: ukCalendar });

const received = newSubjectAccessRequest(
  {
    requester: { name: 'A Person', previousNames: [], dateOfBirth: '1980-05-01', address: '1 High Street', email: 'a@example.com', phone: null },
    agent: null,
    scope: { description: 'My records', dateFrom: null, dateTo: null, knownReferences: [] },
    format: 'ELECTRONIC',
    needs: { language: null, interpreterNeeded: false, accessibility: null },
  },
  { reference: 'SAR-2026-000001', channel: 'WEB', receivedAt: '2026-03-02T10:00:00.000Z', receivedOn: '2026-03-02', identityVerified: false },
);
const with_ = (over: Partial<SarRecord>): SarRecord => ({ ...received, ...over });

const identityRequested = event({ type: 'IDENTITY_REQUESTED', on: '2026-03-03' });
const identityReceived = event({ type: 'IDENTITY_RECEIVED', on: '2026-03-05' });
const clarificationRequested = event({ type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' });
const clarificationReceived = event({ type: 'CLARIFICATION_RECEIVED', on: '2026-03-06' });
const extendedInFull = event({ type: 'EXTENDED', on: '2026-03-07', months: 2, reason: 'Three systems to search' });

const search = { systemsSearched: ['Niche RMS'], dataFound: 'Two logs', recordedOn: '2026-03-06' };
const restriction = { ground: 'AVOID_PREJUDICING_OFFENCES' as const, reason: 'A live investigation' };
const redaction = { description: 'Names of witnesses', reason: 'Rights of others' };
const response = { outcome: 'NOTHING_HELD' as const, reasons: null, respondedOn: '2026-03-09', withinDeadline: true };
const partResponse = { outcome: 'DISCLOSED_IN_PART' as const, reasons: 'Some withheld', respondedOn: '2026-03-09', withinDeadline: true };
const closure = (kind: 'CLOSED' | 'WITHDRAWN') => ({ kind, reason: 'r', on: '2026-03-09', by: 'ira' });

const verified = with_({ identityVerified: true, handler: 'ira' });
const icoComplaint = { receivedOn: '2026-03-09', icoReference: 'IC-123456-A1B2', outcome: null, outcomeNote: null, decidedOn: null };
const icoDecided = { ...icoComplaint, outcome: 'FORCE_COMPLIED' as const, outcomeNote: 'No further action', decidedOn: '2026-03-10' };
// Received Mon 5 Jan 2026 (due Thu 5 Feb); clarification asked on 10 Feb, after the time ran out:
// the deadline stays 5 Feb and the request stays overdue (RULES.md §3).
const receivedInJanuary = { receivedAt: '2026-01-05T10:00:00.000Z', receivedOn: '2026-01-05' };
const lateClarification = event({ type: 'CLARIFICATION_REQUESTED', on: '2026-02-10' });

export const subjectAccessFixture: WorkflowFixture<SarRecord> = {
  caseType: subjectAccessCaseType,
  groups: ['information-rights'],
  now: '2026-03-10T12:00:00Z',
  examples: {
    AWAITING_IDENTITY: [
      with_({ clockEvents: [identityRequested] }),
      with_({ clockEvents: [identityRequested], handler: 'ira', regime: 'DPA_2018_PART_3', restrictions: [restriction], search }),
    ],
    AWAITING_CLARIFICATION: [
      with_({ ...verified, clockEvents: [clarificationRequested] }),
      with_({ identityVerified: true, clockEvents: [identityRequested, identityReceived, event({ type: 'CLARIFICATION_REQUESTED', on: '2026-03-06' })], regime: 'UK_GDPR' }),
      // Asked after the time ran out, with a complaint to the ICO about the delay.
      with_({ ...verified, ...receivedInJanuary, clockEvents: [lateClarification], regime: 'UK_GDPR', icoComplaint }),
    ],
    IN_PROGRESS: [
      // Just arrived: identity unverified, no regime decided (responding is refused by SAR_REGIME_DECIDED).
      received,
      // Identity verified on logging, regime decided and the search recorded: a response can be made.
      with_({ ...verified, regime: 'UK_GDPR', search }),
      // Law enforcement, restricted: restrictions may be recorded, UK GDPR may not be chosen.
      with_({ ...verified, handler: 'another.handler', regime: 'DPA_2018_PART_3', search, restrictions: [restriction], redactions: [redaction] }),
      // Identity proved after asking: the clock started on 5 March; no search yet.
      with_({ identityVerified: true, clockEvents: [identityRequested, identityReceived], regime: 'UK_GDPR' }),
      // Unverified, but clarification came and went and the time is extended in full.
      with_({ clockEvents: [clarificationRequested, clarificationReceived, extendedInFull], regime: 'DPA_2018_PART_3' }),
      // Answered after a late clarification request: still overdue against 5 Feb; the search is recorded.
      with_({
        ...verified,
        ...receivedInJanuary,
        clockEvents: [lateClarification, event({ type: 'CLARIFICATION_RECEIVED', on: '2026-02-20' })],
        regime: 'UK_GDPR',
        search,
      }),
      // Logged from a letter: its day of receipt was typed, so it can be corrected.
      with_({ channel: 'POST' }),
    ],
    RESPONDED: [
      with_({ ...verified, regime: 'UK_GDPR', search, response }),
      with_({ ...verified, regime: 'DPA_2018_PART_3', search, restrictions: [restriction], redactions: [redaction], response: partResponse }),
      // The requester has complained to the ICO; no outcome yet.
      with_({ ...verified, regime: 'UK_GDPR', search, response, icoComplaint }),
    ],
    CLOSED: [with_({ ...verified, regime: 'UK_GDPR', search, response, closure: closure('CLOSED') })],
    WITHDRAWN: [
      with_({ closure: closure('WITHDRAWN') }),
      with_({ clockEvents: [identityRequested], closure: closure('WITHDRAWN'), icoComplaint: icoDecided }),
    ],
  },
  inputs: {
    allocateSubjectAccessRequest: { handler: 'another.handler' },
    requestProofOfIdentity: { on: '2026-03-09', reason: 'Photo ID and proof of address' },
    recordProofOfIdentity: { on: '2026-03-09', reason: 'Passport seen' },
    requestSarClarification: { on: '2026-03-09', reason: 'Which address did you live at?' },
    recordSarClarification: { on: '2026-03-09' },
    extendSubjectAccessRequest: { on: '2026-03-09', months: 1, reason: 'Three systems to search' },
    decideSarRegime: { regime: 'UK_GDPR' },
    recordSarSearch: { systemsSearched: ['Niche RMS', 'Storm'], dataFound: 'Two incident logs', searchedOn: '2026-03-09' },
    recordSarRestrictions: { restrictions: [{ ground: 'PUBLIC_SECURITY', reason: 'Necessary and proportionate' }], redactions: [] },
    respondToSubjectAccessRequest: { outcome: 'NOTHING_HELD' },
    withdrawSubjectAccessRequest: { reason: 'The requester withdrew in writing', on: '2026-03-09' },
    closeSubjectAccessRequest: { reason: 'Responded to; nothing further', on: '2026-03-10' },
    recordSarIcoComplaint: { icoReference: 'IC-654321-C3D4', receivedOn: '2026-03-09' },
    recordSarIcoOutcome: { outcome: 'FORCE_DID_NOT_COMPLY', outcomeNote: 'Respond within 28 days', decidedOn: '2026-03-10' },
    correctSubjectAccessReceiptDate: { receivedOn: '2026-02-27', reason: 'The letter is date-stamped 27 February' },
  },
};

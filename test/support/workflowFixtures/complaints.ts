import { complaintCaseType } from '../../../src/complaints/caseType.js';
import { newComplaint, type AllegationRecord, type ComplaintRecord } from '../../../src/complaints/model.js';
import type { WorkflowFixture } from './fixture.js';

/** Complaints in every state on 2026-03-10 (received 2 March), and a valid input for every action. */
const noFlags = { deathOrSeriousInjury: false, possibleCriminalOffence: false, possibleMisconduct: false, article2or3: false, mandatoryReferral: false };
const allegation: AllegationRecord = { number: 1, category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude', personComplainedAbout: null, flags: noFlags, addedOn: '2026-03-03' };

const received = newComplaint(
  {
    complainant: { name: 'A Person', email: 'a@example.com', phone: null, postalAddress: null, preferredContact: 'EMAIL' },
    onBehalfOf: null,
    needs: { language: null, interpreterNeeded: false, accessibility: null },
    incident: { date: '2026-02-20', time: null, place: 'Here', description: 'What happened' },
    peopleInvolved: [],
    complaintTypes: ['RUDENESS'],
    otherTypeDescription: null,
    desiredOutcome: 'An apology',
    wantsFormalRecording: false,
  },
  'CMP-2026-000001',
  '2026-03-02T10:00:00.000Z',
  '2026-03-02',
);
const contacted = { contacts: [{ contactedOn: '2026-03-03', method: 'PHONE' as const, by: 'sam', summary: 'Called', firstContact: true }], desiredOutcomeConfirmed: true };
const with_ = (over: Partial<ComplaintRecord>): ComplaintRecord => ({ ...received, ...over });
const logged = with_({ status: 'LOGGED', loggedOn: '2026-03-03', handler: 'sam', allegations: [allegation], ...contacted });
const decided = (handling: 'OUTSIDE_SCHEDULE_3' | 'SCHEDULE_3', referredToIopc = false) => ({
  handling,
  route: handling === 'SCHEDULE_3' ? ('OTHERWISE_THAN_BY_INVESTIGATION' as const) : null,
  referredToIopc,
  reason: 'r',
  decidedOn: '2026-03-04',
  decidedBy: 'sam',
  withoutContactReason: null,
});
const referral = (decision: 'LOCAL_INVESTIGATION' | null) => ({
  number: 1,
  referredOn: '2026-03-04',
  criteria: ['VOLUNTARY' as const],
  allegations: [1],
  by: 'sam',
  decision,
  decidedOn: decision ? '2026-03-05' : null,
});
const localResolution = { actionsTaken: [], resolvingOfficer: null, team: null, targetDate: null, complainantResponse: null, resolvedToSatisfaction: null, concludedOn: null };
const underSchedule3 = with_({ ...logged, status: 'SCHEDULE_3', handlingHistory: [decided('SCHEDULE_3')] });
const outcome = (letterDate: string, reviewWindowClosesOn: string) => [
  {
    number: 1,
    summary: 'Not upheld',
    letterContent: null,
    letterDate,
    decidedBy: 'FORCE' as const,
    reviewWindowClosesOn,
    reviewBody: 'LOCAL_POLICING_BODY' as const,
    allegationOutcomes: [],
    withoutContactReason: null,
    recordedBy: 'sam',
    recordedOn: letterDate,
  },
];
const closure = (kind: string) => ({ kind, reason: 'r', on: '2026-03-06', by: 'sam' });

export const complaintFixture: WorkflowFixture<ComplaintRecord> = {
  caseType: complaintCaseType,
  groups: ['professional-standards'],
  now: '2026-03-10T12:00:00Z',
  examples: {
    RECEIVED: [received],
    LOGGED: [
      logged,
      with_({ ...logged, incident: { ...logged.incident, date: '2024-12-01' } }),
      with_({ ...logged, allegations: [{ ...allegation, personComplainedAbout: { name: null, collarNumber: null, role: 'Chief Constable', seniorOfficer: true, chiefOfficer: true, kind: 'OFFICER' } }] }),
    ],
    LOCAL_RESOLUTION: [with_({ ...logged, status: 'LOCAL_RESOLUTION', handlingHistory: [decided('OUTSIDE_SCHEDULE_3')], localResolution })],
    RESOLVED: [with_({ ...logged, status: 'RESOLVED', handlingHistory: [decided('OUTSIDE_SCHEDULE_3')], localResolution: { ...localResolution, resolvedToSatisfaction: true, concludedOn: '2026-03-06' } })],
    SCHEDULE_3: [underSchedule3, with_({ ...underSchedule3, handlingHistory: [decided('SCHEDULE_3', true)], referrals: [referral(null)] })],
    FINALISED: [
      with_({ ...underSchedule3, status: 'FINALISED', outcomes: outcome('2026-03-05', '2026-04-02') }),
      with_({ ...underSchedule3, status: 'FINALISED', receivedAt: '2026-01-02T10:00:00.000Z', receivedOn: '2026-01-02', outcomes: outcome('2026-01-05', '2026-02-02') }),
    ],
    UNDER_REVIEW: [with_({ ...underSchedule3, status: 'UNDER_REVIEW', outcomes: outcome('2026-03-05', '2026-04-02'), reviews: [{ ofOutcome: 1, reviewBody: 'LOCAL_POLICING_BODY', receivedOn: '2026-03-06', recordedBy: 'sam', upheld: null, decidedOn: null, note: null, decisionRecordedBy: null }] })],
    CLOSED: [with_({ ...logged, status: 'CLOSED', closure: closure('CLOSED') })],
    WITHDRAWN: [with_({ ...logged, status: 'WITHDRAWN', closure: closure('WITHDRAWN') })],
    GENERAL_FEEDBACK: [with_({ ...received, status: 'GENERAL_FEEDBACK', closure: closure('GENERAL_FEEDBACK') })],
    TRANSFERRED_TO_LOCAL_POLICING_BODY: [with_({ ...logged, status: 'TRANSFERRED_TO_LOCAL_POLICING_BODY', closure: closure('TRANSFERRED') })],
  },
  inputs: {
    logComplaint: { handler: 'sam', loggedOn: '2026-03-03' },
    allocateComplaint: { handler: 'another.handler' },
    recordComplaintContact: { method: 'PHONE', summary: 'Called the complainant', contactedOn: '2026-03-09' },
    addAllegation: { category: 'OTHER', summary: 'Rude' },
    decideLateComplaint: { proceed: true, reason: 'Good reason for the delay' },
    decideComplaintHandling: { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'Serious' },
    recordIopcDecision: { decision: 'RETURNED_TO_FORCE' },
    referComplaintToIopc: { criteria: ['VOLUNTARY'] },
    recordComplaintAtRequest: { route: 'OTHERWISE_THAN_BY_INVESTIGATION' },
    recordComplainantStanding: { standing: 'DIRECTED_AT', note: 'The officer spoke to them' },
    linkComplaint: { otherReference: 'CMP-2026-000001', reason: 'The same incident' },
    transferComplaintToLocalPolicingBody: { note: 'About the Chief Constable' },
    updateLocalResolution: { team: 'Team A' },
    concludeLocalResolution: { resolvedToSatisfaction: true },
    finaliseComplaint: { outcome: 'Not upheld', outcomeLetterDate: '2026-03-09', allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }] },
    recordReviewRequest: { receivedOn: '2026-03-09' },
    recordReviewOutcome: { upheld: false, note: 'The outcome was reasonable and proportionate' },
    withdrawComplaint: { reason: 'The complainant asked in writing', notice: 'SIGNED_NOTICE', receivedOn: '2026-03-09', iopcNotifiedOn: '2026-03-10', continueInPublicInterest: false },
    closeComplaint: { reason: 'Handling is over' },
  },
};

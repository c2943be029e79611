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
const with_ = (over: Partial<ComplaintRecord>): ComplaintRecord => ({ ...received, ...over });
const logged = with_({ status: 'LOGGED', loggedOn: '2026-03-03', handler: 'sam', allegations: [allegation] });
const decided = (handling: 'OUTSIDE_SCHEDULE_3' | 'SCHEDULE_3', referredToIopc = false) => ({
  handling,
  route: handling === 'SCHEDULE_3' ? ('OTHERWISE_THAN_BY_INVESTIGATION' as const) : null,
  referredToIopc,
  iopcDecision: null,
  reason: 'r',
  decidedOn: '2026-03-04',
  decidedBy: 'sam',
});
const localResolution = { actionsTaken: [], resolvingOfficer: null, team: null, targetDate: null, complainantResponse: null, resolvedToSatisfaction: null, concludedOn: null };
const underSchedule3 = with_({ ...logged, status: 'SCHEDULE_3', handlingHistory: [decided('SCHEDULE_3')] });
const outcome = (letterDate: string, reviewWindowClosesOn: string) => ({ summary: 'Not upheld', letterDate, reviewWindowClosesOn, reviewBody: 'LOCAL_POLICING_BODY' as const });
const closure = (kind: string) => ({ kind, reason: 'r', on: '2026-03-06', by: 'sam' });

export const complaintFixture: WorkflowFixture<ComplaintRecord> = {
  caseType: complaintCaseType,
  groups: ['professional-standards'],
  now: '2026-03-10T12:00:00Z',
  examples: {
    RECEIVED: [received],
    LOGGED: [logged, with_({ ...logged, incident: { ...logged.incident, date: '2024-12-01' } })],
    LOCAL_RESOLUTION: [with_({ ...logged, status: 'LOCAL_RESOLUTION', handlingHistory: [decided('OUTSIDE_SCHEDULE_3')], localResolution })],
    RESOLVED: [with_({ ...logged, status: 'RESOLVED', handlingHistory: [decided('OUTSIDE_SCHEDULE_3')], localResolution: { ...localResolution, resolvedToSatisfaction: true, concludedOn: '2026-03-06' } })],
    SCHEDULE_3: [underSchedule3, with_({ ...underSchedule3, handlingHistory: [decided('SCHEDULE_3', true)] })],
    FINALISED: [
      with_({ ...underSchedule3, status: 'FINALISED', outcome: outcome('2026-03-05', '2026-04-02') }),
      with_({ ...underSchedule3, status: 'FINALISED', receivedAt: '2026-01-02T10:00:00.000Z', receivedOn: '2026-01-02', outcome: outcome('2026-01-05', '2026-02-02') }),
    ],
    UNDER_REVIEW: [with_({ ...underSchedule3, status: 'UNDER_REVIEW', outcome: outcome('2026-03-05', '2026-04-02'), review: { receivedOn: '2026-03-06', upheld: null, decidedOn: null, note: null } })],
    CLOSED: [with_({ ...logged, status: 'CLOSED', closure: closure('CLOSED') })],
    WITHDRAWN: [with_({ ...logged, status: 'WITHDRAWN', closure: closure('WITHDRAWN') })],
  },
  inputs: {
    logComplaint: { handler: 'sam', loggedOn: '2026-03-03' },
    allocateComplaint: { handler: 'another.handler' },
    recordComplaintContact: { method: 'PHONE', summary: 'Called the complainant', contactedOn: '2026-03-09' },
    addAllegation: { category: 'OTHER', summary: 'Rude' },
    decideLateComplaint: { proceed: true, reason: 'Good reason for the delay' },
    decideComplaintHandling: { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'Serious' },
    recordIopcDecision: { decision: 'RETURNED_TO_FORCE' },
    updateLocalResolution: { team: 'Team A' },
    concludeLocalResolution: { resolvedToSatisfaction: true },
    finaliseComplaint: { outcome: 'Not upheld', outcomeLetterDate: '2026-03-09' },
    recordReviewRequest: { receivedOn: '2026-03-09' },
    recordReviewOutcome: { upheld: false, note: 'The outcome was reasonable and proportionate' },
    withdrawComplaint: { reason: 'The complainant asked in writing' },
    closeComplaint: { reason: 'Handling is over' },
  },
};

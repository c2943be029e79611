import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import * as actions from '../../src/complaints/actions.js';
import { newComplaint, type AllegationRecord, type ComplaintRecord } from '../../src/complaints/model.js';
import { complaintQueueEntries } from '../../src/complaints/queues.js';
import { isLate, nextUpdateDueOn, referralRequired, reviewBodyFor, schedule3Reasons } from '../../src/complaints/rules.js';

const noFlags = { deathOrSeriousInjury: false, possibleCriminalOffence: false, possibleMisconduct: false, article2or3: false, mandatoryReferral: false };
const allegation = (over: Partial<AllegationRecord> = {}): AllegationRecord => ({
  number: 1,
  category: 'INDIVIDUAL_BEHAVIOURS',
  summary: 'Rude',
  personComplainedAbout: null,
  flags: noFlags,
  addedOn: '2026-03-03',
  ...over,
});

const complaint = (over: Partial<ComplaintRecord> = {}): ComplaintRecord => ({
  ...newComplaint(
    {
      complainant: { name: 'A', email: 'a@example.com', phone: null, postalAddress: null, preferredContact: 'EMAIL' },
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
  ),
  status: 'LOGGED',
  loggedOn: '2026-03-03',
  handler: 'sam',
  allegations: [allegation()],
  version: 2,
  ...over,
});

const ctx = { today: '2026-03-10', actor: 'sam', calendar: ukCalendar };

describe('when a complaint must be recorded under Schedule 3', () => {
  it('does not need to be for a plain complaint', () => {
    expect(schedule3Reasons(complaint())).toEqual([]);
  });

  it('must be when the complainant asks', () => {
    expect(schedule3Reasons(complaint({ wantsFormalRecording: true }))).toEqual(['The complainant asked for the complaint to be formally recorded.']);
  });

  it.each(Object.keys(noFlags))('must be for an allegation flagged %s', (flag) => {
    const reasons = schedule3Reasons(complaint({ allegations: [allegation({ number: 2, flags: { ...noFlags, [flag]: true } })] }));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^Allegation 2 alleges /);
  });

  it('must be referred for death or serious injury and mandatory referral matters only', () => {
    expect(referralRequired(complaint({ allegations: [allegation({ flags: { ...noFlags, deathOrSeriousInjury: true } })] }))).toBe(true);
    expect(referralRequired(complaint({ allegations: [allegation({ flags: { ...noFlags, mandatoryReferral: true } })] }))).toBe(true);
    expect(referralRequired(complaint({ allegations: [allegation({ flags: { ...noFlags, possibleMisconduct: true } })] }))).toBe(false);
  });
});

describe('review body', () => {
  it('is the local policing body unless the matter is serious, referred or about a senior officer', () => {
    expect(reviewBodyFor(complaint())).toBe('LOCAL_POLICING_BODY');
    expect(reviewBodyFor(complaint({ allegations: [allegation({ personComplainedAbout: { name: null, collarNumber: null, role: 'Chief Superintendent', seniorOfficer: true } })] }))).toBe('IOPC');
    expect(reviewBodyFor(complaint({ handlingHistory: [{ handling: 'SCHEDULE_3', route: 'INVESTIGATION', referredToIopc: true, iopcDecision: 'RETURNED_TO_FORCE', reason: 'x', decidedOn: '2026-03-04', decidedBy: 'sam' }] }))).toBe('IOPC');
  });
});

describe('late complaints', () => {
  it('are those made more than 12 months after the incident', () => {
    expect(isLate(complaint({ incident: { ...complaint().incident, date: '2025-03-02' } }))).toBe(false);
    expect(isLate(complaint({ incident: { ...complaint().incident, date: '2025-03-01' } }))).toBe(true);
  });
});

describe('next update', () => {
  it('is due 10 days after receipt, then a month after the last contact, and not once finalised or closed', () => {
    expect(nextUpdateDueOn(complaint())).toBe('2026-03-12');
    expect(nextUpdateDueOn(complaint({ contacts: [{ contactedOn: '2026-03-05', method: 'PHONE', by: 'sam', summary: 'x', firstContact: true }] }))).toBe('2026-04-05');
    expect(nextUpdateDueOn(complaint({ status: 'FINALISED' }))).toBeNull();
    expect(nextUpdateDueOn(complaint({ status: 'CLOSED' }))).toBeNull();
  });
});

describe('actions refused in the wrong state', () => {
  const cases: Array<[string, () => ReturnType<typeof actions.logComplaint>]> = [
    ['logging twice', () => actions.logComplaint(complaint(), { handler: 'x', loggedOn: '2026-03-04' }, ctx)],
    ['allocating before logging', () => actions.allocateComplaint(complaint({ status: 'RECEIVED' }), { handler: 'x' })],
    ['an allegation before logging', () => actions.addAllegation(complaint({ status: 'RECEIVED' }), { category: 'OTHER', summary: 's', personComplainedAbout: null, flags: noFlags }, ctx)],
    ['handling with no allegations', () => actions.decideHandling(complaint({ allegations: [] }), { handling: 'OUTSIDE_SCHEDULE_3', route: null, referredToIopc: false, reason: 'r' }, ctx)],
    ['a late decision on a timely complaint', () => actions.decideLateComplaint(complaint(), { proceed: true, reason: 'r' }, ctx)],
    ['an IOPC decision with no referral', () => actions.recordIopcDecision(complaint({ status: 'SCHEDULE_3' }), { decision: 'LOCAL_INVESTIGATION' })],
    ['finalising a logged complaint', () => actions.finaliseComplaint(complaint(), { outcome: 'o', outcomeLetterDate: '2026-03-05' }, ctx)],
    ['a review of an unfinalised complaint', () => actions.recordReviewRequest(complaint({ status: 'SCHEDULE_3' }), { receivedOn: '2026-03-05' }, ctx)],
    ['a review outcome with no review', () => actions.recordReviewOutcome(complaint({ status: 'FINALISED' }), { upheld: true, note: 'n' }, ctx)],
    ['withdrawing a closed complaint', () => actions.withdrawComplaint(complaint({ status: 'CLOSED' }), { reason: 'r' }, ctx)],
    ['closing a complaint still being handled', () => actions.closeComplaint(complaint({ status: 'SCHEDULE_3' }), { reason: 'r' }, ctx)],
    ['updating local resolution under Schedule 3', () => actions.updateLocalResolution(complaint({ status: 'SCHEDULE_3' }), { team: 't' }, ctx)],
  ];
  it.each(cases)('refuses %s, saying why', (_, run) => {
    const out = run();
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.userErrors[0]!.code).toMatch(/NOT_ALLOWED_IN_STATE|INVALID/);
      expect(out.userErrors[0]!.message.length).toBeGreaterThan(20);
    }
  });

  it('refuses dates in the future or before receipt', () => {
    const future = actions.logComplaint(complaint({ status: 'RECEIVED' }), { handler: 'x', loggedOn: '2026-03-11' }, ctx);
    const early = actions.logComplaint(complaint({ status: 'RECEIVED' }), { handler: 'x', loggedOn: '2026-03-01' }, ctx);
    expect([future.ok, early.ok]).toEqual([false, false]);
  });

  it('counts working days from receipt to logging in England and Wales', () => {
    const out = actions.logComplaint(complaint({ status: 'RECEIVED', receivedOn: '2026-03-13' }), { handler: 'x', loggedOn: '2026-03-17' }, { ...ctx, today: '2026-03-20' });
    // Fri 13 → Tue 17 March: Mon 16, Tue 17 (St Patrick's Day is a working day in England).
    expect(out.ok && out.value.stats).toEqual([{ day: '2026-03-17', add: { logged: 1, workingDaysToLog: 2 } }]);
  });
});

describe('queues', () => {
  it('follow the complaint’s state', () => {
    const names = (c: ComplaintRecord) => complaintQueueEntries(c).map((e) => e.queue).sort();
    expect(names(complaint({ status: 'RECEIVED', handler: null, allegations: [] }))).toEqual([
      'COMPLAINT#AWAITING_FIRST_CONTACT',
      'COMPLAINT#LAST_CONTACT',
      'COMPLAINT#RECEIVED',
      'COMPLAINT#STATUS#RECEIVED',
      'COMPLAINT#UNALLOCATED',
    ]);
    expect(names(complaint({ status: 'CLOSED' }))).toEqual(['COMPLAINT#CATEGORY#INDIVIDUAL_BEHAVIOURS', 'COMPLAINT#RECEIVED', 'COMPLAINT#STATUS#CLOSED']);
  });
});

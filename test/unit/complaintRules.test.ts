import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { refusalsOf, type ActionContext } from '../../src/cases/workflow.js';
import * as actions from '../../src/complaints/actions.js';
import { complaintWorkflow, type ComplaintAction } from '../../src/complaints/workflow.js';
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

const referral = (decision: 'RETURNED_TO_FORCE' | 'INDEPENDENT_INVESTIGATION' | null, allegations = [1]) => ({
  number: 1,
  referredOn: '2026-03-04',
  criteria: ['VOLUNTARY' as const],
  allegations,
  by: 'sam',
  decision,
  decidedOn: decision ? '2026-03-05' : null,
});
const outcome = (letterDate: string, closes: string | null) => ({
  number: 1,
  summary: 'o',
  letterContent: null,
  letterDate,
  decidedBy: 'FORCE' as const,
  reviewWindowClosesOn: closes,
  reviewBody: closes ? ('LOCAL_POLICING_BODY' as const) : null,
  allegationOutcomes: [],
  withoutContactReason: null,
  recordedBy: 'sam',
  recordedOn: letterDate,
});

const ctx: ActionContext = { today: '2026-03-10', now: new Date('2026-03-10T12:00:00Z'), actor: { kind: 'STAFF', id: 'sam', name: 'sam' }, by: 'sam', calendar: ukCalendar };

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
    expect(reviewBodyFor(complaint({ allegations: [allegation({ personComplainedAbout: { name: null, collarNumber: null, role: 'Chief Superintendent', seniorOfficer: true, chiefOfficer: false, kind: 'OFFICER' } })] }))).toBe('IOPC');
    expect(reviewBodyFor(complaint({ referrals: [referral('RETURNED_TO_FORCE')] }))).toBe('IOPC');
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

describe('actions refused by the workflow table, each naming the rule', () => {
  const cases: Array<[string, ComplaintAction, ComplaintRecord, string]> = [
    ['logging twice', 'logComplaint', complaint(), 'WORKFLOW_STATE'],
    ['allocating before logging', 'allocateComplaint', complaint({ status: 'RECEIVED' }), 'COMPLAINT_LOGGED_BEFORE_ALLOCATION'],
    ['an allegation before logging', 'addAllegation', complaint({ status: 'RECEIVED' }), 'WORKFLOW_STATE'],
    ['handling with no allegations', 'decideComplaintHandling', complaint({ allegations: [] }), 'COMPLAINT_HAS_ALLEGATION'],
    ['a late decision on a timely complaint', 'decideLateComplaint', complaint(), 'COMPLAINT_LATE_DECISION_APPLIES'],
    ['an IOPC decision with no referral', 'recordIopcDecision', complaint({ status: 'SCHEDULE_3' }), 'COMPLAINT_REFERRAL_AWAITING_DECISION'],
    ['finalising a logged complaint', 'finaliseComplaint', complaint(), 'WORKFLOW_STATE'],
    ['a review of an unfinalised complaint', 'recordReviewRequest', complaint({ status: 'SCHEDULE_3' }), 'WORKFLOW_STATE'],
    ['a review outcome with no review', 'recordReviewOutcome', complaint({ status: 'FINALISED' }), 'WORKFLOW_STATE'],
    ['withdrawing a closed complaint', 'withdrawComplaint', complaint({ status: 'CLOSED' }), 'WORKFLOW_STATE'],
    ['closing a complaint still being handled', 'closeComplaint', complaint({ status: 'SCHEDULE_3' }), 'WORKFLOW_STATE'],
    ['updating local resolution under Schedule 3', 'updateLocalResolution', complaint({ status: 'SCHEDULE_3' }), 'WORKFLOW_STATE'],
  ];
  it.each(cases)('refuses %s, saying why', (_, action, record, rule) => {
    const refusals = refusalsOf(complaintWorkflow, action, record, ctx, 'complaint');
    expect(refusals[0]?.rule).toBe(rule);
    expect(refusals[0]!.message.length).toBeGreaterThan(20);
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
      'COMPLAINT#FIRST_REPLY_DUE',
      'COMPLAINT#NEXT_UPDATE_DUE',
      'COMPLAINT#RECEIVED',
      'COMPLAINT#STATUS#RECEIVED',
      'COMPLAINT#UNALLOCATED',
    ]);
    expect(names(complaint({ status: 'CLOSED' }))).toEqual(['COMPLAINT#CATEGORY#INDIVIDUAL_BEHAVIOURS', 'COMPLAINT#RECEIVED', 'COMPLAINT#STATUS#CLOSED']);
  });
});

describe('the named rules at their boundaries', () => {
  const on = (today: string): ActionContext => ({ ...ctx, today, now: new Date(`${today}T12:00:00Z`) });
  const finalised = (letterDate: string, closes: string) => complaint({ status: 'FINALISED', outcomes: [outcome(letterDate, closes)] });
  const rule = (action: ComplaintAction, record: ComplaintRecord, day: string) => refusalsOf(complaintWorkflow, action, record, on(day), 'complaint')[0]?.rule ?? null;

  it('closing a finalised complaint waits for the last day of the review window to pass (letter 1 Apr, window to 29 Apr)', () => {
    const c = finalised('2026-04-01', '2026-04-29');
    expect(rule('closeComplaint', c, '2026-04-28')).toBe('COMPLAINT_REVIEW_WINDOW_CLOSED');
    expect(rule('closeComplaint', c, '2026-04-29')).toBe('COMPLAINT_REVIEW_WINDOW_CLOSED');
    expect(rule('closeComplaint', c, '2026-04-30')).toBeNull();
  });

  it('an application for review arriving on the last day is in time; the day after is not', () => {
    const c = finalised('2026-04-01', '2026-04-29');
    const apply = (receivedOn: string) => actions.recordReviewRequest(c, { receivedOn }, on('2026-05-05'));
    expect(apply('2026-04-28').ok).toBe(true);
    expect(apply('2026-04-29').ok).toBe(true);
    const late = apply('2026-04-30');
    expect(!late.ok && late.userErrors[0]!.rule).toBe('COMPLAINT_REVIEW_IN_TIME');
  });

  it('a lateness decision is needed only for a complaint made more than 12 months after the incident, and once', () => {
    // Incident 20 Feb 2025: received 20 Feb 2026 is within 12 months; 21 Feb 2026 is late.
    const at = (receivedOn: string, over: Partial<ComplaintRecord> = {}) =>
      complaint({ incident: { ...complaint().incident, date: '2025-02-20' }, receivedOn, ...over });
    expect(rule('decideLateComplaint', at('2026-02-19'), '2026-03-10')).toBe('COMPLAINT_LATE_DECISION_APPLIES');
    expect(rule('decideLateComplaint', at('2026-02-20'), '2026-03-10')).toBe('COMPLAINT_LATE_DECISION_APPLIES');
    expect(rule('decideLateComplaint', at('2026-02-21'), '2026-03-10')).toBeNull();
    expect(rule('decideComplaintHandling', at('2026-02-21'), '2026-03-10')).toBe('COMPLAINT_LATENESS_DECIDED');
    const decided = at('2026-02-21', { lateDecision: { proceed: true, reason: 'r', decidedOn: '2026-03-05', decidedBy: 'sam', withoutContactReason: null } });
    expect(rule('decideLateComplaint', decided, '2026-03-10')).toBe('COMPLAINT_LATE_DECISION_APPLIES');
    expect(rule('decideComplaintHandling', decided, '2026-03-10')).toBeNull();
  });

  it('finalising waits for the IOPC’s decision on a referral, and the IOPC’s decision is recorded once', () => {
    const waiting = complaint({ status: 'SCHEDULE_3', referrals: [referral(null)] });
    const decided = complaint({ status: 'SCHEDULE_3', referrals: [referral('RETURNED_TO_FORCE')] });
    expect(rule('finaliseComplaint', waiting, '2026-03-10')).toBe('COMPLAINT_REFERRAL_DECIDED');
    expect(rule('finaliseComplaint', decided, '2026-03-10')).toBeNull();
    expect(rule('recordIopcDecision', waiting, '2026-03-10')).toBeNull();
    expect(rule('recordIopcDecision', decided, '2026-03-10')).toBe('COMPLAINT_REFERRAL_AWAITING_DECISION');
  });

  it('local resolution stops as soon as an allegation must be recorded under Schedule 3', () => {
    const local = complaint({ status: 'LOCAL_RESOLUTION' });
    expect(rule('updateLocalResolution', local, '2026-03-10')).toBeNull();
    const serious = complaint({ status: 'LOCAL_RESOLUTION', allegations: [allegation({ flags: { ...noFlags, possibleMisconduct: true } })] });
    expect(rule('updateLocalResolution', serious, '2026-03-10')).toBe('COMPLAINT_MUST_BE_RECORDED');
    expect(rule('concludeLocalResolution', serious, '2026-03-10')).toBe('COMPLAINT_MUST_BE_RECORDED');
  });
});

describe('session 5 review: links both ways, referral while one awaits, who decided, allegation outcomes', () => {
  const today = ctx;
  const mandatory = allegation({ flags: { ...noFlags, mandatoryReferral: true } });
  const decidedAs = (number: number, decision: 'RETURNED_TO_FORCE' | 'INDEPENDENT_INVESTIGATION' | null, allegations: number[]) => ({ ...referral(decision, allegations), number });

  it('keeps the other complaint’s link in step: added when missing, changed when the facts change, left alone otherwise', () => {
    const b = complaint({ reference: 'CMP-2026-000002', version: 7 });
    const link = { reference: b.reference, reason: 'Same incident', by: 'sam', linkedOn: '2026-03-04', iopcReviewable: false, mustBeReferred: false, mustBeReferredSince: null };
    const a = complaint({ linkedComplaints: [link] });
    // A gains a mandatory allegation: B gets a link back, from today.
    const change = actions.keepLinksInStep(a, { set: { allegations: [mandatory] }, stats: [], action: 'ALLEGATION_ADDED' }, [b], today);
    expect(change.alsoChange).toEqual([
      {
        record: b,
        set: { linkedComplaints: [{ reference: a.reference, reason: 'Same incident', by: 'sam', linkedOn: '2026-03-04', iopcReviewable: true, mustBeReferred: true, mustBeReferredSince: '2026-03-10' }] },
        action: 'LINKED',
      },
    ]);
    // Nothing changed on either side: nothing more written.
    const inStep = { ...b, linkedComplaints: [{ ...link, reference: a.reference }] };
    expect(actions.keepLinksInStep(a, { set: {}, stats: [], action: 'CONTACT_RECORDED' }, [inStep], today).alsoChange).toBeUndefined();
  });

  it('a new referral matter may be referred while an earlier referral awaits a decision; nothing new, not', () => {
    const rule = (c: ComplaintRecord) => refusalsOf(complaintWorkflow, 'referComplaintToIopc', c, today, 'complaint')[0]?.rule ?? null;
    const awaiting = complaint({ status: 'SCHEDULE_3', allegations: [mandatory], referrals: [referral(null)] });
    expect(rule(awaiting)).toBe('COMPLAINT_ONE_REFERRAL_AT_A_TIME');
    expect(rule({ ...awaiting, allegations: [mandatory, { ...mandatory, number: 2 }] })).toBeNull();
  });

  it('who decided is per allegation: no review only when the IOPC investigated every allegation', () => {
    const two = [allegation(), allegation({ number: 2 })];
    const mixed = complaint({ allegations: two, referrals: [decidedAs(1, 'INDEPENDENT_INVESTIGATION', [1]), decidedAs(2, 'RETURNED_TO_FORCE', [2])] });
    expect(reviewBodyFor(mixed)).toBe('IOPC');
    const reversed = complaint({ allegations: two, referrals: [decidedAs(1, 'RETURNED_TO_FORCE', [1]), decidedAs(2, 'INDEPENDENT_INVESTIGATION', [2])] });
    expect(reviewBodyFor(reversed)).toBe('IOPC');
    const all = complaint({ allegations: two, referrals: [decidedAs(1, 'INDEPENDENT_INVESTIGATION', [1, 2])] });
    expect(reviewBodyFor(all)).toBeNull();
    // Referred again and returned: the force decides it after all.
    expect(reviewBodyFor({ ...all, referrals: [...all.referrals, decidedAs(2, 'RETURNED_TO_FORCE', [2])] })).toBe('IOPC');
  });
});

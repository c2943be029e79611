import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subjectAccessCaseType } from '../../src/subjectAccess/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Issue 11's subject access findings, each through the real Lambda handler and DynamoDB Local: a
 * test per finding that failed before the fix. Received Monday 2 March 2026 unless said: the first
 * month ends on Thursday 2 April.
 */
const FIELDS = `reference status receivedOn regime version
  clock { state startedOn pausedDays firstMonthEndsOn dueOn extensionMonths daysRemaining overdue lateRequestOn }
  search { recordedOn } restrictions { ground } redactions { description }
  response { outcome respondedOn withinDeadline } closure { kind on }
  icoComplaint { receivedOn icoReference outcome outcomeNote decidedOn }
  criminalRecordWarning { service organisation url matched explanation }
  auditTrail { action }`;

const SUBMIT = `mutation($input: SubmitSubjectAccessRequestInput!) { submitSubjectAccessRequest(input: $input) {
  receipt { reference trackingCode } signpost { organisation url explanation } userErrors { field message code } } }`;
const LOG = `mutation($input: LogSubjectAccessRequestInput!) { logSubjectAccessRequest(input: $input) {
  receipt { reference trackingCode } criminalRecordWarning { service matched } userErrors { field message code } } }`;
const READ = `query($reference: String!) { subjectAccessRequest(reference: $reference) { ${FIELDS} } }`;
const TRACK = `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { status receivedOn dueOn } }`;
const QUEUE = `query($input: SubjectAccessQueueInput!) { subjectAccessQueue(input: $input) { edges { node { reference receivedOn receivedAt dueOn } } } }`;
const STATS = `query($input: SubjectAccessStatisticsInput!) { subjectAccessStatistics(input: $input) {
  completed completedWithinDeadline shareCompletedWithinDeadline completedWithinOneMonth shareCompletedWithinOneMonth completedWithinExtension icoComplaints } }`;

let app: TestApp;
let ip = 0;
const ir = () => app.token('information-rights', 'ira.rights');

const form = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  requester: { name: 'Sam Findings', dateOfBirth: '1975-02-03', address: '2 Low Street, Birmingham B2 2BB' },
  scope: { description: `Everything about my 101 calls (${newKey()})` },
  format: 'ELECTRONIC',
  ...over,
});
async function submit(over: Record<string, unknown> = {}) {
  return (await app.gql(SUBMIT, { input: form(over) }, { ip: `198.19.1.${++ip % 250}` })).body.data!.submitSubjectAccessRequest;
}
async function log(over: Record<string, unknown> = {}) {
  const res = await app.gql(LOG, { input: { ...form(), channel: 'POST', identityVerified: true, ...over } }, { token: ir() });
  return res.body.data!.logSubjectAccessRequest;
}
const { read, ok, refused } = caseHelpers(() => app, {
  read: READ,
  readField: 'subjectAccessRequest',
  payloadField: 'subjectAccessRequest',
  fields: FIELDS,
  caseType: subjectAccessCaseType,
  token: () => ir(),
});
const queueRows = async (input: Record<string, unknown>) =>
  (await app.gql(QUEUE, { input }, { token: ir() })).body.data!.subjectAccessQueue.edges.map((e: { node: Record<string, unknown> }) => e.node) as Array<Record<string, unknown>>;
const stats = async (from: string, to: string) => (await app.gql(STATS, { input: { from, to } }, { token: ir() })).body.data!.subjectAccessStatistics;

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-03-02T10:00:00Z'));

describe('finding 4: a late request for ID or clarification does not revive the time limit', () => {
  it.each([
    ['the day before the due date (1 Apr): paused 16 days, due Mon 20 Apr, answered in time', '2026-04-01', { dueOn: '2026-04-20', overdue: false, lateRequestOn: null }, true],
    ['on the due date (2 Apr): still in time, paused 15 days, due Fri 17 Apr', '2026-04-02', { dueOn: '2026-04-17', overdue: false, lateRequestOn: null }, true],
    ['the day after the due date (3 Apr): the deadline stays 2 Apr, overdue, answered late', '2026-04-03', { dueOn: '2026-04-02', overdue: true, lateRequestOn: '2026-04-03' }, false],
  ])('clarification asked %s', async (_, askedOn, clockAfterAnswer, inTime) => {
    const ref = (await submit()).receipt.reference;
    app.setNow(`${askedOn}T10:00:00Z`);
    const paused = await ok('requestSarClarification', ref, { reason: 'Which phone number did you call from?' });
    expect(paused.status).toBe('AWAITING_CLARIFICATION');
    if (!inTime) expect(paused.clock).toMatchObject({ dueOn: '2026-04-02', overdue: true });
    app.setNow('2026-04-16T10:00:00Z');
    const answered = await ok('recordSarClarification', ref, {});
    expect(answered.clock).toMatchObject(clockAfterAnswer);
    if (!inTime) expect((await queueRows({ queue: 'OVERDUE' })).map((r) => r.reference)).toContain(ref);
    await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
    await ok('recordSarSearch', ref, { systemsSearched: ['Storm'], dataFound: 'Three call logs' });
    const responded = await ok('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_FULL' });
    expect(responded.response.withinDeadline).toBe(inTime);
  });

  it('keeps a request whose proof of identity was asked for after the due date overdue, and its response late in the statistics', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    app.setNow('2026-03-02T10:00:00Z');
    try {
      const ref = (await submit()).receipt.reference;
      app.setNow('2026-04-03T10:00:00Z');
      const asked = await ok('requestProofOfIdentity', ref, { reason: 'Photo ID' });
      expect(asked).toMatchObject({ status: 'AWAITING_IDENTITY', clock: { state: 'AWAITING_IDENTITY', dueOn: '2026-04-02', overdue: true, lateRequestOn: '2026-04-03' } });
      expect((await queueRows({ queue: 'OVERDUE' })).map((r) => r.reference)).toEqual([ref]);
      app.setNow('2026-04-10T10:00:00Z');
      // Before the fix the clock restarted on 10 Apr: due 11 May, and the response counted as in time.
      const proved = await ok('recordProofOfIdentity', ref, {});
      expect(proved.clock).toMatchObject({ startedOn: '2026-03-02', dueOn: '2026-04-02', overdue: true });
      await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
      await ok('recordSarSearch', ref, { systemsSearched: ['Niche RMS'], dataFound: 'Nothing' });
      app.setNow('2026-04-20T10:00:00Z');
      expect((await ok('respondToSubjectAccessRequest', ref, { outcome: 'NOTHING_HELD' })).response.withinDeadline).toBe(false);
      expect(await stats('2026-04-01', '2026-04-30')).toMatchObject({ completed: 1, completedWithinDeadline: 0, completedWithinOneMonth: 0, shareCompletedWithinDeadline: 0 });
    } finally {
      app = shared;
    }
  });
});

describe('finding 5: the clarification pause excludes both the day asked and the day received', () => {
  it('asked 5 Mar, received 12 Mar: 8 days paused, due Fri 10 Apr (was 9 Apr)', async () => {
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-03-05T10:00:00Z');
    await ok('requestSarClarification', ref, { reason: 'Which address?' });
    app.setNow('2026-03-12T10:00:00Z');
    const r = await ok('recordSarClarification', ref, {});
    expect(r.clock).toMatchObject({ state: 'RUNNING', pausedDays: 8, dueOn: '2026-04-10', daysRemaining: 29 });
  });
});

describe('finding 6: tracking and queue rows show the statutory day of receipt', () => {
  it('a letter received on 20 Feb and logged on 2 Mar shows 20 Feb, not 2 Mar', async () => {
    const { receipt } = await log({ receivedOn: '2026-02-20' });
    const tracked = (await app.gql(TRACK, { r: receipt.reference, c: receipt.trackingCode })).body.data!.trackCase;
    expect(tracked).toMatchObject({ receivedOn: '2026-02-20', dueOn: '2026-03-20' });
    const row = (await queueRows({ queue: 'UNALLOCATED' })).find((r) => r.reference === receipt.reference);
    expect(row).toMatchObject({ receivedOn: '2026-02-20', receivedAt: expect.stringMatching(/^2026-03-02T/) });
  });
});

describe('finding 9: SAR steps take the day they happened', () => {
  it('back-dates a search, a withdrawal and a closure entered late; refuses the future and dates before the event they follow', async () => {
    const ref = (await submit()).receipt.reference;
    const other = (await submit()).receipt.reference;
    app.setNow('2026-03-20T10:00:00Z');
    await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
    await refused('recordSarSearch', ref, { systemsSearched: ['Niche'], dataFound: 'x', searchedOn: '2026-03-01' }, /before the request arrived \(2026-03-02\)/, 'SAR_DATE_IN_ORDER');
    await refused('recordSarSearch', ref, { systemsSearched: ['Niche'], dataFound: 'x', searchedOn: '2026-03-21' }, /future/, 'SAR_DATE_IN_ORDER');
    expect((await ok('recordSarSearch', ref, { systemsSearched: ['Niche'], dataFound: 'x', searchedOn: '2026-03-10' })).search.recordedOn).toBe('2026-03-10');
    await refused('respondToSubjectAccessRequest', ref, { outcome: 'NOTHING_HELD', respondedOn: '2026-03-09' }, /before the search \(2026-03-10\)/, 'SAR_DATE_IN_ORDER');
    await ok('respondToSubjectAccessRequest', ref, { outcome: 'NOTHING_HELD', respondedOn: '2026-03-12' });
    await refused('closeSubjectAccessRequest', ref, { reason: 'Done', on: '2026-03-11' }, /before the response \(2026-03-12\)/, 'SAR_DATE_IN_ORDER');
    expect((await ok('closeSubjectAccessRequest', ref, { reason: 'Done', on: '2026-03-13' })).closure).toEqual({ kind: 'CLOSED', on: '2026-03-13' });

    await refused('withdrawSubjectAccessRequest', other, { reason: 'Letter', on: '2026-03-01' }, /before the request arrived/, 'SAR_DATE_IN_ORDER');
    expect((await ok('withdrawSubjectAccessRequest', other, { reason: 'Letter of 5 March', on: '2026-03-05' })).closure).toEqual({ kind: 'WITHDRAWN', on: '2026-03-05' });
  });
});

describe('finding 10: no full disclosure while restrictions or redactions are recorded', () => {
  it('refuses DISCLOSED_IN_FULL by SAR_FULL_DISCLOSURE_UNRESTRICTED, and allows it once they are removed', async () => {
    const ref = (await submit()).receipt.reference;
    await ok('decideSarRegime', ref, { regime: 'DPA_2018_PART_3' });
    await ok('recordSarSearch', ref, { systemsSearched: ['Niche RMS'], dataFound: 'Crime report' });
    await ok('recordSarRestrictions', ref, { restrictions: [{ ground: 'AVOID_PREJUDICING_OFFENCES', reason: 'Suspect not yet interviewed' }], redactions: [] });
    const error = await refused('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_FULL' }, /partial disclosure/, 'SAR_FULL_DISCLOSURE_UNRESTRICTED');
    expect(error.field).toEqual(['input', 'outcome']);
    await ok('recordSarRestrictions', ref, { restrictions: [], redactions: [{ description: 'A witness’s name', reason: 'Rights of others' }] });
    await refused('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_FULL' }, /0 restriction\(s\) and 1 redaction\(s\)/, 'SAR_FULL_DISCLOSURE_UNRESTRICTED');
    await ok('recordSarRestrictions', ref, { restrictions: [], redactions: [] });
    expect((await ok('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_FULL' })).response.outcome).toBe('DISCLOSED_IN_FULL');
  });
});

describe('statistics: within one month, and within a notified extension', () => {
  it('counts each response once in time, split by one month and extension', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    app.setNow('2026-03-02T10:00:00Z');
    try {
      // A: answered 31 Mar, within one month. B: extended by one month on 20 Mar (due Tue 5 May),
      // answered 28 Apr: within the extension. C: answered 8 Apr with no extension: late.
      const [a, b, c] = [(await submit()).receipt.reference, (await submit()).receipt.reference, (await submit()).receipt.reference];
      for (const ref of [a, b, c]) {
        await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
        await ok('recordSarSearch', ref, { systemsSearched: ['Niche RMS'], dataFound: 'See bundle' });
      }
      app.setNow('2026-03-20T10:00:00Z');
      await ok('extendSubjectAccessRequest', b, { months: 1, reason: 'Three systems' });
      app.setNow('2026-04-28T10:00:00Z');
      await ok('respondToSubjectAccessRequest', a, { outcome: 'NOTHING_HELD', respondedOn: '2026-03-31' });
      await ok('respondToSubjectAccessRequest', b, { outcome: 'NOTHING_HELD' });
      await ok('respondToSubjectAccessRequest', c, { outcome: 'NOTHING_HELD', respondedOn: '2026-04-08' });
      expect(await stats('2026-03-01', '2026-04-30')).toEqual({
        completed: 3,
        completedWithinDeadline: 2,
        shareCompletedWithinDeadline: 0.667,
        completedWithinOneMonth: 1,
        shareCompletedWithinOneMonth: 0.333,
        completedWithinExtension: 1,
        icoComplaints: 0,
      });
    } finally {
      app = shared;
    }
  });
});

describe('the requester’s complaint to the ICO', () => {
  it('is recorded at any stage with its dates, once, and its outcome once', async () => {
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-04-10T10:00:00Z');
    // Overdue and unanswered: the requester complains to the ICO about the delay.
    await refused('recordSarIcoOutcome', ref, { outcome: 'FORCE_COMPLIED' }, /No complaint to the ICO/, 'SAR_ICO_COMPLAINT_UNDECIDED');
    await refused('recordSarIcoComplaint', ref, { icoReference: 'IC-1', receivedOn: '2026-03-01' }, /before the request arrived/, 'SAR_DATE_IN_ORDER');
    let r = await ok('recordSarIcoComplaint', ref, { icoReference: 'IC-424242-Z9Y8', receivedOn: '2026-04-08' });
    expect(r.icoComplaint).toEqual({ receivedOn: '2026-04-08', icoReference: 'IC-424242-Z9Y8', outcome: null, outcomeNote: null, decidedOn: null });
    await refused('recordSarIcoComplaint', ref, { icoReference: 'IC-2' }, /already recorded/, 'SAR_ONE_ICO_COMPLAINT');
    await refused('recordSarIcoOutcome', ref, { outcome: 'FORCE_DID_NOT_COMPLY', decidedOn: '2026-04-07' }, /before the complaint to the ICO \(2026-04-08\)/, 'SAR_DATE_IN_ORDER');
    r = await ok('recordSarIcoOutcome', ref, { outcome: 'FORCE_DID_NOT_COMPLY', outcomeNote: 'Respond within 10 days', decidedOn: '2026-04-09' });
    expect(r.icoComplaint).toMatchObject({ outcome: 'FORCE_DID_NOT_COMPLY', decidedOn: '2026-04-09' });
    await refused('recordSarIcoOutcome', ref, { outcome: 'FORCE_COMPLIED' }, /already recorded/, 'SAR_ICO_COMPLAINT_UNDECIDED');
    expect(r.auditTrail.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['ICO_COMPLAINT_RECORDED', 'ICO_OUTCOME_RECORDED']));
    expect((await stats('2026-04-01', '2026-04-30')).icoComplaints).toBeGreaterThanOrEqual(1);
  });
});

describe('the ACRO check', () => {
  it('signposts "my previous convictions" from the public form to ACRO subject access, and a visa certificate to police certificates', async () => {
    const pnc = await submit({ scope: { description: 'Please send me my previous convictions' } });
    expect(pnc).toMatchObject({ receipt: null, signpost: { url: 'https://www.acro.police.uk/subject-access' } });
    const visa = await submit({ scope: { description: 'I need a police certificate for my visa to Canada' } });
    expect(visa).toMatchObject({ receipt: null, signpost: { url: 'https://www.acro.police.uk/police-certificates' } });
  });

  it('warns staff on a logged request, without refusing it; an ordinary request carries no warning', async () => {
    const { receipt, userErrors, criminalRecordWarning } = await log({ receivedOn: '2026-02-27', scope: { description: 'Letter asking for my previous convictions and my 999 call recordings' } });
    expect(userErrors).toEqual([]);
    // Told at once, in what logging returns, and on the record after.
    expect(criminalRecordWarning).toEqual({ service: 'SUBJECT_ACCESS_PNC', matched: 'my previous convictions' });
    expect((await read(receipt.reference)).criminalRecordWarning).toMatchObject({
      service: 'SUBJECT_ACCESS_PNC',
      organisation: 'ACRO Criminal Records Office',
      matched: 'my previous convictions',
      url: 'https://www.acro.police.uk/subject-access',
    });
    const logged = await log({ receivedOn: '2026-02-27' });
    expect(logged.criminalRecordWarning).toBeNull();
    expect((await read(logged.receipt.reference)).criminalRecordWarning).toBeNull();
  });
});

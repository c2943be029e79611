import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subjectAccessCaseType } from '../../src/subjectAccess/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Session 5's information-rights clock findings, through the real Lambda handler and DynamoDB
 * Local: each test failed before its fix. Subject access requests here were received on Saturday
 * 31 January 2026: the month ends on Saturday 28 February, so the deadline is Monday 2 March.
 */
const SAR_FIELDS = `reference status version
  clock { state startedOn pausedDays firstMonthEndsOn dueOn overdue lateRequestOn }
  response { respondedOn withinDeadline }`;
const SAR_LOG = `mutation($input: LogSubjectAccessRequestInput!) { logSubjectAccessRequest(input: $input) {
  receipt { reference trackingCode } userErrors { field message code } } }`;
const SAR_READ = `query($reference: String!) { subjectAccessRequest(reference: $reference) { ${SAR_FIELDS} } }`;
const TRACK = `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { status statusDescription dueOn } }`;

let app: TestApp;
const ir = () => app.token('information-rights', 'ira.rights');

async function logSar(receivedOn = '2026-01-31', identityVerified = true) {
  const input = {
    idempotencyKey: newKey(),
    requester: { name: 'Sam Clock', dateOfBirth: '1975-02-03', address: '2 Low Street, Birmingham B2 2BB' },
    scope: { description: `Everything about my 101 calls (${newKey()})` },
    format: 'ELECTRONIC',
    channel: 'POST',
    identityVerified,
    receivedOn,
  };
  const res = await app.gql(SAR_LOG, { input }, { token: ir() });
  expect(res.body.data!.logSubjectAccessRequest.userErrors).toEqual([]);
  return res.body.data!.logSubjectAccessRequest.receipt as { reference: string; trackingCode: string };
}
const sar = caseHelpers(() => app, {
  read: SAR_READ,
  readField: 'subjectAccessRequest',
  payloadField: 'subjectAccessRequest',
  fields: SAR_FIELDS,
  caseType: subjectAccessCaseType,
  token: () => ir(),
});
const track = async (receipt: { reference: string; trackingCode: string }) =>
  (await app.gql(TRACK, { r: receipt.reference, c: receipt.trackingCode })).body.data!.trackCase;

async function respondSar(reference: string, respondedOn: string) {
  await sar.ok('decideSarRegime', reference, { regime: 'UK_GDPR' });
  await sar.ok('recordSarSearch', reference, { systemsSearched: ['Storm'], dataFound: 'Three call logs', searchedOn: respondedOn });
  return (await sar.ok('respondToSubjectAccessRequest', reference, { outcome: 'DISCLOSED_IN_FULL', respondedOn })).response;
}

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-04-20T10:00:00Z'));

describe('finding 1: a SAR clarification asked on the rolled-over deadline day never leaves a deadline before the answer', () => {
  it.each([
    ['Sun 1 Mar, the day before the due date: 1–5 Mar paused, the 2 days left run again: due Mon 9 Mar', '2026-03-01', 5, '2026-03-09'],
    ['Mon 2 Mar, the due date itself: 2–5 Mar paused, the day left runs again: due Fri 6 Mar (was Wed 4 Mar)', '2026-03-02', 4, '2026-03-06'],
  ])('asked %s', async (_, askedOn, pausedDays, dueOn) => {
    const { reference } = await logSar();
    const asked = await sar.ok('requestSarClarification', reference, { reason: 'Which phone number did you call from?', on: askedOn });
    expect(asked.clock).toMatchObject({ state: 'PAUSED', lateRequestOn: null });
    const answered = await sar.ok('recordSarClarification', reference, { on: '2026-03-05' });
    expect(answered.clock).toMatchObject({ state: 'RUNNING', pausedDays, dueOn, firstMonthEndsOn: dueOn, lateRequestOn: null });
    expect(await respondSar(reference, '2026-03-06')).toMatchObject({ withinDeadline: true });
  });

  it('asked Tue 3 Mar, the day after the due date: too late, due stays Mon 2 Mar and a response on 6 Mar is late', async () => {
    const { reference } = await logSar();
    const asked = await sar.ok('requestSarClarification', reference, { reason: 'Which phone number did you call from?', on: '2026-03-03' });
    expect(asked.clock).toMatchObject({ dueOn: '2026-03-02', lateRequestOn: '2026-03-03' });
    const answered = await sar.ok('recordSarClarification', reference, { on: '2026-03-05' });
    expect(answered.clock).toMatchObject({ pausedDays: 0, dueOn: '2026-03-02', overdue: true });
    expect(await respondSar(reference, '2026-03-06')).toMatchObject({ withinDeadline: false });
  });
});

describe('finding 2: tracking promises a paused clock only when ID or clarification was asked in time', () => {
  it.each([
    ['clarification, on the due date (2 Mar): paused, no date shown', 'requestSarClarification', '2026-03-02', 'AWAITING_INFORMATION', null, 'the time limit is paused until it arrives'],
    ['clarification, the day after (3 Mar): the missed date shown, late', 'requestSarClarification', '2026-03-03', 'AWAITING_INFORMATION', '2026-03-02', 'Our reply was due by the date shown and is late'],
    ['proof of identity, on the due date (2 Mar): waiting to start, no date shown', 'requestProofOfIdentity', '2026-03-02', 'AWAITING_IDENTITY', null, 'before we can start'],
    ['proof of identity, the day after (3 Mar): the missed date shown, late', 'requestProofOfIdentity', '2026-03-03', 'AWAITING_IDENTITY', '2026-03-02', 'Our reply was due by the date shown and is late'],
  ])('asked for %s', async (_, action, on, status, dueOn, words) => {
    const receipt = await logSar('2026-01-31', action !== 'requestProofOfIdentity');
    await sar.ok(action, receipt.reference, { reason: 'Which phone number did you call from?', on });
    const tracked = await track(receipt);
    expect(tracked).toMatchObject({ status, dueOn });
    expect(tracked.statusDescription).toContain(words);
    if (dueOn) expect(tracked.statusDescription).not.toMatch(/paused|before we can start/);
  });
});

describe('finding 3: proof of identity asked for on the due date starts the clock on proof (RULES.md §3); after it, the deadline stands', () => {
  it.each([
    ['Sun 1 Mar, the day before the due date: the clock starts on proof (20 Mar), due Mon 20 Apr', '2026-03-01', { startedOn: '2026-03-20', dueOn: '2026-04-20', lateRequestOn: null }, true],
    ['Mon 2 Mar, the due date itself: still in time, the clock starts on proof, due Mon 20 Apr', '2026-03-02', { startedOn: '2026-03-20', dueOn: '2026-04-20', lateRequestOn: null }, true],
    ['Tue 3 Mar, the day after the due date: the deadline stays Mon 2 Mar, and the response is late', '2026-03-03', { startedOn: '2026-01-31', dueOn: '2026-03-02', lateRequestOn: '2026-03-03' }, false],
  ])('asked %s', async (_, on, clock, inTime) => {
    const { reference } = await logSar('2026-01-31', false);
    const asked = await sar.ok('requestProofOfIdentity', reference, { reason: 'Photo ID', on });
    expect(asked.clock.dueOn).toBe(inTime ? null : '2026-03-02');
    const proved = await sar.ok('recordProofOfIdentity', reference, { on: '2026-03-20' });
    expect(proved.clock).toMatchObject(clock);
    expect(await respondSar(reference, '2026-04-15')).toMatchObject({ withinDeadline: inTime });
  });

  it('refuses proof of identity asked for once anything else has happened on the clock, by SAR_CLOCK_IDENTITY_REQUEST', async () => {
    const { reference } = await logSar('2026-01-31', false);
    await sar.ok('requestSarClarification', reference, { reason: 'Which phone number did you call from?', on: '2026-02-10' });
    await sar.ok('recordSarClarification', reference, { on: '2026-02-11' });
    const refusal = await sar.refused('requestProofOfIdentity', reference, { reason: 'Photo ID', on: '2026-02-12' }, /before anything else happens on the clock/, 'SAR_CLOCK_IDENTITY_REQUEST');
    expect(refusal.code).toBe('NOT_ALLOWED_IN_STATE');
  });
});

import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataProtectionCaseType } from '../../src/dataProtection/caseType.js';
import { foiCaseType } from '../../src/foi/caseType.js';
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

const DPC_FIELDS = `reference status version acknowledgement { acknowledgedOn } outcome { sentOn } icoComplaint { complainedOn basis }`;
const DPC_SUBMIT = `mutation($input: SubmitDataProtectionComplaintInput!) { submitDataProtectionComplaint(input: $input) {
  receipt { reference trackingCode } userErrors { field message code } } }`;
const DPC_READ = `query($reference: String!) { dataProtectionComplaint(reference: $reference) { ${DPC_FIELDS} } }`;

const FOI_FIELDS = `reference status version clock { state dueOn feeDueBy }`;
const FOI_LOG = `mutation($input: LogFoiRequestInput!) { logFoiRequest(input: $input) { receipt { reference trackingCode } userErrors { field message code } } }`;
const FOI_READ = `query($reference: String!) { foiRequest(reference: $reference) { ${FOI_FIELDS} } }`;

let app: TestApp;
let ip = 0;
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

const dpc = caseHelpers(() => app, {
  read: DPC_READ,
  readField: 'dataProtectionComplaint',
  payloadField: 'dataProtectionComplaint',
  fields: DPC_FIELDS,
  caseType: dataProtectionCaseType,
  token: () => ir(),
});
/** A data-protection complaint received on Wed 1 July 2026: acknowledge by 30 July; no outcome is unduly delayed until after 1 October. */
async function submitDpc() {
  app.setNow('2026-07-01T10:00:00Z');
  const input = {
    idempotencyKey: newKey(),
    complainant: { name: 'Dana Clock', email: 'dana.clock@example.com', preferredContact: 'EMAIL' },
    whatHappened: `My address was sent to the wrong person (${newKey()}).`,
    desiredOutcome: 'An explanation',
  };
  const res = await app.gql(DPC_SUBMIT, { input }, { ip: `198.18.7.${++ip % 250}` });
  expect(res.body.data!.submitDataProtectionComplaint.userErrors).toEqual([]);
  return res.body.data!.submitDataProtectionComplaint.receipt.reference as string;
}

const foi = caseHelpers(() => app, {
  read: FOI_READ,
  readField: 'foiRequest',
  payloadField: 'foiRequest',
  fields: FOI_FIELDS,
  caseType: foiCaseType,
  token: () => ir(),
});
/** An FOI request received on Mon 2 March 2026: due Tue 31 March (St Patrick's Day is not a working day). */
async function logFoi() {
  const input = {
    idempotencyKey: newKey(),
    channel: 'POST',
    receivedOn: '2026-03-02',
    requester: { name: 'Sam Asker', email: 'sam.asker@example.com' },
    description: `How many speed cameras did the force operate in Birmingham in 2025? (${newKey()})`,
    format: 'ELECTRONIC_COPY',
  };
  const res = await app.gql(FOI_LOG, { input }, { token: ir() });
  expect(res.body.data!.logFoiRequest.userErrors).toEqual([]);
  return res.body.data!.logFoiRequest.receipt as { reference: string; trackingCode: string };
}

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

describe('finding 4: a complaint to the ICO is judged on the day the complainant went to the ICO', () => {
  const refusedOn = async (reference: string, complainedOn: string) => {
    const e = await dpc.refused('recordDataProtectionIcoComplaint', reference, { icoReference: 'IC-1', complainedOn }, new RegExp(`On ${complainedOn} `), 'DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY');
    expect(e).toMatchObject({ code: 'INVALID', field: ['input', 'complainedOn'] });
  };

  it.each([
    ['2 Jul, the day after receipt: refused', '2026-07-02', null],
    ['30 Jul, the last day to acknowledge: refused', '2026-07-30', null],
    ['31 Jul, the acknowledgement overdue: undue delay', '2026-07-31', 'UNDUE_DELAY'],
  ])('never acknowledged, recorded on 15 Aug, dated %s', async (_, complainedOn, basis) => {
    const reference = await submitDpc();
    app.setNow('2026-08-15T10:00:00Z');
    if (basis) expect((await dpc.ok('recordDataProtectionIcoComplaint', reference, { icoReference: 'IC-1', complainedOn })).icoComplaint).toEqual({ complainedOn, basis });
    else await refusedOn(reference, complainedOn);
  });

  it('acknowledged late (5 Aug): a complaint dated 1 Aug, while the acknowledgement was overdue, is recorded; one dated 5 Aug is refused', async () => {
    const reference = await submitDpc();
    app.setNow('2026-08-15T10:00:00Z');
    await dpc.ok('acknowledgeDataProtectionComplaint', reference, { acknowledgedOn: '2026-08-05' });
    await refusedOn(reference, '2026-08-05');
    expect((await dpc.ok('recordDataProtectionIcoComplaint', reference, { icoReference: 'IC-1', complainedOn: '2026-08-01' })).icoComplaint).toEqual({ complainedOn: '2026-08-01', basis: 'UNDUE_DELAY' });
  });

  it.each([
    ['9 Aug, the day before the outcome: refused', '2026-08-09', null],
    ['10 Aug, the day of the outcome: after the outcome', '2026-08-10', 'AFTER_OUTCOME'],
    ['11 Aug, the day after: after the outcome', '2026-08-11', 'AFTER_OUTCOME'],
  ])('acknowledged 5 Jul, outcome sent 10 Aug, dated %s', async (_, complainedOn, basis) => {
    const reference = await submitDpc();
    app.setNow('2026-08-20T10:00:00Z');
    await dpc.ok('acknowledgeDataProtectionComplaint', reference, { acknowledgedOn: '2026-07-05' });
    await dpc.ok('recordDataProtectionOutcome', reference, { kind: 'NOT_UPHELD', summary: 'Sent to the right address', sentOn: '2026-08-10' });
    if (basis) expect((await dpc.ok('recordDataProtectionIcoComplaint', reference, { icoReference: 'IC-1', complainedOn })).icoComplaint).toEqual({ complainedOn, basis });
    else await refusedOn(reference, complainedOn);
  });

  it('an outcome sent 11 Nov and a complaint to the ICO dated 10 Nov: undue delay (over 3 months), not after the outcome', async () => {
    const reference = await submitDpc();
    app.setNow('2026-11-20T10:00:00Z');
    await dpc.ok('acknowledgeDataProtectionComplaint', reference, { acknowledgedOn: '2026-07-05' });
    await dpc.ok('recordDataProtectionOutcome', reference, { kind: 'NOT_UPHELD', summary: 'Sent to the right address', sentOn: '2026-11-11' });
    expect((await dpc.ok('recordDataProtectionIcoComplaint', reference, { icoReference: 'IC-1', complainedOn: '2026-11-10' })).icoComplaint).toEqual({ complainedOn: '2026-11-10', basis: 'UNDUE_DELAY' });
  });
});

describe('finding 5: a fees notice given on the last day of a month runs to the last day of the third month (s.9(2))', () => {
  it.each([
    ['29 Jun, the day before the last day', '2026-06-29', true],
    ['30 Jun, the last day of the 3 months (refused before the fix)', '2026-06-30', true],
    ['1 Jul, lapsed', '2026-07-01', false],
  ])('notice on Tue 31 Mar (day 20), fee paid %s', async (_, paidOn, inTime) => {
    const { reference } = await logFoi();
    app.setNow('2026-03-31T10:00:00Z');
    const notice = await foi.ok('issueFeesNotice', reference, { reason: 'Photocopying: £12.40' });
    expect(notice.clock).toMatchObject({ state: 'AWAITING_FEE', feeDueBy: '2026-06-30' });
    app.setNow(`${paidOn}T10:00:00Z`);
    if (inTime) expect((await foi.ok('recordFeeReceived', reference, {})).clock.state).toBe('RUNNING');
    else {
      const e = await foi.refused('recordFeeReceived', reference, {}, /^The fee was due by 2026-06-30: the request has lapsed\.$/, 'FOI_CLOCK_NOT_ALLOWED_IN_STATE');
      expect(e).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE', field: ['input', 'on'] });
    }
  });
});

describe('queue filters by handler', () => {
  it('refuse a user name over 100 characters in plain words, in every team’s queue; 100 is accepted', async () => {
    const token = app.token('information-rights', 'fay.foi');
    const queues = [
      ['foiQueue', 'FoiQueueInput', 'BY_HANDLER'],
      ['subjectAccessQueue', 'SubjectAccessQueueInput', 'BY_HANDLER'],
      ['dataProtectionComplaintQueue', 'DataProtectionComplaintQueueInput', 'OPEN_BY_HANDLER'],
    ] as const;
    for (const [field, type, queue] of queues) {
      const ask = (handler: string) => app.gql(`query($input: ${type}!) { ${field}(input: $input) { edges { node { reference } } } }`, { input: { queue, handler } }, { token });
      const long = await ask('h'.repeat(101));
      expect(long.body.errors?.[0]?.extensions?.userErrors, field).toEqual([expect.objectContaining({ field: ['input', 'handler'], message: 'A user name can be at most 100 characters.', code: 'TOO_LONG' })]);
      expect((await ask('h'.repeat(100))).body.errors, field).toBeUndefined();
    }
  });
});

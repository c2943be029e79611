import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataProtectionCaseType } from '../../src/dataProtection/caseType.js';
import { foiCaseType } from '../../src/foi/caseType.js';
import { subjectAccessCaseType } from '../../src/subjectAccess/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Issue 11, finding 3: staff logging merged separate requests. Through the real Lambda handler
 * and DynamoDB Local, for every case type staff log (FOI, subject access, data-protection
 * complaints): each request logged is its own case with its own day of receipt, channel and
 * identity flag; never rate-limited; idempotent by its key only; a possible duplicate is a warning
 * naming the other reference. And the audited correction of a mistyped day of receipt, which moves
 * every clock, due date, queue row and the day the case is counted as received.
 */
let app: TestApp;
const ir = () => app.token('information-rights', 'ira.rights');

const FOI_LOG = `mutation($input: LogFoiRequestInput!) { logFoiRequest(input: $input) {
  receipt { reference trackingCode receivedAt duplicateOfEarlierSubmission } possibleDuplicateOf userErrors { field message code rule } } }`;
const FOI_SUBMIT = `mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) {
  receipt { reference duplicateOfEarlierSubmission } userErrors { field message code } } }`;
const SAR_LOG = `mutation($input: LogSubjectAccessRequestInput!) { logSubjectAccessRequest(input: $input) {
  receipt { reference trackingCode } possibleDuplicateOf userErrors { field message code rule } } }`;
const DPC_LOG = `mutation($input: LogDataProtectionComplaintInput!) { logDataProtectionComplaint(input: $input) {
  receipt { reference trackingCode } possibleDuplicateOf userErrors { field message code rule } } }`;

const CORRECTIONS = 'receiptCorrections { from to reason correctedBy correctedOn } auditTrail { action actor { kind name } fields version }';
const FOI_FIELDS = `reference status channel receivedOn version clock { dueOn } ${CORRECTIONS}`;
const SAR_FIELDS = `reference status channel receivedOn identityVerified version clock { dueOn } ${CORRECTIONS}`;
const DPC_FIELDS = `reference status channel receivedOn acknowledgementDueOn acknowledgement { acknowledgedOn withinTime } version ${CORRECTIONS}`;

const foi = caseHelpers(() => app, {
  read: `query($reference: String!) { foiRequest(reference: $reference) { ${FOI_FIELDS} } }`,
  readField: 'foiRequest',
  payloadField: 'foiRequest',
  fields: FOI_FIELDS,
  caseType: foiCaseType,
  token: () => ir(),
});
const sar = caseHelpers(() => app, {
  read: `query($reference: String!) { subjectAccessRequest(reference: $reference) { ${SAR_FIELDS} } }`,
  readField: 'subjectAccessRequest',
  payloadField: 'subjectAccessRequest',
  fields: SAR_FIELDS,
  caseType: subjectAccessCaseType,
  token: () => ir(),
});
const dpc = caseHelpers(() => app, {
  read: `query($reference: String!) { dataProtectionComplaint(reference: $reference) { ${DPC_FIELDS} } }`,
  readField: 'dataProtectionComplaint',
  payloadField: 'dataProtectionComplaint',
  fields: DPC_FIELDS,
  caseType: dataProtectionCaseType,
  token: () => ir(),
});

const foiLetter = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  channel: 'POST',
  receivedOn: '2026-02-26',
  requester: { name: 'Pat Letterwriter', postalAddress: '4 Canal Street, Dudley DY1 1AA' },
  description: 'How many officers were assigned to neighbourhood policing in Dudley in 2025?',
  format: 'PAPER_COPY',
  ...over,
});
const sarLetter = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  channel: 'POST',
  receivedOn: '2026-02-26',
  identityVerified: true,
  requester: { name: 'Robin Postal', dateOfBirth: '1975-02-03', address: '9 Mill Lane, Walsall WS1 1AA' },
  scope: { description: 'Everything you hold about me from my 2024 report of criminal damage' },
  format: 'PAPER',
  ...over,
});
const dpcLetter = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  channel: 'POST',
  receivedOn: '2026-07-01',
  complainant: { name: 'Lee Writer', postalAddress: '2 Station Road, Walsall', preferredContact: 'POST' },
  whatHappened: 'A letter about my case was sent to my old address and opened by the new owner.',
  ...over,
});

async function log(mutation: string, field: string, input: Record<string, unknown>) {
  const res = await app.gql(mutation, { input }, { token: ir() });
  expect(res.body.errors).toBeUndefined();
  return res.body.data![field] as {
    receipt: { reference: string; trackingCode: string | null; receivedAt?: string; duplicateOfEarlierSubmission?: boolean } | null;
    possibleDuplicateOf: string[];
    userErrors: Array<{ field: string[] | null; message: string; code: string; rule: string | null }>;
  };
}
const logFoi = (over: Record<string, unknown> = {}) => log(FOI_LOG, 'logFoiRequest', foiLetter(over));

async function foiStats(day: string) {
  const res = await app.gql(`query($input: FoiStatisticsInput!) { foiStatistics(input: $input) { received } }`, { input: { from: day, to: day } }, { token: ir() });
  return res.body.data!.foiStatistics.received as number;
}
async function foiQueueRow(reference: string) {
  const res = await app.gql(`query { foiQueue(input: { queue: UNALLOCATED }, first: 100) { edges { node { reference dueOn receivedAt } } } }`, {}, { token: ir() });
  return res.body.data!.foiQueue.edges.map((e: { node: unknown }) => e.node).find((n: { reference: string }) => n.reference === reference);
}

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-03-02T10:00:00Z'));

describe('staff logging is never merged (issue 11, finding 3)', () => {
  it('FOI: the same name and description logged twice are two requests, each with its own day of receipt and channel; the second warns of the first', async () => {
    const first = await logFoi({ channel: 'POST', receivedOn: '2026-02-24' });
    const second = await logFoi({ channel: 'EMAIL', receivedOn: '2026-02-27' });
    expect(first.userErrors).toEqual([]);
    expect(second.userErrors).toEqual([]);
    expect(second.receipt!.reference).not.toBe(first.receipt!.reference);
    expect(second.receipt!.duplicateOfEarlierSubmission).toBe(false);
    expect(second.receipt!.trackingCode).toBeTruthy();
    expect(first.possibleDuplicateOf).toEqual([]);
    expect(second.possibleDuplicateOf).toEqual([first.receipt!.reference]);
    expect(await foi.read(first.receipt!.reference)).toMatchObject({ channel: 'POST', receivedOn: '2026-02-24' });
    expect(await foi.read(second.receipt!.reference)).toMatchObject({ channel: 'EMAIL', receivedOn: '2026-02-27' });

    // Written differently (case, spacing), still possibly the same: both earlier ones are named, newest first.
    const third = await logFoi({ requester: { name: '  pat   LETTERWRITER ', postalAddress: '4 Canal Street, Dudley' }, receivedOn: '2026-02-28' });
    expect(third.possibleDuplicateOf).toEqual([second.receipt!.reference, first.receipt!.reference]);
  });

  it('FOI: a request first made on the website and then logged from a letter warns of the website one', async () => {
    const description = 'What did the force spend on overtime for football matches in the 2024/25 season?';
    const web = await app.gql(
      FOI_SUBMIT,
      { input: { idempotencyKey: newKey(), requester: { name: 'Jo Webfirst', email: 'jo@example.com' }, description, format: 'ELECTRONIC_COPY' } },
      { ip: '198.18.77.1' },
    );
    const webReference = web.body.data!.submitFoiRequest.receipt.reference;
    const logged = await logFoi({ requester: { name: 'Jo Webfirst', postalAddress: '1 High St, Walsall' }, description });
    expect(logged.receipt!.reference).not.toBe(webReference);
    expect(logged.possibleDuplicateOf).toEqual([webReference]);
  });

  it('FOI: a public form from the same source minutes later is still merged (the public rule is unchanged)', async () => {
    const input = { requester: { name: 'Max Twice', email: 'max@example.com' }, description: 'How many speed cameras are there in Solihull?', format: 'ELECTRONIC_COPY' };
    const a = await app.gql(FOI_SUBMIT, { input: { ...input, idempotencyKey: newKey() } }, { ip: '198.18.77.2' });
    const b = await app.gql(FOI_SUBMIT, { input: { ...input, idempotencyKey: newKey() } }, { ip: '198.18.77.2' });
    expect(b.body.data!.submitFoiRequest.receipt).toEqual({ reference: a.body.data!.submitFoiRequest.receipt.reference, duplicateOfEarlierSubmission: true });
  });

  it('subject access: the same person and request logged twice are two requests, each with its own day, channel and identity flag', async () => {
    const first = await log(SAR_LOG, 'logSubjectAccessRequest', sarLetter({ channel: 'POST', receivedOn: '2026-02-23', identityVerified: true }));
    const second = await log(SAR_LOG, 'logSubjectAccessRequest', sarLetter({ channel: 'IN_PERSON', receivedOn: '2026-02-25', identityVerified: false }));
    expect([first.userErrors, second.userErrors]).toEqual([[], []]);
    expect(second.receipt!.reference).not.toBe(first.receipt!.reference);
    expect(second.possibleDuplicateOf).toEqual([first.receipt!.reference]);
    expect(await sar.read(first.receipt!.reference)).toMatchObject({ channel: 'POST', receivedOn: '2026-02-23', identityVerified: true });
    expect(await sar.read(second.receipt!.reference)).toMatchObject({ channel: 'IN_PERSON', receivedOn: '2026-02-25', identityVerified: false, status: 'IN_PROGRESS' });
  });

  it('data-protection complaints: the same complaint logged on two days is two complaints; the second warns of the first', async () => {
    app.setNow('2026-07-06T10:00:00Z');
    const first = await log(DPC_LOG, 'logDataProtectionComplaint', dpcLetter({ receivedOn: '2026-07-01', channel: 'POST' }));
    const second = await log(DPC_LOG, 'logDataProtectionComplaint', dpcLetter({ receivedOn: '2026-07-03', channel: 'EMAIL' }));
    expect([first.userErrors, second.userErrors]).toEqual([[], []]);
    expect(second.receipt!.reference).not.toBe(first.receipt!.reference);
    expect(second.possibleDuplicateOf).toEqual([first.receipt!.reference]);
    expect(await dpc.read(first.receipt!.reference)).toMatchObject({ channel: 'POST', receivedOn: '2026-07-01', acknowledgementDueOn: '2026-07-30' });
    expect(await dpc.read(second.receipt!.reference)).toMatchObject({ channel: 'EMAIL', receivedOn: '2026-07-03', acknowledgementDueOn: '2026-08-01' });
  });

  it('is never rate-limited: the 21st postal request logged in 10 minutes is stored', async () => {
    const references: string[] = [];
    for (let i = 1; i <= 21; i++) {
      app.setNow(new Date(Date.parse('2026-03-02T11:00:00Z') + i * 20_000));
      const out = await logFoi({ description: `Postal request number ${i}: the force's spending on body-worn video in 2025.`, requester: { name: `Writer ${i}`, postalAddress: '1 High St, Walsall' } });
      expect(out.userErrors, `request ${i}`).toEqual([]);
      references.push(out.receipt!.reference);
    }
    expect(new Set(references).size).toBe(21);
    expect(await foi.read(references[20]!)).toMatchObject({ reference: references[20], channel: 'POST' });
  });

  it('is idempotent by its key only: a retry gets the same answer, warning included; the key with other input is refused', async () => {
    const original = await logFoi({ description: 'How many Taser discharges were there in 2025?' });
    const input = foiLetter({ description: 'How many Taser discharges were there in 2025?', receivedOn: '2026-02-27' });
    const once = await log(FOI_LOG, 'logFoiRequest', input);
    const again = await log(FOI_LOG, 'logFoiRequest', input);
    expect(once.possibleDuplicateOf).toEqual([original.receipt!.reference]);
    expect(again).toEqual(once);
    const reused = await log(FOI_LOG, 'logFoiRequest', { ...input, receivedOn: '2026-02-26' });
    expect(reused.receipt).toBeNull();
    expect(reused.userErrors).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })]);
  });
});

describe('correcting a mistyped day of receipt (issue 11, finding 3)', () => {
  it('FOI: moves the due date, the queue row and the day the request is counted as received, with an audit entry', async () => {
    const { receipt } = await logFoi({ receivedOn: '2026-02-13', description: 'How many drones does the force operate?' });
    const reference = receipt!.reference;
    expect(await foi.read(reference)).toMatchObject({ receivedOn: '2026-02-13', clock: { dueOn: '2026-03-13' } });
    const before = { on13: await foiStats('2026-02-13'), on12: await foiStats('2026-02-12') };
    expect(before.on13).toBeGreaterThanOrEqual(1);

    const corrected = await foi.ok('correctFoiReceiptDate', reference, { receivedOn: '2026-02-12', reason: 'The letter is date-stamped 12 February; 13 was mistyped' });
    expect(corrected).toMatchObject({
      receivedOn: '2026-02-12',
      clock: { dueOn: '2026-03-12' },
      receiptCorrections: [{ from: '2026-02-13', to: '2026-02-12', reason: 'The letter is date-stamped 12 February; 13 was mistyped', correctedBy: 'ira.rights', correctedOn: '2026-03-02' }],
    });
    const audited = (r: { auditTrail: Array<{ action: string }> }) => r.auditTrail.filter((e) => e.action === 'RECEIPT_DATE_CORRECTED');
    expect(audited(corrected)).toEqual([{
      action: 'RECEIPT_DATE_CORRECTED',
      actor: { kind: 'STAFF', name: 'ira.rights' },
      fields: expect.arrayContaining(['receivedOn', 'receiptCorrections']),
      version: 2,
    }]);
    expect(await foiQueueRow(reference)).toMatchObject({ dueOn: '2026-03-12' });
    expect(await foiStats('2026-02-13')).toBe(before.on13 - 1);
    expect(await foiStats('2026-02-12')).toBe(before.on12 + 1);
  });

  it('subject access: the month runs from the corrected day', async () => {
    const { receipt } = await log(SAR_LOG, 'logSubjectAccessRequest', sarLetter({ receivedOn: '2026-02-10', scope: { description: 'My custody record from February' } }));
    const reference = receipt!.reference;
    expect(await sar.read(reference)).toMatchObject({ clock: { dueOn: '2026-03-10' } });
    const corrected = await sar.ok('correctSubjectAccessReceiptDate', reference, { receivedOn: '2026-02-09', reason: 'Received at the front counter on the 9th' });
    expect(corrected).toMatchObject({ receivedOn: '2026-02-09', clock: { dueOn: '2026-03-09' } });
    expect(corrected.auditTrail).toContainEqual(expect.objectContaining({ action: 'RECEIPT_DATE_CORRECTED', fields: expect.arrayContaining(['receivedOn']) }));
    const stats = async (day: string) =>
      (await app.gql(`query($input: SubjectAccessStatisticsInput!) { subjectAccessStatistics(input: $input) { received } }`, { input: { from: day, to: day } }, { token: ir() }))
        .body.data!.subjectAccessStatistics.received;
    expect([await stats('2026-02-10'), await stats('2026-02-09')]).toEqual([0, 1]);
  });

  it('data-protection complaints: the 30 days to acknowledge run from the corrected day, and an acknowledgement is judged and counted again', async () => {
    app.setNow('2026-07-31T10:00:00Z');
    const { receipt } = await log(DPC_LOG, 'logDataProtectionComplaint', dpcLetter({ receivedOn: '2026-07-05', whatHappened: 'My medical details were read out at the front counter.' }));
    const reference = receipt!.reference;
    await dpc.ok('acknowledgeDataProtectionComplaint', reference, { acknowledgedOn: '2026-07-31' });
    const stats = async () =>
      (
        await app.gql(
          `query($input: DataProtectionComplaintStatisticsInput!) { dataProtectionComplaintStatistics(input: $input) { received acknowledged acknowledgedWithin30Days } }`,
          { input: { from: '2026-06-19', to: '2026-07-31' } },
          { token: ir() },
        )
      ).body.data!.dataProtectionComplaintStatistics;
    const before = await stats();
    expect(await dpc.read(reference)).toMatchObject({ acknowledgementDueOn: '2026-08-03', acknowledgement: { withinTime: true } });

    const corrected = await dpc.ok('correctDataProtectionComplaintReceiptDate', reference, { receivedOn: '2026-06-30', reason: 'The email arrived on 30 June' });
    expect(corrected).toMatchObject({ receivedOn: '2026-06-30', acknowledgementDueOn: '2026-07-29', acknowledgement: { acknowledgedOn: '2026-07-31', withinTime: false } });
    expect(await stats()).toEqual({ ...before, acknowledgedWithin30Days: before.acknowledgedWithin30Days - 1 });
  });

  it('refuses, each by its rule: a future day, no reason, the same day, a day after logging or after the clock moved, a website request, after the response', async () => {
    const { receipt } = await logFoi({ receivedOn: '2026-02-25', description: 'How many police horses does the force keep?' });
    const reference = receipt!.reference;
    const future = await foi.refused('correctFoiReceiptDate', reference, { receivedOn: '2026-03-03', reason: 'Typo' }, /future/, 'RECEIPT_DATE_NOT_IN_FUTURE');
    expect(future).toMatchObject({ code: 'INVALID', field: ['input', 'receivedOn'] });
    const noReason = await foi.refused('correctFoiReceiptDate', reference, { receivedOn: '2026-02-24', reason: '   ' }, /why/, 'RECEIPT_CORRECTION_REASON');
    expect(noReason).toMatchObject({ code: 'REQUIRED', field: ['input', 'reason'] });
    await foi.refused('correctFoiReceiptDate', reference, { receivedOn: '2026-02-25', reason: 'Typo' }, /already 2026-02-25/, 'RECEIPT_DATE_CHANGED');

    // A reason left out altogether is refused by the schema before anything runs.
    const omitted = await app.gql(
      `mutation($input: CorrectReceiptDateInput!) { correctFoiReceiptDate(input: $input) { userErrors { code } } }`,
      { input: { reference, expectedVersion: 1, receivedOn: '2026-02-24' } },
      { token: ir() },
    );
    expect(omitted.body.errors![0]!.message).toMatch(/reason/);

    // Once the clock has moved (clarification asked on 27 February), not after that.
    await foi.ok('requestFoiClarification', reference, { on: '2026-02-27', reason: 'Which years?' });
    await foi.refused('correctFoiReceiptDate', reference, { receivedOn: '2026-03-01', reason: 'Typo' }, /after the clarification requested event recorded on the clock \(2026-02-27\)/, 'RECEIPT_DATE_BEFORE_RECORDED_EVENTS');
    await foi.ok('correctFoiReceiptDate', reference, { receivedOn: '2026-02-27', reason: 'Delivered on the day clarification was asked' });

    // Logged on 2 March: the day of receipt cannot be after that, even once 2 March has passed.
    app.setNow('2026-03-04T10:00:00Z');
    await foi.refused('correctFoiReceiptDate', reference, { receivedOn: '2026-03-03', reason: 'Typo' }, /after the day the case was logged \(2026-03-02\)/, 'RECEIPT_DATE_NOT_AFTER_LOGGING');
    await foi.ok('correctFoiReceiptDate', reference, { receivedOn: '2026-02-26', reason: 'Stamped 26 February after all' });
    expect((await foi.read(reference)).receiptCorrections.map((c: { to: string }) => c.to)).toEqual(['2026-02-27', '2026-02-26']);

    // A website request's day of receipt was never typed.
    const web = await app.gql(
      FOI_SUBMIT,
      { input: { idempotencyKey: newKey(), requester: { name: 'Web Asker', email: 'web@example.com' }, description: 'How many PCSOs are there?', format: 'ELECTRONIC_COPY' } },
      { ip: '198.18.77.3' },
    );
    const refusal = await foi.refused('correctFoiReceiptDate', web.body.data!.submitFoiRequest.receipt.reference, { receivedOn: '2026-03-01', reason: 'Typo' }, /website/, 'RECEIPT_DATE_TYPED_BY_STAFF');
    expect(refusal.code).toBe('NOT_ALLOWED_IN_STATE');

    // After the response the day of receipt has been judged against: it stays.
    const answered = (await logFoi({ receivedOn: '2026-02-20', description: 'How many police dogs does the force keep?' })).receipt!.reference;
    await foi.ok('respondToFoiRequest', answered, { outcome: 'NOT_HELD', summary: 'Not held', respondedOn: '2026-03-04' });
    await foi.refused('correctFoiReceiptDate', answered, { receivedOn: '2026-02-19', reason: 'Typo' }, /not possible while the FOI request is already answered/, 'WORKFLOW_STATE');
  });

  it('data-protection complaints: not before the duty began, nor after the acknowledgement', async () => {
    app.setNow('2026-07-10T10:00:00Z');
    const { receipt } = await log(DPC_LOG, 'logDataProtectionComplaint', dpcLetter({ receivedOn: '2026-06-20', whatHappened: 'My neighbour was told about my arrest by an officer.' }));
    const reference = receipt!.reference;
    await dpc.refused('correctDataProtectionComplaintReceiptDate', reference, { receivedOn: '2026-06-18', reason: 'Typo' }, /2026-06-19/, 'RECEIPT_DATE_NOT_TOO_EARLY');
    await dpc.ok('correctDataProtectionComplaintReceiptDate', reference, { receivedOn: '2026-06-19', reason: 'Stamped 19 June' });
    await dpc.ok('acknowledgeDataProtectionComplaint', reference, { acknowledgedOn: '2026-06-22' });
    await dpc.refused('correctDataProtectionComplaintReceiptDate', reference, { receivedOn: '2026-06-23', reason: 'Typo' }, /after the acknowledgement \(2026-06-22\)/, 'RECEIPT_DATE_BEFORE_RECORDED_EVENTS');
  });
});

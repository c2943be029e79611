import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/auditLog.js';
import { deliver, type DeliveryDependencies } from '../../src/outbox/delivery.js';
import { notifySender } from '../../src/outbox/notifySender.js';
import { Db, type Item } from '../../src/store/db.js';
import { keys } from '../../src/store/keys.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { startFakeNotify, type FakeNotify } from '../support/fakeNotify.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';
import { foiCaseType } from '../../src/foi/caseType.js';
import { handleNotifyCallback, type CallbackDependencies } from '../../src/notifications/callbacks.js';
import { writeDailyDigests } from '../../src/notifications/digest.js';

/**
 * The outbox end to end: a case change writes its messages in its own transaction; DynamoDB Local's
 * real stream carries them to the delivery consumer (drainChanges); the real notifications-node-client
 * sends them to a GOV.UK Notify fake on loopback that checks its JWT; the outcome is on the case.
 */
const EMAIL_TEMPLATE = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
const LETTER_TEMPLATE = '0b2b9d5b-3b2c-4b7f-9d59-1a3c8f4a6d21';
const CALLBACK_TOKEN = 'callback-token-for-tests-0123456789abcdef';

const FOI_SUBMIT = `mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference } userErrors { code } } }`;
const SAR_SUBMIT = `mutation($input: SubmitSubjectAccessRequestInput!) { submitSubjectAccessRequest(input: $input) { receipt { reference } userErrors { code } } }`;
const CMP_SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { receipt { reference } userErrors { code } } }`;
const ENTRY = 'id source direction channel at template subject status statusReason summary recordedBy resolvedBy';
const FOI_LOG = `query($reference: String!) { foiRequest(reference: $reference) { version correspondence { ${ENTRY} } auditTrail { action actor { kind } fields } } }`;
const SAR_LOG = `query($reference: String!) { subjectAccessRequest(reference: $reference) { correspondence { ${ENTRY} } } }`;
const CMP_LOG = `query($reference: String!) { complaint(reference: $reference) { correspondence { ${ENTRY} } } }`;
const UNDELIVERABLE = `query($caseType: CaseType!) { undeliverableMessages(caseType: $caseType) { edges { node { reference messageId template channel reason } } } }`;
const RECORD = `mutation($input: RecordCorrespondenceInput!) { recordCorrespondence(input: $input) { entry { ${ENTRY} } userErrors { field code } } }`;
const PREFERENCE = `mutation($input: SetContactPreferenceInput!) { setContactPreference(input: $input) { preference userErrors { code } } }`;

let app: TestApp;
let notify: FakeNotify;
let ip = 0;
const ir = () => app.token('information-rights', 'fay.foi');
const ps = () => app.token('professional-standards', 'sam.pro');

beforeAll(async () => {
  notify = await startFakeNotify();
  app = await createTestApp(
    {},
    {
      env: {
        NOTIFY_API_KEY: notify.apiKey,
        NOTIFY_BASE_URL: notify.baseUrl,
        NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
        NOTIFY_LETTER_TEMPLATE_ID: LETTER_TEMPLATE,
        NOTIFY_CALLBACK_TOKEN: CALLBACK_TOKEN,
      },
    },
  );
});
afterAll(async () => {
  await notify.stop();
});
beforeEach(() => app.setNow(undefined));

const foi = caseHelpers(() => app, { read: FOI_LOG, readField: 'foiRequest', payloadField: 'foiRequest', fields: 'version', caseType: foiCaseType, token: () => ir() });

async function submitFoi(requester: Record<string, unknown> = { name: 'Sam Asker', email: 'sam.asker@example.com' }) {
  const res = await app.gql(FOI_SUBMIT, {
    input: { idempotencyKey: newKey(), requester, description: `How many speed cameras were there in 2025? (${newKey()})`, format: 'ELECTRONIC_COPY' },
  }, { ip: `198.51.10.${++ip % 250}` });
  expect(res.body.data!.submitFoiRequest.userErrors).toEqual([]);
  return res.body.data!.submitFoiRequest.receipt.reference as string;
}

async function submitSar(requester: Record<string, unknown>) {
  const res = await app.gql(SAR_SUBMIT, {
    input: { idempotencyKey: newKey(), requester: { name: 'Alex Requester', dateOfBirth: '1980-05-01', ...requester }, scope: { description: `My call to 101 (${newKey()})` }, format: 'ELECTRONIC' },
  }, { ip: `198.51.11.${++ip % 250}` });
  expect(res.body.data!.submitSubjectAccessRequest.userErrors).toEqual([]);
  return res.body.data!.submitSubjectAccessRequest.receipt.reference as string;
}

/** A London date some days ago, YYYY-MM-DD. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const log = async (query: string, field: string, reference: string) => (await app.gql(query, { reference }, { token: field === 'complaint' ? ps() : ir() })).body.data![field];
const sentFor = (reference: string) => notify.sent.filter((m) => m.reference?.startsWith(`CASE#${reference}|`));

describe('acknowledgements through the outbox', () => {
  it('sends an FOI acknowledgement once, by email through Notify, with the reference and the statutory date, and records it on the case', async () => {
    app.setNow('2026-03-02T09:00:00Z');
    const reference = await submitFoi();
    // Written with the case, waiting for delivery: nothing has gone yet.
    let entries = (await log(FOI_LOG, 'foiRequest', reference)).correspondence;
    expect(entries).toMatchObject([{ source: 'MESSAGE', direction: 'OUT', channel: 'EMAIL', template: 'foi-acknowledgement', status: 'PENDING' }]);
    expect(sentFor(reference)).toHaveLength(0);

    await app.drainChanges();
    const [sent, ...more] = sentFor(reference);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({ type: 'email', templateId: EMAIL_TEMPLATE, emailAddress: 'sam.asker@example.com' });
    expect(sent!.personalisation.subject).toContain(reference);
    // Received Mon 2 March 2026: due Tue 31 March (St Patrick's Day is not an FOIA working day).
    expect(sent!.personalisation.body).toContain('respond by 31 March 2026');
    expect(sent!.personalisation.body).toContain('Dear Sam Asker');

    const record = await log(FOI_LOG, 'foiRequest', reference);
    expect(record.correspondence).toMatchObject([{ template: 'foi-acknowledgement', status: 'SENT' }]);
    expect(record.auditTrail.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['SUBMITTED', 'MESSAGE_SENT']));
    // The log read is itself audited.
    const again = await log(FOI_LOG, 'foiRequest', reference);
    expect(again.auditTrail.filter((a: { action: string; fields: string[] }) => a.action === 'READ' && a.fields.includes('correspondence')).length).toBeGreaterThan(0);
    // Personal data only in the message: never in a log line.
    const lines = (app.logger as unknown as { lines: string[] }).lines.join('\n');
    expect(lines).toContain('message_sent');
    expect(lines).not.toContain('sam.asker@example.com');
    expect(lines).not.toContain('Sam Asker');
    entries = record.correspondence;
    expect(entries[0].subject).toContain(reference);
  });

  it('is safe under redelivery and concurrent deliveries: a claimed or sent message is never sent again', async () => {
    const reference = await submitFoi();
    const db = new Db(app.doc, app.tableName);
    const items = await db.queryAll<Item>({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)', ExpressionAttributeValues: { ':pk': keys.case(reference).pk, ':c': 'CORR#' } });
    const key = { pk: items[0]!.pk as string, sk: items[0]!.sk as string };
    const deps: DeliveryDependencies = {
      db,
      audit: new AuditLog(db, app.config.retention),
      sender: notifySender({ apiKey: notify.apiKey, baseUrl: notify.baseUrl, emailTemplateId: EMAIL_TEMPLATE, letterTemplateId: LETTER_TEMPLATE }),
      logger: app.logger,
      now: () => new Date(),
    };
    // A redelivered batch racing the first delivery: the first claims and is sending; the second is refused its claim.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const real = deps.sender;
    const first = deliver({ ...deps, sender: { send: async (m) => (await gate, real.send(m)) } }, key);
    while ((await db.get<Item>(key))!.status !== 'SENDING') await new Promise((r) => setTimeout(r, 10));
    await expect(deliver(deps, key)).rejects.toMatchObject({ name: 'ClaimHeldError' });
    open();
    await first;
    expect(sentFor(reference)).toHaveLength(1);
    // The stream's own record of the insert, redelivered afterwards: nothing more is sent.
    await app.drainChanges();
    await deliver(deps, key);
    expect(sentFor(reference)).toHaveLength(1);
    expect((await db.get<Item>(key))!.status).toBe('SENT');
  });

  it('retries when Notify is failing: the message waits, PENDING, and goes once Notify answers', async () => {
    const reference = await submitFoi();
    notify.failNextRequests(1);
    await app.drainChanges();
    expect(sentFor(reference)).toHaveLength(1);
    expect((await log(FOI_LOG, 'foiRequest', reference)).correspondence[0].status).toBe('SENT');

    const waiting = await submitFoi();
    notify.failNextRequests(100);
    await app.drainChanges(); // the poller gives the batch up after its retries, as Lambda sends it to the on-failure queue
    notify.failNextRequests(0);
    expect(sentFor(waiting)).toHaveLength(0);
    expect((await log(FOI_LOG, 'foiRequest', waiting)).correspondence[0].status).toBe('PENDING');
  });

  it('writes nothing for a change that fails: a refused action causes no message', async () => {
    const reference = await submitFoi();
    await app.drainChanges();
    const before = (await log(FOI_LOG, 'foiRequest', reference)).correspondence.length;
    // A stale version: the change is refused, and so is its clarification request.
    const res = await app.gql(
      `mutation($input: FoiClockActionInput!) { requestFoiClarification(input: $input) { userErrors { code } } }`,
      { input: { reference, expectedVersion: 99, on: '2026-03-03', reason: 'Which year?' } },
      { token: ir() },
    );
    expect(JSON.stringify(res.body)).toContain('STALE_VERSION');
    await app.drainChanges();
    expect((await log(FOI_LOG, 'foiRequest', reference)).correspondence).toHaveLength(before);
  });
});

describe('a step that changes a statutory date writes to the requester', () => {
  it('an FOI clarification received is answered with the new date due, through the outbox (a fresh 20 working days, s.1(3))', async () => {
    app.setNow('2026-02-23T09:00:00Z');
    const reference = await submitFoi();
    app.setNow('2026-02-24T09:00:00Z');
    await foi.ok('requestFoiClarification', reference, { on: '2026-02-24', reason: 'Which year do you mean?' });
    app.setNow('2026-03-02T09:00:00Z');
    await foi.ok('recordFoiClarification', reference, { on: '2026-03-02' });
    await app.drainChanges();
    // The acknowledgement, the clarification request and the clarification received.
    expect(sentFor(reference)).toHaveLength(3);
    const letter = sentFor(reference).find((m) => m.personalisation.subject?.includes('thank you for clarifying'))!;
    // Clarified Mon 2 March 2026: due Tue 31 March (St Patrick's Day is not an FOIA working day).
    expect(letter.personalisation.body).toContain('We received your clarification on 2 March 2026.');
    expect(letter.personalisation.body).toContain('we will respond by 31 March 2026.');
    expect((await log(FOI_LOG, 'foiRequest', reference)).correspondence.map((e: { template: string }) => e.template)).toContain('foi-clarification-received');
  });
});

describe('letters, preferences and undeliverable messages', () => {
  it('posts a letter, with Notify address lines, to a requester who gave only a postal address', async () => {
    const reference = await submitSar({ address: '1 High Street\nErdington\nBirmingham\nB23 6SY' });
    await app.drainChanges();
    const [letter] = sentFor(reference);
    expect(letter).toMatchObject({ type: 'letter', templateId: LETTER_TEMPLATE });
    // Addressed to the person: their name first, then the address, the postcode last.
    expect(letter!.personalisation).toMatchObject({
      address_line_1: 'Alex Requester',
      address_line_2: '1 High Street',
      address_line_3: 'Erdington',
      address_line_4: 'Birmingham',
      address_line_5: 'B23 6SY',
    });
    expect((await log(SAR_LOG, 'subjectAccessRequest', reference)).correspondence).toMatchObject([{ channel: 'LETTER', template: 'sar-acknowledgement', status: 'SENT' }]);
  });

  it('refuses, on the form, an address typed on one line: no letter is left to fail weeks later', async () => {
    const res = await app.gql(SAR_SUBMIT.replace('userErrors { code }', 'userErrors { field code }'), {
      input: { idempotencyKey: newKey(), requester: { name: 'Alex Requester', dateOfBirth: '1980-05-01', address: '1 High Street Birmingham' }, scope: { description: 'My call to 101' }, format: 'ELECTRONIC' },
    }, { ip: '198.51.13.1' });
    expect(res.body.data!.submitSubjectAccessRequest.userErrors).toEqual([{ field: ['input', 'requester', 'address'], code: 'INVALID' }]);
    // Two lines (with the name, the three Notify needs) will do.
    await submitSar({ address: '1 High Street, Birmingham B1 1AA' });
  });

  it('shows a message that cannot be delivered on the case and in the queue, until staff record how they dealt with it', async () => {
    // Notify refuses the postcode: failed when sent.
    const refused = await submitSar({ address: '1 High Street\nBirmingham\nNOT A POSTCODE' });
    await app.drainChanges();
    expect(sentFor(refused)).toHaveLength(0);
    const refusedEntry = (await log(SAR_LOG, 'subjectAccessRequest', refused)).correspondence[0];
    expect(refusedEntry).toMatchObject({ status: 'FAILED', statusReason: 'Notify 400 ValidationError' });

    const queue = async (token: string) =>
      (await app.gql(UNDELIVERABLE, { caseType: 'SUBJECT_ACCESS' }, { token })).body.data!.undeliverableMessages.edges.map((e: { node: { reference: string } }) => e.node.reference);
    expect(await queue(ir())).toContain(refused);
    // Another team is refused, not shown an empty queue that would read as "nothing undeliverable".
    const otherTeam = await app.gql(UNDELIVERABLE, { caseType: 'SUBJECT_ACCESS' }, { token: ps() });
    expect(otherTeam.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(otherTeam.body.data).toBeNull();

    const recorded = await app.gql(RECORD, {
      input: { idempotencyKey: newKey(), reference: refused, direction: 'OUT', channel: 'PHONE', at: new Date().toISOString(), summary: 'Rang them and took the full address', resolvesMessageId: refusedEntry.id },
    }, { token: ir() });
    expect(recorded.body.data!.recordCorrespondence.userErrors).toEqual([]);
    expect(await queue(ir())).not.toContain(refused);
    const entries = (await log(SAR_LOG, 'subjectAccessRequest', refused)).correspondence;
    expect(entries).toMatchObject([
      { source: 'MESSAGE', status: 'FAILED', resolvedBy: recorded.body.data!.recordCorrespondence.entry.id },
      { source: 'RECORDED', direction: 'OUT', channel: 'PHONE', summary: 'Rang them and took the full address', recordedBy: 'fay.foi' },
    ]);
  });

  it('respects the contact preference: the phone, or no contact at all, withholds the message (logged, never sent)', async () => {
    const res = await app.gql(CMP_SUBMIT, {
      input: {
        idempotencyKey: newKey(),
        complainant: { name: 'Jo Complainant', phone: '07700 900123', preferredContact: 'PHONE' },
        incident: { date: '2026-02-20', place: 'Colmore Row, Birmingham', description: `An officer was rude to me (${newKey()}).` },
        complaintTypes: ['RUDENESS'],
        desiredOutcome: 'An apology',
        wantsFormalRecording: false,
      },
    }, { ip: '198.51.12.1' });
    const complaint = res.body.data!.submitComplaint.receipt.reference as string;
    await app.drainChanges();
    expect(sentFor(complaint)).toHaveLength(0);
    expect((await log(CMP_LOG, 'complaint', complaint)).correspondence).toMatchObject([
      { template: 'complaint-acknowledgement', channel: 'NONE', status: 'WITHHELD', statusReason: expect.stringMatching(/prefer the phone/) },
    ]);

    const reference = await submitFoi();
    await app.drainChanges();
    const set = await app.gql(PREFERENCE, { input: { reference, preference: 'NONE' } }, { token: ir() });
    expect(set.body.data!.setContactPreference).toEqual({ preference: 'NONE', userErrors: [] });
    await foi.ok('requestFoiClarification', reference, { on: new Date().toISOString().slice(0, 10), reason: 'Which year do you mean?' });
    await app.drainChanges();
    expect(sentFor(reference)).toHaveLength(1);
    expect((await log(FOI_LOG, 'foiRequest', reference)).correspondence.map((e: { template: string; status: string }) => [e.template, e.status])).toEqual([
      ['foi-acknowledgement', 'SENT'],
      ['foi-clarification-request', 'WITHHELD'],
    ]);
    // Another team's case reads as not found.
    const other = await app.gql(PREFERENCE, { input: { reference, preference: 'EMAIL' } }, { token: ps() });
    expect(other.body.data!.setContactPreference.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    // By post when the case has no postal address: refused now, not left to fail in the undeliverable queue.
    const post = await app.gql(PREFERENCE, { input: { reference, preference: 'POST' } }, { token: ir() });
    expect(post.body.data!.setContactPreference).toEqual({ preference: null, userErrors: [{ code: 'INVALID' }] });
    // Back to email, which it has.
    expect((await app.gql(PREFERENCE, { input: { reference, preference: 'EMAIL' } }, { token: ir() })).body.data!.setContactPreference).toEqual({ preference: 'EMAIL', userErrors: [] });
  });

  it('answers a retry sent with a different time as the first attempt too: one entry, however the time was filled in', async () => {
    const reference = await submitFoi();
    const input = { idempotencyKey: newKey(), reference, direction: 'IN', channel: 'PHONE', at: new Date(Date.now() - 60_000).toISOString(), summary: 'Called about progress' };
    const first = await app.gql(RECORD, { input }, { token: ir() });
    expect(first.body.data!.recordCorrespondence.userErrors).toEqual([]);
    // A client that fills in "now" again when it retries.
    const retried = await app.gql(RECORD, { input: { ...input, at: new Date().toISOString() } }, { token: ir() });
    expect(retried.body.data!.recordCorrespondence.userErrors).toEqual([{ field: ['input', 'idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' }]);
    expect((await log(FOI_LOG, 'foiRequest', reference)).correspondence.filter((e: { source: string }) => e.source === 'RECORDED')).toHaveLength(1);
  });

  it('refuses a time before the case was received (OUT_OF_RANGE), and takes one on the day of receipt', async () => {
    const reference = await submitFoi();
    const dayBefore = new Date(Date.now() - 36 * 3600_000).toISOString();
    const before = await app.gql(RECORD, { input: { idempotencyKey: newKey(), reference, direction: 'IN', channel: 'LETTER', at: dayBefore, summary: 'An earlier letter' } }, { token: ir() });
    expect(before.body.data!.recordCorrespondence.userErrors).toEqual([{ field: ['input', 'at'], code: 'OUT_OF_RANGE' }]);
    const yearsBefore = await app.gql(RECORD, { input: { idempotencyKey: newKey(), reference, direction: 'IN', channel: 'LETTER', at: '2016-03-04T10:00:00Z', summary: 'A typo for 2026' } }, { token: ir() });
    expect(yearsBefore.body.data!.recordCorrespondence.userErrors).toEqual([{ field: ['input', 'at'], code: 'OUT_OF_RANGE' }]);
    const sameDay = await app.gql(RECORD, { input: { idempotencyKey: newKey(), reference, direction: 'IN', channel: 'LETTER', at: new Date(Date.now() - 1000).toISOString(), summary: 'Moments before it was logged, the same day' } }, { token: ir() });
    expect(sameDay.body.data!.recordCorrespondence.userErrors).toEqual([]);
    // Oldest first by time, messages and recorded entries together.
    const times = (await log(FOI_LOG, 'foiRequest', reference)).correspondence.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort());
  });

  it('answers a retry as the first attempt even after the day of receipt was corrected to a later day', async () => {
    const logged = await app.gql(`mutation($input: LogFoiRequestInput!) { logFoiRequest(input: $input) { receipt { reference } userErrors { code } } }`, {
      input: { idempotencyKey: newKey(), channel: 'POST', receivedOn: daysAgo(6), requester: { name: 'Pat Letterwriter', postalAddress: '4 Canal Street, Dudley DY1 1AA' }, description: `Budget figures (${newKey()})`, format: 'PAPER_COPY' },
    }, { token: ir() });
    const reference = logged.body.data!.logFoiRequest.receipt.reference as string;
    const input = { idempotencyKey: newKey(), reference, direction: 'IN', channel: 'PHONE', at: `${daysAgo(5)}T10:00:00Z`, summary: 'Rang to ask about progress' };
    const first = await app.gql(RECORD, { input }, { token: ir() });
    expect(first.body.data!.recordCorrespondence.userErrors).toEqual([]);
    await foi.ok('correctFoiReceiptDate', reference, { receivedOn: daysAgo(3), reason: 'The post room date-stamped it late' });
    const retry = await app.gql(RECORD, { input }, { token: ir() });
    expect(retry.body.data!.recordCorrespondence).toEqual(first.body.data!.recordCorrespondence);
    // A new entry that early is refused now, with the corrected day.
    const early = await app.gql(RECORD, { input: { ...input, idempotencyKey: newKey() } }, { token: ir() });
    expect(early.body.data!.recordCorrespondence.userErrors).toEqual([{ field: ['input', 'at'], code: 'OUT_OF_RANGE' }]);
  });

  it('gives entries of two cases recorded with one key two ids, and refuses dealing with a message before it existed', async () => {
    const [a, b] = [await submitFoi(), await submitFoi()];
    const key = newKey();
    const at = new Date().toISOString();
    const ids = [];
    for (const reference of [a, b]) {
      const res = await app.gql(RECORD, { input: { idempotencyKey: key, reference, direction: 'IN', channel: 'PHONE', at, summary: 'Called' } }, { token: ir() });
      expect(res.body.data!.recordCorrespondence.userErrors).toEqual([]);
      ids.push(res.body.data!.recordCorrespondence.entry.id);
    }
    expect(ids[0]).not.toBe(ids[1]);
    const refused = await submitSar({ address: '1 High Street\nBirmingham\nNOT A POSTCODE' });
    await app.drainChanges();
    const failed = (await log(SAR_LOG, 'subjectAccessRequest', refused)).correspondence[0];
    const before = new Date(new Date(failed.at).getTime() - 60_000).toISOString();
    const res = await app.gql(RECORD, { input: { idempotencyKey: newKey(), reference: refused, direction: 'OUT', channel: 'PHONE', at: before, summary: 'Rang them', resolvesMessageId: failed.id } }, { token: ir() });
    expect(res.body.data!.recordCorrespondence.userErrors).toEqual([{ field: ['input', 'at'], code: 'OUT_OF_RANGE' }]);
  });

  it('answers a retried recordCorrespondence as the first attempt, and refuses a time in the future', async () => {
    const reference = await submitFoi();
    const input = { idempotencyKey: newKey(), reference, direction: 'IN', channel: 'LETTER', at: new Date().toISOString(), summary: 'Letter asking for progress' };
    const first = await app.gql(RECORD, { input }, { token: ir() });
    const again = await app.gql(RECORD, { input }, { token: ir() });
    expect(again.body.data!.recordCorrespondence).toEqual(first.body.data!.recordCorrespondence);
    expect((await log(FOI_LOG, 'foiRequest', reference)).correspondence.filter((e: { source: string }) => e.source === 'RECORDED')).toHaveLength(1);
    // The same key with something else to record is not a retry: refused, so the real note is not lost unnoticed.
    const reused = await app.gql(RECORD, { input: { ...input, direction: 'OUT', summary: 'Rang them back' } }, { token: ir() });
    expect(reused.body.data!.recordCorrespondence.userErrors).toEqual([{ field: ['input', 'idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' }]);
    const future = await app.gql(RECORD, { input: { ...input, idempotencyKey: newKey(), at: '2099-01-01T00:00:00Z' } }, { token: ir() });
    expect(future.body.data!.recordCorrespondence.userErrors).toEqual([{ field: ['input', 'at'], code: 'INVALID' }]);
  });
});

describe("Notify's delivery-status callbacks", () => {
  const deps = (): CallbackDependencies => {
    const db = new Db(app.doc, app.tableName);
    return { db, audit: new AuditLog(db, app.config.retention), logger: app.logger, now: () => new Date(), token: async () => CALLBACK_TOKEN };
  };
  const callback = (body: Record<string, unknown>, token = CALLBACK_TOKEN) =>
    handleNotifyCallback(deps(), { authorization: `Bearer ${token}`, body: JSON.stringify(body) });

  it('records delivered and failed messages on the case, only with the bearer token, once however often Notify calls', async () => {
    const delivered = await submitFoi();
    const failed = await submitFoi({ name: 'Kim Asker', email: 'kim@example.com' });
    await app.drainChanges();
    const [d] = sentFor(delivered);
    const [f] = sentFor(failed);
    const body = (m: typeof d, status: string) => ({ id: m!.id, reference: m!.reference, to: 'x', status, notification_type: 'email', created_at: new Date().toISOString(), completed_at: new Date().toISOString() });

    expect((await callback(body(d, 'delivered'), 'not-the-token')).status).toBe(401);
    expect((await handleNotifyCallback(deps(), { authorization: undefined, body: JSON.stringify(body(d, 'delivered')) })).status).toBe(401);
    expect((await log(FOI_LOG, 'foiRequest', delivered)).correspondence[0].status).toBe('SENT');

    expect((await callback(body(d, 'delivered'))).status).toBe(200);
    expect((await callback(body(d, 'delivered'))).status).toBe(200);
    const record = await log(FOI_LOG, 'foiRequest', delivered);
    expect(record.correspondence[0].status).toBe('DELIVERED');
    expect(record.auditTrail.filter((a: { action: string }) => a.action === 'MESSAGE_DELIVERED')).toHaveLength(1);

    expect((await callback(body(f, 'permanent-failure'))).status).toBe(200);
    expect((await log(FOI_LOG, 'foiRequest', failed)).correspondence[0]).toMatchObject({ status: 'FAILED', statusReason: expect.stringMatching(/could not deliver/) });
    const queue = (await app.gql(UNDELIVERABLE, { caseType: 'FOI' }, { token: ir() })).body.data!.undeliverableMessages.edges.map((e: { node: { reference: string } }) => e.node.reference);
    expect(queue).toContain(failed);

    // Sent again (the address may have been put right): it leaves the queue and goes once more.
    const failedEntry = (await log(FOI_LOG, 'foiRequest', failed)).correspondence[0];
    const resent = await app.gql(`mutation($input: ResendMessageInput!) { resendMessage(input: $input) { entry { status } userErrors { code } } }`, { input: { reference: failed, messageId: failedEntry.id } }, { token: ir() });
    expect(resent.body.data!.resendMessage).toEqual({ entry: { status: 'PENDING' }, userErrors: [] });
    await app.drainChanges();
    expect(sentFor(failed)).toHaveLength(2);
    expect((await log(FOI_LOG, 'foiRequest', failed)).correspondence[0].status).toBe('SENT');
    const queueAfter = (await app.gql(UNDELIVERABLE, { caseType: 'FOI' }, { token: ir() })).body.data!.undeliverableMessages.edges.map((e: { node: { reference: string } }) => e.node.reference);
    expect(queueAfter).not.toContain(failed);
    const sentAgain = await app.gql(`mutation($input: ResendMessageInput!) { resendMessage(input: $input) { userErrors { code } } }`, { input: { reference: failed, messageId: failedEntry.id } }, { token: ir() });
    expect(sentAgain.body.data!.resendMessage.userErrors).toEqual([{ code: 'INVALID' }]);

    // Someone else's id for our message, an unknown reference, a body that is not a callback.
    expect((await callback({ ...body(d, 'permanent-failure'), id: 'another-id' })).status).toBe(200);
    expect((await log(FOI_LOG, 'foiRequest', delivered)).correspondence[0].status).toBe('DELIVERED');
    expect((await callback({ ...body(d, 'delivered'), reference: 'CASE#FOI-2026-999999|CORR#x' })).status).toBe(200);
    expect((await handleNotifyCallback(deps(), { authorization: `Bearer ${CALLBACK_TOKEN}`, body: '{not json' })).status).toBe(400);
    expect((await callback({ reference: 'x' })).status).toBe(400);
  });
});

describe('the daily digest', () => {
  it("emails each handler their cases due soon and overdue, once a day, references and dates only", async () => {
    app.setNow('2026-03-02T09:00:00Z');
    const dueSoon = await submitFoi();
    app.setNow('2026-02-02T09:00:00Z');
    const overdue = await submitFoi();
    app.setNow('2026-03-02T09:30:00Z');
    await foi.ok('allocateFoiRequest', dueSoon, { handler: 'dee.digest' });
    await foi.ok('allocateFoiRequest', overdue, { handler: 'dee.digest' });
    await app.drainChanges();
    const db = new Db(app.doc, app.tableName);
    const run = () =>
      writeDailyDigests({ db, logger: app.logger, now: () => new Date('2026-03-30T06:00:00Z'), staffEmailDomain: 'west-midlands.police.uk', horizonDays: 3 });
    expect((await run()).written).toBeGreaterThanOrEqual(1);
    await app.drainChanges();
    const digests = notify.sent.filter((m) => m.emailAddress === 'dee.digest@west-midlands.police.uk');
    expect(digests).toHaveLength(1);
    const body = digests[0]!.personalisation.body!;
    expect(body).toMatch(new RegExp(`Overdue\\n- ${overdue}: FOI response, due 2 March 2026`));
    expect(body).toMatch(new RegExp(`Due in the next 3 days\\n- ${dueSoon}: FOI response, due 31 March 2026`));
    expect(body).not.toContain('Sam Asker');
    // The schedule running again the same day sends nothing more.
    expect((await run()).written).toBe(0);
    await app.drainChanges();
    expect(notify.sent.filter((m) => m.emailAddress === 'dee.digest@west-midlands.police.uk')).toHaveLength(1);
  });
});

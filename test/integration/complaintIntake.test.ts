import { beforeAll, describe, expect, it } from 'vitest';
import { complaintCaseType } from '../../src/complaints/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { TRACK } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Session 5, finding 1: staff could not record a complaint that arrived by letter, email, phone or
 * in person with its day of receipt, so the IOPC's "days from receipt to logging" (RULES.md §4)
 * counted from the day someone typed it into the website. recordComplaintReceived creates the case
 * from its statutory day of receipt (not in the future, not before the incident), with its channel;
 * it then follows the web complaint's workflow. Through the real Lambda handler and DynamoDB Local.
 */
let app: TestApp;
const ps = () => app.token('professional-standards', 'sam.pro');

const FIELDS = 'reference status channel receivedOn loggedOn handler version auditTrail { action fields }';
const { read, ok, refused } = caseHelpers(() => app, {
  read: `query($reference: String!) { complaint(reference: $reference) { ${FIELDS} correspondence { template subject status channel } } }`,
  readField: 'complaint',
  payloadField: 'complaint',
  fields: FIELDS,
  caseType: complaintCaseType,
  token: () => ps(),
});

const RECORD = `mutation($input: RecordComplaintReceivedInput!) { recordComplaintReceived(input: $input) {
  receipt { reference trackingCode } possibleDuplicateOf userErrors { field message code rule } } }`;
const STATS = `query($input: ComplaintStatisticsInput!) { complaintStatistics(input: $input) { received logged averageWorkingDaysToLog } }`;

const letter = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  channel: 'POST',
  receivedOn: '2026-02-23',
  complainant: { name: 'Lee Letterwriter', postalAddress: '12 Church Road, Erdington, Birmingham, B23 6RT', preferredContact: 'POST' },
  incident: { date: '2026-02-20', place: 'Erdington police station front counter', description: `The officer at the counter refused to take my report (${newKey()}).` },
  complaintTypes: ['NOT_LISTENING'],
  desiredOutcome: 'An apology and my report taken',
  wantsFormalRecording: false,
  ...over,
});

async function record(input: Record<string, unknown>, token = ps()) {
  const res = await app.gql(RECORD, { input }, { token });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.recordComplaintReceived as {
    receipt: { reference: string; trackingCode: string } | null;
    possibleDuplicateOf: string[];
    userErrors: Array<{ field: string[]; message: string; code: string; rule: string | null }>;
  };
}

const stats = async (from: string, to: string) => (await app.gql(STATS, { input: { from, to } }, { token: ps() })).body.data!.complaintStatistics;

beforeAll(async () => {
  app = await createTestApp();
  app.setNow('2026-03-02T10:00:00Z'); // Monday 2 March 2026
});

describe('recording a complaint that arrived by post, email, phone or in person', () => {
  it('keeps the day of receipt given and the channel; the case is RECEIVED, as a web complaint is, and the public see that day', async () => {
    const { receipt, userErrors, possibleDuplicateOf } = await record(letter());
    expect(userErrors).toEqual([]);
    expect(possibleDuplicateOf).toEqual([]);
    expect(receipt!.reference).toMatch(/^CMP-2026-\d{6}$/);
    const c = await read(receipt!.reference);
    expect(c).toMatchObject({ status: 'RECEIVED', channel: 'POST', receivedOn: '2026-02-23', loggedOn: null, handler: null });
    const arrival = c.auditTrail.find((a: { action: string }) => a.action === 'SUBMITTED');
    expect(arrival).toMatchObject({ fields: expect.arrayContaining(['complainant', 'incident', 'channel:POST']) });
    const tracked = await app.gql(TRACK, { reference: receipt!.reference, trackingCode: receipt!.trackingCode });
    expect(tracked.body.data!.trackCase).toMatchObject({ status: 'RECEIVED', receivedOn: '2026-02-23' });
  });

  it('a website complaint says WEB and is received the day it arrives', async () => {
    const res = await app.gql(
      `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { receipt { reference } userErrors { code } } }`,
      { input: { ...letter(), channel: undefined, receivedOn: undefined } },
      { ip: '198.18.9.1' },
    );
    expect(res.body.data!.submitComplaint.userErrors).toEqual([]);
    expect(await read(res.body.data!.submitComplaint.receipt.reference)).toMatchObject({ channel: 'WEB', receivedOn: '2026-03-02' });
  });

  it.each([
    ['the day of the incident', '2026-02-20'],
    ['today', '2026-03-02'],
  ])('takes a day of receipt on %s', async (_, receivedOn) => {
    const { receipt, userErrors } = await record(letter({ receivedOn, channel: 'IN_PERSON' }));
    expect(userErrors).toEqual([]);
    expect(await read(receipt!.reference)).toMatchObject({ receivedOn, channel: 'IN_PERSON' });
  });

  it('refuses a day of receipt the day before the incident, and tomorrow', async () => {
    const before = await record(letter({ receivedOn: '2026-02-19' }));
    expect(before.receipt).toBeNull();
    expect(before.userErrors).toEqual([{ field: ['input', 'receivedOn'], message: 'The day of receipt cannot be before the incident (2026-02-20).', code: 'INVALID', rule: null }]);
    const tomorrow = await record(letter({ receivedOn: '2026-03-03' }));
    expect(tomorrow.receipt).toBeNull();
    expect(tomorrow.userErrors).toMatchObject([{ field: ['input', 'receivedOn'], message: 'The day of receipt cannot be in the future.', code: 'INVALID' }]);
  });

  it('refuses WEB as a channel: the website’s form is the only way a complaint arrives by the web', async () => {
    const out = await record(letter({ channel: 'WEB' }));
    expect(out.receipt).toBeNull();
    expect(out.userErrors).toMatchObject([{ field: ['input', 'channel'], code: 'INVALID' }]);
  });

  it('is for Professional Standards only', async () => {
    const res = await app.gql(RECORD, { input: letter() }, { token: app.token('information-rights', 'ira.rights') });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is then logged like any complaint: not before its day of receipt, and the IOPC measures count from that day', async () => {
    const { receipt } = await record(letter({ receivedOn: '2026-02-09', channel: 'PHONE', complainant: { name: 'Pat Caller', phone: '0121 496 0000', preferredContact: 'PHONE' }, incident: { date: '2026-02-01', place: 'Wolverhampton', description: `Rude officer (${newKey()})` } }));
    const ref = receipt!.reference;
    const before = await stats('2026-02-09', '2026-02-13');
    // The day before the day of receipt is refused; the day of receipt would do; logged that Friday.
    await refused('logComplaint', ref, { handler: 'sam.pro', loggedOn: '2026-02-08' }, /2026-02-09/);
    await ok('logComplaint', ref, { handler: 'sam.pro', loggedOn: '2026-02-13' });
    // Received Mon 9 Feb, logged Fri 13 Feb: 4 working days, not the 0 a re-typed web form would give.
    expect(await stats('2026-02-09', '2026-02-13')).toEqual({ received: before.received, logged: before.logged + 1, averageWorkingDaysToLog: 4 });
    expect(await stats('2026-02-09', '2026-02-09')).toMatchObject({ received: 1 });
    expect((await stats('2026-03-02', '2026-03-02')).received).toBeGreaterThan(0); // the web complaint, today
  });

  it('is queued and due by its day of receipt: received 9 days ago, its first reply is due tomorrow; 11 days ago, it is overdue', async () => {
    const QUEUE = `query($input: ComplaintQueueInput!) { complaintQueue(input: $input, first: 100) { edges { node { reference } } } }`;
    const refs = async (input: Record<string, unknown>) =>
      (await app.gql(QUEUE, { input }, { token: ps() })).body.data!.complaintQueue.edges.map((e: { node: { reference: string } }) => e.node.reference);
    const nine = (await record(letter({ receivedOn: '2026-02-21' }))).receipt!.reference;
    const eleven = (await record(letter({ receivedOn: '2026-02-19', incident: { date: '2026-02-18', place: 'Walsall', description: `Ignored (${newKey()})` } }))).receipt!.reference;
    expect((await app.gql(`query($r: String!) { complaint(reference: $r) { firstReplyDueOn } }`, { r: nine }, { token: ps() })).body.data!.complaint.firstReplyDueOn).toBe('2026-03-03');
    const overdue = await refs({ queue: 'FIRST_REPLY_OVERDUE' });
    expect(overdue).toContain(eleven);
    expect(overdue).not.toContain(nine);
    expect(await refs({ queue: 'RECEIVED_BETWEEN', from: '2026-02-19', to: '2026-02-19' })).toEqual([eleven]);
  });

  it('sends the complainant the acknowledgement, by the way they prefer (here a letter)', async () => {
    const { receipt } = await record(letter());
    const c = await read(receipt!.reference);
    expect(c.correspondence).toMatchObject([{ template: 'complaint-acknowledgement', status: 'PENDING', channel: 'LETTER', subject: `We have received your complaint: ${receipt!.reference}` }]);
  });

  it('is its own case every time, with a possible duplicate named for staff; a retry with the same key is the same answer', async () => {
    const first = letter({ incident: { date: '2026-02-20', place: 'Dudley', description: 'The same account, by letter and then by email.' } });
    const a = await record(first);
    const again = await record(first);
    expect(again.receipt!.reference).toBe(a.receipt!.reference);
    const b = await record({ ...first, idempotencyKey: newKey(), channel: 'EMAIL', complainant: { name: 'Lee Letterwriter', email: 'lee@example.com', preferredContact: 'EMAIL' } });
    expect(b.receipt!.reference).not.toBe(a.receipt!.reference);
    expect(b.possibleDuplicateOf).toEqual([a.receipt!.reference]);
  });
});

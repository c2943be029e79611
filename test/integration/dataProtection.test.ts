import { beforeAll, describe, expect, it } from 'vitest';
import { caseHelpers } from '../support/caseHelpers.js';
import { dataProtectionCaseType } from '../../src/dataProtection/caseType.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Data-protection complaints (DPA 2018 s.164A) through the real Lambda handler and DynamoDB Local:
 * the public form and staff logging, Information Rights' journey from acknowledgement to the ICO,
 * every refusal by the rule that makes it, availableActions, the queues at their boundary days,
 * statistics and tracking.
 */
const FIELDS = `reference status channel receivedOn acknowledgementDueOn handler relatedReference whatHappened desiredOutcome version
  complainant { name email postalAddress preferredContact } needs { language interpreterNeeded accessibility }
  acknowledgement { acknowledgedOn withinTime recordedBy }
  enquiries { description madeBy madeOn recordedBy }
  progressUpdates { sentOn method summary recordedBy }
  outcome { kind summary sentOn recordedBy }
  icoComplaint { icoReference complainedOn basis recordedBy outcome { result summary decidedOn recordedBy } }
  closure { kind reason on by }
  auditTrail { action actor { kind name } }`;

const SUBMIT = `mutation($input: SubmitDataProtectionComplaintInput!) { submitDataProtectionComplaint(input: $input) {
  receipt { reference trackingCode receivedAt duplicateOfEarlierSubmission } userErrors { field message code rule } } }`;
const LOG = `mutation($input: LogDataProtectionComplaintInput!) { logDataProtectionComplaint(input: $input) {
  receipt { reference trackingCode } userErrors { field message code } } }`;
const READ = `query($reference: String!) { dataProtectionComplaint(reference: $reference) { ${FIELDS} } }`;
const ACTIONS = `query($reference: String!) { dataProtectionComplaint(reference: $reference) {
  availableActions { action description allowed refusedBy { rule message cites } } } }`;
const QUEUE = `query($input: DataProtectionComplaintQueueInput!) { dataProtectionComplaintQueue(input: $input, first: 100) {
  edges { node { reference status receivedOn handler acknowledgementDueOn ageInDays } } pageInfo { hasNextPage } } }`;
const STATS = `query($input: DataProtectionComplaintStatisticsInput!) { dataProtectionComplaintStatistics(input: $input) {
  from to received acknowledged acknowledgedWithin30Days shareAcknowledgedWithin30Days outcomes { upheld partlyUpheld notUpheld } referredToIco } }`;
const TRACK = `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) {
  reference caseType status statusDescription receivedOn lastUpdatedOn nextUpdateBy reviewWindowClosesOn dueOn } }`;

let app: TestApp;
let ip = 0;
const ir = (name = 'ira.rights') => app.token('information-rights', name);

function form(over: Record<string, unknown> = {}) {
  return {
    idempotencyKey: newKey(),
    complainant: { name: 'Dana Subject', email: 'dana.subject@example.com', preferredContact: 'EMAIL' },
    whatHappened: 'My witness statement, with my home address, was sent to the man I reported.',
    desiredOutcome: 'An explanation and an apology',
    needs: { language: 'Welsh', accessibility: 'Large print' },
    ...over,
  };
}

async function submit(over: Record<string, unknown> = {}, on: TestApp = app) {
  const res = await on.gql(SUBMIT, { input: form(over) }, { ip: `198.18.1.${++ip % 250}` });
  return res.body.data!.submitDataProtectionComplaint;
}

const { read, ok, refused } = caseHelpers(() => app, {
  read: READ,
  readField: 'dataProtectionComplaint',
  payloadField: 'dataProtectionComplaint',
  fields: FIELDS,
  caseType: dataProtectionCaseType,
  token: () => ir(),
});

const queue = async (input: Record<string, unknown>, token = ir()) => {
  const res = await app.gql(QUEUE, { input }, { token });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.dataProtectionComplaintQueue.edges.map((e: { node: { reference: string } }) => e.node.reference) as string[];
};

const track = async (reference: string, trackingCode: string) => (await app.gql(TRACK, { r: reference, c: trackingCode })).body;

/** Received on 1 July 2026 (Europe/London): the acknowledgement is due by 30 July. */
const JULY_1 = '2026-07-01T09:00:00Z';

beforeAll(async () => {
  app = await createTestApp();
  app.setNow(JULY_1);
});

describe('the public form', () => {
  it('gives a DPC reference and a tracking code; the complainant sees the day we must acknowledge by', async () => {
    const { receipt, userErrors } = await submit();
    expect(userErrors).toEqual([]);
    expect(receipt.reference).toMatch(/^DPC-2026-\d{6}$/);
    expect(receipt.trackingCode).toBeTruthy();
    const tracked = await track(receipt.reference, receipt.trackingCode);
    expect(tracked.data!.trackCase).toEqual({
      reference: receipt.reference,
      caseType: 'DATA_PROTECTION_COMPLAINT',
      status: 'RECEIVED',
      statusDescription: expect.stringMatching(/acknowledge it by 30 July 2026\.$/),
      receivedOn: '2026-07-01',
      lastUpdatedOn: '2026-07-01',
      nextUpdateBy: null,
      reviewWindowClosesOn: null,
      dueOn: '2026-07-30',
    });
  });

  it('keeps what the complainant told us, for Information Rights', async () => {
    const { receipt } = await submit({ relatedReference: ' sar-2026-000123 ' });
    expect(await read(receipt.reference)).toMatchObject({
      status: 'RECEIVED',
      channel: 'WEB',
      receivedOn: '2026-07-01',
      acknowledgementDueOn: '2026-07-30',
      handler: null,
      relatedReference: 'SAR-2026-000123',
      complainant: { name: 'Dana Subject', email: 'dana.subject@example.com', postalAddress: null, preferredContact: 'EMAIL' },
      needs: { language: 'Welsh', interpreterNeeded: false, accessibility: 'Large print' },
      acknowledgement: null,
      enquiries: [],
      outcome: null,
    });
  });

  it('checks a related reference for its form only: an existing and a made-up case get the same answer', async () => {
    const existing = (await submit()).receipt.reference;
    const a = await submit({ relatedReference: existing });
    const b = await submit({ relatedReference: 'SAR-2019-999999' });
    expect(a.userErrors).toEqual([]);
    expect(b.userErrors).toEqual([]);
    expect(Object.keys(a.receipt)).toEqual(Object.keys(b.receipt));
    expect(a.receipt.duplicateOfEarlierSubmission).toBe(b.receipt.duplicateOfEarlierSubmission);
  });

  it.each([
    ['no email for email contact', { complainant: { name: 'Dana', postalAddress: '1 High St, Walsall WS1 1AA', preferredContact: 'EMAIL' } }, 'input.complainant.email', 'REQUIRED'],
    ['no address for contact by post', { complainant: { name: 'Dana', email: 'd@example.com', preferredContact: 'POST' } }, 'input.complainant.postalAddress', 'REQUIRED'],
    ['a bad email address', { complainant: { name: 'Dana', email: 'not-an-email', preferredContact: 'EMAIL' } }, 'input.complainant.email', 'INVALID'],
    ['no name', { complainant: { name: ' ', email: 'd@example.com', preferredContact: 'EMAIL' } }, 'input.complainant.name', 'REQUIRED'],
    ['nothing said about what happened', { whatHappened: '   ' }, 'input.whatHappened', 'REQUIRED'],
    ['what happened, too long', { whatHappened: 'x'.repeat(10_001) }, 'input.whatHappened', 'TOO_LONG'],
    ['a related reference that is not one', { relatedReference: 'my SAR from May' }, 'input.relatedReference', 'INVALID'],
    ['a bad idempotency key', { idempotencyKey: 'short' }, 'input.idempotencyKey', 'INVALID'],
  ])('refuses %s with the field and code, and stores nothing', async (_, over, field, code) => {
    const out = await submit(over);
    expect(out.receipt).toBeNull();
    expect(out.userErrors).toContainEqual(expect.objectContaining({ field: field.split('.'), code, rule: null }));
  });

  it('answers a retry with the same receipt, tracking code included', async () => {
    const input = form();
    const first = (await app.gql(SUBMIT, { input }, { ip: '198.18.9.1' })).body.data!.submitDataProtectionComplaint;
    const again = (await app.gql(SUBMIT, { input }, { ip: '198.18.9.1' })).body.data!.submitDataProtectionComplaint;
    expect(first.userErrors).toEqual([]);
    expect(again.receipt).toEqual(first.receipt);
    expect(again.receipt.trackingCode).toBeTruthy();
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const { receipt, userErrors } = await submit({ honeypot: 'https://spam.example' });
    expect(userErrors).toEqual([]);
    expect(receipt.reference).toMatch(/^DPC-2026-\d{6}$/);
    expect(await read(receipt.reference)).toBeNull();
  });
});

describe('staff logging', () => {
  const logged = (over: Record<string, unknown> = {}) => ({
    idempotencyKey: newKey(),
    channel: 'POST',
    receivedOn: '2026-06-25',
    complainant: { name: 'Lee Writer', postalAddress: '2 Station Road, Walsall', preferredContact: 'POST' },
    whatHappened: 'An officer looked me up on the police computer for no reason.',
    ...over,
  });

  it('keeps the statutory day of receipt and the channel: the 30 days run from that day', async () => {
    const res = await app.gql(LOG, { input: logged() }, { token: ir() });
    const { receipt, userErrors } = res.body.data!.logDataProtectionComplaint;
    expect(userErrors).toEqual([]);
    const c = await read(receipt.reference);
    expect(c).toMatchObject({ channel: 'POST', receivedOn: '2026-06-25', acknowledgementDueOn: '2026-07-24', complainant: { preferredContact: 'POST' } });
    expect(c.auditTrail).toContainEqual({ action: 'SUBMITTED', actor: { kind: 'STAFF', name: 'ira.rights' } });
  });

  it.each([
    ['a day of receipt in the future', { receivedOn: '2026-07-02' }, 'input.receivedOn'],
    ['a day before the duty came into force (19 June 2026)', { receivedOn: '2026-06-18' }, 'input.receivedOn'],
    ['the website channel', { channel: 'WEB' }, 'input.channel'],
  ])('refuses %s', async (_, over, field) => {
    const res = await app.gql(LOG, { input: logged(over) }, { token: ir() });
    const out = res.body.data!.logDataProtectionComplaint;
    expect(out.receipt).toBeNull();
    expect(out.userErrors).toContainEqual(expect.objectContaining({ field: field.split('.'), code: 'INVALID' }));
  });

  it('is Information Rights’ alone', async () => {
    const res = await app.gql(LOG, { input: logged() }, { token: app.token('professional-standards') });
    expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('the journey, from the form to the ICO and closed', () => {
  it('acknowledges, enquires, updates, answers, records the ICO and closes, the record and the public view following', async () => {
    app.setNow(JULY_1);
    const { receipt } = await submit();
    const ref = receipt.reference;

    let c = await ok('allocateDataProtectionComplaint', ref, { handler: 'ira.rights' });
    expect(c.handler).toBe('ira.rights');

    app.setNow('2026-07-30T15:00:00Z'); // day 30
    c = await ok('acknowledgeDataProtectionComplaint', ref, {});
    expect(c).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgement: { acknowledgedOn: '2026-07-30', withinTime: true, recordedBy: 'ira.rights' } });
    expect((await track(ref, receipt.trackingCode)).data!.trackCase).toMatchObject({ status: 'BEING_HANDLED', dueOn: null });

    await ok('recordDataProtectionEnquiry', ref, { description: 'Checked the case file and the disclosure schedule', madeBy: 'DS Patel, Witness Care', madeOn: '2026-07-29' });
    c = await ok('recordDataProtectionEnquiry', ref, { description: 'Asked the Disclosure Unit who sent the bundle', madeBy: 'Disclosure Unit' });
    expect(c.enquiries).toEqual([
      { description: 'Checked the case file and the disclosure schedule', madeBy: 'DS Patel, Witness Care', madeOn: '2026-07-29', recordedBy: 'ira.rights' },
      { description: 'Asked the Disclosure Unit who sent the bundle', madeBy: 'Disclosure Unit', madeOn: '2026-07-30', recordedBy: 'ira.rights' },
    ]);

    app.setNow('2026-08-14T10:00:00Z');
    c = await ok('recordDataProtectionProgressUpdate', ref, { method: 'EMAIL', summary: 'Enquiries continue with the Disclosure Unit' });
    expect(c.progressUpdates).toEqual([{ sentOn: '2026-08-14', method: 'EMAIL', summary: 'Enquiries continue with the Disclosure Unit', recordedBy: 'ira.rights' }]);

    c = await ok('recordDataProtectionOutcome', ref, { kind: 'PARTLY_UPHELD', summary: 'Your address should have been redacted; the bundle was sent by mistake.' });
    expect(c).toMatchObject({ status: 'OUTCOME_SENT', outcome: { kind: 'PARTLY_UPHELD', sentOn: '2026-08-14' } });
    expect((await track(ref, receipt.trackingCode)).data!.trackCase).toMatchObject({ status: 'OUTCOME_SENT', dueOn: null });

    app.setNow('2026-09-01T10:00:00Z');
    c = await ok('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-445566-Z9Y8', complainedOn: '2026-08-28' });
    expect(c).toMatchObject({ status: 'WITH_ICO', icoComplaint: { icoReference: 'IC-445566-Z9Y8', complainedOn: '2026-08-28', basis: 'AFTER_OUTCOME', outcome: null } });
    const tracked = await track(ref, receipt.trackingCode);
    expect(tracked.data!.trackCase).toMatchObject({ status: 'WITH_ICO' });
    expect(JSON.stringify(tracked)).not.toMatch(/Dana|Patel|Disclosure|redacted|IC-445566|ira\.rights|witness statement/i);

    await refused('closeDataProtectionComplaint', ref, { reason: 'Done' }, /ICO’s outcome before closing/, 'DPC_ICO_OUTCOME_BEFORE_CLOSING');
    c = await ok('recordDataProtectionIcoOutcome', ref, { result: 'FURTHER_ACTION_REQUIRED', summary: 'Apologise and review redaction training', decidedOn: '2026-09-01' });
    expect(c.icoComplaint.outcome).toEqual({ result: 'FURTHER_ACTION_REQUIRED', summary: 'Apologise and review redaction training', decidedOn: '2026-09-01', recordedBy: 'ira.rights' });

    c = await ok('closeDataProtectionComplaint', ref, { reason: 'ICO outcome acted on' });
    expect(c).toMatchObject({ status: 'CLOSED', closure: { kind: 'CLOSED', reason: 'ICO outcome acted on', on: '2026-09-01', by: 'ira.rights' } });
    expect((await track(ref, receipt.trackingCode)).data!.trackCase).toMatchObject({ status: 'CLOSED', dueOn: null });
    await refused('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-2' }, /IC-445566-Z9Y8\) is already recorded/, 'DPC_ICO_COMPLAINT_ONCE');
    expect(c.auditTrail.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'SUBMITTED',
        'ALLOCATED',
        'ACKNOWLEDGED',
        'ENQUIRY_RECORDED',
        'PROGRESS_UPDATE_RECORDED',
        'OUTCOME_SENT',
        'ICO_COMPLAINT_RECORDED',
        'ICO_OUTCOME_RECORDED',
        'CLOSED',
        'READ',
      ]),
    );
    app.setNow(JULY_1);
  });

  it('records a late acknowledgement as late, and one entered late for an earlier day as in time', async () => {
    app.setNow(JULY_1);
    const late = (await submit()).receipt.reference;
    const enteredLate = (await submit()).receipt.reference;
    app.setNow('2026-07-31T10:00:00Z'); // day 31
    let c = await ok('acknowledgeDataProtectionComplaint', late, {});
    expect(c.acknowledgement).toMatchObject({ acknowledgedOn: '2026-07-31', withinTime: false });
    expect(c.auditTrail.map((e: { action: string }) => e.action)).toContain('ACKNOWLEDGED_LATE');
    c = await ok('acknowledgeDataProtectionComplaint', enteredLate, { acknowledgedOn: '2026-07-30' });
    expect(c.acknowledgement).toMatchObject({ acknowledgedOn: '2026-07-30', withinTime: true });
    app.setNow(JULY_1);
  });

  it('lets the complainant go to the ICO after undue delay, and still records the acknowledgement and outcome', async () => {
    app.setNow(JULY_1);
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-07-31T10:00:00Z'); // the acknowledgement is overdue: undue delay
    let c = await ok('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-1' });
    expect(c).toMatchObject({ status: 'WITH_ICO', icoComplaint: { basis: 'UNDUE_DELAY', complainedOn: '2026-07-31' } });
    c = await ok('acknowledgeDataProtectionComplaint', ref, {});
    expect(c).toMatchObject({ status: 'WITH_ICO', acknowledgement: { withinTime: false } });
    await refused('acknowledgeDataProtectionComplaint', ref, {}, /was acknowledged on 2026-07-31/, 'DPC_ACKNOWLEDGED_ONCE');
    c = await ok('recordDataProtectionOutcome', ref, { kind: 'UPHELD', summary: 'We got it wrong' });
    expect(c).toMatchObject({ status: 'WITH_ICO', outcome: { kind: 'UPHELD' } });
    await refused('recordDataProtectionOutcome', ref, { kind: 'UPHELD', summary: 'Again' }, /outcome was sent on 2026-07-31/, 'DPC_OUTCOME_ONCE');
    await refused('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-2' }, /not possible while the data-protection complaint is with the ICO/, 'WORKFLOW_STATE');
    await ok('recordDataProtectionIcoOutcome', ref, { result: 'NO_FURTHER_ACTION', summary: 'Resolved' });
    await ok('recordDataProtectionProgressUpdate', ref, { method: 'POST', summary: 'Told them of the ICO’s view' });
    await refused('recordDataProtectionIcoOutcome', ref, { result: 'NO_FURTHER_ACTION', summary: 'Again' }, /already recorded/, 'DPC_ICO_OUTCOME_ONCE');
    app.setNow(JULY_1);
  });
});

describe('refusals, each by its rule', () => {
  it('refuses what the case and the rules do not allow, naming the rule', async () => {
    app.setNow(JULY_1);
    const ref = (await submit()).receipt.reference;
    await refused('recordDataProtectionOutcome', ref, { kind: 'UPHELD', summary: 'x' }, /Acknowledge the complaint first \(due by 2026-07-30\)/, 'DPC_ACKNOWLEDGED_FIRST');
    await refused('recordDataProtectionProgressUpdate', ref, { method: 'PHONE', summary: 'x' }, /Acknowledge the complaint first/, 'DPC_ACKNOWLEDGED_FIRST');
    await refused('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-1' }, /after 2026-10-01, or after 2026-07-30 if it is still not acknowledged/, 'DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY');
    await refused('closeDataProtectionComplaint', ref, { reason: 'x' }, /Closing is not possible while the data-protection complaint is received and not yet acknowledged/, 'WORKFLOW_STATE');
    await refused('recordDataProtectionIcoOutcome', ref, { result: 'NO_FURTHER_ACTION', summary: 'x' }, /not possible/, 'WORKFLOW_STATE');

    await refused('acknowledgeDataProtectionComplaint', ref, { acknowledgedOn: '2026-07-02' }, /cannot be in the future/, 'DPC_DATE_NOT_IN_FUTURE');
    await refused('acknowledgeDataProtectionComplaint', ref, { acknowledgedOn: '2026-06-30' }, /before the day the complaint was received \(2026-07-01\)/, 'DPC_DATE_IN_ORDER');
    await refused('recordDataProtectionEnquiry', ref, { description: 'x', madeBy: 'y', madeOn: '2026-06-30' }, /before the day the complaint was received/, 'DPC_DATE_IN_ORDER');
    await ok('allocateDataProtectionComplaint', ref, { handler: 'kim' });
    const sameHandler = await refused('allocateDataProtectionComplaint', ref, { handler: 'kim' }, /already allocated to this handler/, 'DPC_NEW_HANDLER');
    expect(sameHandler).toMatchObject({ field: ['input', 'handler'], code: 'INVALID' });

    app.setNow('2026-07-10T10:00:00Z');
    await ok('acknowledgeDataProtectionComplaint', ref, { acknowledgedOn: '2026-07-08' });
    await refused('acknowledgeDataProtectionComplaint', ref, {}, /Acknowledging is not possible while the data-protection complaint is acknowledged/, 'WORKFLOW_STATE');
    await refused('recordDataProtectionProgressUpdate', ref, { method: 'PHONE', summary: 'x', sentOn: '2026-07-07' }, /before the acknowledgement \(2026-07-08\)/, 'DPC_DATE_IN_ORDER');
    await refused('recordDataProtectionOutcome', ref, { kind: 'UPHELD', summary: 'x', sentOn: '2026-07-11' }, /future/, 'DPC_DATE_NOT_IN_FUTURE');
    await refused('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-1' }, /without one after 2026-10-01\./, 'DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY');

    await ok('withdrawDataProtectionComplaint', ref, { reason: 'The complainant wrote to withdraw' });
    await refused('recordDataProtectionEnquiry', ref, { description: 'x', madeBy: 'y' }, /while the data-protection complaint is withdrawn/, 'WORKFLOW_STATE');
    await refused('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-1' }, /withdrawn/, 'WORKFLOW_STATE');
    app.setNow(JULY_1);
  });

  it('refuses an ICO outcome dated before the complaint to the ICO', async () => {
    app.setNow(JULY_1);
    const ref = (await submit()).receipt.reference;
    await ok('acknowledgeDataProtectionComplaint', ref, {});
    await ok('recordDataProtectionOutcome', ref, { kind: 'NOT_UPHELD', summary: 'Lawful disclosure' });
    app.setNow('2026-07-20T10:00:00Z');
    await ok('recordDataProtectionIcoComplaint', ref, { icoReference: 'IC-9', complainedOn: '2026-07-15' });
    await refused('recordDataProtectionIcoOutcome', ref, { result: 'NO_FURTHER_ACTION', summary: 'x', decidedOn: '2026-07-14' }, /before the complaint to the ICO \(2026-07-15\)/, 'DPC_DATE_IN_ORDER');
    app.setNow(JULY_1);
  });
});

describe('who may do what', () => {
  it('lists Information Rights’ actions on the case, each allowed or refused by its rules', async () => {
    app.setNow(JULY_1);
    const ref = (await submit()).receipt.reference;
    const res = await app.gql(ACTIONS, { reference: ref }, { token: ir() });
    const actions = res.body.data!.dataProtectionComplaint.availableActions as Array<{ action: string; allowed: boolean; refusedBy: Array<{ rule: string }> }>;
    const byName = Object.fromEntries(actions.map((a) => [a.action, a]));
    expect(Object.keys(byName).sort()).toEqual(Object.keys(dataProtectionCaseType.workflow.actions).sort());
    expect(byName.acknowledgeDataProtectionComplaint!.allowed).toBe(true);
    expect(byName.allocateDataProtectionComplaint!.allowed).toBe(true);
    expect(byName.recordDataProtectionEnquiry!.allowed).toBe(true);
    expect(byName.withdrawDataProtectionComplaint!.allowed).toBe(true);
    expect(byName.recordDataProtectionOutcome!.refusedBy.map((r) => r.rule)).toEqual(['DPC_ACKNOWLEDGED_FIRST']);
    expect(byName.recordDataProtectionProgressUpdate!.refusedBy.map((r) => r.rule)).toEqual(['DPC_ACKNOWLEDGED_FIRST']);
    expect(byName.recordDataProtectionIcoComplaint!.refusedBy.map((r) => r.rule)).toEqual(['DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY']);
    expect(byName.closeDataProtectionComplaint!.refusedBy.map((r) => r.rule)).toEqual(['WORKFLOW_STATE']);
    expect(byName.recordDataProtectionIcoOutcome!.refusedBy.map((r) => r.rule)).toEqual(['WORKFLOW_STATE']);
  });

  it('keeps Professional Standards out: FORBIDDEN for the read, queue, statistics and every action', async () => {
    const ref = (await submit()).receipt.reference;
    const ps = app.token('professional-standards', 'sam.pro');
    const operations = [
      [READ, { reference: ref }],
      [QUEUE, { input: { queue: 'UNALLOCATED' } }],
      [STATS, { input: { from: '2026-07-01', to: '2026-07-31' } }],
      [`mutation { acknowledgeDataProtectionComplaint(input: { reference: "${ref}", expectedVersion: 1 }) { userErrors { code } } }`, {}],
      [`mutation { withdrawDataProtectionComplaint(input: { reference: "${ref}", expectedVersion: 1, reason: "x" }) { userErrors { code } } }`, {}],
    ] as const;
    for (const [query, variables] of operations) {
      const res = await app.gql(query, variables, { token: ps });
      expect(res.body.errors![0]!.extensions!.code, query).toBe('FORBIDDEN');
      expect(res.body.data ?? null).toBeNull();
    }
    expect((await read(ref)).version).toBe(1);
  });
});

describe('queues', () => {
  it('lists acknowledgements due soon and overdue at the boundary days', async () => {
    app.setNow(JULY_1);
    const ref = (await submit()).receipt.reference; // due by 2026-07-30
    const at = async (day: string, input: Record<string, unknown>) => {
      app.setNow(`${day}T11:00:00Z`);
      return queue(input);
    };
    expect(await at('2026-07-22', { queue: 'ACKNOWLEDGEMENT_DUE_SOON' })).not.toContain(ref); // due in 8 days
    expect(await at('2026-07-23', { queue: 'ACKNOWLEDGEMENT_DUE_SOON' })).toContain(ref); // due in 7 days (the default)
    expect(await at('2026-07-27', { queue: 'ACKNOWLEDGEMENT_DUE_SOON', withinDays: 2 })).not.toContain(ref);
    expect(await at('2026-07-28', { queue: 'ACKNOWLEDGEMENT_DUE_SOON', withinDays: 2 })).toContain(ref);
    expect(await at('2026-07-30', { queue: 'ACKNOWLEDGEMENT_DUE_SOON', withinDays: 0 })).toContain(ref); // day 30: due today
    expect(await at('2026-07-30', { queue: 'ACKNOWLEDGEMENT_OVERDUE' })).not.toContain(ref);
    expect(await at('2026-07-31', { queue: 'ACKNOWLEDGEMENT_OVERDUE' })).toContain(ref); // day 31
    expect(await at('2026-07-31', { queue: 'ACKNOWLEDGEMENT_DUE_SOON' })).not.toContain(ref);

    await ok('acknowledgeDataProtectionComplaint', ref, {});
    expect(await queue({ queue: 'ACKNOWLEDGEMENT_OVERDUE' })).not.toContain(ref);
    app.setNow(JULY_1);
  });

  it('shows the row without personal data', async () => {
    app.setNow(JULY_1);
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-07-03T11:00:00Z');
    const res = await app.gql(QUEUE, { input: { queue: 'UNALLOCATED' } }, { token: ir() });
    const row = res.body.data!.dataProtectionComplaintQueue.edges.find((e: { node: { reference: string } }) => e.node.reference === ref).node;
    expect(row).toEqual({ reference: ref, status: 'RECEIVED', receivedOn: '2026-07-01', handler: null, acknowledgementDueOn: '2026-07-30', ageInDays: 2 });
    app.setNow(JULY_1);
  });

  it('keeps the unallocated and each handler’s open caseload (the caller’s by default), and lists by status', async () => {
    app.setNow(JULY_1);
    const ref = (await submit()).receipt.reference;
    expect(await queue({ queue: 'UNALLOCATED' })).toContain(ref);
    await ok('allocateDataProtectionComplaint', ref, { handler: 'ira.rights' });
    expect(await queue({ queue: 'UNALLOCATED' })).not.toContain(ref);
    expect(await queue({ queue: 'OPEN_BY_HANDLER' })).toContain(ref); // the caller, ira.rights
    expect(await queue({ queue: 'OPEN_BY_HANDLER' }, ir('kim'))).not.toContain(ref);
    expect(await queue({ queue: 'OPEN_BY_HANDLER', handler: 'ira.rights' }, ir('kim'))).toContain(ref);
    await ok('allocateDataProtectionComplaint', ref, { handler: 'kim' });
    expect(await queue({ queue: 'OPEN_BY_HANDLER' }, ir('kim'))).toContain(ref);
    expect(await queue({ queue: 'OPEN_BY_HANDLER' })).not.toContain(ref);
    expect(await queue({ queue: 'BY_STATUS', status: 'RECEIVED' })).toContain(ref);
    await ok('withdrawDataProtectionComplaint', ref, { reason: 'Asked' });
    expect(await queue({ queue: 'BY_STATUS', status: 'WITHDRAWN' })).toContain(ref);
    expect(await queue({ queue: 'BY_STATUS', status: 'RECEIVED' })).not.toContain(ref);
    expect(await queue({ queue: 'OPEN_BY_HANDLER' }, ir('kim'))).not.toContain(ref);
    expect(await queue({ queue: 'ACKNOWLEDGEMENT_DUE_SOON', withinDays: 30 })).not.toContain(ref);
  });

  it('refuses a queue request it cannot answer', async () => {
    for (const input of [{ queue: 'BY_STATUS' }, { queue: 'ACKNOWLEDGEMENT_DUE_SOON', withinDays: 31 }]) {
      const res = await app.gql(QUEUE, { input }, { token: ir() });
      expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('statistics', () => {
  it('counts receipts, acknowledgements (and those within 30 days), outcomes by kind and ICO referrals, each on its day', async () => {
    const fresh = await createTestApp(); // its own table, so every count is this test's
    const token = fresh.token('information-rights', 'ira.rights');
    const helpers = caseHelpers(() => fresh, { read: READ, readField: 'dataProtectionComplaint', payloadField: 'dataProtectionComplaint', fields: FIELDS, caseType: dataProtectionCaseType, token: () => token });
    fresh.setNow('2026-08-03T10:00:00Z');
    const a = (await submit({}, fresh)).receipt.reference;
    const b = (await submit({}, fresh)).receipt.reference;
    const c = (await submit({}, fresh)).receipt.reference;
    const logged = await fresh.gql(
      LOG,
      { input: { idempotencyKey: newKey(), channel: 'EMAIL', receivedOn: '2026-07-01', complainant: { name: 'Lee', email: 'lee@example.com', preferredContact: 'EMAIL' }, whatHappened: 'x' } },
      { token },
    );
    const d = logged.body.data!.logDataProtectionComplaint.receipt.reference; // received 1 July: due 30 July, so late now

    await helpers.ok('acknowledgeDataProtectionComplaint', a, {}); // 3 Aug, in time
    await helpers.ok('acknowledgeDataProtectionComplaint', b, {}); // 3 Aug, in time
    await helpers.ok('acknowledgeDataProtectionComplaint', d, {}); // 3 Aug, late
    await helpers.ok('recordDataProtectionOutcome', a, { kind: 'UPHELD', summary: 's' });
    await helpers.ok('recordDataProtectionOutcome', b, { kind: 'NOT_UPHELD', summary: 's' });
    await helpers.ok('recordDataProtectionOutcome', d, { kind: 'NOT_UPHELD', summary: 's' });
    await helpers.ok('recordDataProtectionIcoComplaint', b, { icoReference: 'IC-7' });
    await helpers.ok('withdrawDataProtectionComplaint', c, { reason: 'Asked' });

    const stats = async (from: string, to: string) =>
      (await fresh.gql(STATS, { input: { from, to } }, { token })).body.data!.dataProtectionComplaintStatistics;
    expect(await stats('2026-07-01', '2026-08-31')).toEqual({
      from: '2026-07-01',
      to: '2026-08-31',
      received: 4, // a, b, c and d
      acknowledged: 3, // a, b, d
      acknowledgedWithin30Days: 2, // a, b
      shareAcknowledgedWithin30Days: 0.667,
      outcomes: { upheld: 1, partlyUpheld: 0, notUpheld: 2 },
      referredToIco: 1,
    });
    expect(await stats('2026-07-01', '2026-07-31')).toMatchObject({ received: 1, acknowledged: 0, shareAcknowledgedWithin30Days: null, referredToIco: 0 });
    const tooLong = await fresh.gql(STATS, { input: { from: '2025-01-01', to: '2026-08-31' } }, { token });
    expect(tooLong.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

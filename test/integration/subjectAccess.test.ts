import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { subjectAccessCaseType } from '../../src/subjectAccess/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/** Subject access requests through the real Lambda handler and DynamoDB Local. */
const FIELDS = `reference status channel receivedOn handler identityVerified regime version
  requester { name dateOfBirth } agent { agentName authority }
  clock { state startedOn pausedDays firstMonthEndsOn dueOn extensionMonths daysRemaining overdue
    events { type on months reason recordedBy holidaySet } }
  search { systemsSearched } restrictions { ground reason } redactions { description }
  response { outcome reasons respondedOn withinDeadline } closure { kind }
  auditTrail { action actor { kind name } }`;

const SUBMIT = `mutation($input: SubmitSubjectAccessRequestInput!) { submitSubjectAccessRequest(input: $input) {
  receipt { reference trackingCode } signpost { organisation url explanation } userErrors { field message code } } }`;
const LOG = `mutation($input: LogSubjectAccessRequestInput!) { logSubjectAccessRequest(input: $input) {
  receipt { reference trackingCode } userErrors { field message code } } }`;
const READ = `query($reference: String!) { subjectAccessRequest(reference: $reference) { ${FIELDS} } }`;
const TRACK = `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { reference caseType status statusDescription dueOn } }`;
const QUEUE = `query($input: SubjectAccessQueueInput!) { subjectAccessQueue(input: $input) { edges { node { reference status dueOn handler } } } }`;
const STATS = `query($input: SubjectAccessStatisticsInput!) { subjectAccessStatistics(input: $input) {
  received completed completedWithinDeadline shareCompletedWithinDeadline extensions outcomes { code count } } }`;

let app: TestApp;
let ip = 0;
const ir = (name = 'ira.rights') => app.token('information-rights', name);

const form = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  requester: { name: 'Alex Requester', previousNames: ['Alex Smith'], dateOfBirth: '1980-05-01', address: '1 High Street, Birmingham B1 1AA', email: 'alex@example.com' },
  scope: { description: 'Everything about my report of a burglary in 2025', dateFrom: '2025-01-01', dateTo: '2025-12-31', knownReferences: ['20/123456/25'] },
  format: 'ELECTRONIC',
  ...over,
});

async function submit(over: Record<string, unknown> = {}) {
  return (await app.gql(SUBMIT, { input: form(over) }, { ip: `198.19.0.${++ip % 250}` })).body.data!.submitSubjectAccessRequest;
}
const { read, ok, refused } = caseHelpers(() => app, {
  read: READ,
  readField: 'subjectAccessRequest',
  payloadField: 'subjectAccessRequest',
  fields: FIELDS,
  caseType: subjectAccessCaseType,
  token: () => ir(),
});
const queue = async (input: Record<string, unknown>) =>
  (await app.gql(QUEUE, { input }, { token: ir() })).body.data!.subjectAccessQueue.edges.map((e: { node: { reference: string } }) => e.node.reference) as string[];

beforeAll(async () => {
  app = await createTestApp();
});

// Every test starts on Monday 2 March 2026, whatever the one before did to the clock.
beforeEach(() => app.setNow('2026-03-02T10:00:00Z'));

describe('the public form', () => {
  it('gives a SAR reference; the requester can see the status and the due date', async () => {
    const { receipt, userErrors, signpost } = await submit();
    expect(userErrors).toEqual([]);
    expect(signpost).toBeNull();
    expect(receipt.reference).toMatch(/^SAR-2026-\d{6}$/);
    const tracked = await app.gql(TRACK, { r: receipt.reference, c: receipt.trackingCode });
    expect(tracked.body.data!.trackCase).toMatchObject({ caseType: 'SUBJECT_ACCESS', status: 'RECEIVED', dueOn: '2026-04-02' });
    expect(JSON.stringify(tracked.body)).not.toMatch(/Alex|burglary|1980/);
  });

  it('points a criminal-record request to ACRO and stores nothing', async () => {
    const scan = async () => ((await app.doc.send(new ScanCommand({ TableName: app.tableName }))).Items ?? []).length;
    const before = await scan();
    const out = await submit({ requester: { ...form().requester, name: 'Chris Recordcheck' }, scope: { description: 'A copy of my criminal record on the Police National Computer for a visa' } });
    expect(out.receipt).toBeNull();
    expect(out.signpost).toMatchObject({ organisation: 'ACRO Criminal Records Office', url: expect.stringMatching(/^https:\/\/www\.acro\.police\.uk/) });
    expect(await scan()).toBe(before);
    const confirmed = await submit({ scope: { description: 'My criminal record, and also notes of my 101 calls' }, confirmNotOnlyCriminalRecord: true });
    expect(confirmed.receipt.reference).toMatch(/^SAR-/);
  });

  it.each([
    ['a date of birth in the future', { requester: { name: 'A', dateOfBirth: '2030-01-01', address: 'x' } }, 'input.requester.dateOfBirth'],
    ['no description', { scope: { description: ' ' } }, 'input.scope.description'],
    ['a period that ends before it starts', { scope: { description: 'x', dateFrom: '2025-06-01', dateTo: '2025-01-01' } }, 'input.scope.dateTo'],
    ['an agent without their authority', { agent: { agentName: 'Sol Icitor', relationship: 'Solicitor', authority: '' } }, 'input.agent.authority'],
  ])('refuses %s', async (_, over, field) => {
    const out = await submit(over);
    expect(out.receipt).toBeNull();
    expect(out.userErrors).toContainEqual(expect.objectContaining({ field: field.split('.') }));
  });
});

describe('worked dates from RULES.md, through the API', () => {
  it('a request made on Saturday 31 January 2026 is due on Monday 2 March', async () => {
    app.setNow('2026-01-31T12:00:00Z');
    const { receipt } = await submit();
    expect((await read(receipt.reference)).clock).toMatchObject({ state: 'RUNNING', startedOn: '2026-01-31', dueOn: '2026-03-02' });
    app.setNow('2026-03-02T10:00:00Z');
  });

  it('a request received by post on Monday 25 November 2024 was due on Friday 27 December', async () => {
    const res = await app.gql(LOG, { input: { ...form(), channel: 'POST', receivedOn: '2024-11-25', identityVerified: true } }, { token: ir() });
    const { reference } = res.body.data!.logSubjectAccessRequest.receipt;
    const r = await read(reference);
    expect(r).toMatchObject({ channel: 'POST', receivedOn: '2024-11-25', identityVerified: true });
    expect(r.clock).toMatchObject({ dueOn: '2024-12-27', overdue: true });
    expect(r.auditTrail.find((e: { action: string }) => e.action === 'SUBMITTED')).toMatchObject({ actor: { kind: 'STAFF', name: 'ira.rights' } });
  });
});

describe('the clock', () => {
  it('does not start until proof of identity arrives', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    let r = await ok('requestProofOfIdentity', ref, { reason: 'A copy of photo ID and a recent utility bill' });
    expect(r).toMatchObject({ status: 'AWAITING_IDENTITY', clock: { state: 'AWAITING_IDENTITY', dueOn: null } });
    expect(await queue({ queue: 'AWAITING_IDENTITY' })).toContain(ref);
    const tracked = await app.gql(TRACK, { r: ref, c: receipt.trackingCode });
    expect(tracked.body.data!.trackCase).toMatchObject({ status: 'AWAITING_IDENTITY', dueOn: null });

    app.setNow('2026-03-10T10:00:00Z');
    r = await ok('recordProofOfIdentity', ref, { on: '2026-03-10' });
    expect(r).toMatchObject({ status: 'IN_PROGRESS', identityVerified: true, clock: { startedOn: '2026-03-10', dueOn: '2026-04-10' } });
    expect(r.clock.events.map((e: { type: string }) => e.type)).toEqual(['IDENTITY_REQUESTED', 'IDENTITY_RECEIVED']);
    expect(r.clock.events[0]).toMatchObject({ reason: 'A copy of photo ID and a recent utility bill', recordedBy: 'ira.rights', holidaySet: 'England and Wales working days, data 2023–2028 (2028 provisional), version bundled-2026-11-22' });
    expect(await queue({ queue: 'AWAITING_IDENTITY' })).not.toContain(ref);
    await refused('requestProofOfIdentity', ref, { reason: 'again' }, /already been verified/, 'SAR_IDENTITY_NOT_YET_VERIFIED');
    app.setNow('2026-03-02T10:00:00Z');
  });

  it('pauses for clarification and moves the deadline by the days paused', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    app.setNow('2026-03-05T10:00:00Z');
    let r = await ok('requestSarClarification', ref, { reason: 'Which address did the burglary happen at?' });
    expect(r).toMatchObject({ status: 'AWAITING_CLARIFICATION', clock: { state: 'PAUSED', dueOn: null } });
    const tracked = await app.gql(TRACK, { r: ref, c: receipt.trackingCode });
    expect(tracked.body.data!.trackCase.status).toBe('AWAITING_INFORMATION');
    await refused('respondToSubjectAccessRequest', ref, { outcome: 'NOTHING_HELD' }, /not possible while the subject access request is waiting for clarification/, 'WORKFLOW_STATE');
    app.setNow('2026-03-12T10:00:00Z');
    r = await ok('recordSarClarification', ref, {});
    // Both the day asked and the day received are excluded (RULES.md §3): 8 days.
    expect(r.clock).toMatchObject({ state: 'RUNNING', pausedDays: 8, dueOn: '2026-04-10', daysRemaining: 29 });
    app.setNow('2026-03-02T10:00:00Z');
  });

  it('allows an extension of up to two months, with reasons, before the first month ends', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    const late = (await submit()).receipt.reference;
    app.setNow('2026-03-20T10:00:00Z');
    await refused('extendSubjectAccessRequest', ref, { months: 3, reason: 'Very complex' }, /two months at most/, 'SAR_CLOCK_EXTENSION');
    expect((await refused('extendSubjectAccessRequest', ref, { months: 1, reason: ' ' }, /Give the reasons/)).rule).toBeNull();
    let r = await ok('extendSubjectAccessRequest', ref, { months: 1, reason: 'Records in three systems' });
    expect(r.clock).toMatchObject({ dueOn: '2026-05-05', extensionMonths: 1, firstMonthEndsOn: '2026-04-02' });
    r = await ok('extendSubjectAccessRequest', ref, { months: 1, reason: 'Archived paper files too' });
    expect(r.clock).toMatchObject({ dueOn: '2026-06-02', extensionMonths: 2 });
    await refused('extendSubjectAccessRequest', ref, { months: 1, reason: 'More' }, /two months at most in all \(2 already used\)/, 'SAR_CLOCK_EXTENSION');

    app.setNow('2026-04-03T10:00:00Z');
    await refused('extendSubjectAccessRequest', late, { months: 2, reason: 'Too late now' }, /before the first month ends \(2026-04-02\)/, 'SAR_CLOCK_EXTENSION');
    app.setNow('2026-03-02T10:00:00Z');
  });
});

describe('from request to response', () => {
  it('runs the whole journey, each step version-checked and audited', async () => {
    const { receipt } = await submit({ agent: { agentName: 'Sol Icitor', relationship: 'Solicitor', authority: 'Signed form of authority' } });
    const ref = receipt.reference;
    await ok('allocateSubjectAccessRequest', ref, { handler: 'ira.rights' });
    expect(await queue({ queue: 'BY_HANDLER' })).toContain(ref);
    await refused('respondToSubjectAccessRequest', ref, { outcome: 'NOTHING_HELD' }, /UK GDPR or DPA 2018 Part 3/, 'SAR_REGIME_DECIDED');
    await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
    await refused('recordSarRestrictions', ref, { restrictions: [{ ground: 'AVOID_PREJUDICING_OFFENCES', reason: 'Live investigation' }], redactions: [] }, /DPA 2018 Part 3 first/, 'SAR_RESTRICTIONS_UNDER_PART_3');
    await refused('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_FULL' }, /systems searched/, 'SAR_SEARCH_BEFORE_DISCLOSURE');
    await ok('decideSarRegime', ref, { regime: 'DPA_2018_PART_3' });
    await ok('recordSarSearch', ref, { systemsSearched: ['Niche RMS', 'Command and control'], dataFound: 'Crime report and two incident logs' });
    await refused('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_PART', reasons: 'Some withheld' }, /restrictions or redactions recorded first/, 'SAR_PARTIAL_DISCLOSURE_GROUNDS');
    await ok('recordSarRestrictions', ref, {
      restrictions: [{ ground: 'AVOID_PREJUDICING_OFFENCES', reason: 'A suspect has not yet been interviewed' }],
      redactions: [{ description: 'Names of witnesses', reason: 'Rights and freedoms of others' }],
    });
    expect((await refused('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_PART' }, /Give the reasons/)).rule).toBeNull();
    // Wholly restricted (s.45(4)) is an outcome of its own, but not with data redacted: that is a partial disclosure.
    await refused('respondToSubjectAccessRequest', ref, { outcome: 'RESTRICTED_IN_FULL', reasons: 'Inquiry under way' }, /data redacted is data disclosed in part/, 'SAR_WHOLE_RESTRICTION_GROUNDS');
    app.setNow('2026-03-30T10:00:00Z');
    const r = await ok('respondToSubjectAccessRequest', ref, { outcome: 'DISCLOSED_IN_PART', reasons: 'Restricted under s.45(4)(b); you may complain to the ICO or apply to court.' });
    expect(r).toMatchObject({ status: 'RESPONDED', response: { outcome: 'DISCLOSED_IN_PART', respondedOn: '2026-03-30', withinDeadline: true }, clock: { overdue: false } });
    await refused('withdrawSubjectAccessRequest', ref, { reason: 'late' }, /^Withdrawal is not possible while the subject access request is already answered\.$/, 'WORKFLOW_STATE');
    const closed = await ok('closeSubjectAccessRequest', ref, { reason: 'Response sent' });
    expect(closed.status).toBe('CLOSED');
    expect(closed.auditTrail.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['SUBMITTED', 'ALLOCATED', 'REGIME_DECIDED', 'SEARCH_RECORDED', 'RESTRICTIONS_RECORDED', 'RESPONDED', 'CLOSED', 'READ']),
    );
    const tracked = await app.gql(TRACK, { r: ref, c: receipt.trackingCode });
    expect(tracked.body.data!.trackCase.status).toBe('CLOSED');
    app.setNow('2026-03-02T10:00:00Z');
  });

  it('refuses a refusal without reasons, and closing an open request', async () => {
    const ref = (await submit()).receipt.reference;
    await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
    expect((await refused('respondToSubjectAccessRequest', ref, { outcome: 'REFUSED_EXCESSIVE' }, /Give the reasons/)).rule).toBeNull();
    await refused('closeSubjectAccessRequest', ref, { reason: 'x' }, /Closing is not possible while/, 'WORKFLOW_STATE');
    const w = await ok('withdrawSubjectAccessRequest', ref, { reason: 'Requester no longer wants it' });
    expect(w.status).toBe('WITHDRAWN');
  });

  it('lets the first of two simultaneous changes win and tells the other', async () => {
    const ref = (await submit()).receipt.reference;
    const { version } = await read(ref);
    const doc = `mutation($input: AllocateSubjectAccessRequestInput!) { allocateSubjectAccessRequest(input: $input) { subjectAccessRequest { handler } userErrors { code } } }`;
    const results = await Promise.all(
      ['kim', 'lou'].map((handler) => app.gql(doc, { input: { reference: ref, expectedVersion: version, handler } }, { token: ir() })),
    );
    const codes = results.map((r) => r.body.data!.allocateSubjectAccessRequest.userErrors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'STALE_VERSION']);
  });
});

describe('available actions and who can see a request', () => {
  const ACTIONS = `query($reference: String!) { subjectAccessRequest(reference: $reference) {
    availableActions { action description allowed refusedBy { rule message cites } } } }`;
  type Available = { action: string; description: string; allowed: boolean; refusedBy: Array<{ rule: string; message: string; cites: string }> };
  const available = async (reference: string) => {
    const res = await app.gql(ACTIONS, { reference }, { token: ir() });
    const list = res.body.data!.subjectAccessRequest.availableActions as Available[];
    return Object.fromEntries(list.map((a) => [a.action, a]));
  };
  const refusedBy = (a: Available | undefined) => a?.refusedBy.map((r) => r.rule);

  it('lists the information-rights actions, allowed or refused by the rules that refuse them now', async () => {
    const ref = (await submit()).receipt.reference;
    let actions = await available(ref);
    expect(Object.keys(actions).sort()).toEqual(Object.keys(subjectAccessCaseType.workflow.actions).sort());
    expect(actions.allocateSubjectAccessRequest).toMatchObject({ allowed: true, refusedBy: [] });
    expect(actions.requestProofOfIdentity!.allowed).toBe(true);
    expect(actions.respondToSubjectAccessRequest).toMatchObject({
      allowed: false,
      refusedBy: [{ rule: 'SAR_REGIME_DECIDED', message: 'Decide whether UK GDPR or DPA 2018 Part 3 applies first.', cites: expect.stringMatching(/^RULES\.md §3/) }],
    });
    expect(refusedBy(actions.closeSubjectAccessRequest)).toEqual(['WORKFLOW_STATE']);

    await ok('requestProofOfIdentity', ref, { reason: 'Photo ID' });
    actions = await available(ref);
    expect(refusedBy(actions.respondToSubjectAccessRequest)).toEqual(['WORKFLOW_STATE']);
    await ok('recordProofOfIdentity', ref, {});
    actions = await available(ref);
    expect(refusedBy(actions.requestProofOfIdentity)).toEqual(['SAR_IDENTITY_NOT_YET_VERIFIED']);

    await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
    expect((await available(ref)).respondToSubjectAccessRequest).toMatchObject({ allowed: true, refusedBy: [] });
    await ok('respondToSubjectAccessRequest', ref, { outcome: 'REFUSED_EXCESSIVE', reasons: 'Repeated requests; you may complain to the ICO or go to court.' });
    actions = await available(ref);
    expect(actions.closeSubjectAccessRequest!.allowed).toBe(true);
    for (const name of ['allocateSubjectAccessRequest', 'withdrawSubjectAccessRequest', 'respondToSubjectAccessRequest']) {
      expect(refusedBy(actions[name])).toEqual(['WORKFLOW_STATE']);
    }
  });

  it('is not for the web-content or professional-standards teams', async () => {
    const ref = (await submit()).receipt.reference;
    for (const team of ['web-content', 'professional-standards']) {
      const res = await app.gql(ACTIONS, { reference: ref }, { token: app.token(team, 'someone.else') });
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(res.body.data ?? null).toBeNull();
      expect(JSON.stringify(res.body)).not.toMatch(/Alex|burglary/);
    }
  });
});

describe('queues and figures', () => {
  it('list due-soon and overdue requests, and count against a hand-counted fixture', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    try {
      // A: received Mon 2 Mar (due Thu 2 Apr), answered in full on 31 Mar: on time.
      // B: received Tue 3 Mar; 3 Apr is Good Friday and 6 Apr Easter Monday, so due Tue 7 Apr;
      //    nothing held, answered Wed 8 Apr: late.
      // C: received Wed 4 Mar, extended by 2 months on 10 Mar: three months from the start, Thu 4 June.
      app.setNow('2026-03-02T10:00:00Z');
      const a = (await submit()).receipt.reference;
      app.setNow('2026-03-03T10:00:00Z');
      const b = (await submit()).receipt.reference;
      app.setNow('2026-03-04T10:00:00Z');
      const c = (await submit()).receipt.reference;
      app.setNow('2026-03-10T10:00:00Z');
      expect((await ok('extendSubjectAccessRequest', c, { months: 2, reason: 'Complex' })).clock.dueOn).toBe('2026-06-04');

      app.setNow('2026-03-30T10:00:00Z');
      expect(await queue({ queue: 'DUE_SOON', withinDays: 7 })).toEqual([a]);
      expect(await queue({ queue: 'DUE_SOON', withinDays: 8 })).toEqual([a, b]);
      expect(await queue({ queue: 'OVERDUE' })).toEqual([]);
      for (const ref of [a, b]) {
        await ok('decideSarRegime', ref, { regime: 'UK_GDPR' });
        await ok('recordSarSearch', ref, { systemsSearched: ['Niche RMS'], dataFound: 'See bundle' });
      }
      app.setNow('2026-03-31T10:00:00Z');
      await ok('respondToSubjectAccessRequest', a, { outcome: 'DISCLOSED_IN_FULL' });
      app.setNow('2026-04-07T10:00:00Z');
      expect(await queue({ queue: 'OVERDUE' })).toEqual([]);
      app.setNow('2026-04-08T10:00:00Z');
      expect(await queue({ queue: 'OVERDUE' })).toEqual([b]);
      expect((await ok('respondToSubjectAccessRequest', b, { outcome: 'NOTHING_HELD' })).response.withinDeadline).toBe(false);
      expect(await queue({ queue: 'OVERDUE' })).toEqual([]);
      expect(await queue({ queue: 'BY_STATUS', status: 'RESPONDED' })).toEqual([a, b]);

      const stats = (await app.gql(STATS, { input: { from: '2026-03-01', to: '2026-04-30' } }, { token: ir() })).body.data!.subjectAccessStatistics;
      expect(stats).toEqual({
        received: 3,
        completed: 2,
        completedWithinDeadline: 1,
        shareCompletedWithinDeadline: 0.5,
        extensions: 1,
        outcomes: [
          { code: 'DISCLOSED_IN_FULL', count: 1 },
          { code: 'NOTHING_HELD', count: 1 },
        ],
      });
      const april = (await app.gql(STATS, { input: { from: '2026-04-01', to: '2026-04-30' } }, { token: ir() })).body.data!.subjectAccessStatistics;
      expect(april).toMatchObject({ received: 0, completed: 1, completedWithinDeadline: 0, shareCompletedWithinDeadline: 0 });
      expect(app.logger.lines.join('\n')).not.toMatch(/Alex|1980-05-01|High Street|burglary/);
    } finally {
      app = shared;
    }
  });
});

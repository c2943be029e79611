import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foiCaseType } from '../../src/foi/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/** Freedom of Information through the real Lambda handler and DynamoDB Local. */
const FIELDS = `reference status channel receivedOn handler version description
  requester { name email }
  clock { state countsFrom dueOn statutoryDueOn publicInterestLimitOn feeDueBy daysRemaining workingDaysRemaining overdue
    events { type on extendedTo reason recordedBy holidaySet } }
  publicInterestExtension { exemptions { section } estimatedDate }
  response { outcome exemptions { section name publicInterestTestApplied neitherConfirmNorDeny } respondedOn withinDeadline within20WorkingDays }
  disclosureDraft { title question answer } published
  internalReview { requestedOn dueOn limitOn extendedTo outcome }
  icoComplaint { icoReference decision decisionNoticeReference }
  closure { kind } auditTrail { action actor { name } }`;

const SUBMIT = `mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) {
  receipt { reference trackingCode } signpost { organisation explanation } userErrors { field message code } } }`;
const LOG = `mutation($input: LogFoiRequestInput!) { logFoiRequest(input: $input) { receipt { reference } userErrors { field message code } } }`;
const READ = `query($reference: String!) { foiRequest(reference: $reference) { ${FIELDS} } }`;
const TRACK = `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { caseType status statusDescription dueOn } }`;
const QUEUE = `query($input: FoiQueueInput!) { foiQueue(input: $input) { edges { node { reference status dueOn } } } }`;
const LOG_PUBLIC = `query($search: DisclosureLogSearch, $first: Int, $after: String) { disclosureLog(search: $search, first: $first, after: $after) {
  edges { node { reference title question answer outcome exemptions { section } publishedOn } } pageInfo { hasNextPage endCursor } } }`;
const HISTORY = `query($reference: String!) { foiRequesterHistory(reference: $reference) { edges { node { reference } } } }`;
const STATS = `query($input: FoiStatisticsInput!) { foiStatistics(input: $input) {
  received answered answeredWithin20WorkingDays shareAnsweredWithin20WorkingDays answeredInTime shareAnsweredInTime outcomes { code count } exemptionsUsed { code count }
  internalReviewsRequested internalReviewOutcomes { code count } internalReviewsDecided internalReviewsDecidedWithin20WorkingDays shareInternalReviewsDecidedWithin20WorkingDays } }`;

let app: TestApp;
let ip = 0;
const ir = () => app.token('information-rights', 'fay.foi');

const form = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  requester: { name: 'Sam Asker', email: 'sam.asker@example.com' },
  description: 'How many speed cameras did the force operate in Birmingham in 2025, and what did they cost?',
  format: 'ELECTRONIC_COPY',
  ...over,
});

async function submit(over: Record<string, unknown> = {}) {
  return (await app.gql(SUBMIT, { input: form(over) }, { ip: `198.20.0.${++ip % 250}` })).body.data!.submitFoiRequest;
}
const { read, ok, refused } = caseHelpers(() => app, {
  read: READ,
  readField: 'foiRequest',
  payloadField: 'foiRequest',
  fields: FIELDS,
  caseType: foiCaseType,
  token: () => ir(),
});
const queue = async (input: Record<string, unknown>) =>
  (await app.gql(QUEUE, { input }, { token: ir() })).body.data!.foiQueue.edges.map((e: { node: { reference: string } }) => e.node.reference) as string[];
const publicLog = async (search: Record<string, unknown> | null, first?: number, after?: string) =>
  (await app.gql(LOG_PUBLIC, { search, first, after })).body.data!.disclosureLog;

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-03-02T10:00:00Z'));

describe('the public form', () => {
  it('gives an FOI reference and the due date, 20 FOIA working days on', async () => {
    const { receipt, userErrors } = await submit();
    expect(userErrors).toEqual([]);
    expect(receipt.reference).toMatch(/^FOI-2026-\d{6}$/);
    const tracked = await app.gql(TRACK, { r: receipt.reference, c: receipt.trackingCode });
    expect(tracked.body.data!.trackCase).toMatchObject({ caseType: 'FOI', status: 'RECEIVED', dueOn: '2026-03-31' });
  });

  it.each([
    ['no address for the reply', { requester: { name: 'Sam Asker' } }, 'input.requester.email', /address for our reply/],
    ['an email address for a name', { requester: { name: 'sam@example.com', email: 'sam@example.com' } }, 'input.requester.name', /real name/],
    ['no description', { description: '   ' }, 'input.description', /Give a description/],
  ])('refuses a request with %s, saying what FOIA needs', async (_, over, field, message) => {
    const out = await submit(over);
    expect(out.receipt).toBeNull();
    expect(out.userErrors).toContainEqual(expect.objectContaining({ field: field.split('.'), message: expect.stringMatching(message) }));
  });

  it('points a request for the requester’s own data to subject access, storing nothing', async () => {
    const count = async () => ((await app.doc.send(new ScanCommand({ TableName: app.tableName }))).Items ?? []).length;
    const before = await count();
    const out = await submit({ description: 'Please send me all the information you hold about me, including my police records.' });
    expect(out.receipt).toBeNull();
    expect(out.signpost.explanation).toMatch(/subject access request/);
    expect(await count()).toBe(before);
    const confirmed = await submit({ description: 'My records, and also your policy on retention', confirmNotOwnPersonalData: true });
    expect(confirmed.receipt.reference).toMatch(/^FOI-/);
  });

  it('answers a retry with the first answer', async () => {
    const input = form();
    const first = await app.gql(SUBMIT, { input });
    const again = await app.gql(SUBMIT, { input });
    expect(again.body.data!.submitFoiRequest.receipt).toEqual(first.body.data!.submitFoiRequest.receipt);
  });
});

describe('worked dates from RULES.md, through the API', () => {
  it('received Friday 20 December 2024: due Thursday 23 January 2025', async () => {
    app.setNow('2024-12-20T12:00:00Z');
    const { receipt } = await submit();
    expect((await read(receipt.reference)).clock).toMatchObject({ countsFrom: '2024-12-20', dueOn: '2025-01-23', publicInterestLimitOn: expect.any(String) });
  });

  it('received by post on Monday 2 March 2026: due Tuesday 31 March (St Patrick’s Day is not a working day)', async () => {
    const res = await app.gql(LOG, { input: { ...form(), channel: 'POST', receivedOn: '2026-03-02', requester: { name: 'Pat Post', postalAddress: '2 Low Road, Walsall' } } }, { token: ir() });
    const r = await read(res.body.data!.logFoiRequest.receipt.reference);
    expect(r).toMatchObject({ channel: 'POST', receivedOn: '2026-03-02', clock: { dueOn: '2026-03-31', daysRemaining: 29, workingDaysRemaining: 20 } });
    expect(r.auditTrail.find((e: { action: string }) => e.action === 'SUBMITTED').actor.name).toBe('fay.foi');
  });
});

describe('the clock', () => {
  it('restarts when clarification arrives', async () => {
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-03-05T10:00:00Z');
    let r = await ok('requestFoiClarification', ref, { reason: 'Which years do you mean?' });
    expect(r).toMatchObject({ status: 'AWAITING_CLARIFICATION', clock: { dueOn: null } });
    expect(await queue({ queue: 'AWAITING_CLARIFICATION' })).toContain(ref);
    await refused('respondToFoiRequest', ref, { outcome: 'NOT_HELD', summary: 'x' }, /Clarification has been asked for/, 'FOI_CLARIFICATION_RECEIVED');
    app.setNow('2026-03-13T10:00:00Z');
    r = await ok('recordFoiClarification', ref, {});
    expect(r).toMatchObject({ status: 'IN_PROGRESS', clock: { countsFrom: '2026-03-13', dueOn: '2026-04-15' } });
    expect(r.clock.events.map((e: { type: string }) => e.type)).toEqual(['CLARIFICATION_REQUESTED', 'CLARIFICATION_RECEIVED']);
    expect(r.clock.events[0].holidaySet).toBe('FOIA working days (UK-wide bank holidays), data 2023–2028 (2028 provisional), version bundled-2026-11-22');
  });

  it('freezes while a fee is awaited, then runs on with the frozen days disregarded', async () => {
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-03-04T10:00:00Z');
    let r = await ok('issueFeesNotice', ref, { reason: 'Estimated £25 for photocopying and postage' });
    expect(r).toMatchObject({ status: 'AWAITING_FEE', clock: { dueOn: null, feeDueBy: '2026-06-03' } });
    expect(await queue({ queue: 'AWAITING_FEE' })).toContain(ref);
    app.setNow('2026-03-10T10:00:00Z');
    r = await ok('recordFeeReceived', ref, {});
    expect(r.clock).toMatchObject({ dueOn: '2026-04-09' });
  });

  it('lets an unpaid fee lapse after three months', async () => {
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-03-04T10:00:00Z');
    await ok('issueFeesNotice', ref, { reason: '£25' });
    app.setNow('2026-06-04T10:00:00Z');
    expect((await read(ref)).status).toBe('LAPSED');
    await refused('recordFeeReceived', ref, {}, /lapsed/, 'FOI_CLOCK_NOT_ALLOWED_IN_STATE');
    const closed = await ok('closeFoiRequest', ref, { reason: 'Lapsed: fee not paid' });
    expect(closed.status).toBe('CLOSED');
  });

  it('extends for the public interest test up to 40 working days, for qualified exemptions, with reasons', async () => {
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-03-31T10:00:00Z');
    await refused('extendFoiForPublicInterest', ref, { exemptions: ['31'], estimatedDate: '2026-05-01', reason: 'PIT' }, /40 working days after receipt at most \(2026-04-30\)/, 'FOI_CLOCK_OUT_OF_RANGE');
    await refused('extendFoiForPublicInterest', ref, { exemptions: ['40(2)'], estimatedDate: '2026-04-20', reason: 'PIT' }, /absolute/, 'FOI_PUBLIC_INTEREST_QUALIFIED_ONLY');
    const r = await ok('extendFoiForPublicInterest', ref, { exemptions: ['31', '30'], estimatedDate: '2026-04-30', reason: 'Balancing law enforcement against transparency' });
    expect(r).toMatchObject({ status: 'PUBLIC_INTEREST_EXTENSION', clock: { dueOn: '2026-04-30', statutoryDueOn: '2026-03-31' }, publicInterestExtension: { estimatedDate: '2026-04-30' } });
    expect(await queue({ queue: 'PUBLIC_INTEREST_EXTENSIONS' })).toContain(ref);
    app.setNow('2026-04-28T10:00:00Z');
    const answered = await ok('respondToFoiRequest', ref, {
      outcome: 'REFUSED',
      exemptions: [{ section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false }],
      summary: 'Refused under s.31(1)(a): the public interest favours withholding.',
    });
    expect(answered.response).toMatchObject({ withinDeadline: true, within20WorkingDays: false, exemptions: [{ section: '31', name: 'Law enforcement' }] });
  });

  it('refuses an extension after the 20th working day', async () => {
    const ref = (await submit()).receipt.reference;
    app.setNow('2026-04-01T10:00:00Z');
    await refused('extendFoiForPublicInterest', ref, { exemptions: ['31'], estimatedDate: '2026-04-20', reason: 'Late' }, /within 20 working days \(by 2026-03-31\)/, 'FOI_CLOCK_NOT_ALLOWED_IN_STATE');
  });
});

describe('responses', () => {
  it('record each exemption, the public interest test and neither confirm nor deny, by the rules', async () => {
    const ref = (await submit()).receipt.reference;
    await refused('respondToFoiRequest', ref, { outcome: 'PROVIDED_IN_PART', summary: 'Some withheld' }, /Name each exemption/);
    await refused('respondToFoiRequest', ref, { outcome: 'NOT_HELD', summary: 'x', exemptions: [{ section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false }] }, /no exemption/);
    await refused('respondToFoiRequest', ref, { outcome: 'REFUSED', summary: 'x', exemptions: [{ section: '24', publicInterestTestApplied: false, neitherConfirmNorDeny: true }] }, /qualified exemption: it needs a public interest test/, 'FOI_QUALIFIED_EXEMPTION_TESTED');
    await refused('respondToFoiRequest', ref, { outcome: 'REFUSED', summary: 'x', exemptions: [{ section: '99', publicInterestTestApplied: true, neitherConfirmNorDeny: false }] }, /not in the list/);
    const r = await ok('respondToFoiRequest', ref, {
      outcome: 'PROVIDED_IN_PART',
      summary: 'Camera numbers given; locations withheld',
      exemptions: [
        { section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false },
        { section: '23', publicInterestTestApplied: false, neitherConfirmNorDeny: true },
      ],
    });
    expect(r.response).toMatchObject({ outcome: 'PROVIDED_IN_PART', withinDeadline: true, within20WorkingDays: true });
    expect(r.response.exemptions[1]).toEqual({ section: '23', name: expect.stringMatching(/security matters/), publicInterestTestApplied: false, neitherConfirmNorDeny: true });
    await refused('respondToFoiRequest', ref, { outcome: 'NOT_HELD', summary: 'again' }, /^Recording a response is not possible while the FOI request is already answered\.$/, 'WORKFLOW_STATE');
  });
});

describe('available actions', () => {
  const ACTIONS = `query($reference: String!) { foiRequest(reference: $reference) { status availableActions { action allowed refusedBy { rule message cites } } } }`;
  const actions = async (ref: string) => {
    const r = (await app.gql(ACTIONS, { reference: ref }, { token: ir() })).body.data!.foiRequest;
    return { status: r.status as string, byName: Object.fromEntries(r.availableActions.map((a: { action: string }) => [a.action, a])) };
  };

  it('follow the request’s state, naming the rule that refuses each', async () => {
    const ref = (await submit()).receipt.reference;
    let { status, byName } = await actions(ref);
    expect(status).toBe('IN_PROGRESS');
    expect(Object.keys(byName).sort()).toEqual(Object.keys(foiCaseType.workflow.actions).sort());
    expect(byName.respondToFoiRequest).toMatchObject({ allowed: true, refusedBy: [] });
    expect(byName.requestFoiClarification.allowed).toBe(true);
    expect(byName.publishToDisclosureLog).toMatchObject({ allowed: false, refusedBy: [{ rule: 'FOI_PUBLISHED_AFTER_RESPONSE', cites: 'RULES.md §2 (Disclosure log)' }] });
    expect(byName.recordFoiClarification.refusedBy[0]).toMatchObject({ rule: 'WORKFLOW_STATE', message: 'Changing the clock is not possible while the FOI request is in progress.' });
    expect(byName.closeFoiRequest.refusedBy.map((r: { rule: string }) => r.rule)).toEqual(['FOI_CLOSED_WHEN_ANSWERED_OR_LAPSED']);

    await ok('requestFoiClarification', ref, { reason: 'Which years?' });
    ({ status, byName } = await actions(ref));
    expect(status).toBe('AWAITING_CLARIFICATION');
    expect(byName.respondToFoiRequest.refusedBy[0].rule).toBe('FOI_CLARIFICATION_RECEIVED');
    expect(byName.recordFoiClarification.allowed).toBe(true);

    await ok('recordFoiClarification', ref, {});
    await ok('respondToFoiRequest', ref, { outcome: 'NOT_HELD', summary: 'Not held' });
    ({ status, byName } = await actions(ref));
    expect(status).toBe('RESPONDED');
    expect(byName.respondToFoiRequest.refusedBy[0].rule).toBe('WORKFLOW_STATE');
    for (const action of ['publishToDisclosureLog', 'requestFoiInternalReview', 'recordIcoComplaint', 'closeFoiRequest', 'allocateFoiRequest']) {
      expect(byName[action], action).toMatchObject({ allowed: true, refusedBy: [] });
    }
    expect(byName.recordIcoDecision.refusedBy[0].rule).toBe('FOI_ICO_COMPLAINT_UNDECIDED');
  });

});

describe('the disclosure log', () => {
  it('publishes the edited question and answer, searchable by words and dates, never the requester', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    try {
      const publishOne = async (day: string, title: string, question: string, description?: string) => {
        app.setNow(`${day}T10:00:00Z`);
        const ref = (await submit(description ? { description } : {})).receipt.reference;
        await ok('respondToFoiRequest', ref, { outcome: 'PROVIDED_IN_FULL', summary: `Answer to ${title}` });
        const draft = (await read(ref)).disclosureDraft;
        expect(draft.question).toMatch(/speed cameras|Taser|overtime/);
        const r = await ok('publishToDisclosureLog', ref, { title, question, answer: `The answer about ${title}.` });
        expect(r.published).toBe(true);
        return ref;
      };
      const cameras = await publishOne('2026-03-02', 'Speed cameras in Birmingham', 'How many speed cameras operated in Birmingham in 2025?');
      const taser = await publishOne('2026-03-09', 'Taser use', 'How often was Taser drawn in 2025?', 'How often was Taser drawn in 2025 by Sam Asker’s local team?');
      const overtime = await publishOne('2026-03-16', 'Overtime costs', 'What did overtime cost in Birmingham in 2025?', 'What did overtime cost in Birmingham in 2025?');

      const all = await publicLog(null);
      expect(all.edges.map((e: { node: { reference: string } }) => e.node.reference)).toEqual([overtime, taser, cameras]);
      expect(JSON.stringify(all)).not.toMatch(/Sam Asker|sam\.asker@example\.com/);
      expect(all.edges[2].node).toMatchObject({ title: 'Speed cameras in Birmingham', answer: 'The answer about Speed cameras in Birmingham.', outcome: 'PROVIDED_IN_FULL' });

      const words = async (text: string) => (await publicLog({ text })).edges.map((e: { node: { reference: string } }) => e.node.reference);
      expect(await words('birmingham')).toEqual([overtime, cameras]);
      expect(await words('Birmingham speed CAMERA')).toEqual([cameras]);
      expect(await words('taser birmingham')).toEqual([]);
      expect(await words('the a of')).toEqual([overtime, taser, cameras]);
      const dated = await publicLog({ from: '2026-03-05', to: '2026-03-10' });
      expect(dated.edges.map((e: { node: { reference: string } }) => e.node.reference)).toEqual([taser]);
      const page1 = await publicLog(null, 2);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = await publicLog(null, 2, page1.pageInfo.endCursor);
      expect(page2.edges.map((e: { node: { reference: string } }) => e.node.reference)).toEqual([cameras]);

      app.setNow('2026-03-20T10:00:00Z');
      await ok('publishToDisclosureLog', cameras, { title: 'Safety cameras', question: 'How many safety cameras operated in 2025?', answer: 'Revised answer.' });
      expect(await words('speed')).toEqual([]);
      expect(await words('safety camera')).toEqual([cameras]);
      expect((await publicLog(null)).edges.map((e: { node: { reference: string } }) => e.node.reference)).toEqual([overtime, taser, cameras]);
    } finally {
      app = shared;
    }
  });

  it('refuses to publish before a response', async () => {
    const ref = (await submit()).receipt.reference;
    await refused('publishToDisclosureLog', ref, { title: 'T', question: 'Q', answer: 'A' }, /responded to/, 'FOI_PUBLISHED_AFTER_RESPONSE');
  });
});

describe('internal review and the ICO', () => {
  it('takes a review within 40 working days, due in 20, extendable to 40, then an ICO complaint and decision', async () => {
    const ref = (await submit()).receipt.reference;
    await ok('respondToFoiRequest', ref, { outcome: 'NOT_HELD', summary: 'Not held' });
    app.setNow('2026-03-09T10:00:00Z');
    let r = await ok('requestFoiInternalReview', ref, {});
    // From Mon 9 Mar: St Patrick's Day, Good Friday, Easter Monday and (for 40) the Early May holiday pass by.
    expect(r).toMatchObject({ status: 'UNDER_INTERNAL_REVIEW', internalReview: { requestedOn: '2026-03-09', dueOn: '2026-04-09', limitOn: '2026-05-08' } });
    expect(await queue({ queue: 'INTERNAL_REVIEWS_DUE' })).toContain(ref);
    const tracked = await app.gql(TRACK, { r: ref, c: 'nope' });
    expect(tracked.body.data!.trackCase).toBeNull();
    await refused('extendFoiInternalReview', ref, { extendedTo: '2026-05-11', reason: 'Complex' }, /by 2026-05-08/, 'FOI_REVIEW_CLOCK_OUT_OF_RANGE');
    r = await ok('extendFoiInternalReview', ref, { extendedTo: '2026-05-08', reason: 'Complex searches' });
    expect(r.internalReview).toMatchObject({ dueOn: '2026-05-08', extendedTo: '2026-05-08' });
    await refused('closeFoiRequest', ref, { reason: 'x' }, /internal review is under way/, 'FOI_REVIEW_DECIDED_BEFORE_CLOSING');
    r = await ok('recordFoiInternalReviewOutcome', ref, { outcome: 'UPHELD', note: 'Searches were adequate' });
    expect(r).toMatchObject({ status: 'RESPONDED', internalReview: { outcome: 'UPHELD' } });
    expect(await queue({ queue: 'INTERNAL_REVIEWS_DUE' })).not.toContain(ref);
    await ok('recordIcoComplaint', ref, { icoReference: 'IC-123456-A1B2' });
    r = await ok('recordIcoDecision', ref, { decision: 'NOT_UPHELD', decisionNoticeReference: 'IC-123456-A1B2/DN' });
    expect(r.icoComplaint).toEqual({ icoReference: 'IC-123456-A1B2', decision: 'NOT_UPHELD', decisionNoticeReference: 'IC-123456-A1B2/DN' });
  });

  it('refuses a review asked for more than 40 working days after the response', async () => {
    const ref = (await submit()).receipt.reference;
    await ok('respondToFoiRequest', ref, { outcome: 'NOT_HELD', summary: 'Not held' });
    app.setNow('2026-05-01T10:00:00Z');
    await refused('requestFoiInternalReview', ref, {}, /within 40 working days of the response \(by 2026-04-30\)/, 'FOI_REVIEW_ASKED_IN_TIME');
  });
});

describe('requester history and queues', () => {
  it('finds the same requester’s other requests within 60 working days, and the due and overdue queues', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    try {
      app.setNow('2025-11-03T10:00:00Z');
      const old = (await submit()).receipt.reference;
      app.setNow('2026-02-02T10:00:00Z');
      const recent = (await submit({ requester: { name: 'S. Asker', email: 'SAM.ASKER@example.com' } })).receipt.reference;
      app.setNow('2026-03-02T10:00:00Z');
      const now = (await submit()).receipt.reference;
      const someoneElse = (await submit({ requester: { name: 'Other Person', email: 'other@example.com' } })).receipt.reference;
      const history = (await app.gql(HISTORY, { reference: now }, { token: ir() })).body.data!.foiRequesterHistory.edges.map(
        (e: { node: { reference: string } }) => e.node.reference,
      );
      expect(history).toEqual([recent]);
      expect(history).not.toContain(old);
      expect(history).not.toContain(someoneElse);

      app.setNow('2026-03-26T10:00:00Z');
      expect(await queue({ queue: 'DUE_SOON', withinDays: 5 })).toEqual([now, someoneElse]);
      expect(await queue({ queue: 'OVERDUE' })).toEqual([old, recent]);
      await ok('allocateFoiRequest', now, { handler: 'fay.foi' });
      expect(await queue({ queue: 'BY_HANDLER' })).toEqual([now]);
      expect(await queue({ queue: 'UNALLOCATED' })).toEqual([old, recent, someoneElse]);
    } finally {
      app = shared;
    }
  });
});

describe('statistics', () => {
  it('match a hand-counted fixture', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    try {
      // Three requests received in March 2026 (all due 31 Mar, 1 Apr and 2 Apr):
      // A answered in full on 30 Mar (on time); B refused under s.31 and s.40 on 20 Apr after a
      // public interest extension (not within 20 working days); C not held on 31 Mar, reviewed (overturned).
      app.setNow('2026-03-02T10:00:00Z');
      const a = (await submit()).receipt.reference;
      app.setNow('2026-03-03T10:00:00Z');
      const b = (await submit()).receipt.reference;
      app.setNow('2026-03-04T10:00:00Z');
      const c = (await submit()).receipt.reference;
      app.setNow('2026-03-30T10:00:00Z');
      await ok('respondToFoiRequest', a, { outcome: 'PROVIDED_IN_FULL', summary: 'All given' });
      await ok('extendFoiForPublicInterest', b, { exemptions: ['31'], estimatedDate: '2026-04-24', reason: 'PIT' });
      app.setNow('2026-03-31T10:00:00Z');
      await ok('respondToFoiRequest', c, { outcome: 'NOT_HELD', summary: 'Not held' });
      app.setNow('2026-04-08T10:00:00Z');
      await ok('requestFoiInternalReview', c, {});
      app.setNow('2026-04-20T10:00:00Z');
      await ok('respondToFoiRequest', b, {
        outcome: 'REFUSED',
        summary: 'Refused',
        exemptions: [
          { section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false },
          { section: '40(2)', publicInterestTestApplied: false, neitherConfirmNorDeny: false },
        ],
      });
      await ok('recordFoiInternalReviewOutcome', c, { outcome: 'OVERTURNED', note: 'Information found' });

      const stats = (await app.gql(STATS, { input: { from: '2026-03-01', to: '2026-04-30' } }, { token: ir() })).body.data!.foiStatistics;
      expect(stats).toEqual({
        received: 3,
        answered: 3,
        answeredWithin20WorkingDays: 2,
        shareAnsweredWithin20WorkingDays: 0.667,
        // B was answered after 20 working days but within its properly claimed extension: in time.
        answeredInTime: 3,
        shareAnsweredInTime: 1,
        outcomes: [
          { code: 'PROVIDED_IN_FULL', count: 1 },
          { code: 'REFUSED', count: 1 },
          { code: 'NOT_HELD', count: 1 },
        ],
        exemptionsUsed: [
          { code: '31', count: 1 },
          { code: '40(2)', count: 1 },
        ],
        internalReviewsRequested: 1,
        internalReviewOutcomes: [{ code: 'OVERTURNED', count: 1 }],
        // C's review, asked for on 8 April, was decided on 20 April: within 20 working days.
        internalReviewsDecided: 1,
        internalReviewsDecidedWithin20WorkingDays: 1,
        shareInternalReviewsDecidedWithin20WorkingDays: 1,
      });
      expect(app.logger.lines.join('\n')).not.toMatch(/Sam Asker|sam\.asker/);
    } finally {
      app = shared;
    }
  });
});

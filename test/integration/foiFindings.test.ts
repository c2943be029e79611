import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foiCaseType } from '../../src/foi/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Issue 11's FOI findings, one test each through the real Lambda handler and DynamoDB Local: each
 * failed before the change and passes now. Received Monday 2 March 2026 unless said: the 20th FOIA
 * working day is Tuesday 31 March (St Patrick's Day is not one), the 21st Wednesday 1 April.
 */
const FIELDS = `reference status receivedOn version
  requester { name email phone postalAddress }
  clock { state countsFrom dueOn statutoryDueOn overdue late { type on missedDueOn } }
  response { outcome withinDeadline within20WorkingDays routeToSubjectAccess costLimit { estimateHours adviceGiven } vexatious { section17_6Applies }
    exemptions { section name neitherConfirmNorDeny } }
  disclosureDraft { title question answer } published unpublished { on by reason }
  internalReview { requestedOn dueOn extendedTo extendedOn outcome decidedOn }
  icoComplaint { receivedOn decision decidedOn }
  auditTrail { action actor { name } }`;

const SUBMIT = `mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference trackingCode } userErrors { field message code } } }`;
const LOG = `mutation($input: LogFoiRequestInput!) { logFoiRequest(input: $input) { receipt { reference trackingCode } userErrors { field message code } } }`;
const READ = `query($reference: String!) { foiRequest(reference: $reference) { ${FIELDS} } }`;
const TRACK = `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { status receivedOn dueOn } }`;
const QUEUE = `query($input: FoiQueueInput!) { foiQueue(input: $input) { edges { node { reference status receivedOn receivedAt dueOn } } } }`;
const LOG_PUBLIC = `query($search: DisclosureLogSearch) { disclosureLog(search: $search) { edges { node { reference title question answer } } } }`;
const EXEMPTIONS = `{ foiExemptions { section absolute neitherConfirmNorDeny routesToSubjectAccess inTheAlternative } }`;
const HISTORY = `query($reference: String!) { foiRequesterHistory(reference: $reference) {
  edges { node { reference } } suggestions { request { reference receivedOn } why } } }`;
const STATS = `query($input: FoiStatisticsInput!) { foiStatistics(input: $input) {
  answered answeredWithin20WorkingDays answeredInTime internalReviewsDecided internalReviewsDecidedWithin20WorkingDays } }`;

let app: TestApp;
let ip = 0;
const ir = () => app.token('information-rights', 'fay.foi');

const harriet = { name: 'Harriet Leak', email: 'harriet.leak@example.com', phone: '0121 496 0000', postalAddress: '4 Privet Drive, Little Whinging, Surrey GU1 4AB' };
const form = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: newKey(),
  requester: { name: 'Sam Asker', email: 'sam.asker@example.com' },
  description: 'How many speed cameras did the force operate in Birmingham in 2025?',
  format: 'ELECTRONIC_COPY',
  ...over,
});
async function submit(over: Record<string, unknown> = {}) {
  const out = (await app.gql(SUBMIT, { input: form(over) }, { ip: `198.21.0.${++ip % 250}` })).body.data!.submitFoiRequest;
  expect(out.userErrors).toEqual([]);
  return out.receipt as { reference: string; trackingCode: string };
}
const { read, ok, act, refused } = caseHelpers(() => app, {
  read: READ,
  readField: 'foiRequest',
  payloadField: 'foiRequest',
  fields: FIELDS,
  caseType: foiCaseType,
  token: () => ir(),
});
const queue = async (input: Record<string, unknown>) =>
  (await app.gql(QUEUE, { input }, { token: ir() })).body.data!.foiQueue.edges.map((e: { node: unknown }) => e.node) as Array<{ reference: string; status: string; receivedOn: string }>;
const words = async (text: string) =>
  ((await app.gql(LOG_PUBLIC, { search: { text } })).body.data!.disclosureLog.edges as Array<{ node: { reference: string } }>).map((e) => e.node.reference);

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-03-02T10:00:00Z'));

describe('finding 1: the disclosure log cannot publish the requester’s identity', () => {
  it('refuses text holding the requester’s name, email, phone or address (kind and field, never the value), offers a scrubbed draft, and unpublishes at once', async () => {
    const description =
      'I am Harriet Leak of 4 Privet Drive, Little Whinging. Please email harriet.leak@example.com or ring 0121 496 0000. How many Taser discharges were there in Walsall in 2025?';
    const { reference } = await submit({ requester: harriet, description });
    await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'Dear Ms Leak, there were 14 Taser discharges in Walsall in 2025.' });

    // The draft offered is already scrubbed.
    const draft = (await read(reference)).disclosureDraft;
    expect(JSON.stringify(draft)).not.toMatch(/Harriet|Leak|Privet|harriet\.leak|0121 496 0000/);
    expect(draft.question).toBe(
      'I am [requester] of [requester], Little Whinging. Please email [requester] or ring [requester]. How many Taser discharges were there in Walsall in 2025?',
    );
    expect(draft.answer).toBe('Dear [requester], there were 14 Taser discharges in Walsall in 2025.');

    // Publishing the raw text as it was before is refused, naming field and kind, never the value.
    const raw = await act('publishToDisclosureLog', reference, { title: 'Taser in Walsall, asked by H. Leak', question: description, answer: 'Dear ms  LEAK, 14.' });
    expect(raw.record).toBeNull();
    expect(raw.userErrors.map((e) => [e.field!.join('.'), e.rule, e.code])).toEqual([
      ['input.title', 'FOI_DISCLOSURE_WITHOUT_REQUESTER', 'INVALID'],
      ['input.question', 'FOI_DISCLOSURE_WITHOUT_REQUESTER', 'INVALID'],
      ['input.question', 'FOI_DISCLOSURE_WITHOUT_REQUESTER', 'INVALID'],
      ['input.question', 'FOI_DISCLOSURE_WITHOUT_REQUESTER', 'INVALID'],
      ['input.question', 'FOI_DISCLOSURE_WITHOUT_REQUESTER', 'INVALID'],
      ['input.answer', 'FOI_DISCLOSURE_WITHOUT_REQUESTER', 'INVALID'],
    ]);
    expect(raw.userErrors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^The title contains the requester’s name \(characters \d+–\d+\)/),
      expect.stringMatching(/^The question contains the requester’s name/),
      expect.stringMatching(/^The question contains the requester’s postal address/),
      expect.stringMatching(/^The question contains the requester’s email address/),
      expect.stringMatching(/^The question contains the requester’s phone number/),
      expect.stringMatching(/^The answer contains the requester’s name/),
    ]);
    expect(JSON.stringify(raw.userErrors)).not.toMatch(/Harriet|Leak|Privet|example\.com|496/i);
    expect(await words('Harriet')).toEqual([]);

    // The scrubbed draft is published as offered; the requester's name finds nothing.
    const published = await ok('publishToDisclosureLog', reference, draft);
    expect(published.published).toBe(true);
    expect(await words('Taser Walsall')).toEqual([reference]);
    expect(await words('Harriet')).toEqual([]);

    // Unpublishing is immediate, audited with the reason, and takes the search words too.
    app.setNow('2026-03-03T10:00:00Z');
    const off = await ok('unpublishFromDisclosureLog', reference, { reason: 'Published in error' });
    expect(off).toMatchObject({ published: false, unpublished: [{ on: '2026-03-03', by: 'fay.foi', reason: 'Published in error' }] });
    expect(off.auditTrail).toContainEqual(expect.objectContaining({ action: 'UNPUBLISHED', actor: { name: 'fay.foi' } }));
    expect(await words('Taser Walsall')).toEqual([]);
    expect(((await app.gql(LOG_PUBLIC, { search: null })).body.data!.disclosureLog.edges as Array<{ node: { reference: string } }>).map((e) => e.node.reference)).not.toContain(reference);
    await refused('unpublishFromDisclosureLog', reference, { reason: 'Again' }, /not on the disclosure log/, 'FOI_ON_DISCLOSURE_LOG');
  });
});

describe('finding 2: other personal data in text to be published is flagged by the shared redactor', () => {
  it('offers a draft scrubbed of it, refuses to publish it unreviewed (kind and field, never the value), and publishes once reviewed', async () => {
    const description = 'My neighbour John Smith of 12 Acacia Avenue, born on 3 May 1961, was arrested. How many arrests were made on that street in 2025?';
    const { reference } = await submit({ description });
    await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'There were 3 arrests on that street in 2025.' });
    const draft = (await read(reference)).disclosureDraft;
    expect(JSON.stringify(draft)).not.toMatch(/John Smith|12 Acacia Avenue|3 May 1961/);
    expect(draft.question).toMatch(/\[name removed\]/);

    const raw = await act('publishToDisclosureLog', reference, { title: 'Arrests on one street', question: description, answer: 'There were 3.' });
    expect(raw.record).toBeNull();
    expect(new Set(raw.userErrors.map((e) => e.rule))).toEqual(new Set(['FOI_DISCLOSURE_PERSONAL_DATA_REVIEWED']));
    expect(raw.userErrors.map((e) => e.field!.join('.'))).toContain('input.question');
    expect(raw.userErrors.map((e) => e.message).join(' ')).toMatch(/a name/);
    expect(JSON.stringify(raw.userErrors)).not.toMatch(/John|Smith|Acacia|1961/);

    const published = await ok('publishToDisclosureLog', reference, {
      title: 'Arrests on one street',
      question: draft.question,
      answer: 'There were 3.',
    });
    expect(published.published).toBe(true);
  });

  it('publishes text naming an officer in their public role once staff confirm they reviewed it', async () => {
    const { reference } = await submit({ description: 'What did Chief Constable Craig Guildford say about knife crime?' });
    await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'The Chief Constable spoke at the May meeting.' });
    const text = { title: 'Knife crime statement', question: 'What did Chief Constable Craig Guildford say about knife crime?', answer: 'He spoke at the May meeting.' };
    await refused('publishToDisclosureLog', reference, text, /may contain a name/, 'FOI_DISCLOSURE_PERSONAL_DATA_REVIEWED');
    expect((await ok('publishToDisclosureLog', reference, { ...text, personalDataReviewed: true })).published).toBe(true);
  });
});

describe('finding 4: a late clarification does not revive an expired deadline', () => {
  it('asked on working day 20 it restarts the clock; on day 21 the request stays overdue and its answer counts as late', async () => {
    const inTime = (await submit()).reference;
    const late = (await submit()).reference;
    app.setNow('2026-03-31T10:00:00Z');
    await ok('requestFoiClarification', inTime, { reason: 'Which roads?' });
    app.setNow('2026-04-01T10:00:00Z');
    const asked = await ok('requestFoiClarification', late, { reason: 'Which roads?' });
    expect(asked).toMatchObject({
      status: 'AWAITING_CLARIFICATION',
      clock: { dueOn: '2026-03-31', overdue: true, late: [{ type: 'CLARIFICATION_REQUESTED', on: '2026-04-01', missedDueOn: '2026-03-31' }] },
    });
    expect((await queue({ queue: 'OVERDUE' })).map((r) => r.reference)).toContain(late);
    expect((await queue({ queue: 'OVERDUE' })).map((r) => r.reference)).not.toContain(inTime);

    app.setNow('2026-04-02T10:00:00Z');
    expect((await ok('recordFoiClarification', inTime, {})).clock).toMatchObject({ countsFrom: '2026-04-02', dueOn: '2026-05-05', overdue: false });
    expect((await ok('recordFoiClarification', late, {})).clock).toMatchObject({ countsFrom: '2026-03-02', dueOn: '2026-03-31', overdue: true });

    app.setNow('2026-04-08T10:00:00Z');
    expect((await ok('respondToFoiRequest', inTime, { outcome: 'NOT_HELD', summary: 'Not held' })).response).toMatchObject({ withinDeadline: true, within20WorkingDays: true });
    expect((await ok('respondToFoiRequest', late, { outcome: 'NOT_HELD', summary: 'Not held' })).response).toMatchObject({ withinDeadline: false, within20WorkingDays: false });
  });

  it('a fees notice on working day 21 is refused: it cannot stop a clock that has run out', async () => {
    const { reference } = await submit();
    app.setNow('2026-04-01T10:00:00Z');
    await refused('issueFeesNotice', reference, { reason: '£25' }, /by the 20th working day \(2026-03-31\)/, 'FOI_CLOCK_NOT_ALLOWED_IN_STATE');
    expect((await read(reference)).clock).toMatchObject({ dueOn: '2026-03-31', overdue: true });
  });
});

describe('finding 6: tracking and queues show the statutory receipt date', () => {
  it('a letter received on 23 February and logged on 2 March shows 23 February', async () => {
    const res = await app.gql(
      LOG,
      { input: { ...form(), channel: 'POST', receivedOn: '2026-02-23', requester: { name: 'Pat Post', postalAddress: '2 Low Road, Walsall' } } },
      { token: ir() },
    );
    const { reference, trackingCode } = res.body.data!.logFoiRequest.receipt;
    const tracked = (await app.gql(TRACK, { r: reference, c: trackingCode })).body.data!.trackCase;
    expect(tracked).toMatchObject({ receivedOn: '2026-02-23', dueOn: '2026-03-24' });
    const row = (await queue({ queue: 'UNALLOCATED' })).find((r) => r.reference === reference);
    expect(row).toMatchObject({ receivedOn: '2026-02-23', receivedAt: expect.stringMatching(/^2026-03-02T/) });
  });
});

describe('finding 7: exemptions', () => {
  const respond = (exemptions: unknown[], over: Record<string, unknown> = {}) => ({ outcome: 'REFUSED', summary: 'Refused', exemptions, ...over });
  const use = (section: string, ncnd = false, pit = true) => ({ section, publicInterestTestApplied: pit, neitherConfirmNorDeny: ncnd });

  it('are data, with s.40 by subsection, s.32, s.42, s.44 and 23/24 in the alternative', async () => {
    const list = (await app.gql(EXEMPTIONS, {}, { token: ir() })).body.data!.foiExemptions as Array<{ section: string }>;
    expect(list.map((e) => e.section)).toEqual(['21', '22', '23', '24', '23/24', '30', '31', '32', '38', '40(1)', '40(2)', '40(5)', '41', '42', '43', '44']);
    expect(list.find((e) => e.section === '21')).toMatchObject({ neitherConfirmNorDeny: 'NOT_AVAILABLE' });
    expect(list.find((e) => e.section === '40(1)')).toMatchObject({ routesToSubjectAccess: true });
    expect(list.find((e) => e.section === '40(5)')).toMatchObject({ neitherConfirmNorDeny: 'ONLY' });
    expect(list.find((e) => e.section === '23/24')).toMatchObject({ absolute: false, inTheAlternative: ['23', '24'] });
  });

  it('refuse NCND under s.21, a bare s.40 and 40(5) without NCND; record 40(1) as a route to subject access', async () => {
    const { reference } = await submit();
    await refused('respondToFoiRequest', reference, respond([use('21', true, false)]), /Section 21 cannot be relied on to neither confirm nor deny/, 'FOI_NCND_WHERE_PROVIDED');
    await refused('respondToFoiRequest', reference, respond([use('40', false, false)]), /Record s.40 by subsection: 40\(1\), 40\(2\), 40\(5\)/, 'FOI_EXEMPTION_IN_LIST');
    await refused('respondToFoiRequest', reference, respond([use('40(5)', false, false)]), /neither-confirm-nor-deny provision/, 'FOI_NCND_WHERE_PROVIDED');
    await refused('respondToFoiRequest', reference, respond([use('23/24', true, false)]), /qualified exemption/, 'FOI_QUALIFIED_EXEMPTION_TESTED');
    const r = await ok('respondToFoiRequest', reference, respond([use('40(1)', false, false), use('23/24', true), use('32', false, false), use('42'), use('44', false, false)]));
    expect(r.response).toMatchObject({ routeToSubjectAccess: true });
    expect(r.response.exemptions.map((e: { section: string }) => e.section)).toEqual(['40(1)', '23/24', '32', '42', '44']);
  });

  it('s.12 records an estimate over 18 hours and the s.16 advice; s.14 records the s.17(6) position', async () => {
    const a = (await submit()).reference;
    const cost = (estimateHours: number) => ({ outcome: 'REFUSED_COST_LIMIT', summary: 'Over the cost limit', costLimit: { estimateHours, adviceGiven: 'Narrow it to one year' } });
    await refused('respondToFoiRequest', a, { outcome: 'REFUSED_COST_LIMIT', summary: 'Over' }, /records the estimate in hours and the advice/, 'FOI_COST_LIMIT_RECORDED');
    await refused('respondToFoiRequest', a, cost(18), /over the limit of 18 hours/, 'FOI_COST_LIMIT_RECORDED');
    expect((await ok('respondToFoiRequest', a, cost(18.5))).response).toMatchObject({ costLimit: { estimateHours: 18.5, adviceGiven: 'Narrow it to one year' }, vexatious: null });

    const b = (await submit()).reference;
    await refused('respondToFoiRequest', b, { outcome: 'REFUSED_VEXATIOUS_OR_REPEATED', summary: 'Repeated' }, /whether s.17\(6\) applies/, 'FOI_VEXATIOUS_RECORDED');
    await refused('respondToFoiRequest', b, { outcome: 'NOT_HELD', summary: 'x', vexatious: { section17_6Applies: false } }, /Only a s.14 refusal/, 'FOI_VEXATIOUS_RECORDED');
    const vex = await ok('respondToFoiRequest', b, { outcome: 'REFUSED_VEXATIOUS_OR_REPEATED', summary: 'Repeated', vexatious: { section17_6Applies: true } });
    expect(vex.response).toMatchObject({ vexatious: { section17_6Applies: true }, costLimit: null });
  });
});

describe('finding 8: no public input gives an internal error', () => {
  it.each([
    ['from after to', { from: '2026-03-10', to: '2026-03-05' }, /from.*on or before/],
    ['a date that is not one', { from: '2026-02-30' }, /YYYY-MM-DD/],
    ['text too long', { text: 'x'.repeat(201) }, /at most 200/],
  ])('disclosureLog with %s is a user error', async (_, search, message) => {
    const res = await app.gql(LOG_PUBLIC, { search });
    expect(res.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body.errors)).toMatch(message);
  });

  it('a search of the same day, or of stop words only, answers', async () => {
    const res = await app.gql(LOG_PUBLIC, { search: { from: '2026-03-05', to: '2026-03-05', text: 'the of and' } });
    expect(res.body.errors).toBeUndefined();
  });
});

describe('finding 9: the review extension, its outcome and the ICO decision take a date', () => {
  it('an extension sent on time and entered late is accepted; dates in the future or before the event they follow are refused', async () => {
    const { reference } = await submit();
    await ok('respondToFoiRequest', reference, { outcome: 'NOT_HELD', summary: 'Not held' });
    app.setNow('2026-03-09T10:00:00Z');
    await ok('requestFoiInternalReview', reference, {});
    // The review was due on 9 April; the extension was sent on 8 April and is entered on 14 April.
    app.setNow('2026-04-14T10:00:00Z');
    await refused('extendFoiInternalReview', reference, { extendedTo: '2026-05-08', reason: 'Complex' }, /only by its due date \(2026-04-09\)/, 'FOI_REVIEW_CLOCK_NOT_ALLOWED_IN_STATE');
    await refused('extendFoiInternalReview', reference, { on: '2026-04-15', extendedTo: '2026-05-08', reason: 'Complex' }, /future/, 'FOI_DATED_IN_ORDER');
    await refused('extendFoiInternalReview', reference, { on: '2026-03-06', extendedTo: '2026-05-08', reason: 'Complex' }, /before the review was asked for \(2026-03-09\)/, 'FOI_DATED_IN_ORDER');
    const extended = await ok('extendFoiInternalReview', reference, { on: '2026-04-08', extendedTo: '2026-05-08', reason: 'Complex' });
    expect(extended.internalReview).toMatchObject({ extendedOn: '2026-04-08', extendedTo: '2026-05-08' });

    app.setNow('2026-05-12T10:00:00Z');
    await refused('recordFoiInternalReviewOutcome', reference, { outcome: 'UPHELD', note: 'Fine', decidedOn: '2026-04-07' }, /before the review was extended \(2026-04-08\)/, 'FOI_DATED_IN_ORDER');
    const decided = await ok('recordFoiInternalReviewOutcome', reference, { outcome: 'UPHELD', note: 'Fine', decidedOn: '2026-05-07' });
    expect(decided.internalReview).toMatchObject({ outcome: 'UPHELD', decidedOn: '2026-05-07' });

    // After an internal review, the complaint follows its decision (7 May), not merely the response.
    await refused('recordIcoComplaint', reference, { icoReference: 'IC-1', receivedOn: '2026-05-06' }, /before the internal review was decided \(2026-05-07\)/, 'FOI_DATED_IN_ORDER');
    await ok('recordIcoComplaint', reference, { icoReference: 'IC-1', receivedOn: '2026-05-11' });
    app.setNow('2026-09-01T10:00:00Z');
    await refused('recordIcoDecision', reference, { decision: 'NOT_UPHELD', decisionNoticeReference: 'IC-1/DN', decidedOn: '2026-05-10' }, /before the complaint to the ICO/, 'FOI_DATED_IN_ORDER');
    await refused('recordIcoDecision', reference, { decision: 'NOT_UPHELD', decisionNoticeReference: 'IC-1/DN', decidedOn: '2026-09-02' }, /future/, 'FOI_DATED_IN_ORDER');
    const ico = await ok('recordIcoDecision', reference, { decision: 'NOT_UPHELD', decisionNoticeReference: 'IC-1/DN', decidedOn: '2026-08-20' });
    expect(ico.icoComplaint).toMatchObject({ decision: 'NOT_UPHELD', decidedOn: '2026-08-20' });
  });
});

describe('finding 10: a lapsed FOI does not show AWAITING_FEE in a queue', () => {
  it('reads LAPSED from the day after the fee was due, in the LAPSED queue and out of AWAITING_FEE', async () => {
    const { reference } = await submit();
    app.setNow('2026-03-04T10:00:00Z');
    await ok('issueFeesNotice', reference, { reason: '£25' });
    app.setNow('2026-06-03T10:00:00Z');
    expect((await queue({ queue: 'AWAITING_FEE' })).find((r) => r.reference === reference)).toMatchObject({ status: 'AWAITING_FEE' });
    expect((await queue({ queue: 'LAPSED' })).map((r) => r.reference)).not.toContain(reference);
    app.setNow('2026-06-04T10:00:00Z');
    expect((await queue({ queue: 'AWAITING_FEE' })).map((r) => r.reference)).not.toContain(reference);
    expect((await queue({ queue: 'LAPSED' })).find((r) => r.reference === reference)).toMatchObject({ status: 'LAPSED' });
    // Every queue reads the row as of today: the unallocated queue says LAPSED too.
    expect((await queue({ queue: 'UNALLOCATED' })).find((r) => r.reference === reference)).toMatchObject({ status: 'LAPSED' });
    await ok('closeFoiRequest', reference, { reason: 'Lapsed' });
    expect((await queue({ queue: 'LAPSED' })).map((r) => r.reference)).not.toContain(reference);
  });
});

describe('also: statistics and requester history', () => {
  it('count answers in time and internal reviews within 20 working days; a late clarification counts as late', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    app.setNow('2026-03-02T10:00:00Z');
    try {
      const late = (await submit()).reference;
      const extended = (await submit()).reference;
      app.setNow('2026-03-20T10:00:00Z');
      await ok('extendFoiForPublicInterest', extended, { exemptions: ['31'], estimatedDate: '2026-04-24', reason: 'PIT' });
      app.setNow('2026-04-10T10:00:00Z');
      await ok('requestFoiClarification', late, { reason: 'Which roads?' });
      app.setNow('2026-04-15T10:00:00Z');
      await ok('recordFoiClarification', late, {});
      app.setNow('2026-04-22T10:00:00Z');
      await ok('respondToFoiRequest', late, { outcome: 'NOT_HELD', summary: 'Not held' });
      await ok('respondToFoiRequest', extended, { outcome: 'REFUSED', summary: 'Refused', exemptions: [{ section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false }] });
      await ok('requestFoiInternalReview', late, {});
      await ok('requestFoiInternalReview', extended, {});
      app.setNow('2026-06-01T10:00:00Z');
      // Asked 22 April: due 21 May (20 working days, the two May bank holidays passed over).
      await ok('recordFoiInternalReviewOutcome', late, { outcome: 'UPHELD', note: 'Fine', decidedOn: '2026-05-21' });
      await ok('recordFoiInternalReviewOutcome', extended, { outcome: 'UPHELD', note: 'Fine', decidedOn: '2026-05-22' });
      const stats = (await app.gql(STATS, { input: { from: '2026-03-01', to: '2026-06-30' } }, { token: ir() })).body.data!.foiStatistics;
      expect(stats).toEqual({ answered: 2, answeredWithin20WorkingDays: 0, answeredInTime: 1, internalReviewsDecided: 2, internalReviewsDecidedWithin20WorkingDays: 1 });
    } finally {
      app = shared;
    }
  });

  it('suggests requests under the same name through other channels, apart from the requester’s own', async () => {
    const fresh = await createTestApp();
    const shared = app;
    app = fresh;
    app.setNow('2026-03-02T10:00:00Z');
    try {
      const web = (await submit({ requester: { name: 'Harriet Leak', email: 'harriet.leak@example.com' } })).reference;
      const sameEmail = (await submit({ requester: { name: 'H Leak', email: 'Harriet.Leak@example.com' } })).reference;
      const posted = (
        await app.gql(LOG, { input: { ...form(), channel: 'POST', receivedOn: '2026-02-27', requester: { name: 'Ms Harriet  Leak', postalAddress: '4 Privet Drive, Little Whinging' } } }, { token: ir() })
      ).body.data!.logFoiRequest.receipt.reference;
      const other = (await submit({ requester: { name: 'Harriet Other', email: 'ho@example.com' } })).reference;
      const history = (await app.gql(HISTORY, { reference: web }, { token: ir() })).body.data!.foiRequesterHistory;
      expect(history.edges.map((e: { node: { reference: string } }) => e.node.reference)).toEqual([sameEmail]);
      expect(history.suggestions).toEqual([{ request: { reference: posted, receivedOn: '2026-02-27' }, why: expect.stringMatching(/^Same name, different email or postal address.*A suggestion, not a match\.$/) }]);
      expect(JSON.stringify(history)).not.toContain(other);
    } finally {
      app = shared;
    }
  });
});

describe('found by walking the journeys as an information-rights officer, and put right', () => {
  it('records the answer to a late clarification asked during a public interest extension, and the request can still be answered (late)', async () => {
    app.setNow('2026-10-15T10:00:00Z');
    try {
      const res = await app.gql(LOG, { input: { ...form(), channel: 'POST', receivedOn: '2026-09-01' } }, { token: ir() });
      const { reference } = res.body.data!.logFoiRequest.receipt;
      await ok('extendFoiForPublicInterest', reference, { exemptions: ['31'], estimatedDate: '2026-10-20', reason: 'Balancing', on: '2026-09-25' });
      await ok('requestFoiClarification', reference, { on: '2026-10-05', reason: 'Which years?' });
      const answered = await ok('recordFoiClarification', reference, { on: '2026-10-08', reason: 'These years' });
      expect(answered.status).toBe('PUBLIC_INTEREST_EXTENSION');
      const r = await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'Here it is.' });
      expect(r.status).toBe('RESPONDED');
    } finally {
      app.setNow(undefined);
    }
  });

  it('refuses the same exemption named twice in one response', async () => {
    const { reference } = await submit();
    const twice = { section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false };
    await refused('respondToFoiRequest', reference, { outcome: 'REFUSED', summary: 'Refused.', exemptions: [twice, twice] }, /each exemption once/);
  });

  it.each(['2022-12-30', '1900-01-01'])('answers a receipt date (%s) outside the holiday calendar with a user error, not an internal one', async (receivedOn) => {
    const res = await app.gql(LOG, { input: { ...form(), channel: 'POST', receivedOn } }, { token: ir() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.logFoiRequest.userErrors[0]).toMatchObject({ code: 'OUT_OF_RANGE' });
  });

  it('never publishes the requester’s identity however it is written, even when staff confirm they reviewed the text', async () => {
    const { reference } = await submit({
      requester: { name: 'Harriet Leak', email: 'hl1984@example.com', postalAddress: '4 Privet Drive, Little Whinging, Surrey GU7 3HH' },
      description: "This is Harriet Leak's request, from Ms Leak's home. How many thefts of bicycles in Surrey?",
    });
    await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'There were 40.' });
    const draft = (await read(reference)).disclosureDraft;
    expect(JSON.stringify(draft)).not.toMatch(/Leak|Harriet/);
    for (const title of ['HarrietLeak asked about bikes', 'hl1984 about bikes', 'Privet Drive, Little Whinging about bikes', 'H. Leak on bikes']) {
      const out = await act('publishToDisclosureLog', reference, { title, question: draft.question, answer: draft.answer, personalDataReviewed: true });
      expect(out.userErrors[0], title).toMatchObject({ rule: 'FOI_DISCLOSURE_WITHOUT_REQUESTER' });
    }
  });
});

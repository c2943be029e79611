import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { rankingPosition } from '../../src/pageRatings/aggregates.js';
import { tierOf } from '../../src/pageRatings/ranking.js';
import { indexEntries, keys } from '../../src/store/keys.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS, CONTACTS, ERASE, PAGE, RATING, REVIEW, SUBMIT, SUMMARY, TRACK, WORST } from '../support/operations.js';
import { createTestApp, newKey, type GraphQLResponse, type TestApp } from '../support/testApp.js';

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter % 250}`;

function rating(app: TestApp, input: Record<string, unknown>, options: { ip?: string } = {}) {
  return app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 3, ...input } }, { ip: options.ip ?? freshIp() });
}

async function scanAll(app: TestApp) {
  const out = await app.doc.send(new ScanCommand({ TableName: app.tableName }));
  return out.Items ?? [];
}

/** The audit entries of staff reads of a list (one per read, naming every record shown). */
async function listReads(app: TestApp, list: string) {
  const out = await app.doc.send(new QueryCommand({ TableName: app.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#LIST#${list}` } }));
  return out.Items ?? [];
}

describe('submitting a rating', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });

  it('stores it with a reference and a tracking code that track it', async () => {
    const res = await rating(app, { rating: 2, pageUrl: `${PAGE}/?utm_source=x#form` });
    expect(res.status).toBe(200);
    const receipt = res.body.data!.submitPageRating.receipt;
    expect(res.body.data!.submitPageRating.userErrors).toEqual([]);
    // Page ratings take a nine-digit number derived from the idempotency key: no counter every rating rewrites.
    expect(receipt.reference).toMatch(/^WEB-20\d\d-[1-9]\d{8}$/);
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(receipt.duplicateOfEarlierSubmission).toBe(false);

    const tracked = await app.gql(TRACK, { reference: receipt.reference, trackingCode: receipt.trackingCode });
    expect(tracked.body.data!.trackCase).toMatchObject({ reference: receipt.reference, caseType: 'PAGE_RATING', status: 'RECEIVED' });

    const staff = await app.gql(RATING, { reference: receipt.reference }, { token: app.token('web-content') });
    expect(staff.body.data!.pageRating).toMatchObject({ pageUrl: PAGE, rating: 2, comment: null, status: 'RECEIVED', version: 1 });
  });

  it('keeps only a keyed hash of the tracking code', async () => {
    const res = await rating(app, {});
    const { reference, trackingCode } = res.body.data!.submitPageRating.receipt;
    const items = JSON.stringify(await scanAll(app));
    expect(items).toContain(reference);
    expect(items).not.toContain(trackingCode);
    expect(items).not.toContain(trackingCode.replace(/-/g, ''));
  });

  it('removes personal data from the comment before it is stored', async () => {
    const comment = 'Call me on 07700 900123 or jo.bloggs@example.com, car AB12 CDE, crime ref 20BE/123456A/24, I live at B4 6NQ, NI QQ123456C';
    const res = await rating(app, { comment, pageUrl: `${PAGE}/redaction` });
    const { reference } = res.body.data!.submitPageRating.receipt;
    const staff = await app.gql(RATING, { reference }, { token: app.token('web-content') });
    expect(staff.body.data!.pageRating.comment).toBe(
      'Call me on [phone number removed] or [email removed], car [vehicle registration removed], [crime reference removed], I live at [postcode removed], NI [National Insurance number removed]',
    );
    expect(staff.body.data!.pageRating.redactions.sort()).toEqual(
      ['CRIME_REFERENCE', 'EMAIL', 'NATIONAL_INSURANCE', 'PHONE', 'POSTCODE', 'VEHICLE_REGISTRATION'].sort(),
    );
    const everything = JSON.stringify(await scanAll(app));
    for (const secret of ['07700 900123', 'jo.bloggs@example.com', 'AB12 CDE', '20BE/123456A/24', 'B4 6NQ', 'QQ123456C']) {
      expect(everything).not.toContain(secret);
    }
  });

  // Issue 11, finding 2: the redactor missed names, street addresses, dates of birth, NHS numbers,
  // bank details and obfuscated emails; ordinary words must still survive.
  it('removes names, addresses, dates of birth, NHS numbers, bank details and spelt-out emails, and keeps ordinary text', async () => {
    const comment =
      'My name is Harriet Leak of 4 Privet Drive, born on 12/03/1985, NHS number 943 476 5919, sort code 12-34-56 account number 12345678, ' +
      'email harriet at example dot com. PC Smith said call 101; the B4 road page deserves 3 stars; open 8am to midnight. The Chief Constable, West Midlands Police.';
    const res = await rating(app, { comment, pageUrl: `${PAGE}/redaction-more` });
    const { reference } = res.body.data!.submitPageRating.receipt;
    const staff = await app.gql(RATING, { reference }, { token: app.token('web-content') });
    expect(staff.body.data!.pageRating.comment).toBe(
      'My name is [name removed] of [address removed], born on [date of birth removed], NHS number [NHS number removed], ' +
        'sort code [bank details removed], email [email removed]. PC [name removed] said call 101; ' +
        'the B4 road page deserves 3 stars; open 8am to midnight. The Chief Constable, West Midlands Police.',
    );
    expect(staff.body.data!.pageRating.redactions).toEqual(['NAME', 'EMAIL', 'ADDRESS', 'DATE_OF_BIRTH', 'NHS_NUMBER', 'BANK_DETAILS']);
    const everything = JSON.stringify(await scanAll(app));
    for (const secret of ['Harriet', 'Leak', 'Privet', '12/03/1985', '943 476 5919', '12-34-56', '12345678', 'harriet at example', 'Smith']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('answers a retry with the same key and input with the first answer, and stores nothing new', async () => {
    const input = { idempotencyKey: newKey(), pageUrl: `${PAGE}/retry`, rating: 1, comment: 'slow page' };
    const ip = freshIp();
    const first = await app.gql(SUBMIT, { input }, { ip });
    const again = await app.gql(SUBMIT, { input }, { ip: freshIp() });
    expect(again.body.data!.submitPageRating.receipt).toEqual(first.body.data!.submitPageRating.receipt);
    // Counted from the table's stream, seconds later: drain it first.
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: `${PAGE}/retry`, period: 'LAST_7_DAYS' } }, { token: app.token('web-content') });
    expect(summary.body.data!.pageRatingSummary.total).toBe(1);
  });

  it('stores one of several simultaneous retries', async () => {
    const input = { idempotencyKey: newKey(), pageUrl: `${PAGE}/race`, rating: 2 };
    const answers = await Promise.all([1, 2, 3, 4].map(() => app.gql(SUBMIT, { input }, { ip: freshIp() })));
    const references = new Set(answers.map((a) => a.body.data!.submitPageRating.receipt.reference));
    expect(references.size).toBe(1);
    // Counted from the table's stream, seconds later: drain it first.
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: `${PAGE}/race`, period: 'LAST_7_DAYS' } }, { token: app.token('web-content') });
    expect(summary.body.data!.pageRatingSummary.total).toBe(1);
  });

  it('refuses the same key with different input', async () => {
    const idempotencyKey = newKey();
    await app.gql(SUBMIT, { input: { idempotencyKey, pageUrl: PAGE, rating: 1 } });
    const res = await app.gql(SUBMIT, { input: { idempotencyKey, pageUrl: PAGE, rating: 3 } });
    expect(res.body.data!.submitPageRating).toEqual({
      receipt: null,
      userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })],
    });
  });

  it('stores the same rating from the same source within a few minutes once', async () => {
    const ip = freshIp();
    const page = `${PAGE}/duplicate`;
    const first = await rating(app, { pageUrl: page, rating: 1, comment: 'Broken link' }, { ip });
    const second = await rating(app, { pageUrl: page, rating: 1, comment: 'Broken link' }, { ip });
    expect(second.body.data!.submitPageRating.receipt).toMatchObject({
      reference: first.body.data!.submitPageRating.receipt.reference,
      trackingCode: null,
      duplicateOfEarlierSubmission: true,
    });
    const fromElsewhere = await rating(app, { pageUrl: page, rating: 1, comment: 'Broken link' }, { ip: freshIp() });
    expect(fromElsewhere.body.data!.submitPageRating.receipt.duplicateOfEarlierSubmission).toBe(false);
    // Counted from the table's stream, seconds later: drain it first.
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: page, period: 'LAST_7_DAYS' } }, { token: app.token('web-content') });
    expect(summary.body.data!.pageRatingSummary.total).toBe(2);
  });

  it('stores it again once the duplicate window has passed', async () => {
    const ip = freshIp();
    const page = `${PAGE}/duplicate-later`;
    app.setNow('2026-03-02T10:00:00Z');
    await rating(app, { pageUrl: page, rating: 2 }, { ip });
    app.setNow('2026-03-02T10:06:00Z');
    const later = await rating(app, { pageUrl: page, rating: 2 }, { ip });
    app.setNow(undefined);
    expect(later.body.data!.submitPageRating.receipt.duplicateOfEarlierSubmission).toBe(false);
  });

  it('pretends to accept a filled honeypot and stores nothing', async () => {
    const before = (await scanAll(app)).length;
    const res = await rating(app, { honeypot: 'http://spam.example', pageUrl: `${PAGE}/honeypot` });
    const receipt = res.body.data!.submitPageRating.receipt;
    // Page ratings take a nine-digit number derived from the idempotency key: no counter every rating rewrites.
    expect(receipt.reference).toMatch(/^WEB-20\d\d-[1-9]\d{8}$/);
    expect(receipt.trackingCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect((await scanAll(app)).length).toBe(before);
    const tracked = await app.gql(TRACK, { reference: receipt.reference, trackingCode: receipt.trackingCode });
    expect(tracked.body.data!.trackCase).toBeNull();
    expect(app.logger.lines.some((l) => l.includes('"event":"honeypot"'))).toBe(true);
  });
});

describe('validation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });

  it.each([
    ['a rating below 1', { rating: 0 }, ['input', 'rating'], 'OUT_OF_RANGE'],
    ['a rating above 3', { rating: 4 }, ['input', 'rating'], 'OUT_OF_RANGE'],
    ['an address that is not a URL', { pageUrl: 'contact us' }, ['input', 'pageUrl'], 'INVALID'],
    ['a page on another website', { pageUrl: 'https://www.example.com/' }, ['input', 'pageUrl'], 'HOST_NOT_ALLOWED'],
    ['a comment over 2,000 characters', { comment: 'x'.repeat(2001) }, ['input', 'comment'], 'TOO_LONG'],
    // Under 2,000 characters, but too long a key once percent-encoded (never stored, never an internal error).
    ['a page address too long once encoded', { pageUrl: `https://www.west-midlands.police.uk/${'é'.repeat(600)}` }, ['input', 'pageUrl'], 'TOO_LONG'],
    ['the same with a comment', { pageUrl: `https://www.west-midlands.police.uk/${'é'.repeat(600)}`, comment: 'x' }, ['input', 'pageUrl'], 'TOO_LONG'],
    ['a short idempotency key', { idempotencyKey: 'abc' }, ['input', 'idempotencyKey'], 'INVALID'],
    ['contact details without consent', { researchContact: { email: 'jo@example.com', consentToContact: false } }, ['input', 'researchContact', 'consentToContact'], 'INVALID'],
    ['contact details with no name or email', { researchContact: { name: ' ', consentToContact: true } }, ['input', 'researchContact'], 'REQUIRED'],
    ['a bad email address', { researchContact: { email: 'jo at example', consentToContact: true } }, ['input', 'researchContact', 'email'], 'INVALID'],
    ['a name over 200 characters', { researchContact: { name: 'n'.repeat(201), consentToContact: true } }, ['input', 'researchContact', 'name'], 'TOO_LONG'],
  ])('refuses %s with a clear user error', async (_, input, field, code) => {
    const res = await rating(app, input);
    expect(res.status).toBe(200);
    const payload = res.body.data!.submitPageRating;
    expect(payload.receipt).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ field, code, message: expect.any(String) })]);
    expect(payload.userErrors[0].message.length).toBeGreaterThan(10);
    expect(JSON.stringify(payload)).not.toContain('jo at example');
  });

  it('stores, counts and ranks a rating of the longest page address allowed (500 bytes), bare and with a comment', async () => {
    // Its own table: this describe's other tests check that refusals store nothing.
    const app = await createTestApp();
    const longest = `https://www.west-midlands.police.uk/${'a'.repeat(500 - 'www.west-midlands.police.uk/'.length)}`;
    for (const extra of [{}, { comment: 'The map does not load.' }]) {
      const res = await rating(app, { pageUrl: longest, rating: 1, ...extra });
      expect(res.body.data!.submitPageRating.userErrors).toEqual([]);
    }
    await app.drainChanges();
    const token = app.token('web-content');
    expect((await app.gql(SUMMARY, { input: { pageUrl: longest, period: 'LAST_7_DAYS' } }, { token })).body.data!.pageRatingSummary).toMatchObject({ total: 2 });
    const ranked = await app.gql(WORST, { input: { minimumRatings: 1 }, first: 100 }, { token });
    expect(ranked.body.data!.worstRatedPages.edges.map((e: { node: { pageUrl: string } }) => e.node.pageUrl)).toContain(longest);
    expect(app.logger.lines.filter((l) => l.includes('"level":"error"') || l.includes('stream consumer failed'))).toEqual([]);
  });

  it('reports every problem at once', async () => {
    const res = await rating(app, { rating: 9, pageUrl: 'nope', comment: 'x'.repeat(2001) });
    expect(res.body.data!.submitPageRating.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual([
      'input.comment',
      'input.pageUrl',
      'input.rating',
    ]);
  });

  it('refuses a value of the wrong type without repeating it', async () => {
    const res = await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), pageUrl: PAGE, rating: 'jo@example.com' } });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.body)).not.toContain('jo@example.com');
  });

  it('stores nothing for a refused submission', async () => {
    expect((await scanAll(app)).filter((i) => i.kind !== 'RATE')).toEqual([]);
    const ok = await rating(app, {});
    expect(ok.body.data!.submitPageRating.userErrors).toEqual([]);
    expect((await scanAll(app)).filter((i) => i.pk.startsWith('CASE#'))).toHaveLength(1);
  });
});

describe('rate limit', () => {
  it('refuses a source that submits too often, and only that source', async () => {
    const app = await createTestApp({ submitRateLimit: { limit: 3, windowSeconds: 600 } });
    const ip = '192.0.2.50';
    for (let i = 0; i < 3; i++) {
      const ok = await rating(app, { comment: `comment ${i}` }, { ip });
      expect(ok.body.data!.submitPageRating.userErrors).toEqual([]);
    }
    const refused = await rating(app, { comment: 'one more' }, { ip });
    expect(refused.body.data!.submitPageRating.userErrors).toEqual([expect.objectContaining({ code: 'RATE_LIMITED', field: null })]);
    const other = await rating(app, { comment: 'one more' }, { ip: '192.0.2.51' });
    expect(other.body.data!.submitPageRating.userErrors).toEqual([]);
    const items = JSON.stringify(await scanAll(app));
    expect(items).not.toContain('192.0.2.50');
  });
});

describe('bare ratings and the rate limit', () => {
  // Bare stars are one item (no rate count): the edge (WAF, per address) limits them. A rating with
  // a comment or contact details, and every case, keeps the app's own per-source limit.
  it('stores and counts a burst of bare ratings from one address over the app limit, and still limits commented ones', async () => {
    const app = await createTestApp({ submitRateLimit: { limit: 3, windowSeconds: 600 } });
    const ip = '192.0.2.60';
    const page = `${PAGE}/bare-burst`;
    const bare = await Promise.all(Array.from({ length: 10 }, (_, i) => rating(app, { pageUrl: page, rating: (i % 3) + 1 }, { ip })));
    expect(bare.flatMap((a) => a.body.data!.submitPageRating.userErrors)).toEqual([]);
    for (let i = 0; i < 3; i++) {
      const ok = await rating(app, { pageUrl: page, comment: `comment ${i}` }, { ip });
      expect(ok.body.data!.submitPageRating.userErrors).toEqual([]);
    }
    const refused = await rating(app, { pageUrl: page, comment: 'one more' }, { ip });
    expect(refused.body.data!.submitPageRating).toEqual({ receipt: null, userErrors: [expect.objectContaining({ code: 'RATE_LIMITED', field: null })] });
    const moreBare = await rating(app, { pageUrl: page, rating: 1 }, { ip });
    expect(moreBare.body.data!.submitPageRating.userErrors).toEqual([]);
    await app.drainChanges();
    const summary = await app.gql(SUMMARY, { input: { pageUrl: page, period: 'LAST_7_DAYS' } }, { token: app.token('web-content') });
    expect(summary.body.data!.pageRatingSummary.total).toBe(14);
  });
});

describe('research contacts', () => {
  let app: TestApp;
  const web = () => app.token('web-content', 'robin.web');
  beforeAll(async () => {
    app = await createTestApp();
  });

  it('are stored apart from the rating, listed to the web team, and every read is audited', async () => {
    const res = await rating(app, { researchContact: { name: 'Jo Bloggs', email: 'Jo.Bloggs@Example.com', consentToContact: true } });
    const { reference } = res.body.data!.submitPageRating.receipt;
    const items = await scanAll(app);
    const caseItem = items.find((i) => i.pk === `CASE#${reference}` && i.sk === 'CASE')!;
    expect(JSON.stringify(caseItem)).not.toMatch(/Jo Bloggs|Example\.com/i);
    const contactItem = items.find((i) => i.pk === `CASE#${reference}` && i.sk === 'RESEARCH_CONTACT')!;
    expect(contactItem.expiresAt).toBeLessThan(caseItem.expiresAt as number);

    const list = await app.gql(CONTACTS, {}, { token: web() });
    expect(list.body.data!.researchContacts.edges).toEqual([
      { node: expect.objectContaining({ reference, name: 'Jo Bloggs', email: 'Jo.Bloggs@Example.com', pageUrl: PAGE }) },
    ]);
    const audited = await app.gql(RATING, { reference }, { token: web() });
    expect(audited.body.data!.pageRating.auditTrail[0]).toMatchObject({ action: 'SUBMITTED', actor: { kind: 'PUBLIC', name: null }, fields: ['pageUrl', 'rating', 'researchContact'] });
    // The list read is one audit entry naming every contact shown, by whom.
    expect(await listReads(app, 'researchContacts')).toEqual([
      expect.objectContaining({ action: 'RESEARCH_CONTACT_READ', actor: expect.objectContaining({ kind: 'STAFF', name: 'robin.web' }), references: [reference] }),
    ]);
  });

  it('are erased on request by email address, whatever its case', async () => {
    const res = await rating(app, { researchContact: { email: 'sam@example.org', consentToContact: true }, pageUrl: `${PAGE}/erase` });
    const { reference } = res.body.data!.submitPageRating.receipt;
    const erased = await app.gql(ERASE, { input: { email: ' SAM@example.org ' } }, { token: web() });
    expect(erased.body.data!.eraseResearchContact).toEqual({ erasedCount: 1, userErrors: [] });
    const items = JSON.stringify(await scanAll(app));
    expect(items).not.toContain('sam@example.org');
    const after = await app.gql(RATING, { reference }, { token: web() });
    expect(after.body.data!.pageRating.hasResearchContact).toBe(false);
    expect(after.body.data!.pageRating.auditTrail.map((e: { action: string }) => e.action)).toContain('RESEARCH_CONTACT_ERASED');
    const again = await app.gql(ERASE, { input: { email: 'sam@example.org' } }, { token: web() });
    expect(again.body.data!.eraseResearchContact.erasedCount).toBe(0);
  });

  it('erasure needs a real email address', async () => {
    const res = await app.gql(ERASE, { input: { email: 'not-an-email' } }, { token: web() });
    expect(res.body.data!.eraseResearchContact.userErrors).toEqual([expect.objectContaining({ field: ['input', 'email'], code: 'INVALID' })]);
  });
});

describe('reviewing a rating', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });

  it('moves it to REVIEWED, shows the submitter, and records who did it', async () => {
    const res = await rating(app, { comment: 'Could not find the form' });
    const { reference, trackingCode } = res.body.data!.submitPageRating.receipt;
    const token = app.token('web-content', 'alex.web');
    const reviewed = await app.gql(REVIEW, { input: { reference, expectedVersion: 1, outcome: 'ACTIONED' } }, { token });
    expect(reviewed.body.data!.reviewPageRating).toEqual({
      pageRating: { reference, status: 'REVIEWED', reviewOutcome: 'ACTIONED', version: 2 },
      userErrors: [],
    });
    const tracked = await app.gql(TRACK, { reference, trackingCode });
    expect(tracked.body.data!.trackCase.status).toBe('REVIEWED');
    const read = await app.gql(RATING, { reference }, { token });
    const trail = read.body.data!.pageRating.auditTrail;
    expect(trail.find((e: { action: string }) => e.action === 'REVIEWED')).toMatchObject({
      actor: { kind: 'STAFF', name: 'alex.web' },
      fields: ['status', 'reviewOutcome'],
      version: 2,
    });
    expect(trail.some((e: { action: string }) => e.action === 'READ')).toBe(true);
  });

  it('lets only one of two staff editing the same version win, and tells the other', async () => {
    const res = await rating(app, { comment: 'Two reviewers' });
    const { reference } = res.body.data!.submitPageRating.receipt;
    const [a, b] = await Promise.all([
      app.gql(REVIEW, { input: { reference, expectedVersion: 1, outcome: 'NO_ACTION' } }, { token: app.token('web-content', 'a') }),
      app.gql(REVIEW, { input: { reference, expectedVersion: 1, outcome: 'SPAM' } }, { token: app.token('web-content', 'b') }),
    ]);
    const results = [a, b].map((r) => r.body.data!.reviewPageRating);
    const winners = results.filter((r) => r.pageRating);
    const losers = results.filter((r) => !r.pageRating);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] })]);
    const read = await app.gql(RATING, { reference }, { token: app.token('web-content') });
    expect(read.body.data!.pageRating).toMatchObject({ version: 2, reviewOutcome: winners[0].pageRating.reviewOutcome });
  });

  it('refuses a stale version and an unknown reference', async () => {
    const res = await rating(app, {});
    const { reference } = res.body.data!.submitPageRating.receipt;
    const token = app.token('web-content');
    const stale = await app.gql(REVIEW, { input: { reference, expectedVersion: 7, outcome: 'SPAM' } }, { token });
    expect(stale.body.data!.reviewPageRating.userErrors[0].code).toBe('STALE_VERSION');
    const missing = await app.gql(REVIEW, { input: { reference: 'WEB-2026-999999', expectedVersion: 1, outcome: 'SPAM' } }, { token });
    expect(missing.body.data!.reviewPageRating.userErrors[0].code).toBe('NOT_FOUND');
  });
});

describe('the web team’s views', () => {
  let app: TestApp;
  const token = () => app.token('web-content');
  const good = `${PAGE}/good`;
  const bad = `${PAGE}/bad`;
  const middling = `${PAGE}/middling`;

  beforeAll(async () => {
    app = await createTestApp();
    // A hand-counted fixture: (London date, page, stars).
    const fixture: Array<[string, string, number]> = [
      ['2026-10-01T12:00:00Z', bad, 1],
      ['2026-11-10T12:00:00Z', bad, 1],
      ['2026-11-18T12:00:00Z', bad, 2],
      ['2026-11-20T23:30:00Z', bad, 1], // 20 Nov in London (GMT)
      ['2026-11-21T09:00:00Z', bad, 3],
      ['2026-11-15T12:00:00Z', good, 3],
      ['2026-11-16T12:00:00Z', good, 3],
      ['2026-11-17T12:00:00Z', good, 3],
      ['2026-11-18T12:00:00Z', good, 2],
      ['2026-11-19T12:00:00Z', good, 3],
      ['2026-11-20T12:00:00Z', middling, 2],
      ['2026-11-20T13:00:00Z', middling, 2],
    ];
    for (const [at, pageUrl, stars] of fixture) {
      app.setNow(at);
      const res = await rating(app, { pageUrl, rating: stars, comment: `${stars} stars on ${at}` });
      expect(res.body.data!.submitPageRating.userErrors).toEqual([]);
    }
    app.setNow('2026-11-21T12:00:00Z');
    // The ranking is kept from the table's stream: it lags the ratings until the consumers have run.
    await app.drainChanges();
  });

  it('summarises a page over the last 7 days', async () => {
    const res = await app.gql(SUMMARY, { input: { pageUrl: bad, period: 'LAST_7_DAYS' } }, { token: token() });
    expect(res.body.data!.pageRatingSummary).toEqual({
      pageUrl: bad,
      from: '2026-11-15',
      to: '2026-11-21',
      total: 3,
      average: 2,
      counts: [
        { stars: 1, count: 1 },
        { stars: 2, count: 1 },
        { stars: 3, count: 1 },
      ],
    });
  });

  it('summarises over 30 and 90 days and a date range', async () => {
    const d30 = await app.gql(SUMMARY, { input: { pageUrl: bad, period: 'LAST_30_DAYS' } }, { token: token() });
    expect(d30.body.data!.pageRatingSummary).toMatchObject({ total: 4, average: 1.75 });
    const d90 = await app.gql(SUMMARY, { input: { pageUrl: bad, period: 'LAST_90_DAYS' } }, { token: token() });
    expect(d90.body.data!.pageRatingSummary).toMatchObject({ total: 5, average: 1.6 });
    const range = await app.gql(SUMMARY, { input: { pageUrl: bad, from: '2026-10-01', to: '2026-10-31' } }, { token: token() });
    expect(range.body.data!.pageRatingSummary).toMatchObject({ total: 1, average: 1, counts: [{ stars: 1, count: 1 }, { stars: 2, count: 0 }, { stars: 3, count: 0 }] });
  });

  it('answers a page with no ratings with zeros', async () => {
    const res = await app.gql(SUMMARY, { input: { pageUrl: `${PAGE}/never`, period: 'LAST_7_DAYS' } }, { token: token() });
    expect(res.body.data!.pageRatingSummary).toMatchObject({ total: 0, average: null });
  });

  it('refuses an impossible summary with a clear error', async () => {
    const res = await app.gql(SUMMARY, { input: { pageUrl: bad, from: '2025-01-01', to: '2026-11-01' } }, { token: token() });
    expect(res.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(res.body.errors![0]!.message).toMatch(/366 days/);
  });

  it('names the summary’s bad page address by its place in the input, as every other refusal does', async () => {
    for (const [pageUrl, code] of [
      ['contact us', 'INVALID'],
      ['https://www.example.com/', 'HOST_NOT_ALLOWED'],
    ]) {
      const res = await app.gql(SUMMARY, { input: { pageUrl, period: 'LAST_7_DAYS' } }, { token: token() });
      expect(res.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', userErrors: [{ field: ['input', 'pageUrl'], code }] } });
    }
  });

  it('ranks pages worst first, leaving out pages with too few ratings', async () => {
    const all = await app.gql(WORST, { input: { minimumRatings: 2 } }, { token: token() });
    expect(all.body.data!.worstRatedPages.edges.map((e: { node: { pageUrl: string; average: number; total: number } }) => [e.node.pageUrl, e.node.average, e.node.total])).toEqual([
      [bad, 1.6, 5],
      [middling, 2, 2],
      [good, 2.8, 5],
    ]);
    const strict = await app.gql(WORST, { input: { minimumRatings: 3 } }, { token: token() });
    expect(strict.body.data!.worstRatedPages.edges.map((e: { node: { pageUrl: string } }) => e.node.pageUrl)).toEqual([bad, good]);
    const october = await app.gql(WORST, { input: { month: '2026-10', minimumRatings: 1 } }, { token: token() });
    expect(october.body.data!.worstRatedPages.edges).toEqual([expect.objectContaining({ node: expect.objectContaining({ pageUrl: bad, total: 1 }) })]);
  });

  it('pages through the ranking', async () => {
    const first = await app.gql(WORST, { input: { minimumRatings: 1 }, first: 2 }, { token: token() });
    const page1 = first.body.data!.worstRatedPages;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await app.gql(WORST, { input: { minimumRatings: 1 }, first: 2, after: page1.pageInfo.endCursor }, { token: token() });
    const page2 = second.body.data!.worstRatedPages;
    expect(page2.edges.map((e: { node: { pageUrl: string } }) => e.node.pageUrl)).toEqual([good]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('merges the tier partitions in rank order, a page at a time, with nothing missed or repeated, across tier edges', async () => {
    // Entries as the stream consumer writes them (one per page, in the largest tier reached), for a month nothing else uses.
    const month = '2026-06';
    const totals = [1, 3, 4, 5, 6, 9, 10, 11, 49, 50, 51, 120, 999, 1000, 1001, 4000];
    const entries = totals.map((total, i) => {
      const counts = { s1: (i * 7) % (total + 1), s2: 0, s3: 0 };
      counts.s2 = Math.floor((total - counts.s1) / 2);
      counts.s3 = total - counts.s1 - counts.s2;
      const pageKey = `www.west-midlands.police.uk/tiers/${i}`;
      return { ...keys.pageRank(pageKey, month), ...indexEntries.pageRanking(month, tierOf(total), rankingPosition(counts, pageKey)), kind: 'PAGE_RANK', pageUrl: `https://${pageKey}`, period: month, tier: tierOf(total), ...counts, total };
    });
    for (const item of entries) await app.doc.send(new PutCommand({ TableName: app.tableName, Item: item }));
    const expected = (min: number) =>
      entries
        .filter((e) => e.total >= min)
        .sort((a, b) => (a.gsi1sk < b.gsi1sk ? -1 : 1))
        .map((e) => e.pageUrl);
    for (const min of [1, 5, 6, 10, 50, 51, 1000]) {
      for (const first of [1, 2, 3, 20]) {
        const seen: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 40; pages++) {
          const res: GraphQLResponse = await app.gql(WORST, { input: { month, minimumRatings: min }, first, after }, { token: token() });
          const connection = res.body.data!.worstRatedPages as { edges: Array<{ node: { pageUrl: string; total: number } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          seen.push(...connection.edges.map((e) => e.node.pageUrl));
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
        }
        expect(seen, `minimum ${min}, ${first} a page`).toEqual(expected(min));
      }
    }
    // With a read budget too small for a page (each request stops part-way through a partition), still
    // nothing is missed, repeated or out of order: each page ends where the reading ended.
    const tight = await createTestApp({ limits: { ...app.config.limits, readBudget: { items: 4, calls: 8 } } }, { tableName: app.tableName });
    let cutShort = 0;
    for (const min of [1, 5, 10]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 60; pages++) {
        const res: GraphQLResponse = await tight.gql(WORST, { input: { month, minimumRatings: min }, first: 3, after }, { token: tight.token('web-content') });
        const connection = res.body.data!.worstRatedPages as { edges: Array<{ node: { pageUrl: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        seen.push(...connection.edges.map((e) => e.node.pageUrl));
        if (!connection.pageInfo.hasNextPage) break;
        if (connection.edges.length < 3) cutShort++;
        after = connection.pageInfo.endCursor;
      }
      expect(seen, `minimum ${min}, budget 4`).toEqual(expected(min));
    }
    // The budget did stop pages part-way (so the path above was taken).
    expect(cutShort).toBeGreaterThan(0);
  });

  it('lists a page’s comments newest first, a page at a time', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GraphQLResponse = await app.gql(COMMENTS, { pageUrl: bad, first: 2, after }, { token: token() });
      const connection = res.body.data!.pageComments as {
        edges: Array<{ node: { comment: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      seen.push(...connection.edges.map((e) => e.node.comment));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([
      '3 stars on 2026-11-21T09:00:00Z',
      '1 stars on 2026-11-20T23:30:00Z',
      '2 stars on 2026-11-18T12:00:00Z',
      '1 stars on 2026-11-10T12:00:00Z',
      '1 stars on 2026-10-01T12:00:00Z',
    ]);
  });

  it('audits a list a staff member reads with one entry naming every rating shown', async () => {
    const before = (await listReads(app, 'pageComments')).length;
    const list = await app.gql(COMMENTS, { pageUrl: bad, first: 3 }, { token: app.token('web-content', 'lee.web') });
    const references = list.body.data!.pageComments.edges.map((e: { node: { reference: string } }) => e.node.reference);
    expect(references).toHaveLength(3);
    const entries = await listReads(app, 'pageComments');
    expect(entries).toHaveLength(before + 1);
    expect(entries.find((e) => e.actor.name === 'lee.web')).toMatchObject({ action: 'READ_IN_LIST', references });
  });

  it('refuses a cursor that was edited or came from another list, and a page size over 100', async () => {
    const res = await app.gql(COMMENTS, { pageUrl: bad, first: 1 }, { token: token() });
    const cursor: string = res.body.data!.pageComments.pageInfo.endCursor;
    const [payload, sig] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), pk: 'CASE#x' })).toString('base64url')}.${sig}`;
    for (const after of [forged, 'garbage', cursor.slice(0, -2)]) {
      const bad1 = await app.gql(COMMENTS, { pageUrl: bad, first: 1, after }, { token: token() });
      expect(bad1.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    }
    const elsewhere = await app.gql(COMMENTS, { pageUrl: good, first: 1, after: cursor }, { token: token() });
    expect(elsewhere.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const tooMany = await app.gql(COMMENTS, { pageUrl: bad, first: 101 }, { token: token() });
    expect(tooMany.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

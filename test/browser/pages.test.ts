import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foiCaseType } from '../../src/foi/caseType.js';
import { fieldLimits } from '../../src/web/fieldLimits.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';
import { choose, expectAccessible, markJavaScript, screenshot, startBrowser, startSite, submitByKeyboard, tabTo, typeDate, typeInto } from './support.js';

/**
 * Every public page in Debian's Chromium: a whole journey without JavaScript (plain form posts to
 * /forms/…) and one by keyboard alone with JavaScript (GraphQL from the page), axe-core with no
 * WCAG 2.2 AA violations on the way, and a screenshot of each state in test/browser/screenshots/.
 */
let app: TestApp;
let site: Awaited<ReturnType<typeof startSite>>;
let chromium: Awaited<ReturnType<typeof startBrowser>>;
let browser: Browser;
let disclosed: string;
let tracked: { reference: string; trackingCode: string };

const RATED_PAGE = 'https://www.west-midlands.police.uk/contact-us';
const ir = () => app.token('information-rights', 'fay.foi');
const foi = caseHelpers(() => app, {
  read: 'query($reference: String!) { foiRequest(reference: $reference) { reference version } }',
  readField: 'foiRequest',
  payloadField: 'foiRequest',
  fields: 'reference version',
  caseType: foiCaseType,
  token: () => ir(),
});

beforeAll(async () => {
  app = await createTestApp();
  [site, chromium] = await Promise.all([startSite(app), startBrowser()]);
  browser = chromium.browser;
  // A case to track and a response in the disclosure log, made through the API.
  const submitted = await app.gql(
    'mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference trackingCode } userErrors { message } } }',
    { input: { idempotencyKey: newKey(), requester: { name: 'Sam Asker', email: 'sam@example.com' }, description: 'How many speed cameras operated in Birmingham in 2025?', format: 'ELECTRONIC_COPY' } },
    { ip: '203.0.113.50' },
  );
  tracked = submitted.body.data!.submitFoiRequest.receipt;
  const other = await app.gql(
    'mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference } } }',
    { input: { idempotencyKey: newKey(), requester: { name: 'Ann Other', email: 'ann@example.com' }, description: 'How often was Taser drawn in 2025?', format: 'ELECTRONIC_COPY' } },
    { ip: '203.0.113.51' },
  );
  disclosed = other.body.data!.submitFoiRequest.receipt.reference;
  await foi.ok('respondToFoiRequest', disclosed, { outcome: 'PROVIDED_IN_FULL', summary: 'Figures for 2025' });
  await foi.ok('publishToDisclosureLog', disclosed, { title: 'Taser use in 2025', question: 'How often was Taser drawn in 2025?', answer: 'Taser was drawn 1,234 times.' });
});

afterAll(async () => {
  await chromium?.stop();
  await site?.close();
});

async function open(js: boolean, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  if (js) markJavaScript(context);
  const page = await context.newPage();
  const response = await page.goto(`${site.base}${path}`);
  expect(response?.status()).toBe(200);
  return { context, page };
}

/** Without JavaScript: press the button, which posts (or gets) the form to the server. */
async function send(page: Page, expectedStatus: number) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click('form[data-cc-page] button[type="submit"]')]);
  expect(response?.status()).toBe(expectedStatus);
}

const errorSummary = (page: Page) => page.locator('.govuk-error-summary').innerText();
const inlineError = (page: Page, id: string) => page.locator(`#${id}-error`).innerText();

describe('Rate this page (the embeddable component)', () => {
  const path = `/forms/rate-this-page?embed=1&page=${encodeURIComponent(RATED_PAGE)}`;

  it('without JavaScript: errors from the API inline and in the summary, then the receipt', async () => {
    const { context, page } = await open(false, path);
    await expectAccessible(page, 'empty form');
    await screenshot(page, 'rate-this-page');
    await page.check('#rating-3');
    await page.fill('#researchContact-name', 'Jo');
    await send(page, 400);
    // The API's own refusal: contact details only with consent.
    expect(await errorSummary(page)).toContain('Contact details can be kept only with consent to be contacted.');
    expect(await inlineError(page, 'researchContact-consentToContact')).toContain('Contact details can be kept only with consent');
    expect(await page.inputValue('#researchContact-name')).toBe('Jo');
    await expectAccessible(page, 'with errors');
    await screenshot(page, 'rate-this-page-errors');
    await page.check('#researchContact-consentToContact');
    await send(page, 200);
    expect(await page.locator('.govuk-panel__body').innerText()).toMatch(/WEB-\d{4}-\d{6}/);
    expect(await page.locator('[data-cc-tracking-code]').innerText()).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(await page.locator('.govuk-warning-text').innerText()).toContain('We show it only once');
    await expectAccessible(page, 'receipt');
    await screenshot(page, 'rate-this-page-receipt');
    await context.close();
  });

  it('keyboard only, with JavaScript: the honeypot is never reached, the receipt comes from GraphQL', async () => {
    const { context, page } = await open(true, path);
    // The trap field: hidden from assistive technology and out of the tab order.
    expect(await page.locator('#cc-website').getAttribute('tabindex')).toBe('-1');
    expect(await page.locator('.cc-honeypot').getAttribute('aria-hidden')).toBe('true');
    await expect(tabTo(page, '#cc-website', 30)).rejects.toThrow(/cannot be reached/);
    await page.reload();
    await choose(page, 'rating', '2');
    await typeInto(page, '#comment', 'The phone number was hard to find.');
    await submitByKeyboard(page);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Feedback sent');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Feedback sent');
    expect(await page.locator('[data-cc-tracking-code]').innerText()).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await expectAccessible(page, 'receipt (JavaScript)');
    await context.close();
  });
});

describe('Make a complaint', () => {
  it('without JavaScript: the limits are the API schema\'s, an invalid email is refused by the API, then the receipt', async () => {
    const { context, page } = await open(false, '/forms/complaint');
    expect(await page.getAttribute('[data-module="govuk-character-count"]:has(#incident-description)', 'data-maxlength')).toBe(String(fieldLimits('complaint')['incident.description']));
    expect(fieldLimits('complaint')['incident.description']).toBe(10_000);
    await expectAccessible(page, 'empty form');
    await screenshot(page, 'complaint');
    await page.fill('#complainant-name', 'Alex Example');
    await page.fill('#complainant-email', 'not-an-email');
    await page.check('#complainant-preferredContact');
    await page.fill('#incident-date-day', '3');
    await page.fill('#incident-date-month', '11');
    await page.fill('#incident-date-year', '2026');
    await page.fill('#incident-place', 'Birmingham New Street');
    await page.fill('#incident-description', 'An officer was rude to me when I asked for directions.');
    await page.check('#complaintTypes-4');
    await page.fill('#desiredOutcome', 'An apology.');
    await page.check('#wantsFormalRecording-2');
    await send(page, 400);
    expect(await errorSummary(page)).toContain('This does not look like an email address.');
    expect(await page.locator('.govuk-error-summary a').first().getAttribute('href')).toBe('#complainant-email');
    expect(await inlineError(page, 'complainant-email')).toContain('This does not look like an email address.');
    await expectAccessible(page, 'with errors');
    await screenshot(page, 'complaint-errors');
    await page.fill('#complainant-email', 'alex@example.com');
    await send(page, 200);
    expect(await page.locator('.govuk-panel__body').innerText()).toMatch(/CMP-\d{4}-\d{6}|[A-Z]{3}-\d{4}-\d{6}/);
    expect(await page.locator('[data-cc-tracking-code]').count()).toBe(1);
    await screenshot(page, 'complaint-receipt');
    await context.close();
  });

  it('keyboard only, with JavaScript', async () => {
    const { context, page } = await open(true, '/forms/complaint');
    await typeInto(page, '#complainant-name', 'Kim Keyboard');
    await typeInto(page, '#complainant-email', 'kim@example.com');
    await choose(page, 'complainant.preferredContact', 'EMAIL');
    await typeDate(page, 'incident.date', '1', '11', '2026');
    await typeInto(page, '#incident-place', 'Coventry');
    await typeInto(page, '#incident-description', 'Nobody called me back about my report.');
    await choose(page, 'complaintTypes', 'NO_CONTACT');
    await typeInto(page, '#desiredOutcome', 'A call back.');
    await submitByKeyboard(page);
    // No formal-recording answer: the page says so before asking, and focus moves to the summary.
    expect(await errorSummary(page)).toContain('Choose whether you want your complaint formally recorded.');
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
    await expectAccessible(page, 'with errors (JavaScript)');
    await choose(page, 'wantsFormalRecording', 'true');
    await submitByKeyboard(page);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Complaint sent');
    await context.close();
  });
});

describe('Subject access request', () => {
  async function fill(page: Page, description: string) {
    await page.fill('#requester-name', 'Pat Person');
    await page.fill('#requester-dateOfBirth-day', '1');
    await page.fill('#requester-dateOfBirth-month', '2');
    await page.fill('#requester-dateOfBirth-year', '1980');
    await page.fill('#requester-address', '1 High Street, Birmingham B1 1AA');
    await page.fill('#scope-description', description);
    await page.check('#format');
  }

  it('without JavaScript: a criminal-record request is signposted to ACRO as the API says, and confirmed', async () => {
    const { context, page } = await open(false, '/forms/subject-access');
    await expectAccessible(page, 'empty form');
    await screenshot(page, 'subject-access');
    await fill(page, 'I need a police certificate for my visa application.');
    await send(page, 200);
    const signpost = await page.locator('[data-cc-signpost]').innerText();
    expect(signpost).toContain('ACRO');
    expect(signpost).toContain('police certificate');
    expect(await page.locator('[data-cc-signpost] a').getAttribute('href')).toMatch(/^https:\/\//);
    expect(await page.locator('.govuk-panel').count()).toBe(0);
    await expectAccessible(page, 'signposted');
    await screenshot(page, 'subject-access-signpost');
    await page.check('#confirmNotOnlyCriminalRecord');
    await send(page, 200);
    expect(await page.locator('.govuk-panel__body').innerText()).toMatch(/SAR-\d{4}-\d{6}/);
    await context.close();
  });

  it('without JavaScript: the optional sections (someone asking for another, previous names, needs) go to the API, which says what is missing', async () => {
    const { context, page } = await open(false, '/forms/subject-access');
    await fill(page, `The record of the call I made to 101 in March 2026 (${Date.now()}).`);
    await page.fill('#requester-previousNames', 'Pat Maiden');
    await page.fill('#agent-agentName', 'Sam Solicitor');
    await page.fill('#needs-accessibility', 'Large print, please.');
    await page.check('#needs-interpreterNeeded');
    await send(page, 400);
    expect(await inlineError(page, 'agent-relationship')).toContain('Give');
    expect(await page.inputValue('#needs-accessibility')).toBe('Large print, please.');
    await expectAccessible(page, 'optional sections with errors');
    await page.fill('#agent-relationship', 'Solicitor');
    await page.fill('#agent-authority', 'Signed consent from my client');
    await send(page, 200);
    expect(await page.locator('.govuk-panel__body').innerText()).toMatch(/SAR-\d{4}-\d{6}/);
    await context.close();
  });

  it('keyboard only, with JavaScript', async () => {
    const { context, page } = await open(true, '/forms/subject-access');
    await typeInto(page, '#requester-name', 'Robin Keys');
    await typeDate(page, 'requester.dateOfBirth', '30', '2', '1990');
    await typeInto(page, '#requester-address', '2 Low Road, Walsall');
    await typeInto(page, '#scope-description', 'The record of the burglary I reported in May 2026.');
    await choose(page, 'format', 'PAPER');
    await submitByKeyboard(page);
    expect(await errorSummary(page)).toContain('Your date of birth must be a real date');
    await page.keyboard.press('Tab'); // the summary's link to the field
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('requester-dateOfBirth-day');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('28');
    await submitByKeyboard(page);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Subject access request sent');
    await context.close();
  });
});

describe('Freedom of Information request', () => {
  it('without JavaScript: a request for one\'s own data is pointed to subject access, as the API says', async () => {
    const { context, page } = await open(false, '/forms/foi');
    await expectAccessible(page, 'empty form');
    await screenshot(page, 'foi');
    await page.fill('#requester-name', 'Sam Asker');
    await page.fill('#requester-email', 'sam@example.com');
    await page.fill('#description', 'Please send me all the information you hold about me.');
    await page.check('#format');
    await send(page, 200);
    expect(await page.locator('[data-cc-signpost]').innerText()).toMatch(/subject access/i);
    await expectAccessible(page, 'signposted');
    await screenshot(page, 'foi-signpost');
    await page.fill('#description', 'How many officers were on patrol in Dudley in 2025?');
    await page.uncheck('#confirmNotOwnPersonalData').catch(() => undefined);
    await send(page, 200);
    expect(await page.locator('.govuk-panel__body').innerText()).toMatch(/FOI-\d{4}-\d{6}/);
    await context.close();
  });

  it('keyboard only, with JavaScript: the API\'s real-name rule, then the receipt', async () => {
    const { context, page } = await open(true, '/forms/foi');
    await typeInto(page, '#requester-name', 'x@example.com');
    await typeInto(page, '#requester-email', 'kit@example.com');
    await typeInto(page, '#description', 'What did the force spend on fuel in 2025?');
    await choose(page, 'format', 'SUMMARY');
    await submitByKeyboard(page);
    expect(await errorSummary(page)).toContain('needs your real name');
    await expectAccessible(page, 'with errors (JavaScript)');
    await page.fill('#requester-name', ''); // clear, then type again by keyboard
    await typeInto(page, '#requester-name', 'Kit Asker');
    await submitByKeyboard(page);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Freedom of Information request sent');
    await context.close();
  });
});

describe('Data-protection complaint', () => {
  it('without JavaScript: the contact detail the API asks for, then the receipt', async () => {
    const { context, page } = await open(false, '/forms/data-protection-complaint');
    await expectAccessible(page, 'empty form');
    await screenshot(page, 'data-protection-complaint');
    await page.fill('#complainant-name', 'Dee Protect');
    await page.check('#complainant-preferredContact');
    await page.fill('#whatHappened', 'My address was sent to someone else.');
    await send(page, 400);
    expect(await inlineError(page, 'complainant-email')).toContain('Give the contact detail for the way you would like us to contact you.');
    await expectAccessible(page, 'with errors');
    await screenshot(page, 'data-protection-complaint-errors');
    await page.fill('#complainant-email', 'dee@example.com');
    await send(page, 200);
    expect(await page.locator('.govuk-panel__body').innerText()).toMatch(/DPC-\d{4}-\d{6}/);
    await context.close();
  });

  it('keyboard only, with JavaScript', async () => {
    const { context, page } = await open(true, '/forms/data-protection-complaint');
    await typeInto(page, '#complainant-name', 'Lee Keys');
    await choose(page, 'complainant.preferredContact', 'POST');
    await typeInto(page, '#complainant-postalAddress', '3 Side Street, Dudley');
    await typeInto(page, '#whatHappened', 'My data was kept after I asked for it to be deleted.');
    await submitByKeyboard(page);
    expect(await page.locator('.govuk-panel__title').innerText()).toBe('Data protection complaint sent');
    await context.close();
  });
});

describe('Track my case', () => {
  it('without JavaScript: a wrong code is one answer, the right one shows the status', async () => {
    const { context, page } = await open(false, '/forms/track');
    await expectAccessible(page, 'empty form');
    await screenshot(page, 'track');
    await page.fill('#reference', tracked.reference);
    await page.fill('#trackingCode', 'AAAA-BBBB-CCCC-DDDD');
    await send(page, 400);
    expect(await errorSummary(page)).toContain('We could not find a case with that reference and tracking code.');
    expect(await page.inputValue('#trackingCode')).toBe('AAAA-BBBB-CCCC-DDDD');
    await expectAccessible(page, 'not found');
    await page.fill('#trackingCode', tracked.trackingCode);
    await send(page, 200);
    expect(await page.locator('h1').innerText()).toBe(`Case ${tracked.reference}`);
    expect(await page.locator('[data-cc-status]').innerText()).not.toBe('');
    expect(page.url()).not.toContain(tracked.trackingCode);
    await expectAccessible(page, 'status');
    await screenshot(page, 'track-status');
    await context.close();
  });

  it('keyboard only, with JavaScript', async () => {
    const { context, page } = await open(true, '/forms/track');
    await typeInto(page, '#reference', tracked.reference);
    await typeInto(page, '#trackingCode', tracked.trackingCode);
    await submitByKeyboard(page);
    expect(await page.locator('h1').innerText()).toBe(`Case ${tracked.reference}`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await context.close();
  });
});

describe('Deadline calculator', () => {
  it('without JavaScript: a GET form, the answer under it with the days not counted', async () => {
    const { context, page } = await open(false, '/forms/deadline-calculator');
    await expectAccessible(page, 'empty form');
    await page.fill('#receivedOn-day', '2');
    await page.fill('#receivedOn-month', '3');
    await page.fill('#receivedOn-year', '2026');
    await send(page, 400);
    expect(await errorSummary(page)).toContain('Choose which deadline to work out.');
    await page.check('#kind');
    await send(page, 200);
    expect(page.url()).toContain('kind=FOI');
    expect(await page.locator('[data-cc-answer] .govuk-panel__title').innerText()).toBe('Due by 31 March 2026');
    expect(await page.locator('main').innerText()).toContain("St Patrick");
    await expectAccessible(page, 'answer');
    await screenshot(page, 'deadline-calculator');
    await context.close();
  });

  it('keyboard only, with JavaScript', async () => {
    const { context, page } = await open(true, '/forms/deadline-calculator');
    await choose(page, 'kind', 'SAR');
    await typeDate(page, 'receivedOn', '31', '1', '2026');
    await submitByKeyboard(page);
    expect(await page.locator('[data-cc-answer] .govuk-panel__title').innerText()).toBe('Due by 2 March 2026');
    expect(page.url()).toContain('kind=SAR');
    await expectAccessible(page, 'answer (JavaScript)');
    await context.close();
  });
});

describe('Disclosure log', () => {
  it('without JavaScript: the newest entries, and a search by words', async () => {
    const { context, page } = await open(false, '/forms/disclosure-log');
    expect(await page.locator('[data-cc-results]').innerText()).toContain('Taser use in 2025');
    await expectAccessible(page, 'newest');
    await screenshot(page, 'disclosure-log');
    await page.fill('#text', 'speed cameras');
    await send(page, 200);
    expect(await page.locator('main').innerText()).toContain('No published responses match your search');
    await page.fill('#text', 'taser');
    await send(page, 200);
    const results = await page.locator('[data-cc-results]').innerText();
    expect(results).toContain(disclosed);
    expect(results).not.toContain('Ann Other');
    await context.close();
  });

  it('keyboard only, with JavaScript', async () => {
    const { context, page } = await open(true, '/forms/disclosure-log');
    await typeInto(page, '#text', 'drawn');
    await submitByKeyboard(page);
    expect(await page.locator('[data-cc-results]').innerText()).toContain('Taser was drawn 1,234 times.');
    await expectAccessible(page, 'results (JavaScript)');
    await context.close();
  });
});

describe('the form routes', () => {
  it('answer junk with a page, never an internal error', async () => {
    const get = await fetch(`${site.base}/forms/track`);
    const cookie = get.headers.get('set-cookie')!.split(';')[0]!;
    const csrfToken = /name="csrfToken" value="([^"]+)"/.exec(await get.text())![1]!;
    const junk = ['', 'x'.repeat(20_000), '\u0000\ud800<script>', '-1', '99999999999999999999', 'TRUE', '[object Object]'];
    for (const slug of ['rate-this-page', 'complaint', 'subject-access', 'foi', 'data-protection-complaint', 'track']) {
      const names = ['rating', 'pageUrl', 'comment', 'complainant.name', 'complainant.preferredContact', 'incident.date-day', 'incident.date-month', 'incident.date-year', 'complaintTypes', 'wantsFormalRecording', 'format', 'requester.dateOfBirth-year', 'researchContact.consentToContact', 'reference', 'trackingCode', 'idempotencyKey', 'honeypot', 'confirmNotOwnPersonalData'];
      const body = new URLSearchParams({ csrfToken });
      names.forEach((name, i) => {
        body.append(name, junk[i % junk.length]!);
        body.append(name, junk[(i + 3) % junk.length]!);
      });
      const response = await fetch(`${site.base}/forms/${slug}`, { method: 'POST', body, headers: { cookie } });
      expect([200, 400], slug).toContain(response.status);
      expect(await response.text()).toContain('govuk-error-summary');
    }
    for (const query of ['kind=NOPE&receivedOn-day=31&receivedOn-month=2&receivedOn-year=2026', 'kind=FOI&receivedOn-day=1&receivedOn-month=1&receivedOn-year=1800', 'text=%00&from-day=x&after=not-a-cursor']) {
      const slug = query.startsWith('kind') ? 'deadline-calculator' : 'disclosure-log';
      const response = await fetch(`${site.base}/forms/${slug}?${query}`);
      expect([200, 400], `${slug}?${query}`).toContain(response.status);
    }
    expect((await fetch(`${site.base}/forms/no-such-page`)).status).toBe(404);
    expect((await fetch(`${site.base}/forms/deadline-calculator`, { method: 'POST' })).status).toBe(405);
  });

  it('refuse a post without the form token, and one from another site, storing nothing', async () => {
    const form = new URLSearchParams({ reference: tracked.reference, trackingCode: tracked.trackingCode });
    const bare = await fetch(`${site.base}/forms/track`, { method: 'POST', body: form });
    expect(bare.status).toBe(403);
    // A real token and cookie, but the browser says the post came from another site.
    const get = await fetch(`${site.base}/forms/track`);
    const cookie = get.headers.get('set-cookie')!.split(';')[0]!;
    const token = /name="csrfToken" value="([^"]+)"/.exec(await get.text())![1]!;
    form.set('csrfToken', token);
    const crossSite = await fetch(`${site.base}/forms/track`, { method: 'POST', body: form, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await fetch(`${site.base}/forms/track`, { method: 'POST', body: form, headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(sameSite.status).toBe(200);
    const otherCookie = await fetch(`${site.base}/forms/track`, { method: 'POST', body: form, headers: { cookie: 'cc_form=AAAAAAAAAAAAAAAAAAAAAA' } });
    expect(otherCookie.status).toBe(403);
  });
});

import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { generateLocalSigningKey, localTokenVerifier } from '../../src/auth/tokens.js';
import { createLocalHttpServer } from '../../src/local/httpServer.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { createLambdaHandler } from '../../src/server.js';
import type { TestApp } from '../support/testApp.js';

/**
 * A real browser against the real local server: Debian's Chromium (never a downloaded one),
 * driven by playwright-core, and the local HTTP server (src/local/httpServer.ts) in front of the
 * real Lambda handler, on the test app's table and secret (so a case seeded through `app` can be
 * tracked through the pages).
 */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export async function startSite(app: TestApp) {
  const handler = createLambdaHandler({
    config: app.config,
    doc: app.doc,
    tableName: app.tableName,
    secret: Buffer.alloc(32, 7), // the test app's secret: tracking codes it issued verify here
    tokenVerifier: localTokenVerifier(generateLocalSigningKey()),
    logger: createMemoryLogger(),
  });
  const server = createLocalHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Launches Chromium as a server (so its process id is known) and connects to it. Playwright gives
 * each launch a fresh, empty --user-data-dir of its own. `stop` closes it and then kills the
 * process group by pid, so no chromium outlives the tests.
 */
export async function startBrowser(): Promise<{ browser: Browser; stop: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`The browser tests need Chromium at ${CHROMIUM}: sudo apt-get install -y chromium`);
  const server: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint());
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      for (const target of [-(pid ?? 0), pid ?? 0]) {
        try {
          if (target) process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

/**
 * axe-core in the page, WCAG 2.0–2.2 A and AA rules: no violations allowed. A page with JavaScript
 * off cannot run axe, so its HTML (without the enhancement script) is audited in a JavaScript-on
 * page at the same address, with the same styles.
 */
export async function expectAccessible(page: Page, what: string) {
  if (page.context() !== auditContext && !(await jsEnabled(page))) {
    const html = (await page.content()).replace(/<script type="module"[^>]*><\/script>/, '');
    auditContext ??= await page.context().browser()!.newContext();
    if (!auditPage) {
      auditPage = await auditContext.newPage();
      await auditPage.goto(new URL('/forms/', page.url()).toString());
    }
    await auditPage.setContent(html, { waitUntil: 'load' });
    await expectAccessible(auditPage, `${what} (no JavaScript)`);
    return;
  }
  await page.evaluate(axe.source);
  const audit = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return { passed: result.passes.length, violations: result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })) };
  });
  expect(audit.violations, what).toEqual([]);
  expect(audit.passed, `${what}: axe checked something`).toBeGreaterThan(0);
}

let auditContext: BrowserContext | undefined;
let auditPage: Page | undefined;
const jsContexts = new WeakSet<BrowserContext>();
/** Marks a context as one with JavaScript on (Playwright cannot evaluate in one with it off). */
export function markJavaScript(context: BrowserContext) {
  jsContexts.add(context);
}
const jsEnabled = async (page: Page) => jsContexts.has(page.context());

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Presses Tab until the focused element matches: proves it is reachable by keyboard. */
export async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} cannot be reached with the Tab key`);
}

/** Keyboard only: Tab to a field and type into it. */
export async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** Keyboard only: Tab into a radio group or to a checkbox, then arrow to the choice and Space. */
export async function choose(page: Page, name: string, value: string) {
  await tabTo(page, `input[name="${name}"]`);
  for (let i = 0; i < 10; i++) {
    if (await page.evaluate((v) => (document.activeElement as HTMLInputElement | null)?.value === v, value)) break;
    await page.keyboard.press('ArrowDown');
  }
  const checked = await page.evaluate(() => (document.activeElement as HTMLInputElement).checked);
  if (!checked) await page.keyboard.press('Space');
}

/** Keyboard only: Tab to a GOV.UK date input's three fields. */
export async function typeDate(page: Page, name: string, day: string, month: string, year: string) {
  const id = name.replace(/[^A-Za-z0-9_-]/g, '-');
  await typeInto(page, `#${id}-day`, day);
  await typeInto(page, `#${id}-month`, month);
  await typeInto(page, `#${id}-year`, year);
}

/** Keyboard only, JavaScript on: Tab to the button, press Enter, and wait for the GraphQL answer (no page load). */
export async function submitByKeyboard(page: Page) {
  await page.evaluate(() => ((window as unknown as { ccNoReload: boolean }).ccNoReload = true));
  await tabTo(page, 'form[data-cc-page] button[type="submit"]');
  const before = await page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-cc-main]')?.dataset.ccAnswers ?? '0'));
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-cc-main]')?.dataset.ccAnswers ?? '0') > n, before);
  // Still the same document: the answer came from GraphQL, not a form post.
  expect(await page.evaluate(() => (window as unknown as { ccNoReload?: boolean }).ccNoReload)).toBe(true);
}

export const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import govUk from '../support/data/govuk-bank-holidays.json';
import { computeBankHolidays } from '../../src/calendar/bankHolidayRules.js';
import { bundledHolidayData, ukCalendar } from '../../src/calendar/holidays.js';
import { adoptStoredHolidayData, refreshHolidayData } from '../../src/holidayData/refresh.js';
import { Db } from '../../src/store/db.js';
import { HolidayDataStore } from '../../src/store/holidayDataStore.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

/**
 * The scheduled refresh against a small HTTP server on loopback that serves GOV.UK's
 * bank-holidays.json format (a copy of the published file, then variations of it), storing into
 * DynamoDB Local; and the API adopting what was stored.
 */
let served: { status: number; body: string } = { status: 200, body: JSON.stringify(govUk) };
let server: Server;
let url: string;
let app: TestApp;
let store: HolidayDataStore;

beforeAll(async () => {
  server = createServer((_, res) => {
    res.writeHead(served.status, { 'content-type': 'application/json' });
    res.end(served.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bank-holidays.json`;
  app = await createTestApp();
  app.setNow('2026-11-22T09:00:00Z');
  store = new HolidayDataStore(new Db(app.doc, app.tableName));
});

afterAll(async () => {
  ukCalendar.adopt(bundledHolidayData);
  server.close();
  await once(server, 'close');
});

/** GOV.UK's file with 2028 published: the rules' days, except one moved (as a proclamation may). */
function with2028Published() {
  const file = structuredClone(govUk) as Record<string, { division: string; events: Array<{ title: string; date: string; notes: string; bunting: boolean }> }>;
  for (const [division, events] of Object.entries(computeBankHolidays(2028))) {
    file[division]!.events.push(...events.map((e) => (e.title === 'Early May bank holiday' ? { ...e, date: '2028-05-08' } : e)));
  }
  return JSON.stringify(file);
}

const COVERAGE = '{ bankHolidayCoverage { version firstYear lastYear coversUntil provisionalYears } }';
const DEADLINE = `query($input: StatutoryDeadlineInput!) { statutoryDeadline(input: $input) { dueOn holidaySet holidayDataVersion } }`;
const refresh = (at: string) => refreshHolidayData({ store, url, now: () => new Date(at) });

describe('before any refresh', () => {
  it('the API reports the shipped data, with 2028 provisional', async () => {
    const res = await app.gql(COVERAGE);
    expect(res.body.data!.bankHolidayCoverage).toEqual({
      version: bundledHolidayData.version,
      firstYear: 2023,
      lastYear: 2028,
      coversUntil: '2028-12-31',
      provisionalYears: [2028],
    });
    expect(await adoptStoredHolidayData(store)).toBeUndefined();
  });
});

describe('the scheduled refresh', () => {
  let first: string;

  it("stores a copy of GOV.UK's file as a new version, and stores nothing when it has not changed", async () => {
    const stored = await refresh('2026-11-23T06:00:00Z');
    expect(stored).toMatchObject({ outcome: 'STORED', previous: null, coverage: { lastYear: 2028, provisionalYears: [2028] } });
    first = (stored as { version: string }).version;
    expect(first).toMatch(/^govuk-2026-11-23-[0-9a-f]{12}$/);
    expect(await refresh('2026-11-30T06:00:00Z')).toEqual({ outcome: 'UNCHANGED', version: first });
    expect((await store.current())!.version).toBe(first);
  });

  it('stores the file once GOV.UK publishes 2028, which then stops being provisional', async () => {
    served = { status: 200, body: with2028Published() };
    const stored = await refresh('2026-12-07T06:00:00Z');
    expect(stored).toMatchObject({ outcome: 'STORED', previous: first, coverage: { lastYear: 2028, provisionalYears: [] } });
  });

  it.each([
    ['not JSON', '<html>Service unavailable</html>', /not JSON/],
    ['a division missing', JSON.stringify({ 'england-and-wales': govUk['england-and-wales'] }), /scotland/],
    ['an impossible date', JSON.stringify(govUk).replace('2027-11-30', '2027-11-31'), /not a real YYYY-MM-DD date/],
    ['an older file than the current one', JSON.stringify(govUk), /published only to 2027/],
  ])('refuses %s and keeps the current version', async (_, body, problem) => {
    const before = (await store.current())!.version;
    served = { status: 200, body };
    const result = await refresh('2026-12-14T06:00:00Z');
    expect(result.outcome).toBe('REFUSED');
    expect((result as { problems: string[] }).problems.join('\n')).toMatch(problem);
    expect((await store.current())!.version).toBe(before);
  });

  it('throws when GOV.UK answers with an error, so the function’s error alarm fires', async () => {
    served = { status: 503, body: 'busy' };
    await expect(refresh('2026-12-21T06:00:00Z')).rejects.toThrow(/HTTP 503/);
  });
});

describe('the API after adopting the stored version', () => {
  it('adopts it by itself when a new API process starts', async () => {
    const version = (await store.current())!.version;
    ukCalendar.adopt(bundledHolidayData);
    const restarted = await createTestApp({}, { tableName: app.tableName });
    let seen: string | undefined;
    for (let i = 0; i < 50 && seen !== version; i++) {
      seen = (await restarted.gql(COVERAGE)).body.data!.bankHolidayCoverage.version;
      if (seen !== version) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen).toBe(version);
  });

  it('reports the new version and coverage, and deadlines record the version they used', async () => {
    const version = (await store.current())!.version;
    expect(await adoptStoredHolidayData(store)).toBe(version);
    const coverage = (await app.gql(COVERAGE)).body.data!.bankHolidayCoverage;
    expect(coverage).toMatchObject({ version, lastYear: 2028, provisionalYears: [] });

    // Published 2028 moves early May to the 8th: a subject access request received on 8 April 2028
    // is due on the 8th of May, no longer a working day, so it rolls to the 9th.
    const res = await app.gql(DEADLINE, { input: { kind: 'SAR', receivedOn: '2028-04-08' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.statutoryDeadline).toEqual({
      dueOn: '2028-05-09',
      holidayDataVersion: version,
      holidaySet: `England and Wales working days, data 2023–2028, version ${version}`,
    });
  });
});

import { createHash } from 'node:crypto';
import { parseGovUkBankHolidays, withPublished } from '../calendar/govUkData.js';
import { bundledHolidayData, divisions, HolidayCalendar, ukCalendar, type CalendarCoverage, type HolidayData } from '../calendar/holidays.js';
import type { HolidayDataStore } from '../store/holidayDataStore.js';

/**
 * Keeping the bank holiday data current in AWS: a scheduled function fetches GOV.UK's
 * bank-holidays.json, validates it, and stores it as a new version when it has changed; the API
 * adopts the current stored version at start-up, on top of the data shipped with the code. The
 * clocks stay pure: they are handed a calendar, and record its version.
 */
export const GOV_UK_BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';

/** GOV.UK's file is about 20 KB; anything near this is not that file. */
const MAX_BODY_BYTES = 1_000_000;

export type RefreshOutcome =
  | { outcome: 'STORED'; version: string; previous: string | null; coverage: CalendarCoverage }
  | { outcome: 'UNCHANGED'; version: string }
  | { outcome: 'REFUSED'; problems: string[] };

export interface RefreshOptions {
  store: HolidayDataStore;
  url?: string;
  now?: () => Date;
  /** The data the stored versions are laid over (the shipped data). */
  base?: HolidayData;
  timeoutMs?: number;
}

/** Fetches, validates and (when new) stores GOV.UK's bank holiday data. Throws when GOV.UK cannot be reached. */
export async function refreshHolidayData(options: RefreshOptions): Promise<RefreshOutcome> {
  const url = options.url ?? GOV_UK_BANK_HOLIDAYS_URL;
  const now = options.now ?? (() => new Date());
  const base = options.base ?? bundledHolidayData;
  const body = await download(url, options.timeoutMs ?? 10_000);
  const checked = check(body, base, 'candidate');
  if (!checked.ok) return { outcome: 'REFUSED', problems: checked.problems };

  const sha256 = createHash('sha256').update(body).digest('hex');
  const current = await options.store.current();
  if (current?.sha256 === sha256) return { outcome: 'UNCHANGED', version: current.version };
  if (current) {
    const before = check(current.body, base, current.version);
    const lastBefore = before.ok ? before.publishedUntil : 0;
    if (checked.publishedUntil < lastBefore) {
      return {
        outcome: 'REFUSED',
        problems: [`the file is published only to ${checked.publishedUntil}; the current version (${current.version}) is published to ${lastBefore}`],
      };
    }
  }
  const fetchedAt = now().toISOString();
  const version = `govuk-${fetchedAt.slice(0, 10)}-${sha256.slice(0, 12)}`;
  const stored = await options.store.storeAsCurrent({ version, body, sha256, fetchedAt, source: url }, current?.version);
  if (!stored) return { outcome: 'REFUSED', problems: ['another refresh stored a version at the same time; the next run will compare against it'] };
  const calendar = new HolidayCalendar({ ...checked.data, version });
  return { outcome: 'STORED', version, previous: current?.version ?? null, coverage: calendar.coverage() };
}

/**
 * Makes the calendar use the current stored version, laid over the shipped data. Returns the
 * version adopted; undefined (and the calendar unchanged) when nothing usable is stored.
 */
export async function adoptStoredHolidayData(
  store: HolidayDataStore,
  calendar: HolidayCalendar = ukCalendar,
  base: HolidayData = bundledHolidayData,
): Promise<string | undefined> {
  const current = await store.current();
  if (!current) return undefined;
  const checked = check(current.body, base, current.version);
  if (!checked.ok) return undefined;
  calendar.adopt(checked.data);
  return current.version;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function check(body: string, base: HolidayData, version: string) {
  const raw = parse(body);
  if (raw === undefined) return { ok: false as const, problems: ['the body is not JSON'] };
  const parsed = parseGovUkBankHolidays(raw);
  if (!parsed.ok) return parsed;
  const data = withPublished(base, parsed.file, version);
  try {
    // The last year GOV.UK has published for every division.
    const publishedUntil = Math.min(...divisions.map((d) => Math.max(...parsed.file[d].events.map((e) => Number(e.date.slice(0, 4))))));
    return { ok: true as const, data, calendar: new HolidayCalendar(data), publishedUntil };
  } catch (error) {
    return { ok: false as const, problems: [(error as Error).message] };
  }
}

async function download(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new Error(`${url} sent ${length} bytes; GOV.UK's file is far smaller`);
  const body = await response.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) throw new Error(`${url} sent more than ${MAX_BODY_BYTES} bytes`);
  return body;
}

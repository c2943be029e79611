import * as z from 'zod';
import { divisions, type Division, type HolidayData } from './holidays.js';
import { isIsoDate } from './londonDate.js';

/**
 * GOV.UK's published bank holidays (https://www.gov.uk/bank-holidays.json): one object per
 * division, each with its events (title, ISO date, notes such as "Substitute day", bunting).
 * The schema is strict about what clocks rely on and tolerant of fields GOV.UK may add.
 */
const event = z.object({
  title: z.string().trim().min(1).max(200),
  date: z.string().refine(isIsoDate, 'not a real YYYY-MM-DD date'),
  notes: z.string().max(200).default(''),
  bunting: z.boolean().default(false),
});

const division = (name: Division) =>
  z.object({
    division: z.literal(name),
    events: z.array(event).min(1).max(2000),
  });

export const govUkBankHolidaysSchema = z
  .object({
    'england-and-wales': division('england-and-wales'),
    scotland: division('scotland'),
    'northern-ireland': division('northern-ireland'),
  })
  .superRefine((file, ctx) => {
    for (const name of divisions) {
      const seen = new Set<string>();
      const perYear = new Map<number, number>();
      for (const e of file[name].events) {
        if (seen.has(e.date)) ctx.addIssue({ code: 'custom', path: [name, 'events'], message: `${e.date} is listed twice` });
        seen.add(e.date);
        const year = Number(e.date.slice(0, 4));
        perYear.set(year, (perYear.get(year) ?? 0) + 1);
      }
      // Every division has at least eight bank holidays a year (England and Wales's statutory
      // minimum); a year with fewer is a partial or damaged file, not a year to trust.
      for (const [year, count] of perYear) {
        if (count < 8) ctx.addIssue({ code: 'custom', path: [name, 'events'], message: `${year} has only ${count} holidays` });
      }
    }
  });

export type GovUkBankHolidays = z.infer<typeof govUkBankHolidaysSchema>;

/** Why a downloaded file cannot be used (each problem with its path), or the file. */
export function parseGovUkBankHolidays(raw: unknown): { ok: true; file: GovUkBankHolidays } | { ok: false; problems: string[] } {
  const result = govUkBankHolidaysSchema.safeParse(raw);
  if (result.success) return { ok: true, file: result.data };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/**
 * The holiday data a published GOV.UK file gives, on top of the shipped data: every year GOV.UK
 * lists for a division is taken from GOV.UK (and stops being provisional); years GOV.UK does not
 * list (older ones, or the computed provisional year ahead) stay as shipped.
 */
export function withPublished(base: HolidayData, published: GovUkBankHolidays, version: string): HolidayData {
  const merged = { version } as HolidayData;
  for (const name of divisions) {
    const publishedEvents = published[name].events;
    const publishedYears = new Set(publishedEvents.map((e) => Number(e.date.slice(0, 4))));
    const kept = base[name].events.filter((e) => !publishedYears.has(Number(e.date.slice(0, 4))));
    merged[name] = {
      coveredYears: [...new Set([...base[name].coveredYears, ...publishedYears])].sort((a, b) => a - b),
      provisionalYears: (base[name].provisionalYears ?? []).filter((y) => !publishedYears.has(y)),
      events: [...kept, ...publishedEvents].sort((a, b) => a.date.localeCompare(b.date)),
    };
  }
  return merged;
}

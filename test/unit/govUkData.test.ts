import { describe, expect, it } from 'vitest';
import govUk from '../support/data/govuk-bank-holidays.json';
import { computeBankHolidays } from '../../src/calendar/bankHolidayRules.js';
import { parseGovUkBankHolidays, withPublished } from '../../src/calendar/govUkData.js';
import { bundledHolidayData, HolidayCalendar } from '../../src/calendar/holidays.js';

const copy = () => structuredClone(govUk) as unknown as Record<string, { division: string; events: Array<Record<string, unknown>> }>;

describe("GOV.UK's bank-holidays.json", () => {
  it('accepts a copy of the published file', () => {
    const parsed = parseGovUkBankHolidays(govUk);
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['a missing division', (f: ReturnType<typeof copy>) => delete f.scotland, /scotland/],
    ['a division under the wrong name', (f: ReturnType<typeof copy>) => (f.scotland!.division = 'england-and-wales'), /scotland\.division/],
    ['a date that does not exist', (f: ReturnType<typeof copy>) => (f['northern-ireland']!.events[0]!.date = '2027-02-30'), /not a real YYYY-MM-DD date/],
    ['an empty title', (f: ReturnType<typeof copy>) => (f['england-and-wales']!.events[0]!.title = ' '), /title/],
    ['a day listed twice', (f: ReturnType<typeof copy>) => f['england-and-wales']!.events.push({ ...f['england-and-wales']!.events[0]! }), /listed twice/],
    ['a partial year', (f: ReturnType<typeof copy>) => f.scotland!.events.push({ title: 'New Year’s Day', date: '2029-01-01', notes: '', bunting: true }), /2029 has only 1 holidays/],
  ])('refuses %s', (_, damage, problem) => {
    const file = copy();
    damage(file);
    const parsed = parseGovUkBankHolidays(file);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.join('\n')).toMatch(problem);
  });

  it('replaces shipped years with published ones, and a published provisional year stops being provisional', () => {
    const file = copy();
    for (const [division, events] of Object.entries(computeBankHolidays(2028))) {
      file[division]!.events.push(...events.map((e) => (e.title === 'Early May bank holiday' ? { ...e, date: '2028-05-08', notes: 'Moved' } : { ...e })));
    }
    const parsed = parseGovUkBankHolidays(file);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const calendar = new HolidayCalendar(withPublished(bundledHolidayData, parsed.file, 'govuk-test'));
    expect(calendar.coverage()).toMatchObject({ version: 'govuk-test', lastYear: 2028, provisionalYears: [] });
    expect(calendar.holidaysOn('2028-05-08', ['england-and-wales'])).toHaveLength(1);
    expect(calendar.holidaysOn('2028-05-01', ['england-and-wales'])).toHaveLength(0);
  });

  it('keeps the provisional year when the published file stops before it', () => {
    const parsed = parseGovUkBankHolidays(govUk);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const calendar = new HolidayCalendar(withPublished(bundledHolidayData, parsed.file, 'govuk-test'));
    expect(calendar.coverage()).toMatchObject({ firstYear: 2023, lastYear: 2028, provisionalYears: [2028] });
  });
});

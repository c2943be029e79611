import { describe, expect, it } from 'vitest';
import data from '../../src/calendar/data/uk-bank-holidays.json';
import { computeBankHolidays, easterSunday } from '../../src/calendar/bankHolidayRules.js';
import { divisions, ukCalendar } from '../../src/calendar/holidays.js';
import { nonWorkingDay } from '../../src/calendar/workingDays.js';

type Event = { title: string; date: string; notes: string };
const shipped = (division: (typeof divisions)[number], year: number) =>
  (data[division].events as Event[]).filter((e) => e.date.startsWith(`${year}-`)).map((e) => `${e.date} ${e.title} ${e.notes}`);
const computed = (division: (typeof divisions)[number], year: number) =>
  computeBankHolidays(year)[division].map((e) => `${e.date} ${e.title} ${e.notes}`);

describe('Easter', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('the Banking and Financial Dealings Act rules', () => {
  it.each([2024, 2025, 2026, 2027])('give exactly what GOV.UK published for %i, substitute days included', (year) => {
    for (const division of divisions) expect(computed(division, year), division).toEqual(shipped(division, year));
  });

  it('miss only the one-off holiday of 2023 (the coronation), which is why published data wins', () => {
    for (const division of divisions) {
      const missing = shipped(division, 2023).filter((e) => !computed(division, 2023).includes(e));
      expect(missing).toEqual(['2023-05-08 Bank holiday for the coronation of King Charles III ']);
      expect(computed(division, 2023).filter((e) => !shipped(division, 2023).includes(e))).toEqual([]);
    }
  });

  it('move Scotland’s 1 and 2 January in order, and Christmas around a Boxing Day that keeps its Monday', () => {
    // 2023: 1 Jan a Sunday, 2 Jan a Monday (GOV.UK: New Year's Day on the 2nd, 2nd January on the 3rd).
    expect(computed('scotland', 2023).slice(0, 2)).toEqual(['2023-01-02 New Year’s Day Substitute day', '2023-01-03 2nd January Substitute day']);
    // 2022: Christmas a Sunday: Boxing Day keeps Monday 26, Christmas Day moves to Tuesday 27.
    expect(computed('england-and-wales', 2022).slice(-2)).toEqual(['2022-12-26 Boxing Day ', '2022-12-27 Christmas Day Substitute day']);
  });
});

describe('2028 (provisional)', () => {
  it('is in the shipped data exactly as the rules compute it, for every part of the UK', () => {
    for (const division of divisions) {
      expect(shipped(division, 2028), division).toEqual(computed(division, 2028));
      expect(data[division].provisionalYears).toEqual([2028]);
    }
    expect(ukCalendar.provisionalYears()).toEqual([2028]);
  });

  it('stops FOI clocks on the days the Act gives, such as New Year’s substitute and Scotland’s 4 January', () => {
    expect(nonWorkingDay(ukCalendar, '2028-01-03', 'FOIA')!.name).toBe('New Year’s Day (England and Wales, Scotland, Northern Ireland)');
    expect(nonWorkingDay(ukCalendar, '2028-01-04', 'FOIA')!.name).toBe('2nd January (Scotland)');
    expect(nonWorkingDay(ukCalendar, '2028-01-04', 'ENGLAND_AND_WALES')).toBeNull();
    expect(nonWorkingDay(ukCalendar, '2028-04-14', 'ENGLAND_AND_WALES')!.name).toMatch(/^Good Friday/);
  });
});

import { describe, expect, it } from 'vitest';
import data from '../../src/calendar/data/uk-bank-holidays.json';
import { CalendarCoverageError, divisions, ukCalendar } from '../../src/calendar/holidays.js';
import { addCalendarMonths } from '../../src/calendar/londonDate.js';
import { addWorkingDays, isWorkingDay, nonWorkingDay, onOrNextWorkingDay, workingDaysBetween } from '../../src/calendar/workingDays.js';

describe('holiday data', () => {
  it('covers 2023 to 2028 in every part of the UK (2028 provisional)', () => {
    expect(ukCalendar.coveredYears()).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
  });

  it('puts no holiday on a weekend (substitute days are used instead)', () => {
    for (const division of divisions) {
      for (const e of data[division].events) {
        expect([0, 6], `${division} ${e.date}`).not.toContain(new Date(`${e.date}T00:00:00Z`).getUTCDay());
      }
    }
  });

  it('has the England and Wales holidays RULES.md lists', () => {
    const ew = data['england-and-wales'].events.map((e: { date: string }) => e.date);
    for (const date of ['2024-03-29', '2025-04-21', '2026-08-31', '2026-12-28', '2027-03-26', '2027-12-27', '2027-12-28']) {
      expect(ew).toContain(date);
    }
  });
});

describe('working days', () => {
  it.each([
    ['2026-03-17', "St Patrick’s Day (Northern Ireland)"],
    ['2025-01-02', '2nd January (Scotland)'],
    ['2025-08-04', 'Summer bank holiday (Scotland)'],
    ['2025-07-14', 'Battle of the Boyne (Orangemen’s Day) (Northern Ireland)'],
    ['2025-12-01', 'St Andrew’s Day (Scotland)'],
    ['2027-01-04', '2nd January (Scotland)'],
  ])('%s is not a FOIA working day (%s) but is one in England and Wales', (date, name) => {
    expect(nonWorkingDay(ukCalendar, date, 'FOIA')).toEqual({ date, name });
    expect(isWorkingDay(ukCalendar, date, 'ENGLAND_AND_WALES')).toBe(true);
  });

  it('names a holiday kept everywhere once, with every part of the UK', () => {
    expect(nonWorkingDay(ukCalendar, '2026-12-25', 'FOIA')).toEqual({
      date: '2026-12-25',
      name: 'Christmas Day (England and Wales, Scotland, Northern Ireland)',
    });
  });

  it('counts from day 0, skipping weekends and holidays', () => {
    const out = addWorkingDays(ukCalendar, '2026-03-13', 1, 'FOIA');
    expect(out.date).toBe('2026-03-16');
    expect(out.skipped.map((d) => d.name)).toEqual(['Saturday', 'Sunday']);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween(ukCalendar, '2026-03-02', '2026-03-31', 'FOIA')).toBe(20);
    expect(workingDaysBetween(ukCalendar, '2026-03-02', '2026-03-31', 'ENGLAND_AND_WALES')).toBe(21);
    expect(workingDaysBetween(ukCalendar, '2026-03-31', '2026-03-02', 'FOIA')).toBe(-20);
  });

  it('rolls a date onto the next working day', () => {
    expect(onOrNextWorkingDay(ukCalendar, '2024-12-25', 'ENGLAND_AND_WALES').date).toBe('2024-12-27');
    expect(onOrNextWorkingDay(ukCalendar, '2024-12-24', 'ENGLAND_AND_WALES')).toEqual({ date: '2024-12-24', skipped: [] });
  });
});

describe('a date outside the data', () => {
  it.each(['2029-01-05', '2022-12-30', '2029-01-01'])('%s is an error naming its year, never a guess', (date) => {
    const year = date.slice(0, 4);
    expect(() => nonWorkingDay(ukCalendar, date, 'FOIA')).toThrow(CalendarCoverageError);
    expect(() => nonWorkingDay(ukCalendar, date, 'ENGLAND_AND_WALES')).toThrow(new RegExp(`no bank holiday data for ${year}`));
  });

  it('stops a count that runs into an uncovered year', () => {
    expect(() => addWorkingDays(ukCalendar, '2028-12-20', 20, 'FOIA')).toThrow(/2029/);
  });
});

describe('calendar months', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-01-15', 3, '2026-04-15'],
    ['2025-11-30', 3, '2026-02-28'],
  ] as const)('%s plus %i month(s) is %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { HolidayCalendar, bundledHolidayData, ukCalendar } from '../../src/calendar/holidays.js';
import { addCalendarMonths, londonDateOf } from '../../src/calendar/londonDate.js';
import { describeHolidaySet } from '../../src/clocks/clockEvents.js';

/**
 * The data must be renewed a year ahead: this test fails (on the real date, on purpose) once the
 * shipped data covers less than 12 months from today. Renew it as the README's "Bank holiday
 * data" section says: GOV.UK's published years, and the next year computed as provisional.
 */
describe('calendar renewal', () => {
  it('covers every part of the UK for at least the next 12 months', () => {
    const today = londonDateOf(new Date());
    const coverage = new HolidayCalendar(bundledHolidayData).coverage();
    expect(
      coverage.coversUntil >= addCalendarMonths(today, 12),
      `holiday data ends ${coverage.coversUntil}, within 12 months of ${today}: add the next year (README, "Bank holiday data")`,
    ).toBe(true);
  });

  it('reports what it covers, with the version and the provisional years', () => {
    expect(ukCalendar.coverage()).toEqual({
      version: bundledHolidayData.version,
      firstYear: 2023,
      lastYear: 2028,
      coversUntil: '2028-12-31',
      provisionalYears: [2028],
    });
    expect(bundledHolidayData.version).toMatch(/^bundled-\d{4}-\d{2}-\d{2}$/);
  });

  it('names the data version in what clocks record', () => {
    expect(describeHolidaySet('FOIA')).toBe(
      `FOIA working days (UK-wide bank holidays), data 2023–2028 (2028 provisional), version ${bundledHolidayData.version}`,
    );
    expect(describeHolidaySet('CALENDAR_DAYS')).toBe('calendar days (no holiday set)');
  });

  it('refuses provisional years it does not cover', () => {
    const broken = structuredClone(bundledHolidayData);
    broken.scotland.provisionalYears = [2031];
    expect(() => new HolidayCalendar(broken)).toThrow(/provisional 2031/);
  });
});

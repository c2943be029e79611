import { addDays } from './londonDate.js';
import { divisionNames, type Division, type HolidayCalendar } from './holidays.js';

/**
 * Working days, under the two definitions the law uses:
 *
 * - FOIA: not a Saturday or Sunday, not Christmas Day or Good Friday, and not a bank holiday in
 *   any part of the UK (FOIA s.10(6)). Scottish and Northern Irish holidays stop an FOI clock in
 *   England too.
 * - England and Wales: not a weekend, not an England-and-Wales bank holiday. Used to roll a SAR
 *   deadline off a non-working day, and for complaint measures.
 */
export const workingDayRules = {
  FOIA: {
    name: 'FOIA working days (UK-wide bank holidays)',
    divisions: ['england-and-wales', 'scotland', 'northern-ireland'] as readonly Division[],
  },
  ENGLAND_AND_WALES: {
    name: 'England and Wales working days',
    divisions: ['england-and-wales'] as readonly Division[],
  },
} as const;

export type WorkingDayRule = keyof typeof workingDayRules;

export interface NonWorkingDay {
  date: string;
  name: string;
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * Why a day is not a working day under a rule, or null when it is one. Holiday data is consulted
 * for every day, weekends included, so a date outside the data's years is always an error.
 */
export function nonWorkingDay(calendar: HolidayCalendar, date: string, rule: WorkingDayRule): NonWorkingDay | null {
  const holidays = calendar.holidaysOn(date, workingDayRules[rule].divisions);
  const day = weekday(date);
  if (day === 0 || day === 6) return { date, name: weekdayNames[day]! };
  if (holidays.length === 0) return null;
  const titles = [...new Set(holidays.map((h) => h.title))];
  const where = [...new Set(holidays.map((h) => divisionNames[h.division]))];
  return { date, name: `${titles.join(' / ')} (${where.join(', ')})` };
}

export function isWorkingDay(calendar: HolidayCalendar, date: string, rule: WorkingDayRule): boolean {
  return nonWorkingDay(calendar, date, rule) === null;
}

/** A span of days (inclusive) whose working days are not counted, such as a fees-notice freeze. */
export interface DisregardedSpan {
  from: string;
  to: string;
}

export interface WorkingDayCount {
  date: string;
  /** The non-working days passed over on the way. */
  skipped: NonWorkingDay[];
  /** Working days not counted because they fell in a disregarded span. */
  disregarded: string[];
}

/**
 * The date that is the nth working day after `start` (start itself is day 0 and may be any day).
 * Working days inside a disregarded span are not counted.
 */
export function addWorkingDays(
  calendar: HolidayCalendar,
  start: string,
  n: number,
  rule: WorkingDayRule,
  disregard: readonly DisregardedSpan[] = [],
): WorkingDayCount {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive whole number');
  const skipped: NonWorkingDay[] = [];
  const disregarded: string[] = [];
  let date = start;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    const reason = nonWorkingDay(calendar, date, rule);
    if (reason) skipped.push(reason);
    else if (disregard.some((s) => date >= s.from && date <= s.to)) disregarded.push(date);
    else counted++;
  }
  return { date, skipped, disregarded };
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
export function workingDaysBetween(calendar: HolidayCalendar, from: string, to: string, rule: WorkingDayRule): number {
  if (to === from) return 0;
  const [a, b, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(calendar, d, rule)) count++;
  return sign * count;
}

/** The date itself when it is a working day, else the next working day, with the days passed over. */
export function onOrNextWorkingDay(
  calendar: HolidayCalendar,
  date: string,
  rule: WorkingDayRule,
): { date: string; skipped: NonWorkingDay[] } {
  const skipped: NonWorkingDay[] = [];
  let d = date;
  for (let reason = nonWorkingDay(calendar, d, rule); reason; reason = nonWorkingDay(calendar, d, rule)) {
    skipped.push(reason);
    d = addDays(d, 1);
  }
  return { date: d, skipped };
}

/**
 * The days within n working days either side of a date: from the nth working day before it to the
 * nth working day after it (no later than `latest`, so a window never reaches past today).
 */
export function workingDayWindow(
  calendar: HolidayCalendar,
  date: string,
  n: number,
  rule: WorkingDayRule,
  latest: string,
): { from: string; to: string } {
  let from = date;
  for (let counted = 0; counted < n; ) {
    from = addDays(from, -1);
    if (isWorkingDay(calendar, from, rule)) counted++;
  }
  let to = date;
  for (let counted = 0; counted < n && to < latest; ) {
    to = addDays(to, 1);
    if (isWorkingDay(calendar, to, rule)) counted++;
  }
  return { from, to: to < latest ? to : latest };
}

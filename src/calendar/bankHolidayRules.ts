import { addDays } from './londonDate.js';
import type { Division } from './holidays.js';

/**
 * UK bank holidays for a year, computed by the rules rather than read from GOV.UK: the Banking
 * and Financial Dealings Act 1971 Schedule 1 (and the Royal Proclamations that fix the early May
 * and summer holidays each year), with the usual substitute days when a fixed-date holiday falls on
 * a weekend. Used only for years GOV.UK has not yet published, and such years are marked
 * provisional: a one-off holiday (a coronation, a state funeral) or a moved day can only come from
 * the published data.
 *
 * - England and Wales: New Year's Day, Good Friday, Easter Monday, the first and last Mondays in
 *   May, the last Monday in August, Christmas Day, Boxing Day.
 * - Scotland: New Year's Day, 2 January, Good Friday, the first and last Mondays in May, the first
 *   Monday in August, St Andrew's Day (30 November), Christmas Day, Boxing Day.
 * - Northern Ireland: England and Wales's days, plus St Patrick's Day (17 March) and the Battle of
 *   the Boyne (12 July, a public holiday by proclamation, which GOV.UK lists).
 *
 * Substitutes: a fixed-date holiday on a Saturday or Sunday moves to the next weekday that is not
 * already a holiday; holidays on their own (week)day keep it, so Christmas on a Sunday gives Boxing
 * Day on Monday 26 and Christmas's substitute on Tuesday 27.
 */
export interface ComputedHoliday {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}

/** Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/** The first Monday of a month. */
function firstMonday(year: number, month: number): string {
  let d = iso(year, month, 1);
  while (weekday(d) !== 1) d = addDays(d, 1);
  return d;
}

/** The last Monday of a month. */
function lastMonday(year: number, month: number): string {
  let d = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  while (weekday(d) !== 1) d = addDays(d, -1);
  return d;
}

const day = (title: string, date: string): ComputedHoliday => ({ title, date, notes: '', bunting: true });

/**
 * Fixed-date holidays that may collide. Christmas and Boxing Day: one on a weekday keeps its
 * date, the other takes the next weekday not already taken. Scotland's 1 and 2 January go in
 * order (the Act: New Year's Day "or, if it be a Sunday, 2nd January", and 2 January then moves
 * on), so `inOrder` gives each the first free weekday on or after its date in turn.
 */
function withSubstitutes(fixed: Array<{ title: string; date: string }>, inOrder = false): ComputedHoliday[] {
  const taken = new Set(inOrder ? [] : fixed.filter((f) => !isWeekend(f.date)).map((f) => f.date));
  return fixed.map((f) => {
    if (!isWeekend(f.date) && !(inOrder && taken.has(f.date))) {
      taken.add(f.date);
      return day(f.title, f.date);
    }
    let d = f.date;
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    return { title: f.title, date: d, notes: 'Substitute day', bunting: true };
  });
}

const titles = {
  newYear: 'New Year’s Day',
  secondJanuary: '2nd January',
  goodFriday: 'Good Friday',
  easterMonday: 'Easter Monday',
  earlyMay: 'Early May bank holiday',
  spring: 'Spring bank holiday',
  summer: 'Summer bank holiday',
  stAndrew: 'St Andrew’s Day',
  stPatrick: 'St Patrick’s Day',
  boyne: 'Battle of the Boyne (Orangemen’s Day)',
  christmas: 'Christmas Day',
  boxing: 'Boxing Day',
};

/** Every division's bank holidays for a year, by the rules, in date order. */
export function computeBankHolidays(year: number): Record<Division, ComputedHoliday[]> {
  const easter = easterSunday(year);
  const goodFriday = day(titles.goodFriday, addDays(easter, -2));
  const easterMonday = day(titles.easterMonday, addDays(easter, 1));
  const earlyMay = day(titles.earlyMay, firstMonday(year, 5));
  const spring = day(titles.spring, lastMonday(year, 5));
  const christmas = withSubstitutes([
    { title: titles.christmas, date: iso(year, 12, 25) },
    { title: titles.boxing, date: iso(year, 12, 26) },
  ]);
  const [newYear] = withSubstitutes([{ title: titles.newYear, date: iso(year, 1, 1) }]);
  const single = (title: string, date: string) => withSubstitutes([{ title, date }])[0]!;
  const byDate = (list: ComputedHoliday[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));
  const englandAndWales = [newYear!, goodFriday, easterMonday, earlyMay, spring, day(titles.summer, lastMonday(year, 8)), ...christmas];
  return {
    'england-and-wales': byDate(englandAndWales),
    scotland: byDate([
      ...withSubstitutes([
        { title: titles.newYear, date: iso(year, 1, 1) },
        { title: titles.secondJanuary, date: iso(year, 1, 2) },
      ], true),
      goodFriday,
      earlyMay,
      spring,
      day(titles.summer, firstMonday(year, 8)),
      single(titles.stAndrew, iso(year, 11, 30)),
      ...christmas,
    ]),
    'northern-ireland': byDate([
      ...englandAndWales,
      single(titles.stPatrick, iso(year, 3, 17)),
      single(titles.boyne, iso(year, 7, 12)),
    ]),
  };
}

import data from './data/uk-bank-holidays.json';

/**
 * UK bank holidays, from the data file beside this module (GOV.UK's format). The calendar knows
 * which years it covers, and asking about any other year is an error that names the year: a
 * deadline computed without holiday data would be a silent guess.
 */
export const divisions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Division = (typeof divisions)[number];

export const divisionNames: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export interface Holiday {
  date: string;
  title: string;
  division: Division;
}

interface DivisionData {
  coveredYears: number[];
  events: Array<{ title: string; date: string }>;
}

export class CalendarCoverageError extends Error {
  override name = 'CalendarCoverageError';
  constructor(
    readonly year: number,
    readonly division: Division,
    readonly covered: number[],
  ) {
    super(
      `There is no bank holiday data for ${year} (${divisionNames[division]}): the calendar covers ${describeYears(covered)}. ` +
        'Add the year to src/calendar/data/uk-bank-holidays.json from GOV.UK’s bank holiday data.',
    );
  }
}

function describeYears(years: number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const contiguous = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  return contiguous && sorted.length > 1 ? `${sorted[0]} to ${sorted.at(-1)}` : sorted.join(', ');
}

export class HolidayCalendar {
  private readonly byDivision: Map<Division, { covered: Set<number>; holidays: Map<string, Holiday> }>;

  constructor(source: Record<Division, DivisionData>) {
    this.byDivision = new Map(
      divisions.map((division) => {
        const d = source[division];
        const covered = new Set(d.coveredYears);
        const holidays = new Map<string, Holiday>();
        for (const e of d.events) {
          const year = Number(e.date.slice(0, 4));
          if (!covered.has(year)) throw new Error(`holiday data: ${e.date} (${division}) is outside its covered years`);
          holidays.set(e.date, { date: e.date, title: e.title, division });
        }
        return [division, { covered, holidays }];
      }),
    );
  }

  /** The years every one of these divisions covers. */
  coveredYears(among: readonly Division[] = divisions): number[] {
    const sets = among.map((d) => this.byDivision.get(d)!.covered);
    return [...sets[0]!].filter((y) => sets.every((s) => s.has(y))).sort((a, b) => a - b);
  }

  /** The bank holidays on a date in these divisions; throws when a division lacks the year. */
  holidaysOn(date: string, among: readonly Division[]): Holiday[] {
    const year = Number(date.slice(0, 4));
    const found: Holiday[] = [];
    for (const division of among) {
      const d = this.byDivision.get(division)!;
      if (!d.covered.has(year)) throw new CalendarCoverageError(year, division, [...d.covered]);
      const holiday = d.holidays.get(date);
      if (holiday) found.push(holiday);
    }
    return found;
  }
}

/** The calendar shipped with the code. */
export const ukCalendar = new HolidayCalendar(data as unknown as Record<Division, DivisionData>);

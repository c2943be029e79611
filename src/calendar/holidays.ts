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

export interface DivisionData {
  coveredYears: number[];
  /** Covered years computed by the rules (bankHolidayRules.ts) because GOV.UK has not published them yet. */
  provisionalYears?: number[];
  events: Array<{ title: string; date: string; notes?: string; bunting?: boolean }>;
}

/** A whole set of holiday data, named by its version (clocks record the version they used). */
export type HolidayData = { version: string } & Record<Division, DivisionData>;

/** What a calendar covers, for the public coverage query and the renewal test. */
export interface CalendarCoverage {
  version: string;
  firstYear: number;
  lastYear: number;
  /** The last day every division covers. */
  coversUntil: string;
  provisionalYears: number[];
}

interface CalendarState {
  version: string;
  byDivision: Map<Division, { covered: Set<number>; provisional: Set<number>; holidays: Map<string, Holiday> }>;
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
  private state: CalendarState;

  constructor(source: HolidayData) {
    this.state = HolidayCalendar.read(source);
  }

  private static read(source: HolidayData): CalendarState {
    const byDivision = new Map(
      divisions.map((division) => {
        const d = source[division];
        const covered = new Set(d.coveredYears);
        const provisional = new Set(d.provisionalYears ?? []);
        for (const year of provisional) if (!covered.has(year)) throw new Error(`holiday data: provisional ${year} (${division}) is not a covered year`);
        const holidays = new Map<string, Holiday>();
        for (const e of d.events) {
          const year = Number(e.date.slice(0, 4));
          if (!covered.has(year)) throw new Error(`holiday data: ${e.date} (${division}) is outside its covered years`);
          holidays.set(e.date, { date: e.date, title: e.title, division });
        }
        return [division, { covered, provisional, holidays }] as const;
      }),
    );
    return { version: source.version, byDivision };
  }

  /**
   * Use newer data from now on (the API does this at start-up when a newer version is stored).
   * Every holder of this calendar sees the change; clocks record the version they used.
   */
  adopt(source: HolidayData): void {
    this.state = HolidayCalendar.read(source);
  }

  /** The version of the data in use. */
  get version(): string {
    return this.state.version;
  }

  /** The years every one of these divisions covers. */
  coveredYears(among: readonly Division[] = divisions): number[] {
    const sets = among.map((d) => this.state.byDivision.get(d)!.covered);
    return [...sets[0]!].filter((y) => sets.every((s) => s.has(y))).sort((a, b) => a - b);
  }

  /** Covered years that any of these divisions has only provisionally (computed, not yet published). */
  provisionalYears(among: readonly Division[] = divisions): number[] {
    const covered = new Set(this.coveredYears(among));
    const years = new Set(among.flatMap((d) => [...this.state.byDivision.get(d)!.provisional]));
    return [...years].filter((y) => covered.has(y)).sort((a, b) => a - b);
  }

  /** What the calendar covers across these divisions. */
  coverage(among: readonly Division[] = divisions): CalendarCoverage {
    const years = this.coveredYears(among);
    return {
      version: this.version,
      firstYear: years[0]!,
      lastYear: years.at(-1)!,
      coversUntil: `${years.at(-1)!}-12-31`,
      provisionalYears: this.provisionalYears(among),
    };
  }

  /** The bank holidays on a date in these divisions; throws when a division lacks the year. */
  holidaysOn(date: string, among: readonly Division[]): Holiday[] {
    const year = Number(date.slice(0, 4));
    const found: Holiday[] = [];
    for (const division of among) {
      const d = this.state.byDivision.get(division)!;
      if (!d.covered.has(year)) throw new CalendarCoverageError(year, division, [...d.covered]);
      const holiday = d.holidays.get(date);
      if (holiday) found.push(holiday);
    }
    return found;
  }
}

/** The data shipped with the code (2028 computed and provisional until GOV.UK publishes it). */
export const bundledHolidayData = data as unknown as HolidayData;

/** The calendar in use: the shipped data, or a newer stored version the API adopted. */
export const ukCalendar = new HolidayCalendar(bundledHolidayData);

import type { HolidayCalendar } from '../calendar/holidays.js';
import { daysBetween } from '../calendar/londonDate.js';
import { addWorkingDays, workingDaysBetween, type NonWorkingDay, type WorkingDayRule } from '../calendar/workingDays.js';
import type { DeadlineKind } from '../generated/graphql.js';
import { describeHolidaySet } from './clockEvents.js';
import { reviewWindowClosesOn } from './complaintReviewWindow.js';
import { FOI_PUBLIC_INTEREST_LIMIT_WORKING_DAYS, FOI_WORKING_DAYS } from './foiClock.js';
import { SAR_MAX_EXTENSION_MONTHS, sarClock } from './sarClock.js';

/**
 * The deadline calculator behind the public statutoryDeadline query: each kind is the matching
 * clock with no events (or the same working-day count the FOI clock makes), so the calculator
 * and the cases cannot disagree.
 */
export interface Deadline {
  kind: DeadlineKind;
  receivedOn: string;
  dueOn: string;
  rule: string;
  holidaySet: string;
  workingDayRule: WorkingDayRule | 'CALENDAR_DAYS';
  skipped: NonWorkingDay[];
}

const rules: Record<DeadlineKind, string> = {
  FOI: 'Freedom of Information: the 20th working day after receipt (FOIA s.10). The day of receipt is day 0; weekends, Christmas Day, Good Friday and bank holidays anywhere in the UK are not working days.',
  FOI_PUBLIC_INTEREST_LIMIT:
    'Freedom of Information with a public interest test extension: the 40th working day after receipt, the longest the ICO expects (s.10(3)). The refusal notice is still due by the 20th.',
  SAR: 'Subject access: one calendar month from receipt (day 1); the same date next month, or the month’s last day where there is no such date, moved to the next working day in England and Wales.',
  SAR_EXTENDED: 'Subject access extended by two months (complex or numerous requests): three calendar months from receipt, same rules. The requester must be told before the first month ends.',
  COMPLAINT_REVIEW_WINDOW:
    'Police complaint review: the application must arrive within 28 days, counted from the day after the date of the outcome letter.',
};

export function statutoryDeadline(calendar: HolidayCalendar, kind: DeadlineKind, receivedOn: string): Deadline {
  const base = { kind, receivedOn, rule: rules[kind] };
  switch (kind) {
    case 'FOI':
    case 'FOI_PUBLIC_INTEREST_LIMIT': {
      const days = kind === 'FOI' ? FOI_WORKING_DAYS : FOI_PUBLIC_INTEREST_LIMIT_WORKING_DAYS;
      const { date, skipped } = addWorkingDays(calendar, receivedOn, days, 'FOIA');
      return { ...base, dueOn: date, skipped, workingDayRule: 'FOIA', holidaySet: describeHolidaySet('FOIA', calendar) };
    }
    case 'SAR':
    case 'SAR_EXTENDED': {
      const events = kind === 'SAR' ? [] : [{ type: 'EXTENDED' as const, on: receivedOn, months: SAR_MAX_EXTENSION_MONTHS, reason: 'calculator' }];
      const clock = sarClock(calendar, receivedOn, events);
      return {
        ...base,
        dueOn: clock.dueOn!,
        skipped: clock.skipped,
        workingDayRule: 'ENGLAND_AND_WALES',
        holidaySet: describeHolidaySet('ENGLAND_AND_WALES', calendar),
      };
    }
    case 'COMPLAINT_REVIEW_WINDOW':
      return {
        ...base,
        dueOn: reviewWindowClosesOn(receivedOn),
        skipped: [],
        workingDayRule: 'CALENDAR_DAYS',
        holidaySet: describeHolidaySet('CALENDAR_DAYS'),
      };
  }
}

/** How a deadline stands today (Europe/London): days left, working days left, overdue. */
export interface DeadlineStatus {
  daysRemaining: number;
  workingDaysRemaining: number | null;
  overdue: boolean;
}

export function deadlineStatus(
  calendar: HolidayCalendar,
  dueOn: string,
  today: string,
  rule: WorkingDayRule | 'CALENDAR_DAYS',
): DeadlineStatus {
  return {
    daysRemaining: daysBetween(today, dueOn),
    workingDaysRemaining: rule === 'CALENDAR_DAYS' ? null : workingDaysBetween(calendar, today, dueOn, rule),
    overdue: today > dueOn,
  };
}

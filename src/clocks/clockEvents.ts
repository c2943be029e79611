import type { AuditActor } from '../audit/model.js';
import type { UserErrorCode } from '../generated/graphql.js';
import { ukCalendar, type HolidayCalendar } from '../calendar/holidays.js';
import { workingDayRules, type WorkingDayRule } from '../calendar/workingDays.js';

/**
 * What every clock event carries besides its own facts, so that the audit trail can explain any
 * date: who applied it, when, why, and which holiday set (and data years) the clock used.
 */
export interface ClockEventRecord<E extends { type: string; on: string }> {
  event: E;
  recordedBy: AuditActor;
  recordedAt: string;
  reason: string | null;
  holidaySet: string;
}

export function describeHolidaySet(rule: WorkingDayRule | 'CALENDAR_DAYS', calendar: HolidayCalendar = ukCalendar): string {
  if (rule === 'CALENDAR_DAYS') return 'calendar days (no holiday set)';
  const among = workingDayRules[rule].divisions;
  const years = calendar.coveredYears(among);
  const provisional = calendar.provisionalYears(among);
  const note = provisional.length ? ` (${provisional.join(', ')} provisional)` : '';
  return `${workingDayRules[rule].name}, data ${years[0]}–${years.at(-1)}${note}, version ${calendar.version}`;
}

export function recordClockEvent<E extends { type: string; on: string }>(
  event: E,
  by: { actor: AuditActor; at: Date; reason?: string | null; rule: WorkingDayRule | 'CALENDAR_DAYS'; calendar?: HolidayCalendar },
): ClockEventRecord<E> {
  return {
    event,
    recordedBy: by.actor,
    recordedAt: by.at.toISOString(),
    reason: by.reason ?? null,
    holidaySet: describeHolidaySet(by.rule, by.calendar),
  };
}

/** A recorded event as a case shows it: the event's own facts, then who, when, why and the holiday set. */
export function clockEventView<E extends { type: string; on: string }>(record: ClockEventRecord<E>) {
  return {
    ...record.event,
    reason: record.reason,
    recordedBy: record.recordedBy.name ?? record.recordedBy.kind,
    recordedAt: record.recordedAt,
    holidaySet: record.holidaySet,
  };
}

/** An event the clock's rules do not allow now: the message says why, for a user error. */
export class ClockRuleError extends Error {
  override name = 'ClockRuleError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

/** Events are applied in date order, none before the request arrived and none in the future. */
export function checkEventDate(lastDate: string, on: string, today: string): void {
  if (on < lastDate) {
    throw new ClockRuleError('INVALID', `The date is before the clock's last event or the date of receipt (${lastDate}).`, 'on');
  }
  if (on > today) throw new ClockRuleError('INVALID', 'A clock event cannot be dated in the future.', 'on');
}

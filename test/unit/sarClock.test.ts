import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { ClockRuleError } from '../../src/clocks/clockEvents.js';
import { reviewWindowClosesOn } from '../../src/clocks/complaintReviewWindow.js';
import { applySarEvent, sarClock, type SarClockEvent } from '../../src/clocks/sarClock.js';

const due = (receivedOn: string, events: SarClockEvent[] = []) => sarClock(ukCalendar, receivedOn, events).dueOn;
const apply = (events: SarClockEvent[], next: SarClockEvent, today = '2026-11-21') =>
  applySarEvent(ukCalendar, '2026-03-02', events, next, today);

describe('SAR: one calendar month', () => {
  it.each([
    ['Sat 31 Jan 2026: 28 Feb is a Saturday, so Monday (RULES.md)', '2026-01-31', '2026-03-02'],
    ['Mon 25 Nov 2024: past Christmas and Boxing Day (RULES.md)', '2024-11-25', '2024-12-27'],
    ['31 Jan in a leap year', '2024-01-31', '2024-02-29'],
    ['29 Feb 2024: 29 Mar is Good Friday, then a weekend and Easter Monday', '2024-02-29', '2024-04-02'],
    ['31 Mar: April has 30 days', '2025-03-31', '2025-04-30'],
    ['a bank holiday', '2025-08-25', '2025-09-25'],
    ['a Scottish holiday is no reason to move a SAR deadline', '2025-07-04', '2025-08-04'],
  ])('starting %s', (_, start, expected) => {
    expect(due(start)).toBe(expected);
  });

  it('names the days the deadline moved past', () => {
    expect(sarClock(ukCalendar, '2024-11-25', []).skipped.map((d) => d.name)).toEqual([
      'Christmas Day (England and Wales)',
      'Boxing Day (England and Wales)',
    ]);
  });
});

describe('SAR identity', () => {
  it('does not start the clock until proof of identity arrives', () => {
    const asked = apply([], { type: 'IDENTITY_REQUESTED', on: '2026-03-02' });
    expect(asked.clock).toMatchObject({ state: 'AWAITING_IDENTITY', startedOn: null, dueOn: null });
    const proved = apply(asked.events, { type: 'IDENTITY_RECEIVED', on: '2026-03-10' });
    expect(proved.clock).toMatchObject({ state: 'RUNNING', startedOn: '2026-03-10', dueOn: '2026-04-10' });
  });

  it('refuses identity asked for late, or received when not asked for', () => {
    const paused = apply([], { type: 'CLARIFICATION_REQUESTED', on: '2026-03-03' });
    expect(() => apply(paused.events, { type: 'IDENTITY_REQUESTED', on: '2026-03-04' })).toThrow(ClockRuleError);
    expect(() => apply([], { type: 'IDENTITY_RECEIVED', on: '2026-03-04' })).toThrow(/not asked for/);
  });
});

describe('SAR clarification pauses the clock', () => {
  it('moves the deadline by the days paused', () => {
    const asked = apply([], { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' });
    expect(asked.clock).toMatchObject({ state: 'PAUSED', dueOn: null });
    const answered = apply(asked.events, { type: 'CLARIFICATION_RECEIVED', on: '2026-03-12' });
    expect(answered.clock).toMatchObject({ state: 'RUNNING', pausedDays: 7, dueOn: '2026-04-09' });
  });

  it('adds up several pauses', () => {
    const events: SarClockEvent[] = [
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-07' },
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-10' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-13' },
    ];
    expect(sarClock(ukCalendar, '2026-03-02', events)).toMatchObject({ pausedDays: 5, dueOn: '2026-04-07' });
  });
});

describe('SAR extension', () => {
  const reason = 'Records held in three systems and archived paper files';

  it('runs three months from the same start, pauses still counted', () => {
    const events: SarClockEvent[] = [
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-12' },
    ];
    expect(apply(events, { type: 'EXTENDED', on: '2026-03-20', months: 2, reason }).clock).toMatchObject({
      dueOn: '2026-06-09',
      firstMonthEndsOn: '2026-04-09',
      extensionMonths: 2,
    });
  });

  it('may be one month, then one more, but never more than two in all', () => {
    const one = apply([], { type: 'EXTENDED', on: '2026-03-20', months: 1, reason });
    expect(one.clock.dueOn).toBe('2026-05-05'); // 2 May is a Saturday, 4 May the Early May bank holiday
    const two = apply(one.events, { type: 'EXTENDED', on: '2026-03-25', months: 1, reason });
    expect(two.clock.dueOn).toBe('2026-06-02');
    expect(() => apply(two.events, { type: 'EXTENDED', on: '2026-03-26', months: 1, reason })).toThrow(/two months at most/);
    expect(() => apply([], { type: 'EXTENDED', on: '2026-03-20', months: 3, reason })).toThrow(ClockRuleError);
  });

  it('must come before the first month ends, with a reason', () => {
    expect(apply([], { type: 'EXTENDED', on: '2026-04-02', months: 2, reason }).clock.dueOn).toBe('2026-06-02');
    expect(() => apply([], { type: 'EXTENDED', on: '2026-04-03', months: 2, reason })).toThrow(/before the first month ends \(2026-04-02\)/);
    expect(() => apply([], { type: 'EXTENDED', on: '2026-03-20', months: 2, reason: ' ' })).toThrow(ClockRuleError);
  });
});

describe('complaint review window', () => {
  it('closes 28 days after the outcome letter, counted from the day after (RULES.md: 1 Apr → 29 Apr)', () => {
    expect(reviewWindowClosesOn('2026-04-01')).toBe('2026-04-29');
    expect(reviewWindowClosesOn('2026-12-10')).toBe('2027-01-07');
  });
});

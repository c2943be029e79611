import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { ClockRuleError } from '../../src/clocks/clockEvents.js';
import { reviewWindowClosesOn } from '../../src/clocks/complaintReviewWindow.js';
import { applySarEvent, clarificationPauseDays, sarClock, type SarClockEvent } from '../../src/clocks/sarClock.js';

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

describe('SAR clarification pauses the clock: the day asked and the day received are both excluded', () => {
  it('asked 5 Mar, received 12 Mar: 8 days paused (RULES.md §3), so due 10 Apr, not 2 Apr', () => {
    expect(clarificationPauseDays('2026-03-05', '2026-03-12')).toBe(8);
    const asked = apply([], { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' });
    expect(asked.clock).toMatchObject({ state: 'PAUSED', dueOn: null });
    const answered = apply(asked.events, { type: 'CLARIFICATION_RECEIVED', on: '2026-03-12' });
    expect(answered.clock).toMatchObject({ state: 'RUNNING', pausedDays: 8, dueOn: '2026-04-10' });
  });

  it('pauses one day when the answer comes the day it was asked for, two when it comes the next day', () => {
    expect(clarificationPauseDays('2026-03-05', '2026-03-05')).toBe(1);
    expect(clarificationPauseDays('2026-03-05', '2026-03-06')).toBe(2);
    const sameDay: SarClockEvent[] = [
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-05' },
    ];
    // 2 Apr + 1 = Fri 3 Apr, Good Friday; then the weekend and Easter Monday: Tue 7 Apr.
    expect(sarClock(ukCalendar, '2026-03-02', sameDay)).toMatchObject({ pausedDays: 1, dueOn: '2026-04-07' });
  });

  it('adds up several pauses', () => {
    const events: SarClockEvent[] = [
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-07' },
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-10' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-13' },
    ];
    // 3 days (5–7 Mar) and 4 days (10–13 Mar): 2 Apr + 7 = Thu 9 Apr.
    expect(sarClock(ukCalendar, '2026-03-02', events)).toMatchObject({ pausedDays: 7, dueOn: '2026-04-09' });
  });
});

describe('SAR clarification asked in the days the deadline rolled over (received Sat 31 Jan 2026: the month ends Sat 28 Feb, due Mon 2 Mar)', () => {
  const answered = (asked: string, on = '2026-03-05') =>
    sarClock(ukCalendar, '2026-01-31', [
      { type: 'CLARIFICATION_REQUESTED', on: asked },
      { type: 'CLARIFICATION_RECEIVED', on },
    ]);

  it.each([
    ['Fri 27 Feb, the day before the month ends: 27 Feb–5 Mar, 28 Feb + 7 = Sat 7 Mar, so Mon 9 Mar', '2026-02-27', 7, '2026-03-09'],
    ['Sat 28 Feb, the month’s last day: 28 Feb–5 Mar, 28 Feb + 6 = Fri 6 Mar', '2026-02-28', 6, '2026-03-06'],
    ['Sun 1 Mar, the day before the due date: 1 Mar and 2 Mar are left, run again after 5 Mar: Sat 7 Mar, so Mon 9 Mar', '2026-03-01', 5, '2026-03-09'],
    ['Mon 2 Mar, the due date itself: the day left runs again after 5 Mar: Fri 6 Mar, never 4 Mar', '2026-03-02', 4, '2026-03-06'],
  ])('asked %s', (_, asked, pausedDays, dueOn) => {
    expect(answered(asked)).toMatchObject({ state: 'RUNNING', pausedDays, dueOn, firstMonthEndsOn: dueOn, lateRequestOn: null });
  });

  it('asked Tue 3 Mar, the day after the due date: too late, the deadline stays Mon 2 Mar', () => {
    expect(answered('2026-03-03')).toMatchObject({ pausedDays: 0, dueOn: '2026-03-02', lateRequestOn: '2026-03-03' });
  });

  it('the deadline always falls after the day the answer arrives, even when it comes the same day', () => {
    expect(answered('2026-03-02', '2026-03-02')).toMatchObject({ pausedDays: 1, dueOn: '2026-03-03' });
  });

  it('an extension made before the pause runs three months from the start, pauses counted as usual', () => {
    const events: SarClockEvent[] = [
      { type: 'EXTENDED', on: '2026-02-10', months: 2, reason: 'Complex' },
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-02' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-05' },
    ];
    // 30 Apr + 4 = Mon 4 May, the Early May bank holiday: Tue 5 May. The first month had already
    // ended (Mon 2 Mar is the day asked, still its due date: it moves to Fri 6 Mar).
    expect(sarClock(ukCalendar, '2026-01-31', events)).toMatchObject({ dueOn: '2026-05-05', firstMonthEndsOn: '2026-03-06' });
  });
});

describe('SAR: a late request for ID or clarification does not revive the time limit (RULES.md §3)', () => {
  // Received Mon 2 Mar 2026: due Thu 2 Apr.
  const clarify = (on: string): SarClockEvent[] => [{ type: 'CLARIFICATION_REQUESTED', on }];

  it.each([
    ['the day before the due date: the clock pauses', '2026-04-01', null, null],
    ['on the due date: still in time, the clock pauses', '2026-04-02', null, null],
    ['the day after the due date: too late, the deadline stays', '2026-04-03', '2026-04-02', '2026-04-03'],
  ])('clarification asked %s', (_, on, dueOn, lateRequestOn) => {
    expect(sarClock(ukCalendar, '2026-03-02', clarify(on))).toMatchObject({ state: 'PAUSED', dueOn, lateRequestOn });
  });

  it('keeps the expired deadline once the late clarification arrives: no days are added', () => {
    const events: SarClockEvent[] = [...clarify('2026-04-03'), { type: 'CLARIFICATION_RECEIVED', on: '2026-04-20' }];
    expect(sarClock(ukCalendar, '2026-03-02', events)).toMatchObject({ state: 'RUNNING', pausedDays: 0, dueOn: '2026-04-02', firstMonthEndsOn: '2026-04-02' });
    // In time, the same answer would have moved the deadline by the 16 days paused (1 Apr to 16 Apr).
    const inTime: SarClockEvent[] = [...clarify('2026-04-01'), { type: 'CLARIFICATION_RECEIVED', on: '2026-04-16' }];
    expect(sarClock(ukCalendar, '2026-03-02', inTime)).toMatchObject({ pausedDays: 16, dueOn: '2026-04-20', lateRequestOn: null });
  });

  it.each([
    ['the day before the due date: the clock waits and restarts on proof', '2026-04-01', { state: 'AWAITING_IDENTITY', dueOn: null, lateRequestOn: null }, '2026-05-11'],
    ['on the due date: still in time', '2026-04-02', { state: 'AWAITING_IDENTITY', dueOn: null, lateRequestOn: null }, '2026-05-11'],
    ['the day after the due date: the deadline stays 2 Apr', '2026-04-03', { state: 'AWAITING_IDENTITY', dueOn: '2026-04-02', lateRequestOn: '2026-04-03' }, '2026-04-02'],
  ])('proof of identity asked for %s', (_, on, waiting, dueAfterProof) => {
    const asked: SarClockEvent[] = [{ type: 'IDENTITY_REQUESTED', on }];
    expect(sarClock(ukCalendar, '2026-03-02', asked)).toMatchObject(waiting);
    const proved = sarClock(ukCalendar, '2026-03-02', [...asked, { type: 'IDENTITY_RECEIVED', on: '2026-04-10' }]);
    expect(proved).toMatchObject({ state: 'RUNNING', dueOn: dueAfterProof });
  });

  it('measures lateness against an extended deadline when the time was extended', () => {
    const extended: SarClockEvent[] = [{ type: 'EXTENDED', on: '2026-03-20', months: 1, reason: 'Complex' }];
    // Due Tue 5 May (2 May is a Saturday, 4 May the Early May bank holiday).
    expect(sarClock(ukCalendar, '2026-03-02', [...extended, ...clarify('2026-05-05')])).toMatchObject({ dueOn: null, lateRequestOn: null });
    expect(sarClock(ukCalendar, '2026-03-02', [...extended, ...clarify('2026-05-06')])).toMatchObject({ dueOn: '2026-05-05', firstMonthEndsOn: '2026-04-02', lateRequestOn: '2026-05-06' });
  });

  it('refuses an extension after a late request, as after any expiry', () => {
    const late = apply(clarify('2026-04-03'), { type: 'CLARIFICATION_RECEIVED', on: '2026-04-06' });
    expect(() => apply(late.events, { type: 'EXTENDED', on: '2026-04-07', months: 1, reason: 'x' })).toThrow(/before the first month ends \(2026-04-02\)/);
  });
});

describe('SAR extension', () => {
  const reason = 'Records held in three systems and archived paper files';

  it('runs three months from the same start, pauses still counted', () => {
    const events: SarClockEvent[] = [
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-12' },
    ];
    // 8 days paused (5–12 Mar): 2 Apr + 8 = Fri 10 Apr; three months: 2 June + 8 = Wed 10 June.
    expect(apply(events, { type: 'EXTENDED', on: '2026-03-20', months: 2, reason }).clock).toMatchObject({
      dueOn: '2026-06-10',
      firstMonthEndsOn: '2026-04-10',
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

import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { ClockRuleError, recordClockEvent } from '../../src/clocks/clockEvents.js';
import { applyFoiEvent, feeDueByOf, foiClock, internalReviewClock, internalReviewRequestDeadline, type FoiClockEvent } from '../../src/clocks/foiClock.js';

const due = (receivedOn: string, events: FoiClockEvent[] = []) => foiClock(ukCalendar, receivedOn, events).dueOn;
const apply = (receivedOn: string, events: FoiClockEvent[], next: FoiClockEvent, today = '2026-11-21') =>
  applyFoiEvent(ukCalendar, receivedOn, events, next, today);

describe('FOI: 20 working days after receipt', () => {
  it.each([
    ['Fri 20 Dec 2024 (RULES.md)', '2024-12-20', '2025-01-23'],
    ['Mon 2 Mar 2026, St Patrick’s Day skipped (RULES.md)', '2026-03-02', '2026-03-31'],
    ['a Saturday: day 1 is the Monday', '2026-03-07', '2026-04-08'],
    ['a bank holiday (25 Aug 2025)', '2025-08-25', '2025-09-22'],
    ['across the Scottish summer holiday', '2025-07-28', '2025-08-27'],
    ['across the Battle of the Boyne (substitute day)', '2025-06-30', '2025-07-29'],
    ['across St Andrew’s Day (substitute day)', '2025-11-17', '2025-12-16'],
    ['across Christmas and New Year, and Scotland’s 2 January (substitute 4 Jan)', '2026-12-11', '2027-01-14'],
  ])('received %s', (_, receivedOn, expected) => {
    expect(due(receivedOn)).toBe(expected);
  });

  it('lists the days it skipped with their names', () => {
    const clock = foiClock(ukCalendar, '2026-03-02', []);
    expect(clock.skipped).toContainEqual({ date: '2026-03-17', name: "St Patrick’s Day (Northern Ireland)" });
    expect(clock.skipped.filter((d) => d.name === 'Saturday')).toHaveLength(4);
  });
});

describe('FOI clarification restarts the clock', () => {
  it('stops while clarification is awaited and starts afresh when it arrives', () => {
    const asked = apply('2026-03-02', [], { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' });
    expect(asked.clock).toMatchObject({ state: 'AWAITING_CLARIFICATION', dueOn: null });
    const answered = apply('2026-03-02', asked.events, { type: 'CLARIFICATION_RECEIVED', on: '2026-03-13' });
    expect(answered.clock).toMatchObject({ state: 'RUNNING', countsFrom: '2026-03-13', dueOn: '2026-04-15' });
  });

  it('forgets an earlier fee freeze and extension on restart', () => {
    const events: FoiClockEvent[] = [
      { type: 'FEES_NOTICE_ISSUED', on: '2026-03-04' },
      { type: 'FEE_RECEIVED', on: '2026-03-10' },
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-11' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-03-13' },
    ];
    expect(foiClock(ukCalendar, '2026-03-02', events)).toMatchObject({ dueOn: '2026-04-15', frozenWorkingDays: [] });
  });

  it('refuses an answer nobody asked for', () => {
    expect(() => apply('2026-03-02', [], { type: 'CLARIFICATION_RECEIVED', on: '2026-03-05' })).toThrow(ClockRuleError);
  });
});

describe('FOI fees notice freezes the clock', () => {
  it('disregards the working days from the notice to the fee, both included', () => {
    const events: FoiClockEvent[] = [
      { type: 'FEES_NOTICE_ISSUED', on: '2026-03-04' },
      { type: 'FEE_RECEIVED', on: '2026-03-10' },
    ];
    const clock = foiClock(ukCalendar, '2026-03-02', events);
    expect(clock.frozenWorkingDays).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10']);
    expect(clock.dueOn).toBe('2026-04-09');
  });

  it('has no due date while the fee is awaited, and says when it must be paid', () => {
    const clock = foiClock(ukCalendar, '2026-03-02', [{ type: 'FEES_NOTICE_ISSUED', on: '2026-03-04' }], '2026-04-01');
    expect(clock).toMatchObject({ state: 'AWAITING_FEE', dueOn: null, feeDueBy: '2026-06-03' });
  });

  it('lapses when the fee is not paid within three months', () => {
    const events: FoiClockEvent[] = [{ type: 'FEES_NOTICE_ISSUED', on: '2026-03-04' }];
    expect(foiClock(ukCalendar, '2026-03-02', events, '2026-06-03').state).toBe('AWAITING_FEE');
    expect(foiClock(ukCalendar, '2026-03-02', events, '2026-06-04').state).toBe('LAPSED');
    expect(() => apply('2026-03-02', events, { type: 'FEE_RECEIVED', on: '2026-06-04' })).toThrow(/lapsed/);
  });

  it.each([
    ['22 Nov: the day before the same date 3 months on', '2026-11-22', '2027-02-21'],
    ['4 Mar', '2026-03-04', '2026-06-03'],
    ['1 Mar: the last day of May', '2026-03-01', '2026-05-31'],
    ['30 Jan: 30 Apr exists, so the day before it', '2026-01-30', '2026-04-29'],
    ['31 Jan: April has no 31st, so its last day (was 29 Apr)', '2026-01-31', '2026-04-30'],
    ['31 Mar: June has no 31st, so its last day (was 29 Jun)', '2026-03-31', '2026-06-30'],
    ['29 Nov 2026: no 29 Feb 2027, so 28 Feb', '2026-11-29', '2027-02-28'],
    ['30 Nov 2027: 29 Feb 2028 is the last day of a leap February', '2027-11-30', '2028-02-29'],
  ])('the last day to pay a fee notice given on %s (s.9(2), the corresponding-date rule)', (_, noticeOn, payBy) => {
    expect(feeDueByOf(noticeOn)).toBe(payBy);
  });

  it('a notice given on 31 March (day 20) can be paid on 30 June, the day before it lapses, and not on 1 July', () => {
    const notice = apply('2026-03-02', [], { type: 'FEES_NOTICE_ISSUED', on: '2026-03-31' }, '2026-04-02');
    expect(notice.clock.feeDueBy).toBe('2026-06-30');
    expect(foiClock(ukCalendar, '2026-03-02', notice.events, '2026-06-29').state).toBe('AWAITING_FEE');
    expect(foiClock(ukCalendar, '2026-03-02', notice.events, '2026-06-30').state).toBe('AWAITING_FEE');
    expect(foiClock(ukCalendar, '2026-03-02', notice.events, '2026-07-01').state).toBe('LAPSED');
    expect(apply('2026-03-02', notice.events, { type: 'FEE_RECEIVED', on: '2026-06-30' }, '2026-07-02').clock.state).toBe('RUNNING');
    expect(() => apply('2026-03-02', notice.events, { type: 'FEE_RECEIVED', on: '2026-07-01' }, '2026-07-02')).toThrow(/The fee was due by 2026-06-30: the request has lapsed/);
  });

  it('refuses a fee nobody asked for, and a notice after the due date', () => {
    expect(() => apply('2026-03-02', [], { type: 'FEE_RECEIVED', on: '2026-03-04' })).toThrow(/No fee/);
    expect(() => apply('2026-03-02', [], { type: 'FEES_NOTICE_ISSUED', on: '2026-04-01' })).toThrow(/by the 20th working day \(2026-03-31\)/);
  });

  it('a fees notice on working day 20 (31 March) freezes the clock; on day 21 (1 April) it is refused and the request stays overdue', () => {
    const onDay20 = apply('2026-03-02', [], { type: 'FEES_NOTICE_ISSUED', on: '2026-03-31' }, '2026-04-02');
    expect(onDay20.clock).toMatchObject({ state: 'AWAITING_FEE', dueOn: null });
    expect(() => apply('2026-03-02', [], { type: 'FEES_NOTICE_ISSUED', on: '2026-04-01' })).toThrow(ClockRuleError);
    expect(foiClock(ukCalendar, '2026-03-02', [], '2026-04-02').dueOn).toBe('2026-03-31');
  });
});

describe('FOI clarification asked after the deadline (RULES.md §2: it cannot cure the lateness)', () => {
  // Received Mon 2 Mar 2026: working day 20 is Tue 31 Mar, day 21 Wed 1 Apr.
  it('asked on working day 19 or 20: the clock restarts when the answer arrives', () => {
    for (const on of ['2026-03-30', '2026-03-31']) {
      const asked = apply('2026-03-02', [], { type: 'CLARIFICATION_REQUESTED', on });
      expect(asked.clock).toMatchObject({ state: 'AWAITING_CLARIFICATION', dueOn: null, late: [] });
      const answered = apply('2026-03-02', asked.events, { type: 'CLARIFICATION_RECEIVED', on: '2026-04-02' });
      // From Thu 2 Apr: Good Friday, Easter Monday and the Early May holiday pass by.
      expect(answered.clock).toMatchObject({ state: 'RUNNING', countsFrom: '2026-04-02', dueOn: '2026-05-05' });
    }
  });

  it('asked on working day 21 (1 April): recorded, but the due date stays 31 March, before and after the answer', () => {
    const asked = apply('2026-03-02', [], { type: 'CLARIFICATION_REQUESTED', on: '2026-04-01' });
    expect(asked.clock).toMatchObject({
      state: 'AWAITING_CLARIFICATION',
      countsFrom: '2026-03-02',
      dueOn: '2026-03-31',
      statutoryDueOn: '2026-03-31',
      late: [{ type: 'CLARIFICATION_REQUESTED', on: '2026-04-01', missedDueOn: '2026-03-31' }],
    });
    const answered = apply('2026-03-02', asked.events, { type: 'CLARIFICATION_RECEIVED', on: '2026-04-08' });
    expect(answered.clock).toMatchObject({ state: 'RUNNING', countsFrom: '2026-03-02', dueOn: '2026-03-31' });
  });

  it('the issue’s case: asked on working day 26, answered on day 42: still due on day 20', () => {
    // Day 26 is Fri 10 Apr (Good Friday and Easter Monday are not working days); day 42 is Tue 5 May.
    const events: FoiClockEvent[] = [
      { type: 'CLARIFICATION_REQUESTED', on: '2026-04-10' },
      { type: 'CLARIFICATION_RECEIVED', on: '2026-04-15' },
    ];
    expect(foiClock(ukCalendar, '2026-03-02', events, '2026-05-05')).toMatchObject({ dueOn: '2026-03-31', countsFrom: '2026-03-02' });
  });

  it('after a public interest extension, a clarification after working day 20 moves nothing either', () => {
    const extended = apply('2026-03-02', [], { type: 'PUBLIC_INTEREST_EXTENSION', on: '2026-03-20', extendedTo: '2026-04-24', reason: 's.31' });
    const asked = apply('2026-03-02', extended.events, { type: 'CLARIFICATION_REQUESTED', on: '2026-04-01' });
    expect(asked.clock).toMatchObject({ state: 'AWAITING_CLARIFICATION', dueOn: '2026-04-24', statutoryDueOn: '2026-03-31' });
  });
});

describe('FOI public interest extension', () => {
  const extend = (on: string, extendedTo: string, reason = 's.31 law enforcement: balancing the public interest') =>
    apply('2026-03-02', [], { type: 'PUBLIC_INTEREST_EXTENSION', on, extendedTo, reason });

  it('moves the due date, up to 40 working days after receipt', () => {
    expect(foiClock(ukCalendar, '2026-03-02', []).publicInterestLimitOn).toBe('2026-04-30');
    expect(extend('2026-03-31', '2026-04-30').clock).toMatchObject({ dueOn: '2026-04-30', statutoryDueOn: '2026-03-31', extendedTo: '2026-04-30' });
  });

  it('refuses a date past the limit, a notice after 20 working days, no reason, and a second extension', () => {
    expect(() => extend('2026-03-31', '2026-05-01')).toThrow(/40 working days/);
    expect(() => extend('2026-04-01', '2026-04-20')).toThrow(/within 20 working days/);
    expect(() => extend('2026-03-20', '2026-04-20', '  ')).toThrow(ClockRuleError);
    expect(() => extend('2026-03-20', '2026-03-30')).toThrow(/after the due date/);
    const once = extend('2026-03-20', '2026-04-20');
    expect(() =>
      apply('2026-03-02', once.events, { type: 'PUBLIC_INTEREST_EXTENSION', on: '2026-03-21', extendedTo: '2026-04-29', reason: 'again' }),
    ).toThrow(/already/);
  });
});

describe('FOI events', () => {
  it('must be in date order, not before receipt, and not in the future', () => {
    expect(() => apply('2026-03-02', [], { type: 'CLARIFICATION_REQUESTED', on: '2026-03-01' })).toThrow(/before/);
    expect(() => apply('2026-03-02', [], { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' }, '2026-03-04')).toThrow(/future/);
  });

  it('carry who applied them, when, why, and the holiday set', () => {
    const record = recordClockEvent(
      { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' },
      { actor: { kind: 'STAFF', id: 'u1', name: 'ira.rights' }, at: new Date('2026-03-05T10:00:00Z'), reason: 'Which years?', rule: 'FOIA' },
    );
    expect(record).toEqual({
      event: { type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' },
      recordedBy: { kind: 'STAFF', id: 'u1', name: 'ira.rights' },
      recordedAt: '2026-03-05T10:00:00.000Z',
      reason: 'Which years?',
      holidaySet: 'FOIA working days (UK-wide bank holidays), data 2023–2028 (2028 provisional), version bundled-2026-11-22',
    });
  });
});

describe('FOI internal review', () => {
  it('may be asked for within 40 working days of the response', () => {
    expect(internalReviewRequestDeadline(ukCalendar, '2026-03-02')).toBe('2026-04-30');
  });

  it('is due in 20 working days, extendable with a reason to 40', () => {
    expect(internalReviewClock(ukCalendar, '2026-03-02')).toMatchObject({ dueOn: '2026-03-31', limitOn: '2026-04-30' });
    expect(internalReviewClock(ukCalendar, '2026-03-02', { on: '2026-03-30', extendedTo: '2026-04-30', reason: 'complex' }).dueOn).toBe('2026-04-30');
    expect(() => internalReviewClock(ukCalendar, '2026-03-02', { on: '2026-03-30', extendedTo: '2026-05-01', reason: 'complex' })).toThrow(ClockRuleError);
    expect(() => internalReviewClock(ukCalendar, '2026-03-02', { on: '2026-04-01', extendedTo: '2026-04-20', reason: 'late' })).toThrow(ClockRuleError);
    expect(() => internalReviewClock(ukCalendar, '2026-03-02', { on: '2026-03-30', extendedTo: '2026-04-20', reason: '' })).toThrow(ClockRuleError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { addCalendarMonths, addDays } from '../../src/calendar/londonDate.js';
import { isWorkingDay, workingDaysBetween } from '../../src/calendar/workingDays.js';
import { statutoryDeadline } from '../../src/clocks/deadlines.js';
import { foiClock } from '../../src/clocks/foiClock.js';
import { sarClock } from '../../src/clocks/sarClock.js';

/** Any date from 1 Jan 2023 up to `last`, so that every deadline stays inside the data. */
const dateUpTo = (last: string) => {
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse('2023-01-01T00:00:00Z')) / 86_400_000);
  return fc.integer({ min: 0, max: days }).map((n) => addDays('2023-01-01', n));
};

const kinds = [
  { kind: 'FOI', rule: 'FOIA', last: '2028-11-27' },
  { kind: 'FOI_PUBLIC_INTEREST_LIMIT', rule: 'FOIA', last: '2028-10-31' },
  { kind: 'SAR', rule: 'ENGLAND_AND_WALES', last: '2028-11-15' },
  { kind: 'SAR_EXTENDED', rule: 'ENGLAND_AND_WALES', last: '2028-09-15' },
] as const;

describe('every deadline, for any date', () => {
  for (const { kind, rule, last } of kinds) {
    it(`${kind}: is never a non-working day`, () => {
      fc.assert(
        fc.property(dateUpTo(last), (receivedOn) => {
          expect(isWorkingDay(ukCalendar, statutoryDeadline(ukCalendar, kind, receivedOn).dueOn, rule)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it(`${kind}: is never earlier than a later start would give`, () => {
      fc.assert(
        fc.property(dateUpTo(last), dateUpTo(last), (a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(statutoryDeadline(ukCalendar, kind, early).dueOn <= statutoryDeadline(ukCalendar, kind, late).dueOn).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('FOI: is exactly 20 FOIA working days after receipt, and later than or equal to 20 England-and-Wales working days', () => {
    fc.assert(
      fc.property(dateUpTo('2028-11-27'), (receivedOn) => {
        const { dueOn } = statutoryDeadline(ukCalendar, 'FOI', receivedOn);
        expect(workingDaysBetween(ukCalendar, receivedOn, dueOn, 'FOIA')).toBe(20);
        expect(workingDaysBetween(ukCalendar, receivedOn, dueOn, 'ENGLAND_AND_WALES')).toBeGreaterThanOrEqual(20);
      }),
      { numRuns: 300 },
    );
  });

  it('SAR: is on or after the same date next month (or its last day), and less than a week later', () => {
    fc.assert(
      fc.property(dateUpTo('2028-11-15'), (receivedOn) => {
        const { dueOn } = statutoryDeadline(ukCalendar, 'SAR', receivedOn);
        const sameDateNextMonth = addCalendarMonths(receivedOn, 1);
        expect(dueOn >= sameDateNextMonth).toBe(true);
        expect(dueOn <= addDays(sameDateNextMonth, 6)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('FOI: a fee freeze never brings the deadline forward, and a clarification never does either', () => {
    fc.assert(
      fc.property(dateUpTo('2028-06-30'), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 20 }), (receivedOn, after, length) => {
        const plain = foiClock(ukCalendar, receivedOn, []).dueOn!;
        const noticeOn = addDays(receivedOn, after);
        if (noticeOn > foiClock(ukCalendar, receivedOn, []).statutoryDueOn!) return;
        const frozen = foiClock(ukCalendar, receivedOn, [
          { type: 'FEES_NOTICE_ISSUED', on: noticeOn },
          { type: 'FEE_RECEIVED', on: addDays(noticeOn, length) },
        ]).dueOn!;
        expect(frozen >= plain).toBe(true);
        expect(isWorkingDay(ukCalendar, frozen, 'FOIA')).toBe(true);
        const restarted = foiClock(ukCalendar, receivedOn, [
          { type: 'CLARIFICATION_REQUESTED', on: noticeOn },
          { type: 'CLARIFICATION_RECEIVED', on: addDays(noticeOn, length) },
        ]).dueOn!;
        expect(restarted >= plain).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('SAR: a pause moves the deadline by at least the days paused, before rolling', () => {
    fc.assert(
      fc.property(dateUpTo('2028-06-30'), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }), (start, after, length) => {
        const plain = sarClock(ukCalendar, start, []).dueOn!;
        const paused = sarClock(ukCalendar, start, [
          { type: 'CLARIFICATION_REQUESTED', on: addDays(start, after) },
          { type: 'CLARIFICATION_RECEIVED', on: addDays(start, after + length) },
        ]).dueOn!;
        expect(paused >= plain).toBe(true);
        expect(isWorkingDay(ukCalendar, paused, 'ENGLAND_AND_WALES')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('SAR: a clarification asked in time, up to the due date itself, leaves a deadline after the day the answer arrives', () => {
    fc.assert(
      fc.property(dateUpTo('2028-06-30'), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 30 }), (start, beforeDue, length) => {
        const plain = sarClock(ukCalendar, start, []).dueOn!;
        const asked = addDays(plain, -beforeDue);
        if (asked < start) return;
        const answered = addDays(asked, length);
        const paused = sarClock(ukCalendar, start, [
          { type: 'CLARIFICATION_REQUESTED', on: asked },
          { type: 'CLARIFICATION_RECEIVED', on: answered },
        ]);
        expect(paused.lateRequestOn).toBeNull();
        expect(paused.dueOn! > answered).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { refusalsOf, type ActionContext } from '../../src/cases/workflow.js';
import { acknowledgedInTime, acknowledgementDueOn, acknowledgementOverdue, outcomeUnduelyDelayedAfter, undueDelay } from '../../src/dataProtection/clock.js';
import { newDataProtectionComplaint, type DataProtectionRecord } from '../../src/dataProtection/model.js';
import { dataProtectionPublicView } from '../../src/dataProtection/publicView.js';
import { dataProtectionQueueEntries } from '../../src/dataProtection/queues.js';
import { dataProtectionWorkflow, type DataProtectionAction } from '../../src/dataProtection/workflow.js';

describe('the 30 days to acknowledge, beginning with the day of receipt', () => {
  it('ends on the 30th day counting the day of receipt as day 1 (received 1 Jul → by 30 Jul)', () => {
    expect(acknowledgementDueOn('2026-07-01')).toBe('2026-07-30');
  });

  it('is in time on day 29 and day 30, late on day 31', () => {
    expect(acknowledgedInTime('2026-07-01', '2026-07-29')).toBe(true); // day 29
    expect(acknowledgedInTime('2026-07-01', '2026-07-30')).toBe(true); // day 30
    expect(acknowledgedInTime('2026-07-01', '2026-07-31')).toBe(false); // day 31
    expect(acknowledgedInTime('2026-07-01', '2026-07-01')).toBe(true); // the day of receipt itself
  });

  it('is overdue only from day 31', () => {
    expect(acknowledgementOverdue('2026-07-01', '2026-07-30')).toBe(false);
    expect(acknowledgementOverdue('2026-07-01', '2026-07-31')).toBe(true);
  });

  it('runs across month and year ends in calendar days, weekends and bank holidays included', () => {
    expect(acknowledgementDueOn('2026-07-31')).toBe('2026-08-29'); // a Saturday: not rolled forward
    expect(acknowledgementDueOn('2026-08-31')).toBe('2026-09-29');
    expect(acknowledgementDueOn('2026-09-30')).toBe('2026-10-29');
    expect(acknowledgementDueOn('2026-12-15')).toBe('2027-01-13'); // over Christmas and New Year
    expect(acknowledgementDueOn('2027-01-31')).toBe('2027-03-01'); // February 2027 has 28 days
    expect(acknowledgementDueOn('2028-01-31')).toBe('2028-02-29'); // a leap year
    expect(acknowledgementDueOn('2026-06-19')).toBe('2026-07-18'); // the first day the duty applies
  });
});

describe('undue delay (policy: no acknowledgement in the 30 days, or no outcome after 3 months)', () => {
  it('begins the day after the acknowledgement deadline when nothing was acknowledged', () => {
    expect(undueDelay({ receivedOn: '2026-07-01', acknowledged: false }, '2026-07-30')).toBe(false);
    expect(undueDelay({ receivedOn: '2026-07-01', acknowledged: false }, '2026-07-31')).toBe(true);
    expect(undueDelay({ receivedOn: '2026-07-01', acknowledged: true }, '2026-07-31')).toBe(false);
  });

  it('begins the day after 3 calendar months from receipt when acknowledged', () => {
    expect(outcomeUnduelyDelayedAfter('2026-07-01')).toBe('2026-10-01');
    expect(outcomeUnduelyDelayedAfter('2026-11-30')).toBe('2027-02-28');
    expect(undueDelay({ receivedOn: '2026-07-01', acknowledged: true }, '2026-10-01')).toBe(false);
    expect(undueDelay({ receivedOn: '2026-07-01', acknowledged: true }, '2026-10-02')).toBe(true);
  });
});

const complaint = (over: Partial<DataProtectionRecord> = {}): DataProtectionRecord => ({
  ...newDataProtectionComplaint(
    {
      complainant: { name: 'A', email: 'a@example.com', postalAddress: null, preferredContact: 'EMAIL' },
      whatHappened: 'My address was sent to the wrong person.',
      desiredOutcome: null,
      relatedReference: null,
      needs: { language: null, interpreterNeeded: false, accessibility: null },
    },
    { reference: 'DPC-2026-000001', receivedAt: '2026-07-01T09:00:00.000Z', receivedOn: '2026-07-01' },
    { channel: 'WEB' },
  ),
  ...over,
});
const ctx = (today: string): ActionContext => ({ today, now: new Date(`${today}T12:00:00Z`), actor: { kind: 'STAFF', name: 'ira' }, by: 'ira', calendar: ukCalendar });
const refusedBy = (action: DataProtectionAction, c: DataProtectionRecord, today = '2026-07-10') =>
  refusalsOf(dataProtectionWorkflow, action, c, ctx(today), 'data-protection complaint').map((r) => r.rule);

const acknowledged = { status: 'ACKNOWLEDGED' as const, acknowledgement: { acknowledgedOn: '2026-07-05', withinTime: true, recordedBy: 'ira' } };
const outcomeSent = { ...acknowledged, status: 'OUTCOME_SENT' as const, outcome: { kind: 'UPHELD' as const, summary: 's', sentOn: '2026-07-20', recordedBy: 'ira' } };

describe('the workflow table', () => {
  it('sends nothing before the acknowledgement', () => {
    expect(refusedBy('recordDataProtectionOutcome', complaint())).toEqual(['DPC_ACKNOWLEDGED_FIRST']);
    expect(refusedBy('recordDataProtectionProgressUpdate', complaint())).toEqual(['DPC_ACKNOWLEDGED_FIRST']);
    expect(refusedBy('recordDataProtectionOutcome', complaint(acknowledged))).toEqual([]);
  });

  it('lets the complainant go to the ICO after the outcome or after undue delay, once', () => {
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(), '2026-07-30')).toEqual(['DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY']);
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(), '2026-07-31')).toEqual([]);
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(acknowledged), '2026-10-01')).toEqual(['DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY']);
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(acknowledged), '2026-10-02')).toEqual([]);
    // Judged on dates: the outcome sent 20 Jul opens it from that day, not before.
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(outcomeSent), '2026-07-19')).toEqual(['DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY']);
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(outcomeSent), '2026-07-20')).toEqual([]);
    // Acknowledged late (5 Aug): the days it was overdue (31 Jul to 4 Aug) stay open to a complaint to the ICO.
    const lateAck = { status: 'ACKNOWLEDGED' as const, acknowledgement: { acknowledgedOn: '2026-08-05', withinTime: false, recordedBy: 'ira' } };
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(lateAck), '2026-08-10')).toEqual([]);
    const onTheLastDay = { ...lateAck, acknowledgement: { ...lateAck.acknowledgement, acknowledgedOn: '2026-07-31' } };
    expect(refusedBy('recordDataProtectionIcoComplaint', complaint(onTheLastDay), '2026-08-10')).toEqual(['DPC_ICO_AFTER_OUTCOME_OR_UNDUE_DELAY']);
    const closedAfterIco = complaint({
      ...outcomeSent,
      status: 'CLOSED',
      icoComplaint: { icoReference: 'IC-1', complainedOn: '2026-07-25', basis: 'AFTER_OUTCOME', recordedBy: 'ira', outcome: null },
    });
    expect(refusedBy('recordDataProtectionIcoComplaint', closedAfterIco, '2026-07-25')).toEqual(['DPC_ICO_COMPLAINT_ONCE']);
  });

  it('closes a case with the ICO only once its outcome is recorded', () => {
    const withIco = complaint({
      ...outcomeSent,
      status: 'WITH_ICO',
      icoComplaint: { icoReference: 'IC-1', complainedOn: '2026-07-25', basis: 'AFTER_OUTCOME', recordedBy: 'ira', outcome: null },
    });
    expect(refusedBy('closeDataProtectionComplaint', withIco)).toEqual(['DPC_ICO_OUTCOME_BEFORE_CLOSING']);
    expect(refusedBy('withdrawDataProtectionComplaint', withIco)).toEqual(['WORKFLOW_STATE']);
  });

  it('keeps an unacknowledged complaint in the acknowledgement queue, keyed by its last day', () => {
    expect(dataProtectionQueueEntries(complaint())).toContainEqual({ queue: 'DPC#ACKNOWLEDGEMENT_DUE', sortKey: '2026-07-30' });
    expect(dataProtectionQueueEntries(complaint(acknowledged)).map((e) => e.queue)).not.toContain('DPC#ACKNOWLEDGEMENT_DUE');
    expect(dataProtectionQueueEntries(complaint({ status: 'WITHDRAWN' })).map((e) => e.queue)).toEqual(['DPC#STATUS#WITHDRAWN']);
  });
});

describe('DPC_DATE_IN_ORDER: the outcome is not dated before a progress update already sent', () => {
  const updated = complaint({ ...acknowledged, progressUpdates: [{ sentOn: '2026-11-12', method: 'EMAIL', summary: 'Still looking', recordedBy: 'ira' }] });
  const outcomeOn = (c: DataProtectionRecord, sentOn: string) => {
    const out = dataProtectionWorkflow.actions.recordDataProtectionOutcome.decide(c, { kind: 'UPHELD', summary: 'We were wrong', sentOn }, ctx('2026-11-20'));
    return out.ok ? null : out.userErrors[0]!;
  };
  it('refuses 11 Nov after an update sent 12 Nov, and takes 12 and 13 Nov', () => {
    expect(outcomeOn(updated, '2026-11-11')).toMatchObject({ rule: 'DPC_DATE_IN_ORDER', field: ['input', 'sentOn'], message: expect.stringMatching(/the last progress update \(2026-11-12\)/) });
    expect(outcomeOn(updated, '2026-11-12')).toBeNull();
    expect(outcomeOn(updated, '2026-11-13')).toBeNull();
  });
  it('with no update, still only not before the acknowledgement (5 Jul)', () => {
    expect(outcomeOn(complaint(acknowledged), '2026-07-04')).toMatchObject({ rule: 'DPC_DATE_IN_ORDER' });
    expect(outcomeOn(complaint(acknowledged), '2026-07-05')).toBeNull();
  });
  it('an update recorded after the outcome, dated after it, is fine (kept informed while the ICO looks at it)', () => {
    const withIco = complaint({ ...acknowledged, status: 'WITH_ICO', outcome: { kind: 'UPHELD', summary: 's', sentOn: '2026-11-11', recordedBy: 'ira' } });
    const out = dataProtectionWorkflow.actions.recordDataProtectionProgressUpdate.decide(withIco, { sentOn: '2026-11-12', method: 'EMAIL', summary: 'The ICO has asked us for the file' }, ctx('2026-11-20'));
    expect(out.ok).toBe(true);
  });
});

describe('trackCase prose for a data-protection complaint writes the date as letters do', () => {
  it('received 1 Jul: "acknowledge it by 30 July 2026", not an ISO date', () => {
    const view = dataProtectionPublicView(complaint());
    expect(view.statusDescription).toBe('We have your complaint about how we used your personal data. We will acknowledge it by 30 July 2026.');
    expect(view.statusDescription).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The machine-readable date stays ISO.
    expect(view.dueOn).toBe('2026-07-30');
  });
});

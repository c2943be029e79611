import { acknowledgedInTime, acknowledgementDueOn } from '../../src/dataProtection/clock.js';
import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { receiptCorrectionRules as rules } from '../../src/cases/receiptDate.js';
import { refusalsOf, type ActionContext } from '../../src/cases/workflow.js';
import { newDataProtectionComplaint, type DataProtectionRecord } from '../../src/dataProtection/model.js';
import { dataProtectionWorkflow } from '../../src/dataProtection/workflow.js';
import { newFoiRequest, type FoiRecord } from '../../src/foi/model.js';
import { foiWorkflow } from '../../src/foi/workflow.js';

/**
 * The correction of a mistyped day of receipt (src/cases/receiptDate.ts), rule by rule at its
 * boundaries: the day before, of and after each limit.
 */
const at = (today: string): ActionContext => ({ today, now: new Date(`${today}T10:00:00Z`), actor: { kind: 'STAFF', id: 'ira', name: 'ira' }, by: 'ira', calendar: ukCalendar });

/** Logged on Monday 2 March 2026 from a letter typed as received on 25 February. */
const logged = (over: Partial<FoiRecord> = {}): FoiRecord => ({
  ...newFoiRequest(
    { requester: { name: 'Pat', email: null, postalAddress: '1 High St' }, description: 'Drones', format: 'PAPER_COPY' },
    { reference: 'FOI-2026-000001', channel: 'POST', receivedAt: '2026-03-02T10:00:00.000Z', receivedOn: '2026-02-25', requesterKey: 'k' },
  ),
  ...over,
});
const spec = foiWorkflow.actions.correctFoiReceiptDate;
const correct = (r: FoiRecord, receivedOn: string, today = '2026-03-02', reason = 'Stamped on arrival') => spec.decide(r, spec.input(today).parse({ receivedOn, reason }), at(today));
const ruleOf = (outcome: { ok: true } | { ok: false; userErrors: Array<{ rule?: string | null }> }) => (outcome.ok ? 'ok' : outcome.userErrors[0]!.rule);

describe('correcting the day of receipt', () => {
  it('not in the future: today is allowed, tomorrow is not', () => {
    // (Its logging instant set later than today, so that this rule alone speaks.)
    const r = logged({ receivedAt: '2026-03-05T10:00:00.000Z' });
    expect(ruleOf(correct(r, '2026-03-02'))).toBe('ok');
    expect(ruleOf(correct(r, '2026-03-03'))).toBe(rules.notInFuture.code);
  });

  it('not after the day it was logged: the day before and of are allowed, the day after is not', () => {
    expect(ruleOf(correct(logged(), '2026-03-01', '2026-03-10'))).toBe('ok');
    expect(ruleOf(correct(logged(), '2026-03-02', '2026-03-10'))).toBe('ok');
    expect(ruleOf(correct(logged(), '2026-03-03', '2026-03-10'))).toBe(rules.notAfterLogging.code);
  });

  it('not after the first clock event: the day before and of are allowed, the day after is not', () => {
    const event = { event: { type: 'CLARIFICATION_REQUESTED' as const, on: '2026-02-27' }, recordedBy: { kind: 'STAFF' as const }, recordedAt: '', reason: null, holidaySet: '' };
    const r = logged({ clockEvents: [event] });
    expect(ruleOf(correct(r, '2026-02-26'))).toBe('ok');
    expect(ruleOf(correct(r, '2026-02-27'))).toBe('ok');
    expect(ruleOf(correct(r, '2026-02-28'))).toBe(rules.notAfterEvents.code);
  });

  it('changes the day, and says why', () => {
    expect(ruleOf(correct(logged(), '2026-02-25'))).toBe(rules.changed.code);
    const noReason = correct(logged(), '2026-02-24', '2026-03-02', '  ');
    expect(noReason.ok ? null : noReason.userErrors[0]).toMatchObject({ code: 'REQUIRED', rule: rules.reason.code, field: ['input', 'reason'] });
  });

  it('keeps each correction, and sets the new day', () => {
    const out = correct(logged(), '2026-02-24');
    expect(out.ok && out.value).toMatchObject({
      action: 'RECEIPT_DATE_CORRECTED',
      set: { receivedOn: '2026-02-24', receiptCorrections: [{ from: '2026-02-25', to: '2026-02-24', reason: 'Stamped on arrival', correctedBy: 'ira', correctedOn: '2026-03-02' }] },
    });
  });

  it('only for a day staff typed: a website request is refused by the table', () => {
    expect(refusalsOf(foiWorkflow, 'correctFoiReceiptDate', logged({ channel: 'WEB' }), at('2026-03-02'), 'FOI request')[0]?.rule).toBe('RECEIPT_DATE_TYPED_BY_STAFF');
    expect(refusalsOf(foiWorkflow, 'correctFoiReceiptDate', logged(), at('2026-03-02'), 'FOI request')).toEqual([]);
  });

  it('data-protection complaints: not before 19 June 2026 (the day of is allowed); the acknowledgement is judged again', () => {
    const dpcSpec = dataProtectionWorkflow.actions.correctDataProtectionComplaintReceiptDate;
    const c: DataProtectionRecord = {
      ...newDataProtectionComplaint(
        { complainant: { name: 'Lee', email: null, postalAddress: '2 Station Rd', preferredContact: 'POST' }, whatHappened: 'x', desiredOutcome: null, relatedReference: null, needs: { language: null, interpreterNeeded: false, accessibility: null } },
        { reference: 'DPC-2026-000001', receivedAt: '2026-07-31T10:00:00.000Z', receivedOn: '2026-07-05' },
        { channel: 'POST' },
      ),
      status: 'ACKNOWLEDGED',
      acknowledgement: { acknowledgedOn: '2026-07-31', recordedBy: 'ira' },
    };
    const decide = (on: string) => dpcSpec.decide(c, dpcSpec.input('2026-08-01').parse({ receivedOn: on, reason: 'Typo' }), at('2026-08-01'));
    expect(ruleOf(decide('2026-06-18'))).toBe(rules.notTooEarly.code);
    const onTheDay = decide('2026-06-19');
    expect(onTheDay.ok).toBe(true);
    // Received 1 July: due by 30 July, so 31 July is late, and the count moves off the acknowledgement's day.
    const late = decide('2026-07-01');
    // (The due day and "within time" are derived from the day of receipt: nothing stored moves.)
    expect([acknowledgementDueOn('2026-07-01'), acknowledgedInTime('2026-07-01', '2026-07-31')]).toEqual(['2026-07-30', false]);
    expect(late.ok && late.value).toMatchObject({
      set: { receivedOn: '2026-07-01' },
      stats: [{ day: '2026-07-31', add: { acknowledgedWithin30Days: -1 } }],
    });
    // Received 2 July: due by 31 July, so still in time, and nothing else moves.
    const inTime = decide('2026-07-02');
    expect(acknowledgementDueOn('2026-07-02')).toBe('2026-07-31');
    expect(inTime.ok && inTime.value).toMatchObject({ set: { receivedOn: '2026-07-02' }, stats: [] });
  });
});

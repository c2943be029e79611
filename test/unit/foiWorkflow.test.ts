import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { refusalsOf, type ActionContext } from '../../src/cases/workflow.js';
import type { UserErrorShape } from '../../src/errors.js';
import { foiCaseType } from '../../src/foi/caseType.js';
import { newFoiRequest, type FoiRecord } from '../../src/foi/model.js';
import { foiWorkflow, type FoiAction } from '../../src/foi/workflow.js';

/**
 * The FOI workflow's named rules, each at its boundary, through the table (refusalsOf) and, for
 * rules about an action's input, through the action's decision. Received Monday 2 March 2026: the
 * 20th FOIA working day is Tuesday 31 March (St Patrick's Day is not one), the 40th Thursday 30 April.
 */
const at = (today: string): ActionContext => ({
  today,
  now: new Date(`${today}T10:00:00Z`),
  actor: { kind: 'STAFF', id: 'fay', name: 'fay' },
  by: 'fay',
  calendar: ukCalendar,
});

const fresh = (): FoiRecord =>
  newFoiRequest(
    { requester: { name: 'Sam Asker', email: 'sam@example.com', postalAddress: null }, description: 'Speed cameras', format: 'ELECTRONIC_COPY' },
    { reference: 'FOI-2026-000001', channel: 'WEB', receivedAt: '2026-03-02T09:00:00.000Z', receivedOn: '2026-03-02', requesterKey: 'k' },
  );

const state = (r: FoiRecord, today: string) => foiWorkflow.stateOf(r, at(today));
const refusals = (action: FoiAction, r: FoiRecord, today: string) => refusalsOf(foiWorkflow, action, r, at(today), 'FOI request');
const ruleOf = (action: FoiAction, r: FoiRecord, today: string) => refusals(action, r, today)[0]?.rule ?? null;

/** What the runner does: the table's refusals, the decision on the parsed input, and a check of the destination. */
function run(action: FoiAction, r: FoiRecord, raw: Record<string, unknown>, today: string): { record: FoiRecord } | { refused: UserErrorShape } {
  const spec = foiWorkflow.actions[action];
  const refusal = refusals(action, r, today)[0];
  if (refusal) return { refused: { field: null, message: refusal.message, code: 'NOT_ALLOWED_IN_STATE', rule: refusal.rule } };
  const decision = spec.decide(r, spec.input(today).parse(raw), at(today));
  if (!decision.ok) return { refused: decision.userErrors[0]! };
  const after = { ...r, ...decision.value.set, version: r.version + 1 };
  const allowed: string[] = spec.to.length ? [...spec.to] : [state(r, today)];
  expect(allowed, `${action} led to ${state(after, today)}`).toContain(state(after, today));
  return { record: after };
}
const done = (action: FoiAction, r: FoiRecord, raw: Record<string, unknown>, today: string): FoiRecord => {
  const out = run(action, r, raw, today);
  if ('refused' in out) throw new Error(`${action} refused: ${out.refused.message}`);
  return out.record;
};
const refusedBy = (action: FoiAction, r: FoiRecord, raw: Record<string, unknown>, today: string) => {
  const out = run(action, r, raw, today);
  return 'refused' in out ? out.refused.rule ?? out.refused.code : null;
};

const responded = (r = fresh(), on = '2026-03-02') => done('respondToFoiRequest', r, { outcome: 'NOT_HELD', summary: 'Not held' }, on);
const feeAsked = () => done('issueFeesNotice', fresh(), { on: '2026-03-04', reason: '£25' }, '2026-03-04');
const underReview = () => done('requestFoiInternalReview', responded(), { on: '2026-03-09' }, '2026-03-09');

describe('the FOI workflow table', () => {
  it('names each action by its mutation, with rules that have codes, words and a citation', () => {
    for (const spec of Object.values(foiWorkflow.actions)) {
      for (const rule of [...spec.guards, ...(spec.inputRules ?? [])]) {
        expect(rule.code).toMatch(/^FOI_[A-Z0-9_]+$/);
        expect(rule.words.length).toBeGreaterThan(20);
        expect(rule.cites).toMatch(/^(RULES\.md §2|policy)/);
      }
    }
    expect(foiCaseType.workflow).toBe(foiWorkflow);
  });
});

describe('open or not', () => {
  it('FOI_REQUEST_OPEN: a request is allocated until it is closed or withdrawn', () => {
    const r = fresh();
    expect(ruleOf('allocateFoiRequest', r, '2026-03-03')).toBeNull();
    expect(ruleOf('allocateFoiRequest', responded(), '2026-03-03')).toBeNull();
    expect(ruleOf('allocateFoiRequest', done('withdrawFoiRequest', r, { reason: 'No longer needed' }, '2026-03-03'), '2026-03-03')).toBe('FOI_REQUEST_OPEN');
    expect(ruleOf('allocateFoiRequest', done('closeFoiRequest', responded(), { reason: 'Done' }, '2026-03-03'), '2026-03-03')).toBe('FOI_REQUEST_OPEN');
  });

  it('withdrawal is before a response, by the table', () => {
    expect(ruleOf('withdrawFoiRequest', fresh(), '2026-03-03')).toBeNull();
    expect(refusals('withdrawFoiRequest', responded(), '2026-03-03')[0]).toMatchObject({
      rule: 'WORKFLOW_STATE',
      message: 'Withdrawal is not possible while the FOI request is responded to.',
    });
  });
});

describe('answering while the clock is stopped', () => {
  it('FOI_CLARIFICATION_RECEIVED: not while clarification is awaited, and again once it arrives', () => {
    const asked = done('requestFoiClarification', fresh(), { on: '2026-03-05', reason: 'Which years?' }, '2026-03-05');
    expect(state(asked, '2026-03-05')).toBe('AWAITING_CLARIFICATION');
    expect(ruleOf('respondToFoiRequest', asked, '2026-03-05')).toBe('FOI_CLARIFICATION_RECEIVED');
    const answered = done('recordFoiClarification', asked, { on: '2026-03-13' }, '2026-03-13');
    expect(ruleOf('respondToFoiRequest', answered, '2026-03-13')).toBeNull();
  });

  it('FOI_FEE_PAID and FOI_NOT_LAPSED: the fee is awaited to the last day of three months (3 June), lapsed the day after', () => {
    const r = feeAsked();
    expect(ruleOf('respondToFoiRequest', r, '2026-06-02')).toBe('FOI_FEE_PAID');
    expect(ruleOf('respondToFoiRequest', r, '2026-06-03')).toBe('FOI_FEE_PAID');
    expect(ruleOf('respondToFoiRequest', r, '2026-06-04')).toBe('FOI_NOT_LAPSED');
    expect(ruleOf('respondToFoiRequest', done('recordFeeReceived', r, { on: '2026-03-10' }, '2026-03-10'), '2026-03-10')).toBeNull();
  });
});

describe('the public interest test extension', () => {
  const pit = (over: Record<string, unknown> = {}) => ({ exemptions: ['31'], estimatedDate: '2026-04-30', reason: 'Balancing', ...over });

  it('FOI_PUBLIC_INTEREST_EXTENDED_ONCE: one extension', () => {
    const extended = done('extendFoiForPublicInterest', fresh(), pit(), '2026-03-20');
    expect(state(extended, '2026-03-20')).toBe('PUBLIC_INTEREST_EXTENSION');
    expect(ruleOf('extendFoiForPublicInterest', fresh(), '2026-03-20')).toBeNull();
    expect(ruleOf('extendFoiForPublicInterest', extended, '2026-03-20')).toBe('FOI_PUBLIC_INTEREST_EXTENDED_ONCE');
  });

  it('FOI_PUBLIC_INTEREST_QUALIFIED_ONLY: an absolute exemption has no test to extend for', () => {
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ exemptions: ['40(2)'] }), '2026-03-20')).toBe('FOI_PUBLIC_INTEREST_QUALIFIED_ONLY');
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ exemptions: ['40'] }), '2026-03-20')).toBe('FOI_EXEMPTION_IN_LIST');
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ exemptions: ['31', '30'] }), '2026-03-20')).toBeNull();
  });

  it('FOI_CLOCK_NOT_ALLOWED_IN_STATE: the refusal notice by the 20th working day (31 March), to a date after it', () => {
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit(), '2026-03-30')).toBeNull();
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit(), '2026-03-31')).toBeNull();
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit(), '2026-04-01')).toBe('FOI_CLOCK_NOT_ALLOWED_IN_STATE');
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ estimatedDate: '2026-03-31' }), '2026-03-20')).toBe('FOI_CLOCK_NOT_ALLOWED_IN_STATE');
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ estimatedDate: '2026-04-01' }), '2026-03-20')).toBeNull();
  });

  it('FOI_CLOCK_OUT_OF_RANGE: to the 40th working day (30 April) at most', () => {
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ estimatedDate: '2026-04-29' }), '2026-03-20')).toBeNull();
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ estimatedDate: '2026-04-30' }), '2026-03-20')).toBeNull();
    expect(refusedBy('extendFoiForPublicInterest', fresh(), pit({ estimatedDate: '2026-05-01' }), '2026-03-20')).toBe('FOI_CLOCK_OUT_OF_RANGE');
  });

  it('FOI_CLOCK_REQUIRED: with the reason the test needs more time', () => {
    const spec = foiWorkflow.actions.extendFoiForPublicInterest;
    const out = spec.decide(fresh(), { on: '2026-03-20', estimatedDate: '2026-04-20', exemptions: ['31'], reason: '  ' }, at('2026-03-20'));
    expect(!out.ok && out.userErrors[0]).toMatchObject({ rule: 'FOI_CLOCK_REQUIRED', code: 'REQUIRED', field: ['input', 'reason'] });
  });
});

describe('the clock’s own rules, as input rules', () => {
  it('FOI_CLOCK_INVALID: events dated from receipt to today, keeping the clock’s own code', () => {
    const raw = (on: string) => ({ on, reason: 'Which years?' });
    expect(refusedBy('requestFoiClarification', fresh(), raw('2026-03-01'), '2026-03-05')).toBe('FOI_CLOCK_INVALID');
    expect(refusedBy('requestFoiClarification', fresh(), raw('2026-03-02'), '2026-03-05')).toBeNull();
    expect(refusedBy('requestFoiClarification', fresh(), raw('2026-03-05'), '2026-03-05')).toBeNull();
    const out = run('requestFoiClarification', fresh(), raw('2026-03-06'), '2026-03-05');
    expect('refused' in out && out.refused).toMatchObject({ rule: 'FOI_CLOCK_INVALID', code: 'INVALID', message: 'A clock event cannot be dated in the future.' });
  });

  it('FOI_CLOCK_NOT_ALLOWED_IN_STATE: a fees notice by the 20th working day (31 March)', () => {
    const raw = (on: string) => ({ on, reason: '£25' });
    expect(refusedBy('issueFeesNotice', fresh(), raw('2026-03-30'), '2026-04-02')).toBeNull();
    expect(refusedBy('issueFeesNotice', fresh(), raw('2026-03-31'), '2026-04-02')).toBeNull();
    expect(refusedBy('issueFeesNotice', fresh(), raw('2026-04-01'), '2026-04-02')).toBe('FOI_CLOCK_NOT_ALLOWED_IN_STATE');
  });

  it('FOI_CLOCK_NOT_ALLOWED_IN_STATE: a fee that arrived by 3 June is recorded even once the request has lapsed; one that arrived later is not', () => {
    const r = feeAsked();
    expect(state(r, '2026-06-10')).toBe('LAPSED');
    expect(refusedBy('recordFeeReceived', r, { on: '2026-06-02' }, '2026-06-10')).toBeNull();
    expect(refusedBy('recordFeeReceived', r, { on: '2026-06-03' }, '2026-06-10')).toBeNull();
    expect(refusedBy('recordFeeReceived', r, { on: '2026-06-04' }, '2026-06-10')).toBe('FOI_CLOCK_NOT_ALLOWED_IN_STATE');
  });

  it('the clock’s states are the table’s: no clarification while a fee is awaited', () => {
    expect(ruleOf('requestFoiClarification', feeAsked(), '2026-03-05')).toBe('WORKFLOW_STATE');
    expect(ruleOf('recordFoiClarification', fresh(), '2026-03-05')).toBe('WORKFLOW_STATE');
    expect(ruleOf('recordFeeReceived', fresh(), '2026-03-05')).toBe('WORKFLOW_STATE');
  });

  it('a fees notice recorded more than three months after it was given leads straight to lapsed', () => {
    const r = done('issueFeesNotice', fresh(), { on: '2026-03-04', reason: '£25' }, '2026-06-04');
    expect(state(r, '2026-06-04')).toBe('LAPSED');
  });
});

describe('the response', () => {
  const respond = (exemptions: unknown[]) => ({ outcome: 'REFUSED', summary: 'Refused', exemptions });

  it('FOI_QUALIFIED_EXEMPTION_TESTED: a qualified exemption needs a public interest test; an absolute one does not', () => {
    expect(refusedBy('respondToFoiRequest', fresh(), respond([{ section: '31', publicInterestTestApplied: false, neitherConfirmNorDeny: false }]), '2026-03-10')).toBe(
      'FOI_QUALIFIED_EXEMPTION_TESTED',
    );
    expect(refusedBy('respondToFoiRequest', fresh(), respond([{ section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false }]), '2026-03-10')).toBeNull();
    expect(refusedBy('respondToFoiRequest', fresh(), respond([{ section: '23', publicInterestTestApplied: false, neitherConfirmNorDeny: true }]), '2026-03-10')).toBeNull();
  });

  it('counts as within 20 working days to 31 March, not on 1 April', () => {
    const on31 = responded(fresh(), '2026-03-31');
    const on1 = responded(fresh(), '2026-04-01');
    expect([on31.response!.within20WorkingDays, on1.response!.within20WorkingDays]).toEqual([true, false]);
  });
});

describe('after the response', () => {
  it('FOI_PUBLISHED_AFTER_RESPONSE: published once responded to', () => {
    expect(ruleOf('publishToDisclosureLog', fresh(), '2026-03-03')).toBe('FOI_PUBLISHED_AFTER_RESPONSE');
    expect(ruleOf('publishToDisclosureLog', responded(), '2026-03-03')).toBeNull();
    expect(ruleOf('publishToDisclosureLog', done('closeFoiRequest', responded(), { reason: 'Done' }, '2026-03-03'), '2026-03-03')).toBeNull();
  });

  it('FOI_REVIEW_AFTER_RESPONSE: an internal review after a response, while the request is open', () => {
    expect(ruleOf('requestFoiInternalReview', fresh(), '2026-03-03')).toBe('FOI_REVIEW_AFTER_RESPONSE');
    expect(ruleOf('requestFoiInternalReview', responded(), '2026-03-03')).toBeNull();
    expect(ruleOf('requestFoiInternalReview', done('closeFoiRequest', responded(), { reason: 'Done' }, '2026-03-03'), '2026-03-03')).toBe('FOI_REVIEW_AFTER_RESPONSE');
  });

  it('FOI_ONE_INTERNAL_REVIEW: one review, under way or decided', () => {
    const r = underReview();
    expect(ruleOf('requestFoiInternalReview', r, '2026-03-10')).toBe('FOI_ONE_INTERNAL_REVIEW');
    const decided = done('recordFoiInternalReviewOutcome', r, { outcome: 'UPHELD', note: 'Fine' }, '2026-03-10');
    expect(state(decided, '2026-03-10')).toBe('RESPONDED');
    expect(ruleOf('requestFoiInternalReview', decided, '2026-03-10')).toBe('FOI_ONE_INTERNAL_REVIEW');
  });

  it('FOI_REVIEW_ASKED_IN_TIME: within 40 working days of the response (30 April for a response on 2 March)', () => {
    expect(refusedBy('requestFoiInternalReview', responded(), { on: '2026-04-29' }, '2026-05-01')).toBeNull();
    expect(refusedBy('requestFoiInternalReview', responded(), { on: '2026-04-30' }, '2026-05-01')).toBeNull();
    expect(refusedBy('requestFoiInternalReview', responded(), { on: '2026-05-01' }, '2026-05-01')).toBe('FOI_REVIEW_ASKED_IN_TIME');
  });

  it('FOI_REVIEW_UNDER_WAY: a review is extended or decided only while under way', () => {
    expect(ruleOf('extendFoiInternalReview', responded(), '2026-03-10')).toBe('FOI_REVIEW_UNDER_WAY');
    expect(ruleOf('recordFoiInternalReviewOutcome', responded(), '2026-03-10')).toBe('FOI_REVIEW_UNDER_WAY');
    const r = underReview();
    expect(ruleOf('extendFoiInternalReview', r, '2026-03-10')).toBeNull();
    expect(ruleOf('recordFoiInternalReviewOutcome', r, '2026-03-10')).toBeNull();
    const decided = done('recordFoiInternalReviewOutcome', r, { outcome: 'OVERTURNED', note: 'Found' }, '2026-03-10');
    expect(ruleOf('recordFoiInternalReviewOutcome', decided, '2026-03-10')).toBe('FOI_REVIEW_UNDER_WAY');
  });

  it('FOI_REVIEW_EXTENDED_ONCE: one extension', () => {
    const extended = done('extendFoiInternalReview', underReview(), { extendedTo: '2026-05-08', reason: 'Complex' }, '2026-03-20');
    expect(ruleOf('extendFoiInternalReview', extended, '2026-03-20')).toBe('FOI_REVIEW_EXTENDED_ONCE');
  });

  it('FOI_REVIEW_CLOCK_*: extended by the review’s due date (9 April), to a date after it and by 8 May', () => {
    const raw = (extendedTo: string) => ({ extendedTo, reason: 'Complex' });
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-05-08'), '2026-04-08')).toBeNull();
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-05-08'), '2026-04-09')).toBeNull();
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-05-08'), '2026-04-10')).toBe('FOI_REVIEW_CLOCK_NOT_ALLOWED_IN_STATE');
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-05-07'), '2026-03-20')).toBeNull();
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-05-11'), '2026-03-20')).toBe('FOI_REVIEW_CLOCK_OUT_OF_RANGE');
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-04-09'), '2026-03-20')).toBe('FOI_REVIEW_CLOCK_OUT_OF_RANGE');
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-04-10'), '2026-03-20')).toBeNull();
    expect(refusedBy('extendFoiInternalReview', underReview(), { extendedTo: '2026-04-20', reason: 'x' }, '2026-03-20')).toBeNull();
    const out = foiWorkflow.actions.extendFoiInternalReview.decide(underReview(), { extendedTo: '2026-04-20', reason: '  ' }, at('2026-03-20'));
    expect(!out.ok && out.userErrors[0]!.rule).toBe('FOI_REVIEW_CLOCK_REQUIRED');
  });

  it('FOI_ICO_AFTER_RESPONSE, FOI_ONE_ICO_COMPLAINT and FOI_ICO_COMPLAINT_UNDECIDED', () => {
    expect(ruleOf('recordIcoComplaint', fresh(), '2026-03-10')).toBe('FOI_ICO_AFTER_RESPONSE');
    expect(ruleOf('recordIcoDecision', responded(), '2026-03-10')).toBe('FOI_ICO_COMPLAINT_UNDECIDED');
    const complained = done('recordIcoComplaint', responded(), { icoReference: 'IC-1' }, '2026-03-10');
    expect(ruleOf('recordIcoComplaint', complained, '2026-03-10')).toBe('FOI_ONE_ICO_COMPLAINT');
    expect(ruleOf('recordIcoDecision', complained, '2026-03-10')).toBeNull();
    const decided = done('recordIcoDecision', complained, { decision: 'NOT_UPHELD', decisionNoticeReference: 'IC-1/DN' }, '2026-03-11');
    expect(ruleOf('recordIcoDecision', decided, '2026-03-11')).toBe('FOI_ICO_COMPLAINT_UNDECIDED');
  });
});

describe('closing', () => {
  it('FOI_CLOSED_WHEN_ANSWERED_OR_LAPSED: once responded to, or the day after the fee was due (3 June)', () => {
    expect(ruleOf('closeFoiRequest', fresh(), '2026-03-10')).toBe('FOI_CLOSED_WHEN_ANSWERED_OR_LAPSED');
    expect(ruleOf('closeFoiRequest', responded(), '2026-03-10')).toBeNull();
    expect(ruleOf('closeFoiRequest', feeAsked(), '2026-06-02')).toBe('FOI_CLOSED_WHEN_ANSWERED_OR_LAPSED');
    expect(ruleOf('closeFoiRequest', feeAsked(), '2026-06-03')).toBe('FOI_CLOSED_WHEN_ANSWERED_OR_LAPSED');
    expect(ruleOf('closeFoiRequest', feeAsked(), '2026-06-04')).toBeNull();
    expect(state(done('closeFoiRequest', feeAsked(), { reason: 'Lapsed' }, '2026-06-04'), '2026-06-04')).toBe('CLOSED');
  });

  it('FOI_REVIEW_DECIDED_BEFORE_CLOSING: not while an internal review is under way', () => {
    const r = underReview();
    expect(refusals('closeFoiRequest', r, '2026-03-10').map((x) => x.rule)).toEqual(['FOI_REVIEW_DECIDED_BEFORE_CLOSING']);
    expect(ruleOf('closeFoiRequest', done('recordFoiInternalReviewOutcome', r, { outcome: 'UPHELD', note: 'Fine' }, '2026-03-10'), '2026-03-10')).toBeNull();
  });

  it('the table refuses closing twice', () => {
    expect(ruleOf('closeFoiRequest', done('closeFoiRequest', responded(), { reason: 'Done' }, '2026-03-10'), '2026-03-10')).toBe('WORKFLOW_STATE');
  });
});

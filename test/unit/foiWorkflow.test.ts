import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { refusalsOf, type ActionContext } from '../../src/cases/workflow.js';
import type { UserErrorShape } from '../../src/errors.js';
import { foiCaseType } from '../../src/foi/caseType.js';
import { newFoiRequest, type FoiRecord } from '../../src/foi/model.js';
import { foiPublicView } from '../../src/foi/publicView.js';
import { foiWorkflow, type FoiAction } from '../../src/foi/workflow.js';
import { receiptCorrectionRules, receiptDateTyped } from '../../src/cases/receiptDate.js';
const sharedReceiptRules: object[] = [receiptDateTyped, ...Object.values(receiptCorrectionRules)];

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
      // The receipt-date correction's rules are shared by every case type staff log (src/cases/receiptDate.ts).
      for (const rule of [...spec.guards, ...(spec.inputRules ?? [])].filter((r) => !sharedReceiptRules.includes(r))) {
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
      message: 'Withdrawal is not possible while the FOI request is already answered.',
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

describe('issue 11: exemptions, s.12 and s.14', () => {
  const use = (section: string, ncnd = false, pit = false) => ({ section, publicInterestTestApplied: pit, neitherConfirmNorDeny: ncnd });
  const refusing = (exemptions: unknown[]) => ({ outcome: 'REFUSED', summary: 'Refused', exemptions });

  it('FOI_EXEMPTION_IN_LIST: s.40 by subsection', () => {
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('40')]), '2026-03-10')).toBe('FOI_EXEMPTION_IN_LIST');
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('99', false, true)]), '2026-03-10')).toBe('FOI_EXEMPTION_IN_LIST');
    for (const s of ['40(1)', '40(2)', '32', '44']) expect(refusedBy('respondToFoiRequest', fresh(), refusing([use(s)]), '2026-03-10'), s).toBeNull();
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('42', false, true), use('23/24', true, true)]), '2026-03-10')).toBeNull();
  });

  it('FOI_NCND_WHERE_PROVIDED: never s.21 nor 40(2); 40(5) only as NCND', () => {
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('21', true)]), '2026-03-10')).toBe('FOI_NCND_WHERE_PROVIDED');
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('21', false)]), '2026-03-10')).toBeNull();
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('40(2)', true)]), '2026-03-10')).toBe('FOI_NCND_WHERE_PROVIDED');
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('40(5)', false)]), '2026-03-10')).toBe('FOI_NCND_WHERE_PROVIDED');
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('40(5)', true)]), '2026-03-10')).toBeNull();
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([use('23', true)]), '2026-03-10')).toBeNull();
  });

  it('FOI_EXEMPTIONS_MATCH_OUTCOME: a refusal names exemptions; not held names none', () => {
    expect(refusedBy('respondToFoiRequest', fresh(), refusing([]), '2026-03-10')).toBe('FOI_EXEMPTIONS_MATCH_OUTCOME');
    expect(refusedBy('respondToFoiRequest', fresh(), { outcome: 'NOT_HELD', summary: 'x', exemptions: [use('21')] }, '2026-03-10')).toBe('FOI_EXEMPTIONS_MATCH_OUTCOME');
  });

  it('FOI_COST_LIMIT_RECORDED: an estimate over 18 hours (17.9 and 18 refused, 18.1 taken) and the s.16 advice', () => {
    const cost = (estimateHours: number) => ({ outcome: 'REFUSED_COST_LIMIT', summary: 'Over', costLimit: { estimateHours, adviceGiven: 'One year only' } });
    expect(refusedBy('respondToFoiRequest', fresh(), cost(17.9), '2026-03-10')).toBe('FOI_COST_LIMIT_RECORDED');
    expect(refusedBy('respondToFoiRequest', fresh(), cost(18), '2026-03-10')).toBe('FOI_COST_LIMIT_RECORDED');
    expect(refusedBy('respondToFoiRequest', fresh(), cost(18.1), '2026-03-10')).toBeNull();
    expect(refusedBy('respondToFoiRequest', fresh(), { outcome: 'REFUSED_COST_LIMIT', summary: 'Over' }, '2026-03-10')).toBe('FOI_COST_LIMIT_RECORDED');
    expect(refusedBy('respondToFoiRequest', fresh(), { ...cost(20), outcome: 'NOT_HELD' }, '2026-03-10')).toBe('FOI_COST_LIMIT_RECORDED');
  });

  it('FOI_VEXATIOUS_RECORDED: the s.17(6) position, on a s.14 refusal only', () => {
    expect(refusedBy('respondToFoiRequest', fresh(), { outcome: 'REFUSED_VEXATIOUS_OR_REPEATED', summary: 'x' }, '2026-03-10')).toBe('FOI_VEXATIOUS_RECORDED');
    expect(refusedBy('respondToFoiRequest', fresh(), { outcome: 'REFUSED_VEXATIOUS_OR_REPEATED', summary: 'x', vexatious: { section17_6Applies: false } }, '2026-03-10')).toBeNull();
  });
});

describe('issue 11: the disclosure log', () => {
  const requester = { name: 'Harriet Leak', email: 'hl@example.com', postalAddress: '4 Privet Drive', phone: null };
  const answered = () => responded({ ...fresh(), requester });

  it('FOI_DISCLOSURE_WITHOUT_REQUESTER: each field checked; text without the requester is published', () => {
    const text = (over: Record<string, string>) => ({ title: 'Taser', question: 'How many Taser discharges?', answer: 'Fourteen.', ...over });
    expect(refusedBy('publishToDisclosureLog', answered(), text({ title: 'For Ms Leak' }), '2026-03-03')).toBe('FOI_DISCLOSURE_WITHOUT_REQUESTER');
    expect(refusedBy('publishToDisclosureLog', answered(), text({ answer: 'Sent to HL@Example.com' }), '2026-03-03')).toBe('FOI_DISCLOSURE_WITHOUT_REQUESTER');
    expect(refusedBy('publishToDisclosureLog', answered(), text({ question: 'Burglaries near 4 privet drive?' }), '2026-03-03')).toBe('FOI_DISCLOSURE_WITHOUT_REQUESTER');
    expect(refusedBy('publishToDisclosureLog', answered(), text({ question: 'Was there a leak of data?' }), '2026-03-03')).toBeNull();
  });

  it('FOI_ON_DISCLOSURE_LOG: unpublished only while published; republished after', () => {
    const r = answered();
    expect(ruleOf('unpublishFromDisclosureLog', r, '2026-03-03')).toBe('FOI_ON_DISCLOSURE_LOG');
    const published = done('publishToDisclosureLog', r, { title: 'T', question: 'Q', answer: 'A' }, '2026-03-03');
    expect(ruleOf('unpublishFromDisclosureLog', published, '2026-03-03')).toBeNull();
    const off = done('unpublishFromDisclosureLog', published, { reason: 'Named the requester' }, '2026-03-04');
    expect(off).toMatchObject({ disclosure: null, unpublished: [{ on: '2026-03-04', by: 'fay', reason: 'Named the requester' }] });
    expect(ruleOf('unpublishFromDisclosureLog', off, '2026-03-04')).toBe('FOI_ON_DISCLOSURE_LOG');
    expect(done('publishToDisclosureLog', off, { title: 'T', question: 'Q', answer: 'A' }, '2026-03-05').disclosure).toMatchObject({ publishedOn: '2026-03-05' });
  });
});

describe('issue 11: FOI_DATED_IN_ORDER (the day before, of and after)', () => {
  it('a review extension: not before the review was asked for (9 March), not after today', () => {
    const raw = (on: string) => ({ on, extendedTo: '2026-05-08', reason: 'Complex' });
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-03-08'), '2026-03-20')).toBe('FOI_DATED_IN_ORDER');
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-03-09'), '2026-03-20')).toBeNull();
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-03-20'), '2026-03-20')).toBeNull();
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-03-21'), '2026-03-20')).toBe('FOI_DATED_IN_ORDER');
    // Sent on the review's due date (9 April), entered later: taken.
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-04-09'), '2026-04-20')).toBeNull();
    expect(refusedBy('extendFoiInternalReview', underReview(), raw('2026-04-10'), '2026-04-20')).toBe('FOI_REVIEW_CLOCK_NOT_ALLOWED_IN_STATE');
  });

  it('a review outcome: not before the review (or its extension), not after today; counted within 20 working days to 9 April', () => {
    const raw = (decidedOn: string) => ({ outcome: 'UPHELD', note: 'Fine', decidedOn });
    expect(refusedBy('recordFoiInternalReviewOutcome', underReview(), raw('2026-03-08'), '2026-04-20')).toBe('FOI_DATED_IN_ORDER');
    expect(refusedBy('recordFoiInternalReviewOutcome', underReview(), raw('2026-03-09'), '2026-04-20')).toBeNull();
    expect(refusedBy('recordFoiInternalReviewOutcome', underReview(), raw('2026-04-21'), '2026-04-20')).toBe('FOI_DATED_IN_ORDER');
    const extended = done('extendFoiInternalReview', underReview(), { on: '2026-03-20', extendedTo: '2026-05-08', reason: 'Complex' }, '2026-03-20');
    expect(refusedBy('recordFoiInternalReviewOutcome', extended, raw('2026-03-19'), '2026-04-20')).toBe('FOI_DATED_IN_ORDER');
    expect(refusedBy('recordFoiInternalReviewOutcome', extended, raw('2026-03-20'), '2026-04-20')).toBeNull();
    const stats = (decidedOn: string) => {
      const decision = foiWorkflow.actions.recordFoiInternalReviewOutcome.decide(underReview(), raw(decidedOn), at('2026-04-20'));
      return decision.ok ? decision.value.stats[0]!.add : null;
    };
    expect(stats('2026-04-09')).toEqual({ review_UPHELD: 1, reviewsDecided: 1, reviewsDecidedWithin20WorkingDays: 1 });
    expect(stats('2026-04-10')).toEqual({ review_UPHELD: 1, reviewsDecided: 1 });
  });

  it('an ICO complaint follows the internal review: not before its decision (19, 20, 21 Mar), and, undecided, not before the day after it was due (due 9 Apr)', () => {
    const decided = done('recordFoiInternalReviewOutcome', underReview(), { outcome: 'UPHELD', note: 'Upheld', decidedOn: '2026-03-20' }, '2026-03-20');
    const complain = (r: FoiRecord, receivedOn: string, today: string) => run('recordIcoComplaint', r, { icoReference: 'IC-1', receivedOn }, today);
    const refusal = complain(decided, '2026-03-19', '2026-03-25');
    expect(refusal).toMatchObject({ refused: { rule: 'FOI_DATED_IN_ORDER', field: ['input', 'receivedOn'] } });
    expect('refused' in refusal && refusal.refused.message).toMatch(/the internal review was decided/);
    expect(refusedBy('recordIcoComplaint', decided, { icoReference: 'IC-1', receivedOn: '2026-03-20' }, '2026-03-25')).toBeNull();
    expect(refusedBy('recordIcoComplaint', decided, { icoReference: 'IC-1', receivedOn: '2026-03-21' }, '2026-03-25')).toBeNull();
    // Undecided: the ICO takes a complaint that the review is overdue, from the day after it was due.
    expect(refusedBy('recordIcoComplaint', underReview(), { icoReference: 'IC-1', receivedOn: '2026-04-08' }, '2026-04-20')).toBe('FOI_DATED_IN_ORDER');
    expect(refusedBy('recordIcoComplaint', underReview(), { icoReference: 'IC-1', receivedOn: '2026-04-09' }, '2026-04-20')).toBe('FOI_DATED_IN_ORDER');
    expect(refusedBy('recordIcoComplaint', underReview(), { icoReference: 'IC-1', receivedOn: '2026-04-10' }, '2026-04-20')).toBeNull();
    // No review asked for: the response is what it follows, as before.
    expect(refusedBy('recordIcoComplaint', responded(fresh(), '2026-03-05'), { icoReference: 'IC-1', receivedOn: '2026-03-06' }, '2026-03-10')).toBeNull();
  });

  it('an ICO complaint not before the response; its decision not before the complaint', () => {
    expect(refusedBy('recordIcoComplaint', responded(fresh(), '2026-03-05'), { icoReference: 'IC-1', receivedOn: '2026-03-04' }, '2026-03-10')).toBe('FOI_DATED_IN_ORDER');
    expect(refusedBy('recordIcoComplaint', responded(fresh(), '2026-03-05'), { icoReference: 'IC-1', receivedOn: '2026-03-05' }, '2026-03-10')).toBeNull();
    const complained = done('recordIcoComplaint', responded(), { icoReference: 'IC-1', receivedOn: '2026-03-10' }, '2026-03-10');
    const decide = (decidedOn: string, today: string) => refusedBy('recordIcoDecision', complained, { decision: 'UPHELD', decisionNoticeReference: 'DN', decidedOn }, today);
    expect(decide('2026-03-09', '2026-06-01')).toBe('FOI_DATED_IN_ORDER');
    expect(decide('2026-03-10', '2026-06-01')).toBeNull();
    expect(decide('2026-06-01', '2026-06-01')).toBeNull();
    expect(decide('2026-06-02', '2026-06-01')).toBe('FOI_DATED_IN_ORDER');
  });
});

describe('issue 11: a late clarification through the table', () => {
  it('asked on working day 21 (1 April): awaiting clarification, still due 31 March; answered, the response is late', () => {
    const onDay = (on: string) => done('requestFoiClarification', fresh(), { on, reason: 'Which roads?' }, on);
    expect(state(onDay('2026-03-31'), '2026-03-31')).toBe('AWAITING_CLARIFICATION');
    const late = onDay('2026-04-01');
    expect(state(late, '2026-04-01')).toBe('AWAITING_CLARIFICATION');
    expect(ruleOf('respondToFoiRequest', late, '2026-04-01')).toBe('FOI_CLARIFICATION_RECEIVED');
    const answered = done('recordFoiClarification', late, { on: '2026-04-02' }, '2026-04-02');
    const r = responded(answered, '2026-04-08');
    expect(r.response).toMatchObject({ withinDeadline: false, within20WorkingDays: false });
    expect(responded(done('recordFoiClarification', onDay('2026-03-31'), { on: '2026-04-02' }, '2026-04-02'), '2026-04-08').response).toMatchObject({
      withinDeadline: true,
      within20WorkingDays: true,
    });
  });
});

describe('trackCase prose for an FOI request awaiting a fee writes the date as letters do', () => {
  it('a fees notice of 4 Mar: the fee is due by 3 June 2026 (the last day of the 3 months), written long', () => {
    const view = foiPublicView(ukCalendar, feeAsked(), '2026-03-10');
    expect(view.statusDescription).toContain('until the fee arrives (by 3 June 2026).');
    expect(view.statusDescription).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

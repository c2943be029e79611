import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { refusalsOf, type ActionContext } from '../../src/cases/workflow.js';
import { recordClockEvent } from '../../src/clocks/clockEvents.js';
import type { SarClockEvent } from '../../src/clocks/sarClock.js';
import { newSubjectAccessRequest, type SarRecord } from '../../src/subjectAccess/model.js';
import { respond } from '../../src/subjectAccess/actions.js';
import { summariseSarStatistics } from '../../src/subjectAccess/statistics.js';
import { statusOf } from '../../src/subjectAccess/status.js';
import { subjectAccessWorkflow, type SarAction } from '../../src/subjectAccess/workflow.js';
import { receiptCorrectionRules, receiptDateTyped } from '../../src/cases/receiptDate.js';
const sharedReceiptRules: object[] = [receiptDateTyped, ...Object.values(receiptCorrectionRules)];

/**
 * Each named rule of the subject access workflow at its boundary: the guards through refusalsOf
 * (what the runner and availableActions see), the input rules through the action's own decide,
 * with the input as its schema gives it. Received Monday 2 March 2026: the first month ends on
 * Thursday 2 April.
 */
const at = (today: string): ActionContext => ({
  today,
  now: new Date(`${today}T12:00:00Z`),
  actor: { kind: 'STAFF', id: 'ira', name: 'ira' },
  by: 'ira',
  calendar: ukCalendar,
});
const ctx = at('2026-03-10');

const event = (e: SarClockEvent) => recordClockEvent(e, { actor: ctx.actor, at: ctx.now, reason: null, rule: 'ENGLAND_AND_WALES', calendar: ukCalendar });

const sar = (over: Partial<SarRecord> = {}): SarRecord => ({
  ...newSubjectAccessRequest(
    {
      requester: { name: 'A', previousNames: [], dateOfBirth: '1980-05-01', address: 'x', email: null, phone: null },
      agent: null,
      scope: { description: 'My records', dateFrom: null, dateTo: null, knownReferences: [] },
      format: 'ELECTRONIC',
      needs: { language: null, interpreterNeeded: false, accessibility: null },
    },
    { reference: 'SAR-2026-000001', channel: 'WEB', receivedAt: '2026-03-02T10:00:00.000Z', receivedOn: '2026-03-02', identityVerified: false },
  ),
  ...over,
});

const awaitingIdentity = () => sar({ clockEvents: [event({ type: 'IDENTITY_REQUESTED', on: '2026-03-03' })] });
const paused = () => sar({ clockEvents: [event({ type: 'CLARIFICATION_REQUESTED', on: '2026-03-05' })] });
const search = { systemsSearched: ['Niche RMS'], dataFound: 'Two logs', recordedOn: '2026-03-09' };
const response = { outcome: 'NOTHING_HELD' as const, reasons: null, respondedOn: '2026-03-09', withinDeadline: true };
const responded = () => sar({ regime: 'UK_GDPR', search, response });
const closed = () => sar({ regime: 'UK_GDPR', search, response, closure: { kind: 'CLOSED', reason: 'Done', on: '2026-03-10', by: 'ira' } });
const withdrawn = () => sar({ closure: { kind: 'WITHDRAWN', reason: 'Asked', on: '2026-03-10', by: 'ira' } });

const rulesRefusing = (action: SarAction, record: SarRecord, when = ctx) =>
  refusalsOf(subjectAccessWorkflow, action, record, when, 'subject access request').map((r) => r.rule);

/** Runs an action as the runner would: the table's refusals, then the decision on the parsed input. */
function attempt(action: SarAction, record: SarRecord, input: Record<string, unknown>, when = ctx) {
  const [refusal] = refusalsOf(subjectAccessWorkflow, action, record, when, 'subject access request');
  if (refusal) return { ok: false as const, rule: refusal.rule, code: 'NOT_ALLOWED_IN_STATE', message: refusal.message };
  const spec = subjectAccessWorkflow.actions[action];
  const out = spec.decide(record, spec.input(when.today).parse(input) as never, when);
  if (!out.ok) return { ok: false as const, rule: out.userErrors[0]!.rule ?? null, code: out.userErrors[0]!.code, message: out.userErrors[0]!.message };
  const after = { ...record, ...out.value.set };
  // The runner refuses to write a decision that leads where the table does not say.
  const to = spec.to.length ? spec.to : [statusOf(ukCalendar, record)];
  expect(to).toContain(statusOf(ukCalendar, after));
  return { ok: true as const, after };
}
const ruleOf = (out: ReturnType<typeof attempt>) => (out.ok ? 'ALLOWED' : out.rule);

const everyAction = Object.keys(subjectAccessWorkflow.actions) as SarAction[];

describe('the states each action is taken from', () => {
  const anyState: SarAction[] = ['closeSubjectAccessRequest', 'recordSarIcoComplaint', 'recordSarIcoOutcome'];
  const openOnly = everyAction.filter((a) => !anyState.includes(a));
  it.each(openOnly)('refuses %s once the request is responded to, closed or withdrawn', (action) => {
    for (const record of [responded(), closed(), withdrawn()]) expect(rulesRefusing(action, record)[0]).toBe('WORKFLOW_STATE');
  });

  it('says where the request has got to', () => {
    const [refusal] = refusalsOf(subjectAccessWorkflow, 'withdrawSubjectAccessRequest', responded(), ctx, 'subject access request');
    expect(refusal).toMatchObject({ rule: 'WORKFLOW_STATE', message: 'Withdrawal is not possible while the subject access request is already answered.' });
    // Responding again said "Responding is not possible while the subject access request is responded to."
    expect(refusalsOf(subjectAccessWorkflow, 'respondToSubjectAccessRequest', responded(), ctx, 'subject access request')[0]!.message).toBe(
      'Recording a response is not possible while the subject access request is already answered.',
    );
    expect(refusalsOf(subjectAccessWorkflow, 'allocateSubjectAccessRequest', withdrawn(), ctx, 'subject access request')[0]!.message).toMatch(/is withdrawn/);
  });

  it('closes only a request that has been responded to', () => {
    expect(rulesRefusing('closeSubjectAccessRequest', responded())).toEqual([]);
    for (const record of [sar(), awaitingIdentity(), paused(), closed(), withdrawn()]) {
      expect(rulesRefusing('closeSubjectAccessRequest', record)).toEqual(['WORKFLOW_STATE']);
    }
  });

  it('records proof of identity only while it is awaited, and clarification only while asked for', () => {
    expect(rulesRefusing('recordProofOfIdentity', sar())).toEqual(['WORKFLOW_STATE']);
    expect(rulesRefusing('recordProofOfIdentity', awaitingIdentity())).toEqual([]);
    expect(rulesRefusing('recordSarClarification', sar())).toEqual(['WORKFLOW_STATE']);
    expect(rulesRefusing('recordSarClarification', paused())).toEqual([]);
  });
});

describe('SAR_IDENTITY_NOT_YET_VERIFIED', () => {
  it('allows asking for proof of identity only while identity is unverified', () => {
    expect(rulesRefusing('requestProofOfIdentity', sar({ identityVerified: false }))).toEqual([]);
    expect(rulesRefusing('requestProofOfIdentity', sar({ identityVerified: true }))).toEqual(['SAR_IDENTITY_NOT_YET_VERIFIED']);
  });
});

describe('responding, and SAR_REGIME_DECIDED', () => {
  it('allow a response only while the clock runs and once the regime is decided', () => {
    expect(rulesRefusing('respondToSubjectAccessRequest', sar({ regime: 'UK_GDPR' }))).toEqual([]);
    expect(rulesRefusing('respondToSubjectAccessRequest', sar())).toEqual(['SAR_REGIME_DECIDED']);
    expect(rulesRefusing('respondToSubjectAccessRequest', awaitingIdentity())).toEqual(['WORKFLOW_STATE']);
    expect(rulesRefusing('respondToSubjectAccessRequest', { ...paused(), regime: 'DPA_2018_PART_3' })).toEqual(['WORKFLOW_STATE']);
  });

  it('let the response follow once the awaited proof or clarification arrives', () => {
    const identity = awaitingIdentity();
    const proved = sar({ regime: 'UK_GDPR', clockEvents: [...identity.clockEvents, event({ type: 'IDENTITY_RECEIVED', on: '2026-03-09' })] });
    expect(rulesRefusing('respondToSubjectAccessRequest', proved)).toEqual([]);
    const answered = sar({ regime: 'UK_GDPR', clockEvents: [...paused().clockEvents, event({ type: 'CLARIFICATION_RECEIVED', on: '2026-03-09' })] });
    expect(rulesRefusing('respondToSubjectAccessRequest', answered)).toEqual([]);
  });

  it('say which is awaited', () => {
    const msg = (r: SarRecord) => refusalsOf(subjectAccessWorkflow, 'respondToSubjectAccessRequest', r, ctx, 'subject access request')[0]!.message;
    expect(msg(awaitingIdentity())).toBe('Recording a response is not possible while the subject access request is waiting for proof of identity.');
    expect(msg(paused())).toBe('Recording a response is not possible while the subject access request is waiting for clarification.');
  });
});

describe('SAR_SEARCH_BEFORE_DISCLOSURE', () => {
  it.each(['DISCLOSED_IN_FULL', 'NOTHING_HELD'])('refuses %s until the search is recorded', (outcome) => {
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ regime: 'UK_GDPR' }), { outcome }))).toBe('SAR_SEARCH_BEFORE_DISCLOSURE');
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ regime: 'UK_GDPR', search }), { outcome }))).toBe('ALLOWED');
  });

  it('does not hold up a refusal of the request', () => {
    const out = attempt('respondToSubjectAccessRequest', sar({ regime: 'UK_GDPR' }), { outcome: 'REFUSED_EXCESSIVE', reasons: 'Repeated requests' });
    expect(ruleOf(out)).toBe('ALLOWED');
  });
});

describe('SAR_PARTIAL_DISCLOSURE_GROUNDS', () => {
  const partial = { outcome: 'DISCLOSED_IN_PART', reasons: 'Some withheld' };
  const part3 = { regime: 'DPA_2018_PART_3' as const, search };
  it('refuses a partial disclosure with neither restrictions nor redactions recorded', () => {
    expect(attempt('respondToSubjectAccessRequest', sar(part3), partial)).toMatchObject({ rule: 'SAR_PARTIAL_DISCLOSURE_GROUNDS', code: 'NOT_ALLOWED_IN_STATE' });
  });
  it('allows it with a restriction, or with a redaction', () => {
    const restriction = { ground: 'AVOID_PREJUDICING_OFFENCES' as const, reason: 'Live investigation' };
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ ...part3, restrictions: [restriction] }), partial))).toBe('ALLOWED');
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ ...part3, redactions: [{ description: 'Names', reason: 'Others' }] }), partial))).toBe('ALLOWED');
  });
});

describe('SAR_RESTRICTIONS_UNDER_PART_3', () => {
  const restrictions = [{ ground: 'PUBLIC_SECURITY', reason: 'Necessary and proportionate' }];
  const redactions = [{ description: 'Names of witnesses', reason: 'Rights of others' }];
  it('allows s.45(4) restrictions only under DPA 2018 Part 3', () => {
    expect(ruleOf(attempt('recordSarRestrictions', sar({ regime: 'DPA_2018_PART_3' }), { restrictions, redactions }))).toBe('ALLOWED');
    expect(ruleOf(attempt('recordSarRestrictions', sar({ regime: 'UK_GDPR' }), { restrictions, redactions }))).toBe('SAR_RESTRICTIONS_UNDER_PART_3');
    expect(ruleOf(attempt('recordSarRestrictions', sar({ regime: null }), { restrictions, redactions }))).toBe('SAR_RESTRICTIONS_UNDER_PART_3');
  });
  it('allows redactions alone under either regime', () => {
    expect(ruleOf(attempt('recordSarRestrictions', sar({ regime: 'UK_GDPR' }), { restrictions: [], redactions }))).toBe('ALLOWED');
  });
  it('keeps the regime Part 3 while restrictions are recorded', () => {
    const restricted = sar({ regime: 'DPA_2018_PART_3', restrictions: [{ ground: 'PUBLIC_SECURITY', reason: 'x' }] });
    expect(ruleOf(attempt('decideSarRegime', restricted, { regime: 'UK_GDPR' }))).toBe('SAR_RESTRICTIONS_UNDER_PART_3');
    expect(ruleOf(attempt('decideSarRegime', restricted, { regime: 'DPA_2018_PART_3' }))).toBe('ALLOWED');
    expect(ruleOf(attempt('decideSarRegime', sar({ regime: 'DPA_2018_PART_3' }), { regime: 'UK_GDPR' }))).toBe('ALLOWED');
  });
});

describe('SAR_CLOCK_EVENT_DATE', () => {
  const ask = (on: string, record = sar()) => attempt('requestSarClarification', record, { on, reason: 'Which address?' });
  it('allows events from the day of receipt to today', () => {
    expect(ruleOf(ask('2026-03-01'))).toBe('SAR_CLOCK_EVENT_DATE');
    expect(ruleOf(ask('2026-03-02'))).toBe('ALLOWED');
    expect(ruleOf(ask('2026-03-10'))).toBe('ALLOWED');
    expect(ask('2026-03-11')).toMatchObject({ rule: 'SAR_CLOCK_EVENT_DATE', code: 'INVALID' });
  });
  it('allows no event dated before the clock’s last event', () => {
    const answer = (on: string) => attempt('recordSarClarification', paused(), { on });
    expect(ruleOf(answer('2026-03-04'))).toBe('SAR_CLOCK_EVENT_DATE');
    expect(ruleOf(answer('2026-03-05'))).toBe('ALLOWED');
  });
});

describe('SAR_CLOCK_IDENTITY_REQUEST and SAR_CLOCK_IDENTITY_RECEIPT', () => {
  it('ask for proof of identity only before anything else happens on the clock', () => {
    expect(ruleOf(attempt('requestProofOfIdentity', sar(), { reason: 'Photo ID' }))).toBe('ALLOWED');
    expect(ruleOf(attempt('requestProofOfIdentity', paused(), { reason: 'Photo ID' }))).toBe('WORKFLOW_STATE');
  });
  it('record proof of identity once, only after asking for it; it verifies the requester', () => {
    expect(ruleOf(attempt('recordProofOfIdentity', sar(), {}))).toBe('WORKFLOW_STATE');
    const out = attempt('recordProofOfIdentity', awaitingIdentity(), {});
    expect(out.ok && out.after.identityVerified).toBe(true);
    expect(ruleOf(attempt('recordProofOfIdentity', out.ok ? out.after : sar(), {}))).toBe('WORKFLOW_STATE');
  });
});

describe('SAR_CLOCK_CLARIFICATION_REQUEST and SAR_CLOCK_CLARIFICATION_RECEIPT', () => {
  it('pause only a running clock', () => {
    expect(ruleOf(attempt('requestSarClarification', sar(), { reason: 'Which address?' }))).toBe('ALLOWED');
    expect(ruleOf(attempt('requestSarClarification', paused(), { reason: 'Which address?' }))).toBe('WORKFLOW_STATE');
    expect(ruleOf(attempt('requestSarClarification', awaitingIdentity(), { reason: 'Which address?' }))).toBe('WORKFLOW_STATE');
  });
  it('restart only a paused clock', () => {
    expect(ruleOf(attempt('recordSarClarification', paused(), {}))).toBe('ALLOWED');
    expect(ruleOf(attempt('recordSarClarification', sar(), {}))).toBe('WORKFLOW_STATE');
  });
});

describe('SAR_CLOCK_EXTENSION', () => {
  const extend = (today: string, months = 1, record = sar()) => attempt('extendSubjectAccessRequest', record, { months, reason: 'Three systems' }, at(today));
  it('allows an extension up to the day the first month ends (Thursday 2 April), not the day after', () => {
    expect(ruleOf(extend('2026-04-01'))).toBe('ALLOWED');
    expect(ruleOf(extend('2026-04-02'))).toBe('ALLOWED');
    expect(extend('2026-04-03')).toMatchObject({ rule: 'SAR_CLOCK_EXTENSION', code: 'NOT_ALLOWED_IN_STATE', message: expect.stringMatching(/\(2026-04-02\)/) });
  });
  it('allows two further months in all', () => {
    expect(ruleOf(extend('2026-03-20', 2))).toBe('ALLOWED');
    expect(extend('2026-03-20', 3)).toMatchObject({ rule: 'SAR_CLOCK_EXTENSION', code: 'OUT_OF_RANGE' });
    const once = extend('2026-03-20', 1);
    const after = once.ok ? once.after : sar();
    expect(ruleOf(extend('2026-03-21', 1, after))).toBe('ALLOWED');
    expect(extend('2026-03-21', 2, after)).toMatchObject({ rule: 'SAR_CLOCK_EXTENSION', message: expect.stringMatching(/1 already used/) });
  });
  it('is refused while the clock is not running', () => {
    expect(ruleOf(attempt('extendSubjectAccessRequest', paused(), { months: 1, reason: 'x' }))).toBe('WORKFLOW_STATE');
  });
});

describe('SAR_FULL_DISCLOSURE_UNRESTRICTED (finding 10)', () => {
  const part3 = { regime: 'DPA_2018_PART_3' as const, search };
  const restriction = { ground: 'AVOID_PREJUDICING_OFFENCES' as const, reason: 'Live investigation' };
  const redaction = { description: 'Names', reason: 'Others' };
  it('refuses "disclosed in full" while a restriction or a redaction is recorded', () => {
    expect(attempt('respondToSubjectAccessRequest', sar({ ...part3, restrictions: [restriction] }), { outcome: 'DISCLOSED_IN_FULL' })).toMatchObject({
      rule: 'SAR_FULL_DISCLOSURE_UNRESTRICTED',
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringMatching(/1 restriction\(s\) and 0 redaction\(s\)/),
    });
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ ...part3, redactions: [redaction] }), { outcome: 'DISCLOSED_IN_FULL' }))).toBe('SAR_FULL_DISCLOSURE_UNRESTRICTED');
  });
  it('allows it with nothing withheld, and a partial disclosure with the same record', () => {
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar(part3), { outcome: 'DISCLOSED_IN_FULL' }))).toBe('ALLOWED');
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ ...part3, restrictions: [restriction] }), { outcome: 'DISCLOSED_IN_PART', reasons: 'Some withheld' }))).toBe('ALLOWED');
  });
});

describe('SAR_WHOLE_RESTRICTION_GROUNDS: access wholly restricted under s.45(4) (RULES.md §3: "restricted, wholly or partly")', () => {
  const restriction = { ground: 'AVOID_OBSTRUCTING_INQUIRY' as const, reason: 'An inquiry into the incident is under way' };
  const whole = { outcome: 'RESTRICTED_IN_FULL', reasons: 'Disclosing now would obstruct the inquiry.' };
  it('allows a Part 3 request with its restrictions recorded, and counts it as its own outcome', () => {
    const record = sar({ regime: 'DPA_2018_PART_3', search, restrictions: [restriction] });
    expect(ruleOf(attempt('respondToSubjectAccessRequest', record, whole))).toBe('ALLOWED');
    const decided = respond(record, { outcome: 'RESTRICTED_IN_FULL', reasons: whole.reasons, respondedOn: '2026-03-10' }, ctx);
    if (!decided.ok) throw new Error('refused');
    const counts = decided.value.stats[0]!.add as Record<string, number>;
    expect(counts).toMatchObject({ completed: 1, outcome_RESTRICTED_IN_FULL: 1 });
    expect(summariseSarStatistics(counts, '2026-03-01', '2026-03-31').outcomes).toEqual([{ code: 'RESTRICTED_IN_FULL', name: 'Access wholly restricted (DPA 2018 s.45(4))', count: 1 }]);
  });
  it('refuses it with no restriction recorded, for a UK GDPR request, or with redactions recorded (that is a partial disclosure)', () => {
    expect(attempt('respondToSubjectAccessRequest', sar({ regime: 'DPA_2018_PART_3', search }), whole)).toMatchObject({ rule: 'SAR_WHOLE_RESTRICTION_GROUNDS', code: 'NOT_ALLOWED_IN_STATE', message: expect.stringMatching(/Record the restrictions first/) });
    expect(attempt('respondToSubjectAccessRequest', sar({ regime: 'UK_GDPR', search }), whole)).toMatchObject({ rule: 'SAR_WHOLE_RESTRICTION_GROUNDS', message: expect.stringMatching(/DPA 2018 Part 3 first/) });
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ regime: 'DPA_2018_PART_3', search, restrictions: [restriction], redactions: [{ description: 'Names', reason: 'Others' }] }), whole))).toBe('SAR_WHOLE_RESTRICTION_GROUNDS');
  });
  it('needs the search first and the reasons given to the requester', () => {
    expect(ruleOf(attempt('respondToSubjectAccessRequest', sar({ regime: 'DPA_2018_PART_3', restrictions: [restriction] }), whole))).toBe('SAR_SEARCH_BEFORE_DISCLOSURE');
    expect(attempt('respondToSubjectAccessRequest', sar({ regime: 'DPA_2018_PART_3', search, restrictions: [restriction] }), { outcome: 'RESTRICTED_IN_FULL' })).toMatchObject({ code: 'REQUIRED' });
  });
});

describe('SAR_DATE_IN_ORDER (finding 9): each step takes the day it happened', () => {
  const base = sar({ regime: 'UK_GDPR', search });
  it('dates the search: not before receipt (2 Mar), not after today (10 Mar)', () => {
    const searchOn = (searchedOn: string) => attempt('recordSarSearch', sar(), { systemsSearched: ['Niche'], dataFound: 'x', searchedOn });
    expect(ruleOf(searchOn('2026-03-01'))).toBe('SAR_DATE_IN_ORDER');
    const out = searchOn('2026-03-02');
    expect(out.ok && out.after.search).toMatchObject({ recordedOn: '2026-03-02' });
    expect(ruleOf(searchOn('2026-03-10'))).toBe('ALLOWED');
    expect(searchOn('2026-03-11')).toMatchObject({ rule: 'SAR_DATE_IN_ORDER', code: 'INVALID', message: 'The date cannot be in the future.' });
  });
  it('dates the response: not before the search (9 Mar), nor after today', () => {
    const respond = (respondedOn: string) => attempt('respondToSubjectAccessRequest', base, { outcome: 'NOTHING_HELD', respondedOn });
    expect(respond('2026-03-08')).toMatchObject({ rule: 'SAR_DATE_IN_ORDER', message: 'The date cannot be before the search (2026-03-09).' });
    expect(ruleOf(respond('2026-03-09'))).toBe('ALLOWED');
    expect(ruleOf(respond('2026-03-10'))).toBe('ALLOWED');
    expect(ruleOf(respond('2026-03-11'))).toBe('SAR_DATE_IN_ORDER');
  });
  it('dates the response not before the clock’s last event', () => {
    const answered = sar({ regime: 'UK_GDPR', clockEvents: [...paused().clockEvents, event({ type: 'CLARIFICATION_RECEIVED', on: '2026-03-08' })] });
    const respond = (respondedOn: string) => attempt('respondToSubjectAccessRequest', answered, { outcome: 'REFUSED_EXCESSIVE', reasons: 'x', respondedOn });
    expect(respond('2026-03-07')).toMatchObject({ rule: 'SAR_DATE_IN_ORDER', message: 'The date cannot be before the clock’s last event (2026-03-08).' });
    expect(ruleOf(respond('2026-03-08'))).toBe('ALLOWED');
  });
  it('dates a withdrawal from receipt, and a closure from the response (9 Mar)', () => {
    expect(ruleOf(attempt('withdrawSubjectAccessRequest', sar(), { reason: 'r', on: '2026-03-01' }))).toBe('SAR_DATE_IN_ORDER');
    const w = attempt('withdrawSubjectAccessRequest', sar(), { reason: 'r', on: '2026-03-02' });
    expect(w.ok && w.after.closure).toMatchObject({ kind: 'WITHDRAWN', on: '2026-03-02' });
    expect(ruleOf(attempt('withdrawSubjectAccessRequest', sar(), { reason: 'r', on: '2026-03-11' }))).toBe('SAR_DATE_IN_ORDER');
    expect(ruleOf(attempt('closeSubjectAccessRequest', responded(), { reason: 'r', on: '2026-03-08' }))).toBe('SAR_DATE_IN_ORDER');
    const c = attempt('closeSubjectAccessRequest', responded(), { reason: 'r', on: '2026-03-09' });
    expect(c.ok && c.after.closure).toMatchObject({ kind: 'CLOSED', on: '2026-03-09' });
    expect(ruleOf(attempt('closeSubjectAccessRequest', responded(), { reason: 'r', on: '2026-03-11' }))).toBe('SAR_DATE_IN_ORDER');
  });
  it('defaults each date to today', () => {
    const out = attempt('withdrawSubjectAccessRequest', sar(), { reason: 'r' });
    expect(out.ok && out.after.closure!.on).toBe('2026-03-10');
  });
});

describe('the complaint to the ICO: SAR_ONE_ICO_COMPLAINT and SAR_ICO_COMPLAINT_UNDECIDED', () => {
  const complained = (over: Partial<NonNullable<SarRecord['icoComplaint']>> = {}) =>
    ({ receivedOn: '2026-03-05', icoReference: 'IC-123456-A1B2', outcome: null, outcomeNote: null, decidedOn: null, ...over }) as NonNullable<SarRecord['icoComplaint']>;
  it('records a complaint at any stage, even before a response; one at a time', () => {
    for (const record of [sar(), awaitingIdentity(), paused(), responded(), closed(), withdrawn()]) {
      expect(rulesRefusing('recordSarIcoComplaint', record)).toEqual([]);
    }
    expect(rulesRefusing('recordSarIcoComplaint', sar({ icoComplaint: complained() }))).toEqual(['SAR_ONE_ICO_COMPLAINT']);
  });
  it('dates the complaint from the request’s receipt to today', () => {
    const complain = (receivedOn: string) => attempt('recordSarIcoComplaint', sar(), { icoReference: 'IC-1', receivedOn });
    expect(ruleOf(complain('2026-03-01'))).toBe('SAR_DATE_IN_ORDER');
    expect(ruleOf(complain('2026-03-02'))).toBe('ALLOWED');
    expect(ruleOf(complain('2026-03-11'))).toBe('SAR_DATE_IN_ORDER');
  });
  it('records the outcome once, dated not before the complaint (5 Mar) nor after today', () => {
    expect(rulesRefusing('recordSarIcoOutcome', sar())).toEqual(['SAR_ICO_COMPLAINT_UNDECIDED']);
    expect(rulesRefusing('recordSarIcoOutcome', sar({ icoComplaint: complained({ outcome: 'FORCE_COMPLIED', decidedOn: '2026-03-06' }) }))).toEqual(['SAR_ICO_COMPLAINT_UNDECIDED']);
    const decide = (decidedOn: string) => attempt('recordSarIcoOutcome', sar({ icoComplaint: complained() }), { outcome: 'FORCE_DID_NOT_COMPLY', decidedOn });
    expect(decide('2026-03-04')).toMatchObject({ rule: 'SAR_DATE_IN_ORDER', message: 'The date cannot be before the complaint to the ICO (2026-03-05).' });
    const out = decide('2026-03-05');
    expect(out.ok && out.after.icoComplaint).toMatchObject({ outcome: 'FORCE_DID_NOT_COMPLY', decidedOn: '2026-03-05', icoReference: 'IC-123456-A1B2' });
    expect(ruleOf(decide('2026-03-11'))).toBe('SAR_DATE_IN_ORDER');
  });
});

describe('a late request for ID or clarification (finding 4): the request stays overdue and its response is late', () => {
  // Received 2 Mar, due Thu 2 Apr. Clarification asked the day before, of and after the due date,
  // answered on 20 Apr, and a response on 21 Apr.
  const clarifiedThenRespond = (askedOn: string) => {
    const record = sar({
      regime: 'UK_GDPR',
      search: { ...search, recordedOn: '2026-03-20' },
      clockEvents: [event({ type: 'CLARIFICATION_REQUESTED', on: askedOn }), event({ type: 'CLARIFICATION_RECEIVED', on: '2026-04-20' })],
    });
    return attempt('respondToSubjectAccessRequest', record, { outcome: 'NOTHING_HELD', respondedOn: '2026-04-21' }, at('2026-04-21'));
  };
  it.each([
    ['2026-04-01', true],
    ['2026-04-02', true],
    ['2026-04-03', false],
  ])('asked on %s: response on 21 Apr within the deadline %s', (askedOn, within) => {
    const out = clarifiedThenRespond(askedOn);
    expect(out.ok && out.after.response!.withinDeadline).toBe(within);
  });
});

describe('the table', () => {
  it('names every rule with a stable SAR_ code and a citation', () => {
    // The receipt-date correction's rules are shared by every case type staff log (src/cases/receiptDate.ts).
    const rules = Object.values(subjectAccessWorkflow.actions).flatMap((a) => [...a.guards, ...(a.inputRules ?? [])]).filter((r) => !sharedReceiptRules.includes(r));
    for (const rule of rules) {
      expect(rule.code).toMatch(/^SAR_[A-Z0-9_]+$/);
      expect(rule.cites).toMatch(/^(RULES\.md §3 \(.+\)|policy)$/);
      expect(rule.words.length).toBeGreaterThan(20);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { ukCalendar } from '../../src/calendar/holidays.js';
import { addressLinesOf, letterTo, recipientFor } from '../../src/correspondence/model.js';
import { complaintPlan } from '../../src/correspondence/plans/complaints.js';
import { foiPlan } from '../../src/correspondence/plans/foi.js';
import { subjectAccessPlan } from '../../src/correspondence/plans/subjectAccess.js';
import { correspondencePlans } from '../../src/correspondence/plans/index.js';
import { longDate } from '../../src/correspondence/plans/plan.js';
import { MissingPlaceholderError, placeholdersOf, render } from '../../src/correspondence/render.js';
import { templates } from '../../src/correspondence/templates.js';
import { registry } from '../../src/caseTypes.js';

/** The wording of what is sent, and who it goes to: checked without a database. */
const ctx = { today: '2026-04-01', calendar: ukCalendar };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- records built partially, for the fields a plan reads
const as = (r: Record<string, unknown>) => r as any;
const renderDraft = (draft: { template: string; values: Record<string, string> }) =>
  render(draft.template, { reference: 'REF-2026-000001', name: 'Jo Person', ...draft.values });

describe('templates', () => {
  it('are unique, plain text with only known placeholders, and refuse to render with a value missing', () => {
    expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length);
    for (const t of templates) {
      const values = Object.fromEntries(placeholdersOf(t).map((p) => [p, `<${p}>`]));
      const out = render(t.name, values);
      expect(out.body, t.name).not.toMatch(/\(\(/);
      expect(out.subject.length, t.name).toBeLessThan(120);
    }
    expect(() => render('foi-acknowledgement', { reference: 'FOI-2026-000001' })).toThrow(MissingPlaceholderError);
  });

  it('name no person: every personal detail is a placeholder', () => {
    for (const t of templates) expect(`${t.subject}${t.body}`, t.name).not.toMatch(/@example|Dear [A-Z][a-z]+ [A-Z]/);
  });

  it('every plan covers only real actions of its case type', () => {
    for (const [name, plan] of Object.entries(correspondencePlans)) {
      const type = registry.caseTypes.find((t) => t.name === name)!;
      for (const event of Object.keys(plan!.on)) {
        expect(['SUBMITTED', 'LOGGED', ...Object.keys(type.workflow.actions)], `${name}.${event}`).toContain(event);
      }
    }
  });
});

describe('recipients and the contact preference', () => {
  it('writes by the way the person prefers, withholds for the phone or no contact, and fails without a usable address', () => {
    const person = { email: 'jo@example.com', postalAddress: '1 High St, Erdington, Birmingham, B23 6SY' };
    expect(recipientFor('EMAIL', person)).toEqual({ channel: 'EMAIL', email: 'jo@example.com' });
    expect(recipientFor('POST', person)).toEqual({ channel: 'LETTER', addressLines: ['1 High St', 'Erdington', 'Birmingham', 'B23 6SY'] });
    expect(recipientFor('PHONE', person)).toEqual({ channel: 'NONE', why: 'PREFERS_PHONE' });
    expect(recipientFor('NONE', person)).toEqual({ channel: 'NONE', why: 'NO_CONTACT_WANTED' });
    expect(recipientFor('EMAIL', { postalAddress: person.postalAddress })).toEqual({ channel: 'NONE', why: 'NO_ADDRESS' });
    expect(letterTo('1 High St, B23 6SY')).toEqual({ channel: 'NONE', why: 'ADDRESS_INCOMPLETE' });
    // Addressed to the person: the name is the first line (so a name and two address lines will do).
    expect(recipientFor('POST', { ...person, name: 'Jo Person' })).toEqual({
      channel: 'LETTER',
      addressLines: ['Jo Person', '1 High St', 'Erdington', 'Birmingham', 'B23 6SY'],
    });
    expect(letterTo('1 High St, B23 6SY', 'Jo Person')).toEqual({ channel: 'LETTER', addressLines: ['Jo Person', '1 High St', 'B23 6SY'] });
  });

  it('puts a postcode written at the end of the last line on a line of its own, as Notify needs', () => {
    expect(letterTo('1 High Street, Birmingham B1 1AA', 'Jo Person')).toEqual({ channel: 'LETTER', addressLines: ['Jo Person', '1 High Street', 'Birmingham', 'B1 1AA'] });
    expect(letterTo('1 High Street\nBirmingham b23 6sy', 'Jo Person')).toEqual({ channel: 'LETTER', addressLines: ['Jo Person', '1 High Street', 'Birmingham', 'B23 6SY'] });
    // Already on its own line, or no postcode (an address abroad ends with its country): as written.
    expect(letterTo('1 High Street, Birmingham, B1 1AA', 'Jo Person')).toEqual({ channel: 'LETTER', addressLines: ['Jo Person', '1 High Street', 'Birmingham', 'B1 1AA'] });
    expect(letterTo('12 Rue de la Paix, 75002 Paris, France', 'Jo Person')).toEqual({ channel: 'LETTER', addressLines: ['Jo Person', '12 Rue de la Paix', '75002 Paris', 'France'] });
  });

  it('keeps a long address to Notify’s 7 lines, the postcode last', () => {
    const lines = (letterTo('a, b, c, d, e, f, g, h, B1 1AA') as { addressLines: string[] }).addressLines;
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toBe('B1 1AA');
    expect(lines.join(', ')).toBe('a, b, c, d, e, f, g, h, B1 1AA');
    expect(addressLinesOf('1 High St\r\nBirmingham\n\nB1 1AA')).toEqual(['1 High St', 'Birmingham', 'B1 1AA']);
  });
});

describe('what each FOI notice says', () => {
  const foi = (events: Array<{ type: string; on: string; reason?: string }>, extra: Record<string, unknown> = {}) =>
    as({ receivedOn: '2026-11-02', clockEvents: events.map((e) => ({ event: { type: e.type, on: e.on }, reason: e.reason ?? null })), ...extra });

  it('the fees notice gives the clock’s own last day to pay: the day before the same date 3 months on (s.9(2))', () => {
    const r = foi([{ type: 'FEES_NOTICE_ISSUED', on: '2026-11-22', reason: '£12.40' }]);
    const letter = renderDraft(foiPlan.on.issueFeesNotice!(r, null, ctx)[0]!);
    expect(letter.body).toContain('paid by 21 February 2027');
    expect(letter.body).not.toContain('22 February 2027');
  });

  it('a fees notice given on 31 March says it may be paid by 30 June, the last day of the 3 months, not 29 June', () => {
    const r = as({ receivedOn: '2026-03-02', clockEvents: [{ event: { type: 'FEES_NOTICE_ISSUED', on: '2026-03-31' }, reason: '£12.40' }] });
    const letter = renderDraft(foiPlan.on.issueFeesNotice!(r, null, ctx)[0]!);
    expect(letter.body).toContain('If it is not paid by 30 June 2026 (the last day of the 3 months beginning with the day of this notice)');
  });

  it('the public interest extension is a s.17 notice: the exemptions, the date expected, the internal review and the ICO (s.17(7))', () => {
    const r = foi([{ type: 'PUBLIC_INTEREST_EXTENSION', on: '2026-11-20', reason: 'Consulting partners' }], {
      publicInterestExtension: { sections: ['31'], estimatedDate: '2027-01-15' },
    });
    const drafts = foiPlan.on.extendFoiForPublicInterest!(r, null, ctx);
    const letter = renderDraft(drafts[0]!);
    expect(letter.body).toMatch(/section 17/);
    expect(letter.body).toMatch(/Section 31/);
    expect(letter.body).toMatch(/internal review/);
    expect(letter.body).toMatch(/Information Commissioner's Office under section 50/);
  });
});

describe('a request for ID or clarification promises a paused or restarted clock only when it was asked in time (RULES.md §2, §3)', () => {
  const withEvent = (receivedOn: string, type: string, on: string) =>
    as({ receivedOn, clockEvents: [{ event: { type, on }, reason: 'Which phone number did you call from?' }] });

  it.each([
    ['30 Mar, the day before the due date', '2026-03-30', false],
    ['31 Mar, the due date itself', '2026-03-31', false],
    ['1 Apr, the day after the due date', '2026-04-01', true],
  ])('FOI received 2 Mar 2026 (due 31 Mar), clarification asked %s', (_, on, late) => {
    const body = renderDraft(foiPlan.on.requestFoiClarification!(withEvent('2026-03-02', 'CLARIFICATION_REQUESTED', on), null, ctx)[0]!).body;
    expect(body).toContain('Which phone number did you call from?');
    if (late) {
      expect(body).toContain('required us to respond by 31 March 2026, and asking you this does not change that date. We are sorry that our response is late');
      expect(body).not.toContain('20 working days to respond from the day your reply arrives');
    } else {
      expect(body).toContain('We will have 20 working days to respond from the day your reply arrives.');
      expect(body).not.toContain('We are sorry');
    }
  });

  it.each([
    ['1 Mar, the day before the due date', '2026-03-01', false],
    ['2 Mar, the due date itself', '2026-03-02', false],
    ['3 Mar, the day after the due date', '2026-03-03', true],
  ])('SAR received 31 Jan 2026 (due 2 Mar), clarification asked %s', (_, on, late) => {
    const body = renderDraft(subjectAccessPlan.on.requestSarClarification!(withEvent('2026-01-31', 'CLARIFICATION_REQUESTED', on), null, ctx)[0]!).body;
    expect(body).toContain('Which phone number did you call from?');
    if (late) {
      expect(body).toContain('The law required us to respond by 2 March 2026, and asking you this does not change that date. We are sorry that our response is late');
      expect(body).not.toContain('does not run from the day we asked');
    } else {
      expect(body).toContain('The time we have to respond does not run from the day we asked until the day your answer arrives.');
      expect(body).not.toContain('We are sorry');
    }
  });

  it.each([
    ['1 Mar, the day before the due date', '2026-03-01', false],
    ['2 Mar, the due date itself', '2026-03-02', false],
    ['3 Mar, the day after the due date', '2026-03-03', true],
  ])('SAR received 31 Jan 2026 (due 2 Mar), proof of identity asked %s', (_, on, late) => {
    const body = renderDraft(subjectAccessPlan.on.requestProofOfIdentity!(withEvent('2026-01-31', 'IDENTITY_REQUESTED', on), null, ctx)[0]!).body;
    if (late) {
      expect(body).toContain('The law required us to respond by 2 March 2026, and asking for proof of identity now does not change that date. We are sorry that our response is late: we will respond as soon as we can once your proof of identity arrives.');
      expect(body).not.toContain('one month to respond');
    } else {
      expect(body).toContain('We have one month to respond from the day your proof of identity arrives.');
    }
  });
});

describe('a corrected day of receipt', () => {
  it('sends the acknowledgement again with the corrected dates, for every information-rights case type', () => {
    for (const [type, action] of [
      ['FOI', 'correctFoiReceiptDate'],
      ['SUBJECT_ACCESS', 'correctSubjectAccessReceiptDate'],
      ['DATA_PROTECTION_COMPLAINT', 'correctDataProtectionComplaintReceiptDate'],
    ] as const) {
      expect(Object.keys(correspondencePlans[type]!.on), type).toContain(action);
    }
    const r = as({ receivedOn: '2026-10-26', clockEvents: [] });
    const letter = renderDraft(foiPlan.on.correctFoiReceiptDate!(r, null, ctx)[0]!);
    expect(letter.body).toContain('on 26 October 2026');
    expect(letter.body).toContain('respond by 23 November 2026');
  });
});

describe('an acknowledgement sent after its date has passed (a request logged late)', () => {
  it('apologises and promises no day gone by, for FOI, subject access and data-protection complaints; on the day itself it still gives the date', () => {
    const foiRecord = as({ receivedOn: '2025-12-10', clockEvents: [], channel: 'POST' });
    const late = { today: '2026-11-22', calendar: ukCalendar };
    const foi = renderDraft(foiPlan.on.LOGGED!(foiRecord, null, late)[0]!).body;
    expect(foi).toContain('required us to respond by 13 January 2026');
    expect(foi).toContain('We are sorry');
    expect(foi).not.toContain('and respond by 13 January 2026');
    // Due that very day: not late yet.
    expect(renderDraft(foiPlan.on.LOGGED!(foiRecord, null, { ...late, today: '2026-01-13' })[0]!).body).toContain('respond by 13 January 2026. That is 20 working days');
    const sar = renderDraft(subjectAccessPlan.on.LOGGED!(as({ receivedOn: '2026-01-31', clockEvents: [], channel: 'POST', identityVerified: true }), null, late)[0]!).body;
    expect(sar).toContain('required us to respond by 2 March 2026');
    expect(sar).not.toContain('We will respond by');
    const dpc = renderDraft(correspondencePlans.DATA_PROTECTION_COMPLAINT!.on.LOGGED!(as({ receivedOn: '2026-09-01', channel: 'EMAIL' }), null, late)[0]!).body;
    expect(dpc).toContain('We should have acknowledged your complaint by 30 September 2026');
    expect(renderDraft(correspondencePlans.DATA_PROTECTION_COMPLAINT!.on.LOGGED!(as({ receivedOn: '2026-11-20', channel: 'EMAIL' }), null, late)[0]!).body).toContain('We will write to you by 19 December 2026 at the latest');
  });
});

describe('the data-protection receipt counts the 30 days as the law does (RULES.md: received 1 Jul → acknowledge by 30 Jul)', () => {
  const dpcReceipt = (today: string) =>
    renderDraft(correspondencePlans.DATA_PROTECTION_COMPLAINT!.on.LOGGED!(as({ receivedOn: '2026-07-01', channel: 'EMAIL' }), null, { today, calendar: ukCalendar })[0]!).body;

  it.each([
    ['29 Jul, the day before the last day', '2026-07-29'],
    ['30 Jul, the last day', '2026-07-30'],
  ])('logged on %s: promises 30 July', (_, today) => {
    expect(dpcReceipt(today)).toContain('We will write to you by 30 July 2026 at the latest');
  });

  it('logged on 31 Jul, the day after: 30 July is the last of the 30 days beginning with the day of receipt, not "30 days after" it', () => {
    const body = dpcReceipt('2026-07-31');
    expect(body).toContain('We should have acknowledged your complaint by 30 July 2026, the last of the 30 days beginning with the day we received it, and we are sorry');
    expect(body).not.toContain('30 days after');
  });
});

describe('the tracking code in acknowledgements', () => {
  it('speaks of the code shown on the website only to those who used it; a case staff logged is told the code follows separately', () => {
    const foiRecord = (channel: string) => as({ receivedOn: '2026-11-02', clockEvents: [], channel });
    const sarRecord = (channel: string) => as({ receivedOn: '2026-11-02', clockEvents: [], channel, identityVerified: true });
    const dpcRecord = (channel: string) => as({ receivedOn: '2026-11-02', channel });
    for (const [plan, record] of [
      [foiPlan, foiRecord],
      [subjectAccessPlan, sarRecord],
      [correspondencePlans.DATA_PROTECTION_COMPLAINT!, dpcRecord],
    ] as const) {
      const web = renderDraft(plan.on.SUBMITTED!(record('WEB'), null, ctx)[0]!);
      expect(web.body).toContain('the tracking code you were given');
      for (const channel of ['POST', 'EMAIL']) {
        const logged = renderDraft(plan.on.LOGGED!(record(channel), null, ctx)[0]!);
        expect(logged.body).not.toContain('you were given');
        expect(logged.body).toContain('a tracking code, which we will send you separately');
      }
    }
    expect(renderDraft(complaintPlan.on.SUBMITTED!(as({}), null, ctx)[0]!).body).toContain('the tracking code you were given');
    // A complaint staff recorded from a letter, email, call or visit (recordComplaintReceived).
    for (const channel of ['POST', 'EMAIL', 'PHONE', 'IN_PERSON']) {
      const logged = renderDraft(complaintPlan.on.LOGGED!(as({ channel }), null, ctx)[0]!);
      expect(logged.body).not.toContain('you were given');
      expect(logged.body).toContain('We have received your complaint and its reference is REF-2026-000001.');
      expect(logged.body).toContain('a tracking code, which we will send you separately');
    }
  });
});

describe('what each letter says', () => {
  it('a late complaint declined: the decision, its reason, and that the complainant can still ask for it to be recorded', () => {
    const declined = as({ status: 'CLOSED', incident: { date: '2024-12-01' }, lateDecision: { proceed: false, reason: 'The footage is gone.' } });
    const body = renderDraft(complaintPlan.on.decideLateComplaint!(declined, null, ctx)[0]!).body;
    expect(body).toContain('was made more than 12 months after what it is about (1 December 2024)');
    expect(body).toContain('we have decided not to take it further. It is now closed.');
    expect(body).toContain('Why we decided this\nThe footage is gone.');
    expect(body).toContain('tell us and we will record it, whenever you ask');
    // Going ahead writes nothing.
    expect(complaintPlan.on.decideLateComplaint!(as({ status: 'LOGGED', lateDecision: { proceed: true, reason: 'r' } }), null, ctx)).toEqual([]);
  });

  const outcome = (over: Record<string, unknown>) =>
    as({ outcomes: [{ number: 1, summary: 'Not upheld.', letterContent: 'We reviewed the footage.', letterDate: '2026-04-01', reviewWindowClosesOn: '2026-04-29', reviewBody: 'IOPC', allegationOutcomes: [], ...over }] });

  it('the complaint outcome letter names the review body and the last day to apply', () => {
    const iopc = renderDraft(complaintPlan.on.finaliseComplaint!(outcome({}), null, ctx)[0]!);
    expect(iopc.body).toContain('Independent Office for Police Conduct');
    expect(iopc.body).toContain('by 29 April 2026');
    expect(iopc.body).toContain('dated 1 April 2026');
    const pcc = renderDraft(complaintPlan.on.finaliseComplaint!(outcome({ reviewBody: 'LOCAL_POLICING_BODY' }), null, ctx)[0]!);
    expect(pcc.body).toContain('Police and Crime Commissioner');
    expect(pcc.body).toContain('by 29 April 2026');
    const none = renderDraft(complaintPlan.on.finaliseComplaint!(outcome({ reviewBody: null, reviewWindowClosesOn: null }), null, ctx)[0]!);
    expect(none.body).toContain('There is no right of review');
  });

  it('the complaint outcome letter says which allegations the IOPC decided (no review of those) and offers review of the rest', () => {
    const mixed = (decided: string[]) =>
      renderDraft(complaintPlan.on.finaliseComplaint!(outcome({ allegationOutcomes: decided.map((decidedBy, i) => ({ allegation: i + 1, outcome: 'NO_CASE_TO_ANSWER', decidedBy })) }), null, ctx)[0]!).body;
    const one = mixed(['IOPC', 'FORCE']);
    expect(one).toContain('directed or carried out the investigation of allegation 1, and decided its outcome itself: there is no right of review of that outcome. The rest of the outcome can be reviewed.');
    expect(one).toContain('you can apply for a review to the Independent Office for Police Conduct (IOPC). Your application must reach the IOPC by 29 April 2026');
    expect(mixed(['IOPC', 'IOPC', 'FORCE'])).toContain('investigation of allegations 1 and 2, and decided their outcomes itself: there is no right of review of those outcomes.');
    const force = mixed(['FORCE', 'FORCE']);
    expect(force).not.toContain('no right of review');
    expect(force).toContain('by 29 April 2026');
  });

  it('confirms the first contact with the agreed update frequency, and sends later written updates but not calls', () => {
    const before = as({ contacts: [], status: 'LOGGED', receivedOn: '2026-03-01' });
    const first = as({ ...before, contacts: [{ contactedOn: '2026-03-02', method: 'PHONE', by: 'sam', summary: 'You would like an apology.', firstContact: true }], updatePlan: { every: 2, unit: 'WEEKS', channel: 'EMAIL' } });
    const [confirm] = complaintPlan.on.recordComplaintContact!(first, before, ctx);
    const text = renderDraft(confirm!).body;
    expect(text).toContain('You would like an apology.');
    expect(text).toContain('by email every 2 weeks');
    expect(text).toMatch(/update you again by 16 March 2026/);
    const call = as({ ...first, contacts: [...first.contacts, { contactedOn: '2026-03-10', method: 'PHONE', by: 'sam', summary: 'Rang', firstContact: false }] });
    expect(complaintPlan.on.recordComplaintContact!(call, first, ctx)).toEqual([]);
    const email = as({ ...first, contacts: [...first.contacts, { contactedOn: '2026-03-10', method: 'EMAIL', by: 'sam', summary: 'We have spoken to the officer.', firstContact: false }] });
    expect(complaintPlan.on.recordComplaintContact!(email, first, ctx)[0]).toMatchObject({ template: 'complaint-update', values: { summary: 'We have spoken to the officer.' } });
  });

  it('an FOI refusal carries what s.17 requires: the exemption, the public interest reasons, internal review and the ICO', () => {
    const record = as({
      response: {
        outcome: 'REFUSED',
        exemptions: [{ section: '31', publicInterestTestApplied: true, neitherConfirmNorDeny: false }],
        summary: 'Disclosure would prejudice the prevention of crime; the public interest in withholding outweighs openness here.',
        respondedOn: '2026-03-20',
      },
    });
    const [notice] = foiPlan.on.respondToFoiRequest!(record, null, ctx);
    expect(notice!.template).toBe('foi-refusal-notice');
    const { body } = renderDraft(notice!);
    expect(body).toMatch(/Section 31, Law enforcement: a qualified exemption; we weighed the public interest/);
    expect(body).toContain('the public interest in withholding outweighs');
    expect(body).toMatch(/internal review[\s\S]*within 40 working days/);
    expect(body).toMatch(/right to complain to the Information Commissioner's Office under section 50/);

    const cost = as({ response: { outcome: 'REFUSED_COST_LIMIT', exemptions: [], summary: 'Narrow it to one year.', respondedOn: '2026-03-20', costLimit: { estimateHours: 40, adviceGiven: 'Ask for 2025 only.' } } });
    const costBody = renderDraft(foiPlan.on.respondToFoiRequest!(cost, null, ctx)[0]!).body;
    expect(costBody).toContain('40 hours');
    expect(costBody).toContain('Advice and assistance (section 16): Ask for 2025 only.');

    const full = as({ response: { outcome: 'PROVIDED_IN_FULL', exemptions: [], summary: 'There were 12.', respondedOn: '2026-03-20' } });
    expect(foiPlan.on.respondToFoiRequest!(full, null, ctx)[0]!.template).toBe('foi-response');
  });

  it('a SAR extension notice gives the reasons and the new date', () => {
    const record = as({
      receivedOn: '2026-01-05',
      clockEvents: [{ event: { type: 'EXTENDED', on: '2026-01-20', months: 2, reason: 'Many systems to search' }, recordedBy: { kind: 'STAFF' }, recordedAt: '', reason: null, holidaySet: '' }],
    });
    const [notice] = subjectAccessPlan.on.extendSubjectAccessRequest!(record, null, ctx);
    const { body } = renderDraft(notice!);
    expect(body).toContain('Many systems to search');
    expect(body).toContain('by 7 April 2026');
  });

  it('a SAR response wholly restricting access names s.45(4), gives the reasons, and the rights to the ICO (s.51 too) and to court', () => {
    const record = as({ response: { outcome: 'RESTRICTED_IN_FULL', reasons: 'Disclosing now would obstruct an inquiry under way.', respondedOn: '2026-03-20' } });
    const { body } = renderDraft(subjectAccessPlan.on.respondToSubjectAccessRequest!(record, null, ctx)[0]!);
    expect(body).toContain('We have restricted your right of access in full under section 45(4) of the Data Protection Act 2018, for the reasons below.');
    expect(body).toContain('check that the restriction is lawful (section 51 of the Act)');
    expect(body).toContain('Disclosing now would obstruct an inquiry under way.');
    expect(body).toContain('ask a court to order us to comply');
  });

  it('writes dates as letters do', () => {
    expect(longDate('2026-03-02')).toBe('2 March 2026');
    expect(longDate(null)).toBe('');
  });
});

describe('a step that changes a statutory date tells the requester the new date (RULES.md §2, §3)', () => {
  const events = (list: Array<[string, string]>) => list.map(([type, on]) => ({ event: { type, on }, reason: null }));
  const at = (today: string) => ({ today, calendar: ukCalendar });

  it.each([
    ['30 Mar, the day before it is due', '2026-03-30', false],
    ['31 Mar, the day it is due', '2026-03-31', false],
    ['1 Apr, the day after', '2026-04-01', true],
  ])('FOI clarification received Mon 2 Mar 2026: a fresh 20 working days, due 31 Mar; letter sent %s', (_, today, late) => {
    const r = as({ receivedOn: '2026-02-23', clockEvents: events([['CLARIFICATION_REQUESTED', '2026-02-24'], ['CLARIFICATION_RECEIVED', '2026-03-02']]) });
    const [draft] = foiPlan.on.recordFoiClarification!(r, null, at(today));
    expect(draft!.template).toBe('foi-clarification-received');
    const body = renderDraft(draft!).body;
    expect(body).toContain('We received your clarification on 2 March 2026.');
    if (late) {
      expect(body).toContain('required us to respond by 31 March 2026. We are sorry that our response is late');
      expect(body).not.toContain('we will respond by');
    } else {
      expect(body).toContain('A fresh 20 working days began on the day it arrived, as the Freedom of Information Act 2000 requires: we will respond by 31 March 2026.');
    }
  });

  it('FOI clarification asked too late (received 2 Feb, due 2 Mar, asked 4 Mar) and answered 9 Mar: still due 2 March, no fresh 20 working days promised', () => {
    const r = as({ receivedOn: '2026-02-02', clockEvents: events([['CLARIFICATION_REQUESTED', '2026-03-04'], ['CLARIFICATION_RECEIVED', '2026-03-09']]) });
    const body = renderDraft(foiPlan.on.recordFoiClarification!(r, null, at('2026-03-09'))[0]!).body;
    expect(body).toContain('required us to respond by 2 March 2026. We are sorry that our response is late');
    expect(body).not.toContain('A fresh 20 working days');
  });

  it.each([
    ['30 Mar, the day before it is due', '2026-03-30', false],
    ['31 Mar, the day it is due', '2026-03-31', false],
    ['1 Apr, the day after', '2026-04-01', true],
  ])('an FOI internal review asked for on Mon 2 Mar 2026 is acknowledged with its date due, 31 Mar; recorded %s', (_, today, late) => {
    const r = as({ receivedOn: '2026-01-05', clockEvents: [], internalReview: { requestedOn: '2026-03-02', extension: null, outcome: null, decidedOn: null, note: null } });
    const [draft] = foiPlan.on.requestFoiInternalReview!(r, null, at(today));
    expect(draft!.template).toBe('foi-review-acknowledgement');
    const body = renderDraft(draft!).body;
    expect(body).toContain('made on 2 March 2026, for an internal review');
    if (late) {
      expect(body).toContain('We should have told you the outcome by 31 March 2026, 20 working days after you asked for the review, and we are sorry');
      expect(body).not.toContain('We will tell you the outcome by');
    } else {
      expect(body).toContain('We will tell you the outcome by 31 March 2026, 20 working days after you asked for the review.');
    }
  });

  it('an FOI internal review extension is dated the day it was sent, with the reason, the date it was due and the new date', () => {
    const r = as({
      receivedOn: '2026-01-05',
      clockEvents: [],
      internalReview: { requestedOn: '2026-03-02', extension: { on: '2026-03-27', extendedTo: '2026-04-24', reason: 'Consulting the owner of the records' }, outcome: null, decidedOn: null, note: null },
    });
    const [draft] = foiPlan.on.extendFoiInternalReview!(r, null, at('2026-03-30'));
    expect(draft!.template).toBe('foi-review-extension');
    const body = renderDraft(draft!).body;
    expect(body).toContain('This letter is dated 27 March 2026.');
    expect(body).toContain('which we were due to complete by 31 March 2026');
    expect(body).toContain('Consulting the owner of the records');
    expect(body).toContain('We will now tell you the outcome by 24 April 2026.');
  });

  it('an FOI internal review outcome says what the review decided, its reasons and the right to complain to the ICO (s.50)', () => {
    const review = (outcome: string) =>
      as({ receivedOn: '2026-01-05', clockEvents: [], internalReview: { requestedOn: '2026-03-02', extension: null, outcome, decidedOn: '2026-03-20', note: 'We should have released the totals.' } });
    const overturned = renderDraft(foiPlan.on.recordFoiInternalReviewOutcome!(review('OVERTURNED'), null, ctx)[0]!).body;
    expect(overturned).toContain('The review was decided on 20 March 2026.');
    expect(overturned).toContain('The review overturned our original response');
    expect(overturned).toContain('We should have released the totals.');
    expect(overturned).toContain("complain to the Information Commissioner's Office under section 50");
    expect(renderDraft(foiPlan.on.recordFoiInternalReviewOutcome!(review('UPHELD'), null, ctx)[0]!).body).toContain('The review upheld our original response');
    expect(renderDraft(foiPlan.on.recordFoiInternalReviewOutcome!(review('PARTLY_UPHELD'), null, ctx)[0]!).body).toContain('upheld part of our original response');
  });

  it.each([
    ['1 Mar, the day before it is due', '2026-03-01', false],
    ['2 Mar, the day it is due', '2026-03-02', false],
    ['3 Mar, the day after', '2026-03-03', true],
  ])('SAR proof of identity received Sat 31 Jan 2026: the month runs to Mon 2 Mar; letter sent %s', (_, today, late) => {
    const r = as({ receivedOn: '2026-01-20', clockEvents: events([['IDENTITY_REQUESTED', '2026-01-20'], ['IDENTITY_RECEIVED', '2026-01-31']]) });
    const [draft] = subjectAccessPlan.on.recordProofOfIdentity!(r, null, at(today));
    expect(draft!.template).toBe('sar-identity-received');
    const body = renderDraft(draft!).body;
    expect(body).toContain('We received it on 31 January 2026.');
    if (late) {
      expect(body).toContain('The law required us to respond by 2 March 2026. We are sorry that our response is late');
    } else {
      expect(body).toContain('We will respond by 2 March 2026. That is one month from the day your proof of identity arrived.');
    }
  });

  it.each([
    ['8 Apr, the day before it is due', '2026-04-08', false],
    ['9 Apr, the day it is due', '2026-04-09', false],
    ['10 Apr, the day after', '2026-04-10', true],
  ])('SAR clarification asked 5 Mar and received 12 Mar 2026 (8 days paused): due 9 Apr, not 1 Apr; letter sent %s', (_, today, late) => {
    const r = as({ receivedOn: '2026-03-01', clockEvents: events([['CLARIFICATION_REQUESTED', '2026-03-05'], ['CLARIFICATION_RECEIVED', '2026-03-12']]) });
    const [draft] = subjectAccessPlan.on.recordSarClarification!(r, null, at(today));
    expect(draft!.template).toBe('sar-clarification-received');
    const body = renderDraft(draft!).body;
    expect(body).toContain('We received your answer on 12 March 2026.');
    if (late) {
      expect(body).toContain('The law required us to respond by 9 April 2026. We are sorry');
    } else {
      expect(body).toContain('We will respond by 9 April 2026. The days from the day we asked until the day your answer arrived are not counted.');
    }
  });
});

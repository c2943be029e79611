import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { complaintCaseType } from '../../src/complaints/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * The Police Reform Act and 2020 Regulations rules that walking the journeys as a PSD handler
 * found missing (issue 10), each through the real Lambda handler: referral as its own step,
 * recording on request at any time, history kept, the relevant review body, what the public is
 * told, update plans, withdrawal and standing, contact before deciding, and what PSD triage needs.
 */
const FIELDS = `reference status version handler late referralRequired unreferredAllegations reviewBody
  nextUpdateDueOn firstReplyDueOn updatePlan { every unit channel } wantsFormalRecording
  referrals { number referredOn criteria allegations by decision decidedOn }
  handlingHistory { handling route referredToIopc reason withoutContactReason }
  outcome { number letterDate reviewWindowClosesOn reviewBody decidedBy }
  outcomes { number summary letterContent letterDate decidedBy reviewWindowClosesOn reviewBody allegationOutcomes { allegation outcome } recordedBy }
  review { upheld }
  reviews { ofOutcome reviewBody receivedOn recordedBy upheld decidedOn note decisionRecordedBy }
  standing { standing writtenConsentOn note recordedBy }
  withdrawal { notice receivedOn iopcNotifiedOn continueInPublicInterest recordedBy }
  linkedComplaints { reference reason iopcReviewable mustBeReferred }
  closure { kind reason } contacts { contactedOn }`;
const READ = `query($reference: String!) { complaint(reference: $reference) { ${FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { receipt { reference trackingCode } userErrors { code } } }`;
const TRACK = `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { status statusDescription nextUpdateBy reviewWindowClosesOn } }`;
const QUEUE = `query($input: ComplaintQueueInput!) { complaintQueue(input: $input, first: 50) { edges { node {
  reference status handler complaintTypes allegationCategories mustBeRecorded mustBeReferred referBy referred late lastContactOn
  nextUpdateDueOn daysOverdue ageInDays workingDayAge } } } }`;

let app: TestApp;
let ip = 0;
const ps = () => app.token('professional-standards', 'sam.pro');
const { read, ok, refused, act } = caseHelpers(() => app, { read: READ, readField: 'complaint', payloadField: 'complaint', fields: FIELDS, caseType: complaintCaseType, token: ps });

const CONTACT = { method: 'PHONE', summary: 'Called: confirmed the outcome wanted', desiredOutcomeConfirmed: true };
const flagged = (flags: Record<string, boolean>) => ({ category: 'POLICE_POWERS_POLICIES_AND_PROCEDURES', summary: 'What was alleged', flags });
const plain = { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude at the counter' };
/** The outcome of a complaint's one allegation (every allegation gets exactly one). */
const ONE = { allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }] };

async function submit(over: Record<string, unknown> = {}) {
  const input = {
    idempotencyKey: newKey(),
    complainant: { name: 'Jo Complainant', email: 'jo@example.com', preferredContact: 'EMAIL' },
    incident: { date: '2026-02-20', place: 'Colmore Row', description: 'An officer was rude to me.' },
    complaintTypes: ['RUDENESS'],
    desiredOutcome: 'An apology',
    wantsFormalRecording: false,
    ...over,
  };
  const res = await app.gql(SUBMIT, { input }, { ip: `198.19.0.${++ip % 250}` });
  return res.body.data!.submitComplaint.receipt as { reference: string; trackingCode: string };
}

/** A complaint logged, contacted, with an allegation. */
async function logged(allegation: Record<string, unknown> = plain, over: Record<string, unknown> = {}) {
  const receipt = await submit(over);
  await ok('logComplaint', receipt.reference, { handler: 'sam.pro' });
  await ok('recordComplaintContact', receipt.reference, CONTACT);
  await ok('addAllegation', receipt.reference, allegation);
  return receipt;
}

const queue = async (input: Record<string, unknown>) => {
  const res = await app.gql(QUEUE, { input }, { token: ps() });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.complaintQueue.edges.map((e: { node: Record<string, unknown> }) => e.node) as Array<Record<string, unknown>>;
};
const inQueue = async (name: string, reference: string) => (await queue({ queue: name })).some((n) => n.reference === reference);
const track = async (r: { reference: string; trackingCode: string }) => (await app.gql(TRACK, { r: r.reference, c: r.trackingCode })).body.data!.trackCase;

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-03-02T10:00:00Z'));

describe('1. referral is a step of its own, at any stage', () => {
  it('refuses to finalise a complaint given a mandatory-referral allegation after recording until it is referred and the IOPC has decided', async () => {
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Complainant wants it recorded' });
    app.setNow('2026-03-04T10:00:00Z');
    await ok('addAllegation', reference, flagged({ mandatoryReferral: true }));
    expect((await read(reference)).unreferredAllegations).toEqual([2]);
    // Due by the end of the day after it became clear.
    expect((await queue({ queue: 'MUST_REFER' })).find((n) => n.reference === reference)).toMatchObject({ mustBeReferred: true, referred: false, referBy: '2026-03-05' });
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-04' }, /Allegation 2 must be referred/, 'COMPLAINT_REFERRAL_MADE');

    let c = await ok('referComplaintToIopc', reference, { criteria: ['SERIOUS_CORRUPTION'] });
    expect(c.referrals).toEqual([{ number: 1, referredOn: '2026-03-04', criteria: ['SERIOUS_CORRUPTION'], allegations: [2], by: 'sam.pro', decision: null, decidedOn: null }]);
    expect(await inQueue('MUST_REFER', reference)).toBe(false);
    expect(await inQueue('AWAITING_IOPC_DECISION', reference)).toBe(true);
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-04' }, /IOPC’s decision/, 'COMPLAINT_REFERRAL_DECIDED');
    await refused('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE', decidedOn: '2026-03-03' }, /before the referral/);

    c = await ok('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE' });
    expect(c.referrals[0]).toMatchObject({ decision: 'RETURNED_TO_FORCE', decidedOn: '2026-03-04' });
    expect(await inQueue('AWAITING_IOPC_DECISION', reference)).toBe(false);
    await refused('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE' }, /already been recorded/, 'COMPLAINT_REFERRAL_AWAITING_DECISION');

    // Referred again: a new referral, decided afresh, before the force may finalise.
    c = await ok('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'], allegations: [1, 2] });
    expect(c.referrals.map((r: { number: number; decision: string | null }) => [r.number, r.decision])).toEqual([[1, 'RETURNED_TO_FORCE'], [2, null]]);
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-04' }, /IOPC’s decision/, 'COMPLAINT_REFERRAL_DECIDED');
    await ok('recordIopcDecision', reference, { decision: 'LOCAL_INVESTIGATION' });
    c = await ok('finaliseComplaint', reference, {
      outcome: 'Case to answer',
      outcomeLetterDate: '2026-03-04',
      allegationOutcomes: [
        { allegation: 1, outcome: 'SERVICE_ACCEPTABLE' },
        { allegation: 2, outcome: 'CASE_TO_ANSWER' },
      ],
    });
    expect(c.status).toBe('FINALISED');
  });

  it('refuses referral of an allegation the complaint does not have', async () => {
    const { reference } = await logged();
    await refused('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'], allegations: [7] }, /no allegation 7/);
  });
});

describe('2. recording on request, at any time', () => {
  it('records a complaint whose local resolution ended not to the complainant’s satisfaction, and records contact on it meanwhile', async () => {
    const receipt = await logged();
    const { reference } = receipt;
    await ok('decideComplaintHandling', reference, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Service matter' });
    await ok('concludeLocalResolution', reference, { resolvedToSatisfaction: false });
    const contact = await ok('recordComplaintContact', reference, { method: 'EMAIL', summary: 'The complainant wrote back unhappy' });
    expect(contact.contacts).toHaveLength(2);
    const c = await ok('recordComplaintAtRequest', reference, { route: 'INVESTIGATION', note: 'Asked by email' });
    expect(c).toMatchObject({ status: 'SCHEDULE_3', wantsFormalRecording: true });
    expect(c.handlingHistory.map((h: { handling: string }) => h.handling)).toEqual(['OUTSIDE_SCHEDULE_3', 'SCHEDULE_3']);
    await refused('recordComplaintAtRequest', reference, { route: 'INVESTIGATION' }, /not possible while the complaint is being handled under Schedule 3/, 'WORKFLOW_STATE');
  });

  it('records a late complaint the complainant wants recorded, never declining it for lateness', async () => {
    const { reference } = await logged(plain, { incident: { date: '2024-12-01', place: 'x', description: 'y' }, wantsFormalRecording: true });
    expect((await read(reference)).late).toBe(true);
    const asked = await refused('decideLateComplaint', reference, { proceed: false, reason: 'Too late' }, /record it and weigh its lateness/, 'COMPLAINT_RECORDING_ASKED');
    expect(asked.message).toBe(
      'The complaint must be recorded under Schedule 3, late or not. The complainant asked for the complaint to be formally recorded. So record it and weigh its lateness in the handling decision: it cannot be declined for lateness.',
    );
    const c = await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Late: weighed; no further action likely' });
    expect(c.status).toBe('SCHEDULE_3');
  });

  it('records a late complaint declined for lateness when the complainant then asks', async () => {
    const { reference } = await logged(plain, { incident: { date: '2024-12-01', place: 'x', description: 'y' } });
    await ok('decideLateComplaint', reference, { proceed: false, reason: 'No good reason for the delay' });
    const c = await ok('recordComplaintAtRequest', reference, { route: 'OTHERWISE_THAN_BY_INVESTIGATION' });
    expect(c).toMatchObject({ status: 'SCHEDULE_3', closure: null });
  });
});

describe('the complaint queue’s input (session 5, finding 3)', () => {
  it('answers a handler name over 100 characters in plain words, and takes one of 100', async () => {
    const res = await app.gql(QUEUE, { input: { queue: 'CASELOAD', handler: 'h'.repeat(101) } }, { token: ps() });
    const messages = JSON.stringify(res.body.errors);
    expect(messages).toContain('A user name can be at most 100 characters.');
    expect(messages).not.toMatch(/Too big|expected string/);
    const fine = await app.gql(QUEUE, { input: { queue: 'CASELOAD', handler: 'h'.repeat(100) } }, { token: ps() });
    expect(fine.body.errors).toBeUndefined();
  });
});

describe('late complaints declined: contact first, and the complainant is told (session 5, finding 2)', () => {
  const LATE = `query($reference: String!) { complaint(reference: $reference) { status lateDecision { proceed reason withoutContactReason } correspondence { template status } } }`;
  const late = async (reference: string) => (await app.gql(LATE, { reference }, { token: ps() })).body.data!.complaint;
  async function lateOne(contacted: boolean) {
    const receipt = await submit({ incident: { date: '2024-12-01', place: 'Dudley', description: 'An officer searched me without reason.' } });
    await ok('logComplaint', receipt.reference, { handler: 'sam.pro' });
    if (contacted) await ok('recordComplaintContact', receipt.reference, CONTACT);
    return receipt;
  }

  it('refuses to decline a late complaint before any contact, unless the reason there was none is recorded', async () => {
    const { reference } = await lateOne(false);
    const e = await refused('decideLateComplaint', reference, { proceed: false, reason: 'No good reason for the delay' }, /contact them first, or record why not/, 'COMPLAINT_CONTACT_FIRST');
    expect(e).toMatchObject({ field: ['input', 'withoutContactReason'], code: 'NOT_ALLOWED_IN_STATE' });
    expect((await read(reference)).status).toBe('LOGGED');
    const c = await ok('decideLateComplaint', reference, { proceed: false, reason: 'No good reason for the delay', withoutContactReason: 'Three letters and two calls unanswered' });
    expect(c.status).toBe('CLOSED');
    expect((await late(reference)).lateDecision).toEqual({ proceed: false, reason: 'No good reason for the delay', withoutContactReason: 'Three letters and two calls unanswered' });
  });

  it('lets a late complaint go ahead without contact: nothing is ended, nothing is written', async () => {
    const { reference } = await lateOne(false);
    await ok('decideLateComplaint', reference, { proceed: true, reason: 'Good reason: in hospital', withoutContactReason: 'ignored when going ahead' });
    const c = await late(reference);
    expect(c).toMatchObject({ status: 'LOGGED', lateDecision: { proceed: true, withoutContactReason: null } });
    expect(c.correspondence.map((m: { template: string }) => m.template)).toEqual(['complaint-acknowledgement']);
  });

  it('writes to the complainant on declining, and trackCase says they can still ask for it to be recorded', async () => {
    const { reference, trackingCode } = await lateOne(true);
    await ok('decideLateComplaint', reference, { proceed: false, reason: 'The officer has left and the footage is gone; you gave no reason for the delay.' });
    const c = await late(reference);
    expect(c.correspondence.map((m: { template: string }) => m.template).sort()).toEqual(['complaint-acknowledgement', 'complaint-first-contact', 'complaint-late-declined']);
    const tracked = (await app.gql(TRACK, { r: reference, c: trackingCode })).body.data!.trackCase;
    expect(tracked.status).toBe('CLOSED');
    expect(tracked.statusDescription).toMatch(/more than 12 months.*decided not to take it further.*If you want it formally recorded, tell us and we will record it\./);
    // And it is recorded when they ask (RULES.md §4: recording on request, at any time).
    expect(await ok('recordComplaintAtRequest', reference, { route: 'OTHERWISE_THAN_BY_INVESTIGATION' })).toMatchObject({ status: 'SCHEDULE_3' });
  });
});

describe('3. history is kept', () => {
  it('keeps the first outcome, its letter and the review when an upheld review leads to a second outcome', async () => {
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Recorded' });
    app.setNow('2026-03-10T10:00:00Z');
    await ok('finaliseComplaint', reference, {
      outcome: 'Service acceptable',
      outcomeLetterDate: '2026-03-10',
      letterContent: 'Dear complainant, we have looked into …',
      allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }],
    });
    app.setNow('2026-03-12T10:00:00Z');
    await ok('recordReviewRequest', reference, { receivedOn: '2026-03-12' });
    app.setNow('2026-03-20T10:00:00Z');
    await ok('recordReviewOutcome', reference, { upheld: true, note: 'Not reasonable and proportionate', decidedOn: '2026-03-19' });
    const c = await ok('finaliseComplaint', reference, { outcome: 'Service not acceptable', outcomeLetterDate: '2026-03-20', allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_NOT_ACCEPTABLE' }] });
    expect(c.outcomes).toMatchObject([
      { number: 1, summary: 'Service acceptable', letterDate: '2026-03-10', letterContent: 'Dear complainant, we have looked into …', allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }], recordedBy: 'sam.pro' },
      { number: 2, summary: 'Service not acceptable', letterDate: '2026-03-20', reviewWindowClosesOn: '2026-04-17' },
    ]);
    expect(c.reviews).toEqual([
      { ofOutcome: 1, reviewBody: 'LOCAL_POLICING_BODY', receivedOn: '2026-03-12', recordedBy: 'sam.pro', upheld: true, decidedOn: '2026-03-19', note: 'Not reasonable and proportionate', decisionRecordedBy: 'sam.pro' },
    ]);
    expect(c.outcome.number).toBe(2);
  });
});

describe('4. the relevant review body', () => {
  it('is the IOPC for an allegation flagged possible misconduct, though not referred', async () => {
    const { reference } = await logged(flagged({ possibleMisconduct: true }));
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'Possible misconduct' });
    const c = await ok('finaliseComplaint', reference, { outcome: 'No case to answer', outcomeLetterDate: '2026-03-02', ...ONE });
    expect(c.outcome).toMatchObject({ reviewBody: 'IOPC', decidedBy: 'FORCE', reviewWindowClosesOn: '2026-03-30' });
  });

  it('is the local policing body for a plain service complaint', async () => {
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    expect((await read(reference)).reviewBody).toBe('LOCAL_POLICING_BODY');
  });

  it('is the IOPC for a complaint linked to one from the same incident that the IOPC would review', async () => {
    const serious = await logged(flagged({ possibleCriminalOffence: true }));
    const { reference } = await logged();
    await refused('linkComplaint', reference, { otherReference: reference, reason: 'x' }, /itself/, 'COMPLAINT_LINK');
    await refused('linkComplaint', reference, { otherReference: 'CMP-2026-999999', reason: 'x' }, /no complaint/);
    const c = await ok('linkComplaint', reference, { otherReference: serious.reference, reason: 'The same arrest' });
    expect(c).toMatchObject({ reviewBody: null, linkedComplaints: [{ reference: serious.reference, reason: 'The same arrest', iopcReviewable: true, mustBeReferred: false }] });
    await refused('linkComplaint', reference, { otherReference: serious.reference, reason: 'again' }, /already linked/, 'COMPLAINT_LINK');
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    expect((await ok('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', ...ONE })).outcome.reviewBody).toBe('IOPC');
  });

  it('gives no review after an IOPC independent investigation: the outcome is the IOPC’s, and the public is told so', async () => {
    const receipt = await logged(flagged({ deathOrSeriousInjury: true }));
    const { reference } = receipt;
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', referredToIopc: true, reason: 'Serious injury' });
    await ok('recordIopcDecision', reference, { decision: 'INDEPENDENT_INVESTIGATION' });
    const c = await ok('finaliseComplaint', reference, { outcome: 'The IOPC found a case to answer', outcomeLetterDate: '2026-03-02', ...ONE });
    expect(c.outcome).toMatchObject({ decidedBy: 'IOPC', reviewBody: null, reviewWindowClosesOn: null });
    await refused('recordReviewRequest', reference, { receivedOn: '2026-03-02' }, /no right of review/, 'COMPLAINT_REVIEW_RIGHT');
    expect(await track(receipt)).toMatchObject({ status: 'OUTCOME_SENT', reviewWindowClosesOn: null, statusDescription: expect.stringMatching(/IOPC/) });
    expect(await inQueue('REVIEW_WINDOW_OPEN', reference)).toBe(false);
    expect((await ok('closeComplaint', reference, { reason: 'No review right' })).status).toBe('CLOSED');
  });
});

describe('1b. a complaint from the same incident as one that must be referred', () => {
  it('must be referred too before it is finalised', async () => {
    const mustRefer = await logged(flagged({ deathOrSeriousInjury: true }));
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    const c = await ok('linkComplaint', reference, { otherReference: mustRefer.reference, reason: 'The same incident' });
    expect(c.linkedComplaints[0]).toMatchObject({ mustBeReferred: true });
    expect(await inQueue('MUST_REFER', reference)).toBe(true);
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02' }, /linked complaint/, 'COMPLAINT_REFERRAL_MADE');
    await ok('referComplaintToIopc', reference, { criteria: ['SAME_INCIDENT'] });
    expect(await inQueue('MUST_REFER', reference)).toBe(false);
  });
});

describe('5. the public is told the truth', () => {
  it('never says "resolved" when local resolution ended not to the complainant’s satisfaction', async () => {
    const receipt = await logged();
    await ok('decideComplaintHandling', receipt.reference, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Service' });
    await ok('concludeLocalResolution', receipt.reference, { resolvedToSatisfaction: false });
    const tracked = await track(receipt);
    expect(tracked.status).not.toBe('RESOLVED');
    expect(tracked.statusDescription).toMatch(/not resolved to your satisfaction/);
  });

  it('never shows a "next update by" date already past, and says the update is late', async () => {
    const receipt = await submit();
    expect(await track(receipt)).toMatchObject({ nextUpdateBy: '2026-03-12' });
    app.setNow('2026-03-12T10:00:00Z');
    expect(await track(receipt)).toMatchObject({ nextUpdateBy: '2026-03-12' });
    app.setNow('2026-03-13T10:00:00Z');
    const late = await track(receipt);
    expect(late.nextUpdateBy).toBeNull();
    expect(late.statusDescription).toMatch(/owe you an update/);
  });
});

describe('6. update plans and the first reply', () => {
  it('set the next update from the agreed plan, and put a missed first reply and missed updates in the overdue queues', async () => {
    const { reference } = await submit();
    await ok('logComplaint', reference, { handler: 'sam.pro' });
    expect((await read(reference)).firstReplyDueOn).toBe('2026-03-12');
    app.setNow('2026-03-12T10:00:00Z');
    expect(await inQueue('FIRST_REPLY_OVERDUE', reference)).toBe(false);
    app.setNow('2026-03-14T10:00:00Z');
    // 12 days after receipt with no contact: overdue for the first reply and for an update.
    expect(await inQueue('FIRST_REPLY_OVERDUE', reference)).toBe(true);
    const row = (await queue({ queue: 'UPDATES_OVERDUE' })).find((n) => n.reference === reference);
    expect(row).toMatchObject({ nextUpdateDueOn: '2026-03-12', daysOverdue: 2 });

    const c = await ok('recordComplaintContact', reference, { method: 'PHONE', summary: 'Agreed fortnightly calls', updatePlan: { every: 2, unit: 'WEEKS', channel: 'PHONE' } });
    expect(c).toMatchObject({ nextUpdateDueOn: '2026-03-28', firstReplyDueOn: null, updatePlan: { every: 2, unit: 'WEEKS', channel: 'PHONE' } });
    expect(await inQueue('FIRST_REPLY_OVERDUE', reference)).toBe(false);
    expect(await inQueue('UPDATES_OVERDUE', reference)).toBe(false);
    app.setNow('2026-03-29T10:00:00Z');
    expect(await inQueue('UPDATES_OVERDUE', reference)).toBe(true);
    await refused('recordComplaintContact', reference, { method: 'PHONE', summary: 'x', updatePlan: { every: 53, unit: 'WEEKS', channel: 'PHONE' } }, /1 to 52/);
  });
});

describe('7. withdrawal, standing and consent', () => {
  it('records a withdrawal as the regulations require, and never after finalisation', async () => {
    const { reference } = await logged(flagged({ possibleMisconduct: true, mandatoryReferral: true }));
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', referredToIopc: true, referralCriteria: ['SERIOUS_ASSAULT'], reason: 'Referral' });
    await refused('withdrawComplaint', reference, { reason: 'Asked', notice: 'SIGNED_NOTICE' }, /IOPC was told/, 'COMPLAINT_WITHDRAWAL_RECORDED');
    await refused('withdrawComplaint', reference, { reason: 'Asked', notice: 'SIGNED_NOTICE', iopcNotifiedOn: '2026-03-02' }, /public interest/, 'COMPLAINT_WITHDRAWAL_RECORDED');
    const c = await ok('withdrawComplaint', reference, { reason: 'Asked', notice: 'SIGNED_NOTICE', iopcNotifiedOn: '2026-03-02', continueInPublicInterest: true });
    expect(c).toMatchObject({ status: 'WITHDRAWN', withdrawal: { notice: 'SIGNED_NOTICE', receivedOn: '2026-03-02', iopcNotifiedOn: '2026-03-02', continueInPublicInterest: true, recordedBy: 'sam.pro' } });

    const finalised = await logged();
    await ok('decideComplaintHandling', finalised.reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    await ok('finaliseComplaint', finalised.reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', ...ONE });
    await refused('withdrawComplaint', finalised.reference, { reason: 'Asked', notice: 'SIGNED_NOTICE' }, /not possible while the complaint is finalised/, 'WORKFLOW_STATE');
  });

  it('handles a complaint made for someone without their written consent as general feedback, outside the IOPC figures', async () => {
    const { reference } = await logged(plain, { complaintTypes: ['NOT_LISTENING'] });
    await refused('recordComplainantStanding', reference, { standing: 'ON_BEHALF_WITH_CONSENT', note: 'Says they have consent' }, /written consent/, 'COMPLAINT_WRITTEN_CONSENT');
    const c = await ok('recordComplainantStanding', reference, { standing: 'ON_BEHALF_WITHOUT_CONSENT', note: 'No written consent from the person affected' });
    expect(c).toMatchObject({ status: 'GENERAL_FEEDBACK', standing: { standing: 'ON_BEHALF_WITHOUT_CONSENT', recordedBy: 'sam.pro' } });
    await refused('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'r' }, /general feedback/, 'WORKFLOW_STATE');
    const stats = (await app.gql(`query { complaintStatistics(input: { from: "2026-03-02", to: "2026-03-02" }) { received generalFeedback complaintTypes { code count } } }`, {}, { token: ps() })).body.data!.complaintStatistics;
    expect(stats.generalFeedback).toBeGreaterThanOrEqual(1);
    expect(stats.complaintTypes.find((t: { code: string }) => t.code === 'NOT_LISTENING')).toBeUndefined();
  });

  it('refuses a written-consent day for any standing but ON_BEHALF_WITH_CONSENT (session 5, finding 3)', async () => {
    const { reference } = await logged();
    for (const standing of ['WITNESS', 'DIRECTED_AT', 'ON_BEHALF_WITHOUT_CONSENT']) {
      const e = await refused('recordComplainantStanding', reference, { standing, writtenConsentOn: '2026-03-01', note: 'Saw it happen' }, /Written consent applies only to a complaint made on someone’s behalf with their consent/, 'COMPLAINT_WRITTEN_CONSENT');
      expect(e.field).toEqual(['input', 'writtenConsentOn']);
    }
    expect((await read(reference)).standing).toBeNull();
    const c = await ok('recordComplainantStanding', reference, { standing: 'WITNESS', note: 'Saw it happen' });
    expect(c).toMatchObject({ status: 'LOGGED', standing: { standing: 'WITNESS', writtenConsentOn: null } });
  });

  it('records standing with written consent', async () => {
    const { reference } = await logged();
    const c = await ok('recordComplainantStanding', reference, { standing: 'ON_BEHALF_WITH_CONSENT', writtenConsentOn: '2026-03-01', note: 'Signed consent on file' });
    expect(c).toMatchObject({ status: 'LOGGED', standing: { standing: 'ON_BEHALF_WITH_CONSENT', writtenConsentOn: '2026-03-01' } });
  });
});

describe('8. contact before deciding', () => {
  it('needs a recorded reason to decide the handling or finalise before any contact, and does not list finalised complaints as awaiting contact', async () => {
    const { reference } = await submit();
    await ok('logComplaint', reference, { handler: 'sam.pro' });
    await ok('addAllegation', reference, plain);
    await refused('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'r' }, /contact them first/, 'COMPLAINT_CONTACT_FIRST');
    let c = await ok('decideComplaintHandling', reference, {
      handling: 'SCHEDULE_3',
      route: 'OTHERWISE_THAN_BY_INVESTIGATION',
      reason: 'Recorded',
      withoutContactReason: 'Anonymous complainant: no way to reach them',
    });
    expect(c.handlingHistory[0].withoutContactReason).toBe('Anonymous complainant: no way to reach them');
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02' }, /contact them first/, 'COMPLAINT_CONTACT_FIRST');
    expect(await inQueue('AWAITING_FIRST_CONTACT', reference)).toBe(true);
    c = await ok('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', withoutContactReason: 'Anonymous', ...ONE });
    expect(c.status).toBe('FINALISED');
    expect(await inQueue('AWAITING_FIRST_CONTACT', reference)).toBe(false);
  });
});

describe('what PSD need to triage', () => {
  it('queue rows carry types, categories, flags, late, next update and ages, and no complainant details', async () => {
    const { reference } = await logged(flagged({ mandatoryReferral: true }), { complaintTypes: ['EXCESSIVE_FORCE'], incident: { date: '2024-12-01', place: 'x', description: 'y' } });
    app.setNow('2026-03-06T10:00:00Z');
    const row = (await queue({ queue: 'CASELOAD' })).find((n) => n.reference === reference)!;
    expect(row).toMatchObject({
      status: 'LOGGED',
      handler: 'sam.pro',
      complaintTypes: ['EXCESSIVE_FORCE'],
      allegationCategories: ['POLICE_POWERS_POLICIES_AND_PROCEDURES'],
      mustBeRecorded: true,
      mustBeReferred: true,
      referred: false,
      late: true,
      lastContactOn: '2026-03-02',
      nextUpdateDueOn: '2026-04-02',
      daysOverdue: 0,
      ageInDays: 4,
      workingDayAge: 4,
    });
    expect(JSON.stringify(row)).not.toMatch(/Jo Complainant|jo@example/);
  });

  it('passes a complaint about the chief officer to the local policing body instead of handling it', async () => {
    const receipt = await logged({ ...plain, personComplainedAbout: { role: 'Chief Constable', chiefOfficer: true, kind: 'OFFICER' } });
    const { reference } = receipt;
    await refused('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'r' }, /chief officer/, 'COMPLAINT_CHIEF_OFFICER_TO_LOCAL_POLICING_BODY');
    const other = await logged();
    await refused('transferComplaintToLocalPolicingBody', other.reference, {}, /Professional Standards handle/, 'COMPLAINT_ABOUT_CHIEF_OFFICER');
    const c = await ok('transferComplaintToLocalPolicingBody', reference, {});
    expect(c).toMatchObject({ status: 'TRANSFERRED_TO_LOCAL_POLICING_BODY', closure: { kind: 'TRANSFERRED' } });
    expect((await track(receipt)).statusDescription).toMatch(/Police and Crime Commissioner/);
  });
});

describe('statistics, per complaint', () => {
  it('count an escalated complaint only under Schedule 3, a re-finalised one once, and give the quarter as CSV', async () => {
    const fresh = await createTestApp();
    const mine = app;
    app = fresh;
    try {
      app.setNow('2026-01-05T10:00:00Z');
      const incident = { date: '2025-12-20', place: 'x', description: 'y' };
      const escalated = await logged(plain, { incident });
      const refinalised = await logged(plain, { incident });
      await ok('decideComplaintHandling', escalated.reference, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Service' });
      await ok('decideComplaintHandling', refinalised.reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
      app.setNow('2026-01-12T10:00:00Z');
      await ok('concludeLocalResolution', escalated.reference, { resolvedToSatisfaction: false });
      await ok('finaliseComplaint', refinalised.reference, { outcome: 'o', outcomeLetterDate: '2026-01-12', ...ONE });
      app.setNow('2026-01-20T10:00:00Z');
      await ok('recordComplaintAtRequest', escalated.reference, { route: 'INVESTIGATION' });
      await ok('recordReviewRequest', refinalised.reference, { receivedOn: '2026-01-20' });
      await ok('recordReviewOutcome', refinalised.reference, { upheld: true, note: 'Reconsider' });
      await ok('finaliseComplaint', refinalised.reference, { outcome: 'o2', outcomeLetterDate: '2026-01-20', ...ONE });
      const stats = (
        await app.gql(
          `query { complaintStatistics(input: { from: "2026-01-01", to: "2026-03-31" }) { received handledOutsideSchedule3 handledUnderSchedule3 escalatedToSchedule3 finalisedOutsideSchedule3 finalisedUnderSchedule3 reviews reviewsUpheld } }`,
          {},
          { token: ps() },
        )
      ).body.data!.complaintStatistics;
      expect(stats).toEqual({
        received: 2,
        handledOutsideSchedule3: 0,
        handledUnderSchedule3: 2,
        escalatedToSchedule3: 1,
        finalisedOutsideSchedule3: 0,
        finalisedUnderSchedule3: 1,
        reviews: 1,
        reviewsUpheld: 1,
      });
      const csv = (await app.gql(`query { complaintMeasuresCsv(quarter: "2026-q1") }`, {}, { token: ps() })).body.data!.complaintMeasuresCsv as string;
      expect(csv.split('\n')[0]).toBe('quarter,measure,definition,value');
      expect(csv).toContain('"2026-Q1",handled_under_schedule_3,');
      expect(csv).toMatch(/"2026-Q1",finalised_under_schedule_3,"[^"]+",1\n/);
      const bad = await app.gql(`query { complaintMeasuresCsv(quarter: "2026-Q5") }`, {}, { token: ps() });
      expect(bad.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    } finally {
      app = mine;
    }
  });
});

describe('found by walking the journeys as a handler, and put right', () => {
  it('never closes for lateness a complaint an allegation requires to be recorded', async () => {
    const { reference } = await logged(flagged({ deathOrSeriousInjury: true }), { incident: { date: '2025-01-01', place: 'x', description: 'y' } });
    await refused('decideLateComplaint', reference, { proceed: false, reason: 'too late' }, /must be recorded under Schedule 3/, 'COMPLAINT_RECORDING_ASKED');
  });

  it('stops local resolution once the complaint is referred, and a referral already awaiting a decision is not made again', async () => {
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Service' });
    await ok('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'] });
    await refused('concludeLocalResolution', reference, { resolvedToSatisfaction: true }, /referred to the IOPC/, 'COMPLAINT_MUST_BE_RECORDED');
    await refused('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'] }, /not yet decided/, 'COMPLAINT_ONE_REFERRAL_AT_A_TIME');
  });

  it('treats an allegation about the chief officer, added after the handling, as a referral matter for the local policing body', async () => {
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    await ok('addAllegation', reference, { ...plain, personComplainedAbout: { role: 'Chief Constable', chiefOfficer: true } });
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02' }, /must be referred/, 'COMPLAINT_REFERRAL_MADE');
    expect((await ok('transferComplaintToLocalPolicingBody', reference, {})).status).toBe('TRANSFERRED_TO_LOCAL_POLICING_BODY');
  });

  it('does not close a complaint while a referral awaits the IOPC’s decision', async () => {
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    await ok('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', ...ONE });
    app.setNow('2026-04-10T10:00:00Z');
    await ok('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'] });
    await refused('closeComplaint', reference, { reason: 'done' }, /IOPC’s decision/, 'COMPLAINT_REFERRAL_DECIDED');
  });

  it('keeps the duty to refer when the force continues with a withdrawn complaint in the public interest', async () => {
    const continuing = await logged(flagged({ mandatoryReferral: true, possibleMisconduct: true }));
    await ok('withdrawComplaint', continuing.reference, { reason: 'Asked', notice: 'SIGNED_NOTICE', continueInPublicInterest: true });
    expect(await inQueue('MUST_REFER', continuing.reference)).toBe(true);
    expect((await ok('referComplaintToIopc', continuing.reference, { criteria: ['SERIOUS_CORRUPTION'] })).referrals).toHaveLength(1);
    const dropped = await logged(flagged({ possibleMisconduct: true }));
    await ok('withdrawComplaint', dropped.reference, { reason: 'Asked', notice: 'SIGNED_NOTICE', continueInPublicInterest: false });
    await refused('referComplaintToIopc', dropped.reference, { criteria: ['VOLUNTARY'] }, /not continuing/, 'COMPLAINT_CONTINUED_IN_PUBLIC_INTEREST');
  });

  it('refuses an outcome letter dated before the decision it follows', async () => {
    const { reference } = await logged();
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    app.setNow('2026-03-10T10:00:00Z');
    await ok('finaliseComplaint', reference, { outcome: 'a', outcomeLetterDate: '2026-03-10', ...ONE });
    await ok('recordReviewRequest', reference, { receivedOn: '2026-03-10' });
    app.setNow('2026-03-20T10:00:00Z');
    await ok('recordReviewOutcome', reference, { upheld: true, note: 'Reconsider', decidedOn: '2026-03-15' });
    await refused('finaliseComplaint', reference, { outcome: 'b', outcomeLetterDate: '2026-03-14' }, /before the last handling decision \(2026-03-15\)/);
    expect((await ok('finaliseComplaint', reference, { outcome: 'b', outcomeLetterDate: '2026-03-15', ...ONE })).outcome.reviewWindowClosesOn).toBe('2026-04-12');
  });

  it('reads linked complaints afresh when finalising: the review body follows what the other complaint has become', async () => {
    const other = await logged();
    const { reference } = await logged();
    const linked = await ok('linkComplaint', reference, { otherReference: other.reference, reason: 'Same incident' });
    expect(linked.linkedComplaints[0]).toMatchObject({ iopcReviewable: false });
    await ok('addAllegation', other.reference, flagged({ possibleMisconduct: true }));
    await ok('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' });
    const c = await ok('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', ...ONE });
    expect(c.outcome.reviewBody).toBe('IOPC');
    expect(c.linkedComplaints[0]).toMatchObject({ iopcReviewable: true });
  });

  it('refuses, as a user error, a change that would outgrow what a record can hold', async () => {
    const { reference } = await logged();
    const summary = 'x'.repeat(5000);
    let last: { code: string } | undefined;
    for (let i = 0; i < 90 && !last; i++) {
      const { record, userErrors } = await act('recordComplaintContact', reference, { method: 'PHONE', summary });
      if (userErrors.length) last = userErrors[0];
      else expect(record).not.toBeNull();
    }
    expect(last).toMatchObject({ code: 'TOO_LONG' });
  });

  it('asks which criteria a mandatory referral meets, refuses a nonsense quarter, and caps the form’s complaint types', async () => {
    const { reference } = await logged(flagged({ mandatoryReferral: true }));
    await refused('decideComplaintHandling', reference, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', referredToIopc: true, reason: 'r' }, /criteria/);
    const csv = await app.gql(`query { complaintMeasuresCsv(quarter: "0000-Q1") }`, {}, { token: ps() });
    expect(csv.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const many = await app.gql(SUBMIT.replace('receipt { reference trackingCode } userErrors { code }', 'userErrors { field code }'), {
      input: {
        idempotencyKey: newKey(),
        complainant: { name: 'Jo', email: 'jo@example.com', preferredContact: 'EMAIL' },
        incident: { date: '2026-02-20', place: 'x', description: 'y' },
        complaintTypes: Array.from({ length: 21 }, () => 'RUDENESS'),
        desiredOutcome: 'An apology',
        wantsFormalRecording: false,
      },
    });
    expect(many.body.data!.submitComplaint.userErrors).toEqual([{ field: ['input', 'complaintTypes'], code: 'OUT_OF_RANGE' }]);
  });

  it('shows no review body before the complaint is recorded under Schedule 3', async () => {
    const { reference } = await logged({ ...plain, personComplainedAbout: { role: 'Superintendent', seniorOfficer: true } });
    await ok('decideComplaintHandling', reference, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Service' });
    expect((await read(reference)).reviewBody).toBeNull();
  });
});

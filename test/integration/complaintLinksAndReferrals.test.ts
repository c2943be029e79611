import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { complaintCaseType } from '../../src/complaints/caseType.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Found walking the Professional Standards journeys through the API (session 5 review), each
 * through the real Lambda handler: links that worked one way only, a new referral matter that could
 * not be referred while an earlier referral awaited the IOPC, who decided the outcome, a withdrawn
 * complaint continued in the public interest, and allegation outcomes that fit the handling.
 */
const FIELDS = `reference status version referralRequired unreferredAllegations reviewBody schedule3Reasons
  referrals { number referredOn criteria allegations decision decidedOn }
  outcome { decidedBy reviewBody reviewWindowClosesOn allegationOutcomes { allegation outcome } }
  linkedComplaints { reference reason by linkedOn iopcReviewable mustBeReferred mustBeReferredSince }
  availableActions { action allowed refusedBy { rule } }`;
const READ = `query($reference: String!) { complaint(reference: $reference) { ${FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { receipt { reference trackingCode } userErrors { code } } }`;
const QUEUE = `query($input: ComplaintQueueInput!) { complaintQueue(input: $input, first: 100) { edges { node { reference mustBeReferred referBy } } } }`;

let app: TestApp;
let ip = 0;
const ps = () => app.token('professional-standards', 'sam.pro');
const { read, ok, refused } = caseHelpers(() => app, { read: READ, readField: 'complaint', payloadField: 'complaint', fields: FIELDS, caseType: complaintCaseType, token: ps });

const CONTACT = { method: 'PHONE', summary: 'Called: confirmed the outcome wanted', desiredOutcomeConfirmed: true };
const flagged = (flags: Record<string, boolean>) => ({ category: 'POLICE_POWERS_POLICIES_AND_PROCEDURES', summary: 'What was alleged', flags });
const plain = { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude at the counter' };
const MANDATORY = flagged({ mandatoryReferral: true });
const LOCAL = { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Asked' };

async function submit() {
  const input = {
    idempotencyKey: newKey(),
    complainant: { name: 'Jo Complainant', email: 'jo@example.com', preferredContact: 'EMAIL' },
    incident: { date: '2026-02-20', place: 'Colmore Row', description: 'An officer was rude to me.' },
    complaintTypes: ['RUDENESS'],
    desiredOutcome: 'An apology',
    wantsFormalRecording: false,
  };
  const res = await app.gql(SUBMIT, { input }, { ip: `198.20.0.${++ip % 250}` });
  return res.body.data!.submitComplaint.receipt as { reference: string; trackingCode: string };
}

/** A complaint logged, contacted, with an allegation. */
async function logged(allegation: Record<string, unknown> = plain) {
  const receipt = await submit();
  await ok('logComplaint', receipt.reference, { handler: 'sam.pro' });
  await ok('recordComplaintContact', receipt.reference, CONTACT);
  await ok('addAllegation', receipt.reference, allegation);
  return receipt.reference;
}

const mustRefer = async (reference: string) => {
  const res = await app.gql(QUEUE, { input: { queue: 'MUST_REFER' } }, { token: ps() });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return (res.body.data!.complaintQueue.edges as Array<{ node: { reference: string; referBy: string } }>).map((e) => e.node).find((n) => n.reference === reference) ?? null;
};
const allowed = async (reference: string, action: string) =>
  ((await read(reference)).availableActions as Array<{ action: string; allowed: boolean; refusedBy: Array<{ rule: string }> }>).find((a) => a.action === action)!;

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-03-02T10:00:00Z'));

describe('1. linking is both ways: the other complaint gets the IOPC and the duty to refer too', () => {
  it('(a) A with a mandatory-referral allegation, linked A → B: B shows the link, must be referred, and is reviewed by the IOPC', async () => {
    const a = await logged(MANDATORY);
    const b = await logged();
    await ok('linkComplaint', a, { otherReference: b.toLowerCase(), reason: 'The same arrest' });
    let c = await read(b);
    expect(c.linkedComplaints).toEqual([
      { reference: a, reason: 'The same arrest', by: 'sam.pro', linkedOn: '2026-03-02', iopcReviewable: true, mustBeReferred: true, mustBeReferredSince: '2026-03-02' },
    ]);
    expect(c.referralRequired).toBe(true);
    expect(c.schedule3Reasons).toContain('It arises from the same incident as a complaint that must be referred to the IOPC.');
    expect(await mustRefer(b)).toMatchObject({ mustBeReferred: true, referBy: '2026-03-03' });
    // Linking again from the other side: already linked.
    await refused('linkComplaint', b, { otherReference: a, reason: 'again' }, /already linked/, 'COMPLAINT_LINK');
    // B cannot be recorded without the referral, nor finalised before it.
    await refused('decideComplaintHandling', b, LOCAL, /same incident/, 'COMPLAINT_MANDATORY_REFERRAL');
    c = await ok('decideComplaintHandling', b, { ...LOCAL, referredToIopc: true });
    expect(c.referrals[0]).toMatchObject({ criteria: ['SAME_INCIDENT'] });
    expect(c.reviewBody).toBe('IOPC');
    expect(await mustRefer(b)).toBeNull();
    await ok('recordIopcDecision', b, { decision: 'RETURNED_TO_FORCE' });
    expect((await ok('finaliseComplaint', b, { outcome: 'o', outcomeLetterDate: '2026-03-02', allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }] })).outcome.reviewBody).toBe('IOPC');
  });

  it('(a) a B recorded before the link cannot be finalised until referred, and says so in its available actions', async () => {
    const a = await logged(MANDATORY);
    const b = await logged();
    await ok('decideComplaintHandling', b, LOCAL);
    expect((await read(b)).reviewBody).toBe('LOCAL_POLICING_BODY');
    await ok('linkComplaint', a, { otherReference: b, reason: 'Same incident' });
    expect((await read(b)).reviewBody).toBe('IOPC');
    expect(await allowed(b, 'finaliseComplaint')).toMatchObject({ allowed: false, refusedBy: [{ rule: 'COMPLAINT_REFERRAL_MADE' }] });
    await refused('finaliseComplaint', b, { outcome: 'o', outcomeLetterDate: '2026-03-02' }, /linked complaint/, 'COMPLAINT_REFERRAL_MADE');
  });

  it('(b) linked first, then a mandatory allegation added to B: A must be referred from that day, on both sides at once', async () => {
    const a = await logged();
    const b = await logged();
    await ok('decideComplaintHandling', a, LOCAL);
    await ok('linkComplaint', a, { otherReference: b, reason: 'Same incident' });
    let c = await read(a);
    expect(c).toMatchObject({ referralRequired: false, reviewBody: 'LOCAL_POLICING_BODY', linkedComplaints: [{ reference: b, mustBeReferred: false, mustBeReferredSince: null }] });
    expect((await read(b)).linkedComplaints).toMatchObject([{ reference: a, mustBeReferred: false, iopcReviewable: false }]);
    expect(await mustRefer(a)).toBeNull();

    app.setNow('2026-03-05T10:00:00Z');
    await ok('addAllegation', b, MANDATORY);
    c = await read(a);
    expect(c).toMatchObject({ referralRequired: true, reviewBody: 'IOPC', linkedComplaints: [{ reference: b, mustBeReferred: true, iopcReviewable: true, mustBeReferredSince: '2026-03-05' }] });
    // Due by the end of the day after it became clear (the allegation), not after the link.
    expect(await mustRefer(a)).toMatchObject({ mustBeReferred: true, referBy: '2026-03-06' });
    expect(await allowed(a, 'finaliseComplaint')).toMatchObject({ allowed: false, refusedBy: [{ rule: 'COMPLAINT_REFERRAL_MADE' }] });
    // B's own link to A is unchanged: A is not itself a referral matter.
    expect((await read(b)).linkedComplaints).toMatchObject([{ reference: a, mustBeReferred: false }]);

    await ok('referComplaintToIopc', a, { criteria: ['SAME_INCIDENT'] });
    expect(await mustRefer(a)).toBeNull();
    // A's referral makes B's link show A as one the IOPC reviews.
    expect((await read(b)).linkedComplaints).toMatchObject([{ reference: a, iopcReviewable: true, mustBeReferred: false }]);
  });

  it('refuses a link to a complaint that does not exist even when the complaint has other links', async () => {
    const a = await logged();
    const b = await logged();
    await ok('linkComplaint', a, { otherReference: b, reason: 'Same incident' });
    await refused('linkComplaint', a, { otherReference: 'CMP-2026-999999', reason: 'x' }, /no complaint/);
  });
});

const AWAITING = `query { complaintQueue(input: { queue: AWAITING_IOPC_DECISION }, first: 100) { edges { node { reference } } } }`;
const awaitingIopc = async (reference: string) =>
  ((await app.gql(AWAITING, {}, { token: ps() })).body.data!.complaintQueue.edges as Array<{ node: { reference: string } }>).some((e) => e.node.reference === reference);

/** Recorded and referred (allegation 1), then a new mandatory-referral allegation 2 added. */
async function referredThenNewMatter() {
  const reference = await logged(MANDATORY);
  await ok('decideComplaintHandling', reference, { ...LOCAL, route: 'INVESTIGATION', referredToIopc: true, referralCriteria: ['SERIOUS_ASSAULT'] });
  app.setNow('2026-03-04T10:00:00Z');
  await ok('addAllegation', reference, MANDATORY);
  expect((await read(reference)).unreferredAllegations).toEqual([2]);
  return reference;
}

describe('2. a new referral matter is referred at once, even while an earlier referral awaits the IOPC', () => {
  it('refers allegation 2 while referral 1 awaits a decision, on the day and after its refer-by day; the decisions then say which referral', async () => {
    const reference = await referredThenNewMatter();
    expect(await mustRefer(reference)).toMatchObject({ referBy: '2026-03-05' });
    expect(await allowed(reference, 'referComplaintToIopc')).toMatchObject({ allowed: true });
    app.setNow('2026-03-06T10:00:00Z'); // late: the day after its refer-by day
    // Not what is already awaiting a decision.
    await refused('referComplaintToIopc', reference, { criteria: ['SERIOUS_ASSAULT'], allegations: [1, 2] }, /Allegation 1 is in a referral still awaiting/, 'COMPLAINT_ONE_REFERRAL_AT_A_TIME');
    let c = await ok('referComplaintToIopc', reference, { criteria: ['SERIOUS_CORRUPTION'], allegations: [2] });
    expect(c.referrals.map((r: { number: number; allegations: number[]; decision: string | null }) => [r.number, r.allegations, r.decision])).toEqual([[1, [1], null], [2, [2], null]]);
    expect(c.unreferredAllegations).toEqual([]);
    expect(await mustRefer(reference)).toBeNull();
    // Nothing new now: referring again waits for the IOPC.
    expect(await allowed(reference, 'referComplaintToIopc')).toMatchObject({ allowed: false, refusedBy: [{ rule: 'COMPLAINT_ONE_REFERRAL_AT_A_TIME' }] });
    await refused('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'] }, /nothing new must be referred/, 'COMPLAINT_ONE_REFERRAL_AT_A_TIME');

    await refused('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE' }, /Referrals 1 and 2 await/);
    await refused('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE', referral: 3 }, /no referral 3/);
    await refused('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE', referral: 2, decidedOn: '2026-03-05' }, /before the referral/);
    c = await ok('recordIopcDecision', reference, { decision: 'LOCAL_INVESTIGATION', referral: 2 });
    expect(c.referrals.map((r: { decision: string | null }) => r.decision)).toEqual([null, 'LOCAL_INVESTIGATION']);
    await refused('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE', referral: 2 }, /referral 2 has already been recorded/, 'COMPLAINT_REFERRAL_AWAITING_DECISION');
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-06' }, /IOPC’s decision/, 'COMPLAINT_REFERRAL_DECIDED');
    // One left: no need to say which.
    c = await ok('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE' });
    expect(c.referrals.map((r: { decision: string | null }) => r.decision)).toEqual(['RETURNED_TO_FORCE', 'LOCAL_INVESTIGATION']);
    expect(await awaitingIopc(reference)).toBe(false);
  });
});

describe('4. a withdrawn complaint continued in the public interest: the referral work goes on', () => {
  it('records the IOPC’s decision on referral 1 and refers allegation 2 after withdrawal, and leaves the queues', async () => {
    const reference = await logged(flagged({ mandatoryReferral: true, possibleMisconduct: true }));
    await ok('decideComplaintHandling', reference, { ...LOCAL, route: 'INVESTIGATION', referredToIopc: true, referralCriteria: ['SERIOUS_ASSAULT'] });
    await ok('addAllegation', reference, flagged({ mandatoryReferral: true, possibleMisconduct: true }));
    app.setNow('2026-03-04T10:00:00Z');
    const w = await ok('withdrawComplaint', reference, { reason: 'Asked', notice: 'SIGNED_NOTICE', iopcNotifiedOn: '2026-03-04', continueInPublicInterest: true });
    expect(w.status).toBe('WITHDRAWN');
    expect(await mustRefer(reference)).not.toBeNull();
    expect(await awaitingIopc(reference)).toBe(true);
    expect(await allowed(reference, 'recordIopcDecision')).toMatchObject({ allowed: true });
    await ok('referComplaintToIopc', reference, { criteria: ['SERIOUS_CORRUPTION'] });
    expect(await mustRefer(reference)).toBeNull();
    await ok('recordIopcDecision', reference, { decision: 'LOCAL_INVESTIGATION', referral: 1 });
    const c = await ok('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE' });
    expect(c).toMatchObject({ status: 'WITHDRAWN', referrals: [{ decision: 'LOCAL_INVESTIGATION' }, { allegations: [2], decision: 'RETURNED_TO_FORCE' }] });
    expect(await awaitingIopc(reference)).toBe(false);
  });

  it('refuses the IOPC’s decision on a withdrawn complaint the force does not continue with', async () => {
    const reference = await logged(flagged({ mandatoryReferral: true, possibleMisconduct: true }));
    await ok('decideComplaintHandling', reference, { ...LOCAL, route: 'INVESTIGATION', referredToIopc: true, referralCriteria: ['SERIOUS_ASSAULT'] });
    await ok('withdrawComplaint', reference, { reason: 'Asked', notice: 'SIGNED_NOTICE', iopcNotifiedOn: '2026-03-02', continueInPublicInterest: false });
    await refused('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE' }, /not continuing/, 'COMPLAINT_CONTINUED_IN_PUBLIC_INTEREST');
    expect(await awaitingIopc(reference)).toBe(false);
  });
});

describe('3. who decided the outcome is per allegation: no review of what the IOPC investigated, a review of what the force decided', () => {
  /** Allegation 1 (a death) referred; allegation 2 (misconduct) referred voluntarily; the IOPC's decisions in the order given. */
  async function twoReferrals(first: string, second: string) {
    const reference = await logged(flagged({ deathOrSeriousInjury: true }));
    await ok('addAllegation', reference, flagged({ possibleMisconduct: true }));
    await ok('decideComplaintHandling', reference, { ...LOCAL, route: 'INVESTIGATION', referredToIopc: true });
    expect((await read(reference)).referrals[0]).toMatchObject({ allegations: [1], criteria: ['DEATH_OR_SERIOUS_INJURY'] });
    await ok('recordIopcDecision', reference, { decision: first });
    await ok('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'], allegations: [2] });
    await ok('recordIopcDecision', reference, { decision: second });
    return reference;
  }
  const outcomes = [
    { allegation: 1, outcome: 'CASE_TO_ANSWER' },
    { allegation: 2, outcome: 'NO_CASE_TO_ANSWER' },
  ];

  it('IOPC investigation of allegation 1, then allegation 2 returned: the force decided part, reviewed by the IOPC, and the outcome says which', async () => {
    const reference = await twoReferrals('INDEPENDENT_INVESTIGATION', 'RETURNED_TO_FORCE');
    const c = await ok('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', allegationOutcomes: outcomes });
    expect(c.outcome).toMatchObject({
      decidedBy: 'FORCE',
      reviewBody: 'IOPC',
      reviewWindowClosesOn: '2026-03-30',
      allegationOutcomes: [
        { allegation: 1, outcome: 'CASE_TO_ANSWER' },
        { allegation: 2, outcome: 'NO_CASE_TO_ANSWER' },
      ],
    });
    const full = (await app.gql(`query($r: String!) { complaint(reference: $r) { outcome { allegationOutcomes { allegation decidedBy } } } }`, { r: reference }, { token: ps() })).body.data!.complaint;
    expect(full.outcome.allegationOutcomes).toEqual([{ allegation: 1, decidedBy: 'IOPC' }, { allegation: 2, decidedBy: 'FORCE' }]);
    expect((await ok('recordReviewRequest', reference, { receivedOn: '2026-03-02' })).status).toBe('UNDER_REVIEW');
  });

  it('the IOPC investigated every allegation: no review at all, decided by the IOPC', async () => {
    const reference = await twoReferrals('INDEPENDENT_INVESTIGATION', 'DIRECTED_INVESTIGATION');
    const c = await ok('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', allegationOutcomes: outcomes });
    expect(c.outcome).toMatchObject({ decidedBy: 'IOPC', reviewBody: null, reviewWindowClosesOn: null });
    await refused('recordReviewRequest', reference, { receivedOn: '2026-03-02' }, /no right of review/, 'COMPLAINT_REVIEW_RIGHT');
  });

  it('returned first, then the IOPC investigates allegation 2: the force still decided allegation 1, so there is a review', async () => {
    const reference = await twoReferrals('RETURNED_TO_FORCE', 'INDEPENDENT_INVESTIGATION');
    const c = await ok('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02', allegationOutcomes: outcomes });
    expect(c.outcome).toMatchObject({ decidedBy: 'FORCE', reviewBody: 'IOPC', reviewWindowClosesOn: '2026-03-30' });
  });
});

describe('5. every allegation gets exactly one outcome, fitting how it was handled', () => {
  const finalise = (allegationOutcomes: unknown[]) => ({ outcome: 'o', outcomeLetterDate: '2026-03-02', allegationOutcomes });

  it('refuses none, one missing, one twice, and an investigation finding on an allegation handled otherwise than by investigation', async () => {
    const reference = await logged();
    await ok('addAllegation', reference, plain);
    await ok('decideComplaintHandling', reference, LOCAL);
    await refused('finaliseComplaint', reference, finalise([]), /allegations 1, 2 have none/, 'COMPLAINT_ALLEGATION_OUTCOMES');
    await refused('finaliseComplaint', reference, { outcome: 'o', outcomeLetterDate: '2026-03-02' }, /allegations 1, 2 have none/, 'COMPLAINT_ALLEGATION_OUTCOMES');
    await refused('finaliseComplaint', reference, finalise([{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }]), /allegation 2 has none/, 'COMPLAINT_ALLEGATION_OUTCOMES');
    await refused(
      'finaliseComplaint',
      reference,
      finalise([{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }, { allegation: 2, outcome: 'SERVICE_ACCEPTABLE' }, { allegation: 2, outcome: 'UNABLE_TO_DETERMINE' }]),
      /allegation 2 has more than one/,
      'COMPLAINT_ALLEGATION_OUTCOMES',
    );
    await refused('finaliseComplaint', reference, finalise([{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }, { allegation: 3, outcome: 'SERVICE_ACCEPTABLE' }]), /no allegation 3/);
    for (const finding of ['CASE_TO_ANSWER', 'NO_CASE_TO_ANSWER']) {
      await refused('finaliseComplaint', reference, finalise([{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }, { allegation: 2, outcome: finding }]), /Allegation 2 was handled otherwise than by investigation/, 'COMPLAINT_ALLEGATION_OUTCOMES');
    }
    const c = await ok('finaliseComplaint', reference, finalise([{ allegation: 2, outcome: 'SERVICE_NOT_ACCEPTABLE' }, { allegation: 1, outcome: 'NO_FURTHER_ACTION' }]));
    expect(c.outcome.allegationOutcomes).toEqual([{ allegation: 2, outcome: 'SERVICE_NOT_ACCEPTABLE' }, { allegation: 1, outcome: 'NO_FURTHER_ACTION' }]);
  });

  it('accepts the investigation findings for an investigation, and for the allegation the IOPC had investigated on a complaint otherwise handled without one', async () => {
    const investigated = await logged();
    await ok('decideComplaintHandling', investigated, { ...LOCAL, route: 'INVESTIGATION' });
    await ok('finaliseComplaint', investigated, finalise([{ allegation: 1, outcome: 'CASE_TO_ANSWER' }]));

    const reference = await logged();
    await ok('addAllegation', reference, flagged({ possibleMisconduct: true }));
    await ok('decideComplaintHandling', reference, LOCAL);
    await ok('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'], allegations: [2] });
    await ok('recordIopcDecision', reference, { decision: 'LOCAL_INVESTIGATION' });
    await refused('finaliseComplaint', reference, finalise([{ allegation: 1, outcome: 'NO_CASE_TO_ANSWER' }, { allegation: 2, outcome: 'CASE_TO_ANSWER' }]), /Allegation 1 was handled/, 'COMPLAINT_ALLEGATION_OUTCOMES');
    await ok('finaliseComplaint', reference, finalise([{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }, { allegation: 2, outcome: 'CASE_TO_ANSWER' }]));
  });

  it('refuses an investigation finding for an allegation the IOPC returned to the force on a complaint handled otherwise than by investigation', async () => {
    const reference = await logged(flagged({ possibleMisconduct: true }));
    await ok('decideComplaintHandling', reference, LOCAL);
    await ok('referComplaintToIopc', reference, { criteria: ['VOLUNTARY'] });
    await ok('recordIopcDecision', reference, { decision: 'RETURNED_TO_FORCE' });
    await refused('finaliseComplaint', reference, finalise([{ allegation: 1, outcome: 'CASE_TO_ANSWER' }]), /Allegation 1 was handled/, 'COMPLAINT_ALLEGATION_OUTCOMES');
  });
});

describe('6. an outcome letter back-dated past its review window', () => {
  it('is refused (COMPLAINT_REVIEW_RIGHT_KEPT) when its 28 days have passed by the day it is recorded; the last day still open is accepted', async () => {
    const reference = await logged();
    await ok('decideComplaintHandling', reference, LOCAL);
    app.setNow('2026-04-11T10:00:00Z');
    const outcome = (letter: string) => ({ outcome: 'Service acceptable', outcomeLetterDate: letter, allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }] });
    // A letter dated 13 March gives until 10 April: passed on 11 April.
    await refused('finaliseComplaint', reference, outcome('2026-03-13'), /gives until 2026-04-10 to apply for a review, which has passed/, 'COMPLAINT_REVIEW_RIGHT_KEPT');
    // Dated 14 March it gives until 11 April, today: still open.
    const finalised = await ok('finaliseComplaint', reference, outcome('2026-03-14'));
    expect(finalised.outcome).toMatchObject({ reviewWindowClosesOn: '2026-04-11', reviewBody: 'LOCAL_POLICING_BODY' });
  });
});

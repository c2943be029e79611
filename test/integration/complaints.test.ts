import { beforeAll, describe, expect, it } from 'vitest';
import { TRACK } from '../support/operations.js';
import { caseHelpers } from '../support/caseHelpers.js';
import { complaintCaseType } from '../../src/complaints/caseType.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Complaints through the real Lambda handler and DynamoDB Local: the public form, Professional
 * Standards' journey to local resolution or Schedule 3 and review, every refusal the rules make,
 * tracking, concurrency, queues and statistics.
 */
const FIELDS = `reference status loggedOn handler version late schedule3Reasons referralRequired nextUpdateDueOn
  desiredOutcomeConfirmed updatePlan { every unit channel }
  complainant { name email preferredContact } complaintTypes { code name }
  allegations { number category { code } flags { mandatoryReferral } }
  contacts { contactedOn firstContact by }
  handlingHistory { handling route referredToIopc iopcDecision reason }
  localResolution { actionsTaken resolvedToSatisfaction concludedOn }
  outcome { letterDate reviewWindowClosesOn reviewBody }
  review { receivedOn upheld } closure { kind reason }
  auditTrail { action actor { name } }`;

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) {
  receipt { reference trackingCode duplicateOfEarlierSubmission } userErrors { field message code } } }`;
const READ = `query($reference: String!) { complaint(reference: $reference) { ${FIELDS} } }`;
const QUEUE = `query($input: ComplaintQueueInput!, $first: Int, $after: String) { complaintQueue(input: $input, first: $first, after: $after) {
  edges { node { reference status handler lastContactOn reviewWindowClosesOn ageInDays } } pageInfo { hasNextPage endCursor } } }`;
const STATS = `query($input: ComplaintStatisticsInput!) { complaintStatistics(input: $input) {
  received logged averageWorkingDaysToLog averageWorkingDaysToFirstContact handledOutsideSchedule3 handledUnderSchedule3
  shareHandledOutsideSchedule3 finalisedOutsideSchedule3 averageWorkingDaysToFinaliseOutsideSchedule3 finalisedUnderSchedule3
  averageWorkingDaysToFinaliseUnderSchedule3 reviews reviewsDecided reviewsUpheld shareOfReviewsUpheld
  allegationsByCategory { code count } complaintTypes { code count } } }`;


let app: TestApp;
let ip = 0;
const ps = (name = 'sam.pro') => app.token('professional-standards', name);

function form(over: Record<string, unknown> = {}) {
  return {
    idempotencyKey: newKey(),
    complainant: { name: 'Jo Complainant', email: 'jo.complainant@example.com', preferredContact: 'EMAIL' },
    needs: { language: 'Polish', interpreterNeeded: true },
    incident: { date: '2026-02-20', time: '14:30', place: 'Colmore Row, Birmingham', description: 'An officer was rude to me.' },
    peopleInvolved: [{ collarNumber: '1234' }],
    complaintTypes: ['RUDENESS'],
    desiredOutcome: 'An apology',
    wantsFormalRecording: false,
    ...over,
  };
}

async function submit(over: Record<string, unknown> = {}) {
  const res = await app.gql(SUBMIT, { input: form(over) }, { ip: `198.18.0.${++ip % 250}` });
  return res.body.data!.submitComplaint;
}

/** A first contact that confirms the outcome the complainant wants (handling is decided after one). */
const CONTACT = { method: 'PHONE', summary: 'Called: confirmed the outcome wanted', desiredOutcomeConfirmed: true };

const { read, ok, refused } = caseHelpers(() => app, {
  read: READ,
  readField: 'complaint',
  payloadField: 'complaint',
  fields: FIELDS,
  caseType: complaintCaseType,
  token: () => ps(),
});
const queue = async (input: Record<string, unknown>, token = ps()) =>
  (await app.gql(QUEUE, { input }, { token })).body.data!.complaintQueue.edges.map((e: { node: { reference: string } }) => e.node.reference) as string[];

beforeAll(async () => {
  app = await createTestApp();
  app.setNow('2026-03-02T10:00:00Z');
});

describe('the public complaint form', () => {
  it('gives a CMP reference and a tracking code, and the complainant can follow the case', async () => {
    const { receipt, userErrors } = await submit();
    expect(userErrors).toEqual([]);
    expect(receipt.reference).toMatch(/^CMP-2026-\d{6}$/);
    const tracked = await app.gql(TRACK, { reference: receipt.reference, trackingCode: receipt.trackingCode });
    expect(tracked.body.data!.trackCase).toEqual({
      reference: receipt.reference,
      caseType: 'COMPLAINT',
      status: 'RECEIVED',
      statusDescription: expect.stringMatching(/will contact you/),
      receivedOn: '2026-03-02',
      lastUpdatedOn: '2026-03-02',
    });
    const more = await app.gql(`query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { nextUpdateBy reviewWindowClosesOn } }`, {
      r: receipt.reference,
      c: receipt.trackingCode,
    });
    expect(more.body.data!.trackCase).toEqual({ nextUpdateBy: '2026-03-12', reviewWindowClosesOn: null });
  });

  it('keeps what the complainant told us, for Professional Standards', async () => {
    const { receipt } = await submit({ complaintTypes: ['RUDENESS', 'NOT_LISTENING'] });
    const c = await read(receipt.reference);
    expect(c).toMatchObject({
      status: 'RECEIVED',
      complainant: { name: 'Jo Complainant', email: 'jo.complainant@example.com', preferredContact: 'EMAIL' },
      complaintTypes: [
        { code: 'RUDENESS', name: 'Rudeness and incivility' },
        { code: 'NOT_LISTENING', name: 'Officers failing to listen' },
      ],
      late: false,
      nextUpdateDueOn: '2026-03-12',
    });
  });

  it.each([
    ['no contact detail for the preferred method', { complainant: { name: 'Jo', phone: '0121 626 5000', preferredContact: 'EMAIL' } }, 'input.complainant.email', 'REQUIRED'],
    ['"something else" without saying what', { complaintTypes: ['SOMETHING_ELSE'] }, 'input.otherTypeDescription', 'REQUIRED'],
    ['an unknown complaint type', { complaintTypes: ['PARKING'] }, 'input.complaintTypes.0', 'INVALID'],
    ['no complaint type', { complaintTypes: [] }, 'input.complaintTypes', 'OUT_OF_RANGE'],
    ['an incident in the future', { incident: { date: '2026-03-03', place: 'x', description: 'y' } }, 'input.incident.date', 'INVALID'],
    ['a time that is not HH:MM', { incident: { date: '2026-02-20', time: '2pm', place: 'x', description: 'y' } }, 'input.incident.time', 'INVALID'],
    ['no desired outcome', { desiredOutcome: '  ' }, 'input.desiredOutcome', 'REQUIRED'],
    ['a bad phone number', { complainant: { name: 'Jo', phone: 'call me', preferredContact: 'PHONE' } }, 'input.complainant.phone', 'INVALID'],
    ['a person with nothing to identify them', { peopleInvolved: [{ name: ' ' }] }, 'input.peopleInvolved.0', 'INVALID'],
  ])('refuses %s with a clear error and stores nothing', async (_, over, field, code) => {
    const out = await submit(over);
    expect(out.receipt).toBeNull();
    expect(out.userErrors).toContainEqual(expect.objectContaining({ field: field.split('.'), code }));
  });

  it('answers a retry with the first answer', async () => {
    const input = form();
    const first = await app.gql(SUBMIT, { input });
    const again = await app.gql(SUBMIT, { input });
    expect(again.body.data!.submitComplaint.receipt).toEqual(first.body.data!.submitComplaint.receipt);
  });

  it('tells the complainant nothing that is not theirs to see', async () => {
    const { receipt } = await submit();
    await ok('logComplaint', receipt.reference, { handler: 'sam.pro' });
    await ok('recordComplaintContact', receipt.reference, CONTACT);
    await ok('addAllegation', receipt.reference, { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'PC 1234 was rude', personComplainedAbout: { name: 'PC Smith' } });
    const tracked = await app.gql(
      `query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { reference caseType status statusDescription receivedOn lastUpdatedOn nextUpdateBy reviewWindowClosesOn } }`,
      { r: receipt.reference, c: receipt.trackingCode },
    );
    expect(JSON.stringify(tracked.body)).not.toMatch(/Smith|rude|1234|sam\.pro|Jo Complainant/);
    expect(tracked.body.data!.trackCase.status).toBe('BEING_HANDLED');
    const wrong = await app.gql(TRACK, { reference: receipt.reference, trackingCode: 'AAAA-AAAA-AAAA-AAAA' });
    expect(wrong.body.data!.trackCase).toBeNull();
  });
});

describe('local resolution, start to finish', () => {
  it('goes from the form to closed, with the queues and the record following', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    expect(await queue({ queue: 'UNALLOCATED' })).toContain(ref);
    expect(await queue({ queue: 'AWAITING_FIRST_CONTACT' })).toContain(ref);

    app.setNow('2026-03-04T09:00:00Z');
    let c = await ok('logComplaint', ref, { handler: 'sam.pro' });
    expect(c).toMatchObject({ status: 'LOGGED', loggedOn: '2026-03-04', handler: 'sam.pro' });
    expect(await queue({ queue: 'UNALLOCATED' })).not.toContain(ref);
    expect(await queue({ queue: 'CASELOAD' })).toContain(ref);

    c = await ok('recordComplaintContact', ref, {
      method: 'PHONE',
      summary: 'Listened; agreed weekly updates by phone',
      updatePlan: { every: 1, unit: 'WEEKS', channel: 'PHONE' },
      desiredOutcomeConfirmed: true,
    });
    expect(c.contacts).toEqual([{ contactedOn: '2026-03-04', firstContact: true, by: 'sam.pro' }]);
    expect(c).toMatchObject({ desiredOutcomeConfirmed: true, updatePlan: { every: 1, unit: 'WEEKS', channel: 'PHONE' }, nextUpdateDueOn: '2026-03-11' });
    expect(await queue({ queue: 'AWAITING_FIRST_CONTACT' })).not.toContain(ref);

    await ok('addAllegation', ref, { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude at the front counter' });
    c = await ok('decideComplaintHandling', ref, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Service matter; complainant wants an apology' });
    expect(c.status).toBe('LOCAL_RESOLUTION');
    expect(await queue({ queue: 'LOCAL_RESOLUTION_IN_PROGRESS' })).toContain(ref);

    c = await ok('updateLocalResolution', ref, { actionsTaken: ['LISTENED', 'EXPLAINED', 'APOLOGISED'], resolvingOfficer: 'Insp Khan', team: 'Central NPU', targetDate: '2026-03-20' });
    expect(c.localResolution.actionsTaken).toEqual(['LISTENED', 'EXPLAINED', 'APOLOGISED']);
    c = await ok('concludeLocalResolution', ref, { resolvedToSatisfaction: true, complainantResponse: 'Happy with the apology' });
    expect(c).toMatchObject({ status: 'RESOLVED', localResolution: { resolvedToSatisfaction: true, concludedOn: '2026-03-04' } });
    expect(await queue({ queue: 'LOCAL_RESOLUTION_IN_PROGRESS' })).not.toContain(ref);

    c = await ok('closeComplaint', ref, { reason: 'Resolved' });
    expect(c).toMatchObject({ status: 'CLOSED', closure: { kind: 'CLOSED', reason: 'Resolved' } });
    expect(await queue({ queue: 'CASELOAD' })).not.toContain(ref);
    expect(c.auditTrail.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['SUBMITTED', 'LOGGED', 'FIRST_CONTACT_RECORDED', 'ALLEGATION_ADDED', 'HANDLED_OUTSIDE_SCHEDULE_3', 'LOCAL_RESOLUTION_UPDATED', 'LOCAL_RESOLUTION_RESOLVED', 'CLOSED', 'READ']),
    );
    app.setNow('2026-03-02T10:00:00Z');
  });

  it('records a failed local resolution under Schedule 3 when the complainant asks, keeping the history', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    await ok('recordComplaintContact', ref, CONTACT);
    await ok('addAllegation', ref, { category: 'DELIVERY_OF_DUTIES_AND_SERVICE', summary: 'No call back' });
    await ok('decideComplaintHandling', ref, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Service matter' });
    await refused('concludeLocalResolution', ref, { resolvedToSatisfaction: false, complainantAsksForRecording: true }, /how the complaint will be handled/);
    const c = await ok('concludeLocalResolution', ref, { resolvedToSatisfaction: false, complainantAsksForRecording: true, route: 'OTHERWISE_THAN_BY_INVESTIGATION' });
    expect(c.status).toBe('SCHEDULE_3');
    expect(c.handlingHistory.map((h: { handling: string }) => h.handling)).toEqual(['OUTSIDE_SCHEDULE_3', 'SCHEDULE_3']);
    expect(c.localResolution).toMatchObject({ resolvedToSatisfaction: false });
    expect(c.schedule3Reasons).toContain('The complainant asked for the complaint to be formally recorded.');
  });

  it('stops local resolution once an allegation needs Schedule 3', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    await ok('recordComplaintContact', ref, CONTACT);
    await ok('addAllegation', ref, { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude' });
    await ok('decideComplaintHandling', ref, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Minor' });
    await ok('addAllegation', ref, { category: 'POLICE_POWERS_POLICIES_AND_PROCEDURES', summary: 'Pushed me over', flags: { possibleMisconduct: true } });
    await refused('concludeLocalResolution', ref, { resolvedToSatisfaction: true }, /must be recorded under Schedule 3/);
    await refused('updateLocalResolution', ref, { team: 'x' }, /no longer allowed/);
    const c = await ok('decideComplaintHandling', ref, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'Possible misconduct' });
    expect(c.status).toBe('SCHEDULE_3');
  });
});

describe('recording rules', () => {
  it('refuses local resolution when the complainant asked for formal recording, and says why', async () => {
    const { receipt } = await submit({ wantsFormalRecording: true });
    await ok('logComplaint', receipt.reference, { handler: 'sam.pro' });
    await ok('recordComplaintContact', receipt.reference, CONTACT);
    await ok('addAllegation', receipt.reference, { category: 'OTHER', summary: 'x' });
    const error = await refused('decideComplaintHandling', receipt.reference, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'r' }, /must be recorded under Schedule 3/);
    expect(error.message).toMatch(/asked for the complaint to be formally recorded/);
  });

  it.each(['deathOrSeriousInjury', 'possibleCriminalOffence', 'possibleMisconduct', 'article2or3', 'mandatoryReferral'])(
    'refuses local resolution for an allegation flagged %s',
    async (flag) => {
      const { receipt } = await submit();
      await ok('logComplaint', receipt.reference, { handler: 'sam.pro' });
      await ok('recordComplaintContact', receipt.reference, CONTACT);
      await ok('addAllegation', receipt.reference, { category: 'OTHER', summary: 'x', flags: { [flag]: true } });
      await refused('decideComplaintHandling', receipt.reference, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'r' }, /Allegation 1 alleges/);
    },
  );

  it('insists a mandatory referral matter is referred', async () => {
    const { receipt } = await submit();
    await ok('logComplaint', receipt.reference, { handler: 'sam.pro' });
    await ok('recordComplaintContact', receipt.reference, CONTACT);
    await ok('addAllegation', receipt.reference, { category: 'ABUSE_OF_POSITION_OR_CORRUPTION', summary: 'x', flags: { mandatoryReferral: true } });
    await refused('decideComplaintHandling', receipt.reference, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'r' }, /must be referred to the IOPC/);
  });

  it('asks for a decision on a complaint made more than 12 months after the incident, and closes it if declined', async () => {
    const { receipt } = await submit({ incident: { date: '2024-12-01', place: 'x', description: 'y' } });
    const ref = receipt.reference;
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    await ok('recordComplaintContact', ref, CONTACT);
    expect((await read(ref)).late).toBe(true);
    await ok('addAllegation', ref, { category: 'OTHER', summary: 'x' });
    await refused('decideComplaintHandling', ref, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'r' }, /more than 12 months/);
    const c = await ok('decideLateComplaint', ref, { proceed: false, reason: 'No good reason for the delay; evidence no longer available' });
    expect(c).toMatchObject({ status: 'CLOSED', closure: { kind: 'DECLINED_LATE' } });
  });
});

describe('Schedule 3, referral, outcome and review', () => {
  it('runs from referral to an upheld review and reopening, then closes after the window', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    const code = receipt.trackingCode;
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    await ok('recordComplaintContact', ref, CONTACT);
    await ok('addAllegation', ref, {
      category: 'POLICE_POWERS_POLICIES_AND_PROCEDURES',
      summary: 'Serious assault during arrest',
      personComplainedAbout: { collarNumber: '1234', role: 'PC' },
      flags: { mandatoryReferral: true, possibleCriminalOffence: true },
    });
    let c = await ok('decideComplaintHandling', ref, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', referredToIopc: true, referralCriteria: ['SERIOUS_ASSAULT'], reason: 'Mandatory referral: serious assault' });
    expect(c).toMatchObject({ status: 'SCHEDULE_3', referralRequired: true });
    await refused('finaliseComplaint', ref, { outcome: 'x', outcomeLetterDate: '2026-03-02' }, /IOPC’s decision/);
    c = await ok('recordIopcDecision', ref, { decision: 'LOCAL_INVESTIGATION' });
    expect(c.handlingHistory.at(-1)).toMatchObject({ iopcDecision: 'LOCAL_INVESTIGATION', route: 'INVESTIGATION' });

    app.setNow('2026-04-01T10:00:00Z');
    c = await ok('finaliseComplaint', ref, { outcome: 'Case to answer for misconduct', outcomeLetterDate: '2026-04-01', allegationOutcomes: [{ allegation: 1, outcome: 'CASE_TO_ANSWER' }] });
    expect(c).toMatchObject({ status: 'FINALISED', outcome: { letterDate: '2026-04-01', reviewWindowClosesOn: '2026-04-29', reviewBody: 'IOPC' } });
    const tracked = await app.gql(`query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { status reviewWindowClosesOn nextUpdateBy } }`, { r: ref, c: code });
    expect(tracked.body.data!.trackCase).toEqual({ status: 'REVIEW_WINDOW_OPEN', reviewWindowClosesOn: '2026-04-29', nextUpdateBy: null });
    expect(await queue({ queue: 'REVIEW_WINDOW_OPEN' })).toContain(ref);
    await refused('closeComplaint', ref, { reason: 'Done' }, /until 2026-04-29/);

    app.setNow('2026-04-20T10:00:00Z');
    c = await ok('recordReviewRequest', ref, { receivedOn: '2026-04-20' });
    expect(c.status).toBe('UNDER_REVIEW');
    c = await ok('recordReviewOutcome', ref, { upheld: true, note: 'Outcome not reasonable and proportionate' });
    expect(c).toMatchObject({ status: 'SCHEDULE_3', review: { upheld: true } });
    expect(c.handlingHistory.at(-1).reason).toMatch(/^Reopened/);

    c = await ok('finaliseComplaint', ref, { outcome: 'Reconsidered: misconduct meeting', outcomeLetterDate: '2026-04-20', allegationOutcomes: [{ allegation: 1, outcome: 'CASE_TO_ANSWER' }] });
    expect(c.outcome.reviewWindowClosesOn).toBe('2026-05-18');
    app.setNow('2026-05-19T10:00:00Z');
    expect(await queue({ queue: 'REVIEW_WINDOW_OPEN' })).not.toContain(ref);
    await refused('recordReviewRequest', ref, { receivedOn: '2026-05-19' }, /closed on 2026-05-18/);
    c = await ok('closeComplaint', ref, { reason: 'Review window closed' });
    expect(c.status).toBe('CLOSED');
    const after = await app.gql(TRACK, { reference: ref, trackingCode: code });
    expect(after.body.data!.trackCase.status).toBe('CLOSED');
    app.setNow('2026-03-02T10:00:00Z');
  });

  it('closes a complaint when a review is not upheld', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    await ok('recordComplaintContact', ref, CONTACT);
    await ok('addAllegation', ref, { category: 'OTHER', summary: 'x' });
    await ok('decideComplaintHandling', ref, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Complainant wants it recorded' });
    const c1 = await ok('finaliseComplaint', ref, { outcome: 'Service acceptable', outcomeLetterDate: '2026-03-02', allegationOutcomes: [{ allegation: 1, outcome: 'SERVICE_ACCEPTABLE' }] });
    expect(c1.outcome.reviewBody).toBe('LOCAL_POLICING_BODY');
    await ok('recordReviewRequest', ref, {});
    const c = await ok('recordReviewOutcome', ref, { upheld: false, note: 'Outcome reasonable' });
    expect(c).toMatchObject({ status: 'CLOSED', review: { upheld: false } });
  });
});

describe('refused actions', () => {
  it('refuse what the state does not allow, and change nothing', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    const before = await read(ref);
    await refused('allocateComplaint', ref, { handler: 'x' }, /Log the complaint first/, 'COMPLAINT_LOGGED_BEFORE_ALLOCATION');
    await refused('addAllegation', ref, { category: 'OTHER', summary: 'x' }, /not possible while the complaint is received/, 'WORKFLOW_STATE');
    await refused('decideComplaintHandling', ref, { handling: 'SCHEDULE_3', route: 'INVESTIGATION', reason: 'r' }, /not possible/, 'WORKFLOW_STATE');
    await refused('finaliseComplaint', ref, { outcome: 'o', outcomeLetterDate: '2026-03-02' }, /not possible/);
    await refused('recordReviewOutcome', ref, { upheld: true, note: 'n' }, /not possible/);
    await refused('closeComplaint', ref, { reason: 'r' }, /not possible/);
    await refused('logComplaint', ref, { handler: 'sam.pro', loggedOn: '2026-03-05' }, /future/);
    await refused('addAllegation', ref, { category: 'NOT_A_CATEGORY', summary: 'x' }, /IOPC category/);
    const after = await read(ref);
    expect(after.version).toBe(before.version);
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    await ok('recordComplaintContact', ref, CONTACT);
    await refused('logComplaint', ref, { handler: 'sam.pro' }, /Logging is not possible/, 'WORKFLOW_STATE');
    await refused('decideComplaintHandling', ref, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'r' }, /at least one allegation/, 'COMPLAINT_HAS_ALLEGATION');
    await refused('decideLateComplaint', ref, { proceed: true, reason: 'r' }, /within 12 months/, 'COMPLAINT_LATE_DECISION_APPLIES');
    await ok('withdrawComplaint', ref, { reason: 'Complainant withdrew by phone', notice: 'CONFIRMED_REQUEST' });
    await refused('withdrawComplaint', ref, { reason: 'again', notice: 'CONFIRMED_REQUEST' }, /not possible while the complaint is withdrawn/);
    // A withdrawn complaint can still have contact recorded (every contact is recorded).
    const later = await ok('recordComplaintContact', ref, { method: 'PHONE', summary: 'Called to confirm the withdrawal' });
    expect(later.contacts).toHaveLength(2);
  });

  it('refuse input errors without naming a rule', async () => {
    const { receipt } = await submit();
    const error = await refused('logComplaint', receipt.reference, { handler: 'sam.pro', loggedOn: '2026-03-05' }, /future/);
    expect([error.code, error.rule]).toEqual(['INVALID', null]);
  });

  it('say which complaint does not exist', async () => {
    const doc = `mutation($input: LogComplaintInput!) { logComplaint(input: $input) { complaint { reference } userErrors { field code } } }`;
    const res = await app.gql(doc, { input: { reference: 'CMP-2026-999999', expectedVersion: 1, handler: 'x' } }, { token: ps() });
    expect(res.body.data!.logComplaint.userErrors).toEqual([{ field: ['input', 'reference'], code: 'NOT_FOUND' }]);
  });
});

describe('available actions', () => {
  const AVAILABLE = `query($reference: String!) { complaint(reference: $reference) { availableActions { action allowed refusedBy { rule message cites } } } }`;
  const available = async (reference: string, token = ps()) => {
    const res = await app.gql(AVAILABLE, { reference }, { token });
    return Object.fromEntries(
      (res.body.data!.complaint.availableActions as Array<{ action: string; allowed: boolean; refusedBy: Array<{ rule: string }> }>).map((a) => [
        a.action,
        a.allowed ? 'allowed' : a.refusedBy.map((r) => r.rule).join(','),
      ]),
    );
  };

  it('show a handler exactly what the table allows now, and which rule refuses the rest', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    const fresh = await available(ref);
    expect(Object.keys(fresh)).toHaveLength(19);
    expect(fresh).toMatchObject({
      logComplaint: 'allowed',
      recordComplaintContact: 'allowed',
      withdrawComplaint: 'allowed',
      allocateComplaint: 'COMPLAINT_LOGGED_BEFORE_ALLOCATION',
      finaliseComplaint: 'WORKFLOW_STATE',
    });
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    await ok('recordComplaintContact', ref, CONTACT);
    const logged = await available(ref);
    expect(logged).toMatchObject({ logComplaint: 'WORKFLOW_STATE', allocateComplaint: 'allowed', decideComplaintHandling: 'COMPLAINT_HAS_ALLEGATION' });
    await ok('addAllegation', ref, { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude', flags: { possibleMisconduct: true } });
    expect(await available(ref)).toMatchObject({ decideComplaintHandling: 'allowed' });
  });

  it('name each refusing rule with where it comes from', async () => {
    const { receipt } = await submit();
    const res = await app.gql(AVAILABLE, { reference: receipt.reference }, { token: ps() });
    const allocate = res.body.data!.complaint.availableActions.find((a: { action: string }) => a.action === 'allocateComplaint');
    expect(allocate.refusedBy).toEqual([{ rule: 'COMPLAINT_LOGGED_BEFORE_ALLOCATION', message: 'Log the complaint first: logging allocates it.', cites: expect.stringMatching(/RULES\.md §4/) }]);
  });

  it('are only for Professional Standards, whose read is audited', async () => {
    const { receipt } = await submit();
    const other = await app.gql(AVAILABLE, { reference: receipt.reference }, { token: app.token('information-rights') });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('two handlers, one complaint', () => {
  it('lets the first change win and tells the second, overwriting nothing', async () => {
    const { receipt } = await submit();
    const ref = receipt.reference;
    await ok('logComplaint', ref, { handler: 'sam.pro' });
    const { version } = await read(ref);
    const doc = `mutation($input: RecordComplaintContactInput!) { recordComplaintContact(input: $input) { complaint { version } userErrors { code message } } }`;
    const [a, b] = await Promise.all([
      app.gql(doc, { input: { reference: ref, expectedVersion: version, method: 'PHONE', summary: 'Call by A' } }, { token: ps('a.handler') }),
      app.gql(doc, { input: { reference: ref, expectedVersion: version, method: 'EMAIL', summary: 'Email by B' } }, { token: ps('b.handler') }),
    ]);
    const outcomes = [a, b].map((r) => r.body.data!.recordComplaintContact);
    expect(outcomes.filter((o) => o.complaint)).toHaveLength(1);
    const loser = outcomes.find((o) => !o.complaint)!;
    expect(loser.userErrors[0]).toMatchObject({ code: 'STALE_VERSION', message: expect.stringMatching(/Reload/) });
    const c = await read(ref);
    expect(c.contacts).toHaveLength(1);
    expect(c.version).toBe(version + 1);
  });
});

describe('queues', () => {
  it('find complaints by status, category, date and overdue updates, without personal data', async () => {
    const fresh = await createTestApp();
    const mine = app;
    app = fresh;
    try {
      const earlier = { incident: { date: '2025-12-20', place: 'Digbeth', description: 'Something happened' } };
      app.setNow('2026-01-05T10:00:00Z');
      const a = (await submit(earlier)).receipt.reference;
      app.setNow('2026-02-10T10:00:00Z');
      const b = (await submit(earlier)).receipt.reference;
      await ok('logComplaint', b, { handler: 'lee.pro' });
      await ok('addAllegation', b, { category: 'USE_OF_POLICE_VEHICLES', summary: 'Speeding' });
      await ok('recordComplaintContact', b, { method: 'EMAIL', summary: 'Acknowledged' });
      app.setNow('2026-03-20T10:00:00Z');
      const c = (await submit(earlier)).receipt.reference;

      expect(await queue({ queue: 'RECEIVED_BETWEEN', from: '2026-02-01', to: '2026-03-31' })).toEqual([b, c]);
      expect(await queue({ queue: 'BY_STATUS', status: 'RECEIVED' })).toEqual([a, c]);
      expect(await queue({ queue: 'BY_CATEGORY', category: 'USE_OF_POLICE_VEHICLES' })).toEqual([b]);
      expect(await queue({ queue: 'CASELOAD', handler: 'lee.pro' })).toEqual([b]);
      expect(await queue({ queue: 'CASELOAD' }, ps('lee.pro'))).toEqual([b]);
      // On 20 March: a (received 5 Jan, never contacted) and b (last contact 10 Feb) are a month or more without contact.
      expect(await queue({ queue: 'UPDATES_OVERDUE' })).toEqual([a, b]);
      const rows = await app.gql(QUEUE, { input: { queue: 'RECEIVED_BETWEEN', from: '2026-01-01', to: '2026-12-31' } }, { token: ps() });
      expect(JSON.stringify(rows.body)).not.toMatch(/Jo Complainant|example\.com|Colmore/);
      expect(rows.body.data!.complaintQueue.edges[0].node).toMatchObject({ reference: a, status: 'RECEIVED', ageInDays: 74 });
      const paged = await app.gql(QUEUE, { input: { queue: 'RECEIVED_BETWEEN', from: '2026-01-01', to: '2026-12-31' }, first: 2 }, { token: ps() });
      expect(paged.body.data!.complaintQueue.pageInfo.hasNextPage).toBe(true);
      const bad = await app.gql(QUEUE, { input: { queue: 'BY_CATEGORY', category: 'NOPE' } }, { token: ps() });
      expect(bad.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    } finally {
      app = mine;
    }
  });
});

describe('statistics', () => {
  it('match a hand-counted fixture', async () => {
    const fresh = await createTestApp();
    const mine = app;
    app = fresh;
    try {
      // Complaint 1: received Mon 2 Mar, logged Wed 4 Mar (2 working days), first contact Fri 6 Mar (4),
      // local resolution decided and resolved Tue 10 Mar (6 working days from receipt).
      app.setNow('2026-03-02T09:00:00Z');
      const one = (await submit({ complaintTypes: ['RUDENESS', 'NOT_LISTENING'] })).receipt.reference;
      // Complaint 2: received Mon 2 Mar, logged Mon 9 Mar (5), first contact Wed 18 Mar (12; 17 Mar is a working day in England),
      // Schedule 3 decided 18 Mar, finalised by a letter of Wed 1 Apr (22), review asked 10 Apr, upheld 15 Apr.
      const two = (await submit({ complaintTypes: ['RUDENESS'] })).receipt.reference;
      // Complaint 3: received Tue 3 Mar, never logged in March.
      app.setNow('2026-03-03T09:00:00Z');
      await submit({ complaintTypes: ['EXCESSIVE_FORCE'] });

      app.setNow('2026-03-04T09:00:00Z');
      await ok('logComplaint', one, { handler: 'sam.pro' });
      app.setNow('2026-03-06T09:00:00Z');
      await ok('recordComplaintContact', one, { method: 'PHONE', summary: 'Called' });
      app.setNow('2026-03-09T09:00:00Z');
      await ok('logComplaint', two, { handler: 'sam.pro' });
      app.setNow('2026-03-10T09:00:00Z');
      await ok('addAllegation', one, { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude' });
      await ok('decideComplaintHandling', one, { handling: 'OUTSIDE_SCHEDULE_3', reason: 'Minor' });
      await ok('concludeLocalResolution', one, { resolvedToSatisfaction: true });
      app.setNow('2026-03-18T09:00:00Z');
      await ok('recordComplaintContact', two, { method: 'EMAIL', summary: 'Wrote' });
      await ok('addAllegation', two, { category: 'INDIVIDUAL_BEHAVIOURS', summary: 'Rude' });
      await ok('addAllegation', two, { category: 'DISCRIMINATORY_BEHAVIOUR', summary: 'Remarks' });
      await ok('decideComplaintHandling', two, { handling: 'SCHEDULE_3', route: 'OTHERWISE_THAN_BY_INVESTIGATION', reason: 'Discrimination alleged' });
      app.setNow('2026-04-01T09:00:00Z');
      await ok('finaliseComplaint', two, {
        outcome: 'Reflective practice',
        outcomeLetterDate: '2026-04-01',
        allegationOutcomes: [
          { allegation: 1, outcome: 'SERVICE_ACCEPTABLE' },
          { allegation: 2, outcome: 'SERVICE_NOT_ACCEPTABLE' },
        ],
      });
      app.setNow('2026-04-10T09:00:00Z');
      await ok('recordReviewRequest', two, { receivedOn: '2026-04-10' });
      app.setNow('2026-04-15T09:00:00Z');
      await ok('recordReviewOutcome', two, { upheld: true, note: 'Not proportionate' });

      const stats = async (from: string, to: string) =>
        (await app.gql(STATS, { input: { from, to } }, { token: ps() })).body.data!.complaintStatistics;
      expect(await stats('2026-03-01', '2026-04-30')).toEqual({
        received: 3,
        logged: 2,
        averageWorkingDaysToLog: 3.5,
        averageWorkingDaysToFirstContact: 8,
        handledOutsideSchedule3: 1,
        handledUnderSchedule3: 1,
        shareHandledOutsideSchedule3: 0.5,
        finalisedOutsideSchedule3: 1,
        averageWorkingDaysToFinaliseOutsideSchedule3: 6,
        finalisedUnderSchedule3: 1,
        averageWorkingDaysToFinaliseUnderSchedule3: 22,
        reviews: 1,
        reviewsDecided: 1,
        reviewsUpheld: 1,
        shareOfReviewsUpheld: 1,
        allegationsByCategory: [
          { code: 'INDIVIDUAL_BEHAVIOURS', count: 2 },
          { code: 'DISCRIMINATORY_BEHAVIOUR', count: 1 },
        ],
        complaintTypes: [
          { code: 'EXCESSIVE_FORCE', count: 1 },
          { code: 'NOT_LISTENING', count: 1 },
          { code: 'RUDENESS', count: 2 },
        ],
      });
      expect(await stats('2026-04-01', '2026-04-30')).toMatchObject({ received: 0, logged: 0, finalisedUnderSchedule3: 1, reviews: 1, averageWorkingDaysToLog: null });
      const tooLong = await app.gql(STATS, { input: { from: '2025-01-01', to: '2026-03-01' } }, { token: ps() });
      expect(tooLong.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    } finally {
      app = mine;
    }
  });
});

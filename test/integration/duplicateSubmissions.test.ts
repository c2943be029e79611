import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * The public duplicate guard merges only the same form sent again from the same source within the
 * window (a second press, a reload with a new key): never a different complaint that shares a name
 * and an incident, which would be lost. And a submission answered as a duplicate keeps that answer
 * for its key, so its retry, however late, is answered the same and stores nothing.
 */
const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) {
  receipt { reference trackingCode duplicateOfEarlierSubmission } userErrors { code } } }`;
const READ = `query($reference: String!) { complaint(reference: $reference) { reference wantsFormalRecording complaintTypes { code } onBehalfOf { name } } }`;

function form(over: Record<string, unknown> = {}) {
  return {
    idempotencyKey: newKey(),
    complainant: { name: 'Dana Parent', email: 'dana.parent@example.com', preferredContact: 'EMAIL' },
    incident: { date: '2026-08-20', place: 'Bull Ring, Birmingham', description: 'Officers stopped and searched my sons without saying why.' },
    complaintTypes: ['RUDENESS'],
    desiredOutcome: 'An explanation',
    wantsFormalRecording: false,
    onBehalfOf: { name: 'Sam Parent', relationship: 'Son', hasTheirConsent: true },
    ...over,
  };
}

describe('the public duplicate guard', () => {
  let app: TestApp;
  const ps = () => app.token('professional-standards', 'sam.pro');
  beforeAll(async () => {
    app = await createTestApp();
  });

  it('stores a second complaint from the same source about the same incident when anything in it differs', async () => {
    const ip = '198.18.90.1';
    const first = (await app.gql(SUBMIT, { input: form() }, { ip })).body.data!.submitComplaint.receipt;
    const other = form({ onBehalfOf: { name: 'Alex Parent', relationship: 'Son', hasTheirConsent: true }, complaintTypes: ['EXCESSIVE_FORCE'], wantsFormalRecording: true });
    const second = (await app.gql(SUBMIT, { input: other }, { ip })).body.data!.submitComplaint.receipt;
    expect(second.duplicateOfEarlierSubmission).toBe(false);
    expect(second.reference).not.toBe(first.reference);
    expect(second.trackingCode).toEqual(expect.any(String));
    const stored = (await app.gql(READ, { reference: second.reference }, { token: ps() })).body.data!.complaint;
    expect(stored).toMatchObject({ wantsFormalRecording: true, complaintTypes: [{ code: 'EXCESSIVE_FORCE' }], onBehalfOf: { name: 'Alex Parent' } });
  });

  it('merges the same form sent again with a new key from the same source, and answers its retry the same after the window has passed', async () => {
    const ip = '198.18.90.2';
    const start = new Date('2026-11-20T10:00:00Z');
    app.setNow(start);
    try {
      const same = form({ onBehalfOf: { name: 'Kit Parent', relationship: 'Son', hasTheirConsent: true } });
      const first = (await app.gql(SUBMIT, { input: same }, { ip })).body.data!.submitComplaint.receipt;
      const again = { ...same, idempotencyKey: newKey() };
      const duplicate = (await app.gql(SUBMIT, { input: again }, { ip })).body.data!.submitComplaint.receipt;
      expect(duplicate).toEqual({ reference: first.reference, trackingCode: null, duplicateOfEarlierSubmission: true });
      // Six minutes later the guard has expired; the retry of the second key is still its first answer.
      app.setNow(new Date(start.getTime() + 6 * 60_000));
      const retry = (await app.gql(SUBMIT, { input: again }, { ip })).body.data!.submitComplaint.receipt;
      expect(retry).toEqual(duplicate);
      // …and its key with other content is refused, as any reused key is.
      const reused = (await app.gql(SUBMIT, { input: { ...again, desiredOutcome: 'An apology' } }, { ip })).body.data!.submitComplaint;
      expect(reused.userErrors).toEqual([{ code: 'IDEMPOTENCY_KEY_REUSED' }]);
    } finally {
      app.setNow(undefined);
    }
  });

  it('answers a filled honeypot (a bot) with the same decoy for the same key, as a real retry is answered, and a different one for another key', async () => {
    const ip = '198.18.90.3';
    const trap = form({ honeypot: 'https://spam.example' });
    const first = (await app.gql(SUBMIT, { input: trap }, { ip })).body.data!.submitComplaint.receipt;
    const retry = (await app.gql(SUBMIT, { input: trap }, { ip })).body.data!.submitComplaint.receipt;
    expect(retry).toEqual(first);
    expect(first).toMatchObject({ reference: expect.stringMatching(/^CMP-\d{4}-\d{6}$/), trackingCode: expect.any(String), duplicateOfEarlierSubmission: false });
    const other = (await app.gql(SUBMIT, { input: { ...trap, idempotencyKey: newKey() } }, { ip })).body.data!.submitComplaint.receipt;
    expect(other.reference).not.toBe(first.reference);
    expect((await app.gql(READ, { reference: first.reference }, { token: ps() })).body.data!.complaint).toBeNull();
  });
});

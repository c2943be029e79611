import { beforeAll, describe, expect, it } from 'vitest';
import { foiHelpers } from '../support/foiHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * A complaint to the ICO about an FOI request follows its response, or the time for one passing
 * without it (s.10, s.50: the ICO takes complaints about requests not answered in time). Received
 * Monday 2 March 2026: due on the 20th working day, Tuesday 31 March.
 */
const FIELDS = `reference version status icoComplaint { receivedOn icoReference }`;
const SUBMIT = `mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference } userErrors { code } } }`;

let app: TestApp;
const { ok, refused, act } = foiHelpers(() => app, FIELDS);

beforeAll(async () => {
  app = await createTestApp();
});

describe('a complaint to the ICO about an FOI request never answered', () => {
  it('is refused on the day the response is due, and recorded from the day after, dated no earlier than that day', async () => {
    app.setNow('2026-03-02T10:00:00Z');
    const input = { idempotencyKey: newKey(), requester: { name: 'Una Answered', email: 'una@example.com' }, description: 'How many PCSOs worked in Dudley in 2025?', format: 'ELECTRONIC_COPY' };
    const reference = (await app.gql(SUBMIT, { input }, { ip: '198.23.0.1' })).body.data!.submitFoiRequest.receipt.reference as string;
    try {
      app.setNow('2026-03-31T16:00:00Z');
      await refused('recordIcoComplaint', reference, { icoReference: 'IC-1234-A1B2', receivedOn: '2026-03-31' }, /due by 2026-03-31/, 'FOI_ICO_AFTER_RESPONSE');
      app.setNow('2026-04-01T09:00:00Z');
      const early = await act('recordIcoComplaint', reference, { icoReference: 'IC-1234-A1B2', receivedOn: '2026-03-31' });
      expect(early.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'receivedOn'] })]);
      const recorded = await ok('recordIcoComplaint', reference, { icoReference: 'IC-1234-A1B2', receivedOn: '2026-04-01' });
      expect(recorded.icoComplaint).toEqual({ receivedOn: '2026-04-01', icoReference: 'IC-1234-A1B2' });
    } finally {
      app.setNow(undefined);
    }
  });
});

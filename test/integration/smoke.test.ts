import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});

describe('smoke', () => {
  it('submits a rating and tracks it', async () => {
    const res = await app.gql(
      `mutation($input: SubmitPageRatingInput!) { submitPageRating(input: $input) { receipt { reference trackingCode receivedAt duplicateOfEarlierSubmission } userErrors { field message code } } }`,
      { input: { idempotencyKey: newKey(), pageUrl: 'https://www.west-midlands.police.uk/contact-us?x=1#top', rating: 2, comment: 'email me at a@b.com' } },
    );
    console.log(JSON.stringify(res.body), app.logger.lines.slice(-3));
    expect(res.body.data?.submitPageRating.receipt.reference).toMatch(/^WEB-\d{4}-000001$/);
    const { reference, trackingCode } = res.body.data!.submitPageRating.receipt;
    const t = await app.gql(`query($r: String!, $c: String!) { trackCase(reference: $r, trackingCode: $c) { reference status statusDescription receivedOn } }`, { r: reference, c: trackingCode });
    console.log(JSON.stringify(t.body));
    expect(t.body.data?.trackCase.status).toBe('RECEIVED');
  });
});

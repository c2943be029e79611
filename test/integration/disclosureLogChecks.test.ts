import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foiHelpers } from '../support/foiHelpers.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * What the disclosure log refuses to publish (RULES.md §2, "Disclosure log"), for two gaps a
 * reviewer found walking the journey: a requester's home named without a number (a house name, a
 * street), and a s.40(1) response (a request for the requester's own data) published as it stood.
 */
const FIELDS = `reference version disclosureDraft { title question answer } published`;
const SUBMIT = `mutation($input: SubmitFoiRequestInput!) { submitFoiRequest(input: $input) { receipt { reference } userErrors { code } } }`;
const LOG_PUBLIC = `query($search: DisclosureLogSearch) { disclosureLog(search: $search) { edges { node { reference question answer } } } }`;

let app: TestApp;
let ip = 0;
const { read, ok, refused } = foiHelpers(() => app, FIELDS);
async function submit(requester: Record<string, unknown>, description: string) {
  const out = (await app.gql(SUBMIT, { input: { idempotencyKey: newKey(), requester, description, format: 'ELECTRONIC_COPY' } }, { ip: `198.22.0.${++ip}` })).body.data!.submitFoiRequest;
  expect(out.userErrors).toEqual([]);
  return out.receipt.reference as string;
}
const onLog = async (text: string) => ((await app.gql(LOG_PUBLIC, { search: { text } })).body.data!.disclosureLog.edges as unknown[]).length;

beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(() => app.setNow('2026-11-20T10:00:00Z'));

describe('the requester’s home, named without a number', () => {
  const nora = { name: 'Nora Quill', email: 'nq@example.com', postalAddress: 'The Old Rectory, Church Lane, Lichfield WS13 6AB' };

  it('is scrubbed from the draft and refused as the requester’s address, whether house name or street; the town is left', async () => {
    const reference = await submit(nora, 'I live at The Old Rectory, Church Lane, Lichfield and want to know how many burglaries were reported in Lichfield in 2025.');
    await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'There were 41 burglaries in Lichfield in 2025, including at the Old Rectory.' });
    const draft = (await read(reference)).disclosureDraft;
    expect(JSON.stringify(draft)).not.toMatch(/Rectory|Church Lane/);
    expect(draft.question).toMatch(/Lichfield/);
    for (const question of ['I live at The Old Rectory. How many burglaries?', 'Letters to Church Lane, Lichfield: how many burglaries?']) {
      await refused('publishToDisclosureLog', reference, { title: 'Burglaries', question, answer: 'There were 41.', personalDataReviewed: true }, /requester’s postal address/, 'FOI_DISCLOSURE_WITHOUT_REQUESTER');
    }
    expect(await onLog('burglaries')).toBe(0);
    expect((await ok('publishToDisclosureLog', reference, { ...draft })).published).toBe(true);
  });
});

describe('a response under s.40(1), the requester’s own data', () => {
  const exemption = { section: '40(1)', publicInterestTestApplied: false, neitherConfirmNorDeny: false };

  it('is not published as it stands (FOI_DISCLOSURE_OWN_DATA_REVIEWED); only a version staff confirm says nothing about the requester', async () => {
    const reference = await submit({ name: 'Ivo Ward', email: 'ivo@example.com' }, 'Please send me the custody record from my arrest in May 2025.');
    await ok('respondToFoiRequest', reference, { outcome: 'REFUSED', summary: 'This is your own personal data: we have passed it to subject access.', exemptions: [exemption] });
    const draft = (await read(reference)).disclosureDraft;
    await refused('publishToDisclosureLog', reference, { ...draft }, /cites s\.40\(1\)/, 'FOI_DISCLOSURE_OWN_DATA_REVIEWED');
    expect(await onLog('custody')).toBe(0);
    const neutral = { title: 'Request for the requester’s own information', question: 'A request for information about the requester.', answer: 'Refused under s.40(1) and handled as a subject access request.' };
    expect((await ok('publishToDisclosureLog', reference, { ...neutral, personalDataReviewed: true })).published).toBe(true);
  });

  it('a response without s.40(1) publishes as before, without the confirmation', async () => {
    const reference = await submit({ name: 'Ivo Ward', email: 'ivo@example.com' }, 'How many custody records were created in Walsall in 2025?');
    await ok('respondToFoiRequest', reference, { outcome: 'PROVIDED_IN_FULL', summary: 'There were 9,120.' });
    expect((await ok('publishToDisclosureLog', reference, { ...(await read(reference)).disclosureDraft })).published).toBe(true);
  });
});

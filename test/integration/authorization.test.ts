import { buildSchema, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffGroups } from '../../src/auth/caller.js';
import { operationPolicy } from '../../src/auth/policy.js';
import { typeDefs } from '../../src/generated/typeDefs.js';
import { PAGE } from '../support/operations.js';
import { createTestApp, newKey, type TestApp } from '../support/testApp.js';

/**
 * Every operation, with every kind of caller: who is let in. One sample request per operation;
 * adding an operation without a sample here fails the first test.
 */
const samples: Record<string, string> = {
  'Query.ping': '{ ping }',
  'Query.trackCase': '{ trackCase(reference: "WEB-2026-000001", trackingCode: "AAAA-AAAA-AAAA-AAAA") { status } }',
  'Query.statutoryDeadline': '{ statutoryDeadline(input: { kind: FOI, receivedOn: "2026-03-02" }) { dueOn } }',
  'Query.bankHolidayCoverage': '{ bankHolidayCoverage { version lastYear } }',
  'Query.pageRating': '{ pageRating(reference: "WEB-2026-000001") { reference } }',
  'Query.pageRatingSummary': `{ pageRatingSummary(input: { pageUrl: "${PAGE}", period: LAST_7_DAYS }) { total } }`,
  'Query.worstRatedPages': '{ worstRatedPages(input: {}) { pageInfo { hasNextPage } } }',
  'Query.pageComments': `{ pageComments(pageUrl: "${PAGE}") { pageInfo { hasNextPage } } }`,
  'Query.researchContacts': '{ researchContacts { pageInfo { hasNextPage } } }',
  // Open to any staff member at the door (an id it did not give out is BAD_USER_INPUT); which kinds of
  // record come back is decided per kind (test/integration/clientConventions.test.ts).
  'Query.node': '{ node(id: "not-an-id") { id } }',
  'Query.commonComplaintTypes': '{ commonComplaintTypes { code name } }',
  'Query.allegationCategories': '{ allegationCategories { code } }',
  'Query.complaint': '{ complaint(reference: "CMP-2026-000001") { reference } }',
  'Query.complaintQueue': '{ complaintQueue(input: { queue: UNALLOCATED }) { pageInfo { hasNextPage } } }',
  'Query.complaintStatistics': '{ complaintStatistics(input: { from: "2026-01-01", to: "2026-01-31" }) { received } }',
  'Mutation.submitComplaint': `mutation { submitComplaint(input: { idempotencyKey: "${newKey()}", complainant: { name: "A Person", email: "a@example.com", preferredContact: EMAIL }, incident: { date: "2026-01-05", place: "Birmingham", description: "What happened" }, complaintTypes: ["RUDENESS"], desiredOutcome: "An apology", wantsFormalRecording: false }) { userErrors { code } } }`,
  'Mutation.recordComplaintReceived': `mutation { recordComplaintReceived(input: { idempotencyKey: "${newKey()}", channel: POST, receivedOn: "2026-01-06", complainant: { name: "A Person", postalAddress: "1 High St, Birmingham, B1 1AA", preferredContact: POST }, incident: { date: "2026-01-05", place: "Birmingham", description: "What happened" }, complaintTypes: ["RUDENESS"], desiredOutcome: "An apology", wantsFormalRecording: false }) { userErrors { code } } }`,
  'Mutation.logComplaint': 'mutation { logComplaint(input: { reference: "CMP-2026-000001", expectedVersion: 1, handler: "sam" }) { userErrors { code } } }',
  'Mutation.allocateComplaint': 'mutation { allocateComplaint(input: { reference: "CMP-2026-000001", expectedVersion: 1, handler: "sam" }) { userErrors { code } } }',
  'Mutation.recordComplaintContact': 'mutation { recordComplaintContact(input: { reference: "CMP-2026-000001", expectedVersion: 1, method: PHONE, summary: "Called" }) { userErrors { code } } }',
  'Mutation.addAllegation': 'mutation { addAllegation(input: { reference: "CMP-2026-000001", expectedVersion: 1, category: "OTHER", summary: "Rude" }) { userErrors { code } } }',
  'Mutation.decideLateComplaint': 'mutation { decideLateComplaint(input: { reference: "CMP-2026-000001", expectedVersion: 1, proceed: true, reason: "Good reason" }) { userErrors { code } } }',
  'Mutation.decideComplaintHandling': 'mutation { decideComplaintHandling(input: { reference: "CMP-2026-000001", expectedVersion: 1, handling: OUTSIDE_SCHEDULE_3, reason: "Minor" }) { userErrors { code } } }',
  'Mutation.recordIopcDecision': 'mutation { recordIopcDecision(input: { reference: "CMP-2026-000001", expectedVersion: 1, decision: RETURNED_TO_FORCE }) { userErrors { code } } }',
  'Mutation.updateLocalResolution': 'mutation { updateLocalResolution(input: { reference: "CMP-2026-000001", expectedVersion: 1, team: "Team A" }) { userErrors { code } } }',
  'Mutation.concludeLocalResolution': 'mutation { concludeLocalResolution(input: { reference: "CMP-2026-000001", expectedVersion: 1, resolvedToSatisfaction: true }) { userErrors { code } } }',
  'Mutation.finaliseComplaint': 'mutation { finaliseComplaint(input: { reference: "CMP-2026-000001", expectedVersion: 1, outcome: "Done", outcomeLetterDate: "2026-01-10" }) { userErrors { code } } }',
  'Mutation.recordReviewRequest': 'mutation { recordReviewRequest(input: { reference: "CMP-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Mutation.recordReviewOutcome': 'mutation { recordReviewOutcome(input: { reference: "CMP-2026-000001", expectedVersion: 1, upheld: false, note: "No" }) { userErrors { code } } }',
  'Mutation.withdrawComplaint': 'mutation { withdrawComplaint(input: { reference: "CMP-2026-000001", expectedVersion: 1, reason: "Asked", notice: SIGNED_NOTICE }) { userErrors { code } } }',
  'Mutation.referComplaintToIopc': 'mutation { referComplaintToIopc(input: { reference: "CMP-2026-000001", expectedVersion: 1, criteria: [VOLUNTARY] }) { userErrors { code } } }',
  'Mutation.recordComplaintAtRequest': 'mutation { recordComplaintAtRequest(input: { reference: "CMP-2026-000001", expectedVersion: 1, route: INVESTIGATION }) { userErrors { code } } }',
  'Mutation.recordComplainantStanding': 'mutation { recordComplainantStanding(input: { reference: "CMP-2026-000001", expectedVersion: 1, standing: WITNESS, note: "Saw it" }) { userErrors { code } } }',
  'Mutation.linkComplaint': 'mutation { linkComplaint(input: { reference: "CMP-2026-000001", expectedVersion: 1, otherReference: "CMP-2026-000002", reason: "Same incident" }) { userErrors { code } } }',
  'Mutation.transferComplaintToLocalPolicingBody': 'mutation { transferComplaintToLocalPolicingBody(input: { reference: "CMP-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Query.complaintMeasuresCsv': '{ complaintMeasuresCsv(quarter: "2026-Q1") }',
  'Mutation.closeComplaint': 'mutation { closeComplaint(input: { reference: "CMP-2026-000001", expectedVersion: 1, reason: "Done" }) { userErrors { code } } }',
  'Query.dataProtectionComplaint': '{ dataProtectionComplaint(reference: "DPC-2026-000001") { reference } }',
  'Query.dataProtectionComplaintQueue': '{ dataProtectionComplaintQueue(input: { queue: ACKNOWLEDGEMENT_OVERDUE }) { pageInfo { hasNextPage } } }',
  'Query.dataProtectionComplaintStatistics': '{ dataProtectionComplaintStatistics(input: { from: "2026-07-01", to: "2026-07-31" }) { received } }',
  'Mutation.submitDataProtectionComplaint': `mutation { submitDataProtectionComplaint(input: { idempotencyKey: "${newKey()}", complainant: { name: "A Person", email: "a@example.com", preferredContact: EMAIL }, whatHappened: "My data was shared" }) { userErrors { code } } }`,
  'Mutation.logDataProtectionComplaint': `mutation { logDataProtectionComplaint(input: { idempotencyKey: "${newKey()}", channel: POST, receivedOn: "2026-07-01", complainant: { name: "A Person", postalAddress: "1 High St", preferredContact: POST }, whatHappened: "My data was shared" }) { userErrors { code } } }`,
  'Mutation.allocateDataProtectionComplaint': 'mutation { allocateDataProtectionComplaint(input: { reference: "DPC-2026-000001", expectedVersion: 1, handler: "ira" }) { userErrors { code } } }',
  'Mutation.acknowledgeDataProtectionComplaint': 'mutation { acknowledgeDataProtectionComplaint(input: { reference: "DPC-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Mutation.recordDataProtectionEnquiry': 'mutation { recordDataProtectionEnquiry(input: { reference: "DPC-2026-000001", expectedVersion: 1, description: "Checked", madeBy: "Ira" }) { userErrors { code } } }',
  'Mutation.recordDataProtectionProgressUpdate': 'mutation { recordDataProtectionProgressUpdate(input: { reference: "DPC-2026-000001", expectedVersion: 1, method: EMAIL, summary: "Update" }) { userErrors { code } } }',
  'Mutation.recordDataProtectionOutcome': 'mutation { recordDataProtectionOutcome(input: { reference: "DPC-2026-000001", expectedVersion: 1, kind: UPHELD, summary: "Upheld" }) { userErrors { code } } }',
  'Mutation.recordDataProtectionIcoComplaint': 'mutation { recordDataProtectionIcoComplaint(input: { reference: "DPC-2026-000001", expectedVersion: 1, icoReference: "IC-1" }) { userErrors { code } } }',
  'Mutation.recordDataProtectionIcoOutcome': 'mutation { recordDataProtectionIcoOutcome(input: { reference: "DPC-2026-000001", expectedVersion: 1, result: NO_FURTHER_ACTION, summary: "None" }) { userErrors { code } } }',
  'Mutation.correctDataProtectionComplaintReceiptDate': 'mutation { correctDataProtectionComplaintReceiptDate(input: { reference: "DPC-2026-000001", expectedVersion: 1, receivedOn: "2026-07-01", reason: "Typo" }) { userErrors { code } } }',
  'Mutation.withdrawDataProtectionComplaint': 'mutation { withdrawDataProtectionComplaint(input: { reference: "DPC-2026-000001", expectedVersion: 1, reason: "Asked" }) { userErrors { code } } }',
  'Mutation.closeDataProtectionComplaint': 'mutation { closeDataProtectionComplaint(input: { reference: "DPC-2026-000001", expectedVersion: 1, reason: "Done" }) { userErrors { code } } }',
  'Query.subjectAccessRequest': '{ subjectAccessRequest(reference: "SAR-2026-000001") { reference } }',
  'Query.subjectAccessQueue': '{ subjectAccessQueue(input: { queue: OVERDUE }) { pageInfo { hasNextPage } } }',
  'Query.subjectAccessStatistics': '{ subjectAccessStatistics(input: { from: "2026-01-01", to: "2026-01-31" }) { received } }',
  'Mutation.submitSubjectAccessRequest': `mutation { submitSubjectAccessRequest(input: { idempotencyKey: "${newKey()}", requester: { name: "Alex Requester", dateOfBirth: "1980-05-01", address: "1 High St, Birmingham" }, scope: { description: "Records about my call to 101 in January" }, format: ELECTRONIC }) { userErrors { code } } }`,
  'Mutation.logSubjectAccessRequest': `mutation { logSubjectAccessRequest(input: { idempotencyKey: "${newKey()}", channel: POST, receivedOn: "2026-01-05", identityVerified: true, requester: { name: "Alex Requester", dateOfBirth: "1980-05-01", address: "1 High St, Birmingham" }, scope: { description: "Records about my call to 101 in January" }, format: ELECTRONIC }) { userErrors { code } } }`,
  'Mutation.allocateSubjectAccessRequest': 'mutation { allocateSubjectAccessRequest(input: { reference: "SAR-2026-000001", expectedVersion: 1, handler: "ira" }) { userErrors { code } } }',
  'Mutation.requestProofOfIdentity': 'mutation { requestProofOfIdentity(input: { reference: "SAR-2026-000001", expectedVersion: 1, reason: "Passport copy" }) { userErrors { code } } }',
  'Mutation.recordProofOfIdentity': 'mutation { recordProofOfIdentity(input: { reference: "SAR-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Mutation.requestSarClarification': 'mutation { requestSarClarification(input: { reference: "SAR-2026-000001", expectedVersion: 1, reason: "Which years?" }) { userErrors { code } } }',
  'Mutation.recordSarClarification': 'mutation { recordSarClarification(input: { reference: "SAR-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Mutation.extendSubjectAccessRequest': 'mutation { extendSubjectAccessRequest(input: { reference: "SAR-2026-000001", expectedVersion: 1, months: 1, reason: "Complex" }) { userErrors { code } } }',
  'Mutation.decideSarRegime': 'mutation { decideSarRegime(input: { reference: "SAR-2026-000001", expectedVersion: 1, regime: UK_GDPR }) { userErrors { code } } }',
  'Mutation.recordSarSearch': 'mutation { recordSarSearch(input: { reference: "SAR-2026-000001", expectedVersion: 1, systemsSearched: ["Niche"], dataFound: "Two records" }) { userErrors { code } } }',
  'Mutation.recordSarRestrictions': 'mutation { recordSarRestrictions(input: { reference: "SAR-2026-000001", expectedVersion: 1, restrictions: [], redactions: [] }) { userErrors { code } } }',
  'Mutation.respondToSubjectAccessRequest': 'mutation { respondToSubjectAccessRequest(input: { reference: "SAR-2026-000001", expectedVersion: 1, outcome: NOTHING_HELD }) { userErrors { code } } }',
  'Mutation.recordSarIcoComplaint': 'mutation { recordSarIcoComplaint(input: { reference: "SAR-2026-000001", expectedVersion: 1, icoReference: "IC-1" }) { userErrors { code } } }',
  'Mutation.recordSarIcoOutcome': 'mutation { recordSarIcoOutcome(input: { reference: "SAR-2026-000001", expectedVersion: 1, outcome: FORCE_COMPLIED }) { userErrors { code } } }',
  'Mutation.correctSubjectAccessReceiptDate': 'mutation { correctSubjectAccessReceiptDate(input: { reference: "SAR-2026-000001", expectedVersion: 1, receivedOn: "2026-01-05", reason: "Typo" }) { userErrors { code } } }',
  'Mutation.withdrawSubjectAccessRequest': 'mutation { withdrawSubjectAccessRequest(input: { reference: "SAR-2026-000001", expectedVersion: 1, reason: "Asked" }) { userErrors { code } } }',
  'Mutation.closeSubjectAccessRequest': 'mutation { closeSubjectAccessRequest(input: { reference: "SAR-2026-000001", expectedVersion: 1, reason: "Done" }) { userErrors { code } } }',
  'Query.disclosureLog': '{ disclosureLog(search: { text: "speed cameras" }) { pageInfo { hasNextPage } } }',
  'Query.foiExemptions': '{ foiExemptions { section } }',
  'Query.foiRequest': '{ foiRequest(reference: "FOI-2026-000001") { reference } }',
  'Query.foiQueue': '{ foiQueue(input: { queue: OVERDUE }) { pageInfo { hasNextPage } } }',
  'Query.foiRequesterHistory': '{ foiRequesterHistory(reference: "FOI-2026-000001") { pageInfo { hasNextPage } } }',
  'Query.foiStatistics': '{ foiStatistics(input: { from: "2026-01-01", to: "2026-01-31" }) { received } }',
  'Mutation.submitFoiRequest': `mutation { submitFoiRequest(input: { idempotencyKey: "${newKey()}", requester: { name: "Sam Asker", email: "sam@example.com" }, description: "How many speed cameras are there?", format: ELECTRONIC_COPY }) { userErrors { code } } }`,
  'Mutation.logFoiRequest': `mutation { logFoiRequest(input: { idempotencyKey: "${newKey()}", channel: POST, receivedOn: "2026-01-05", requester: { name: "Sam Asker", postalAddress: "1 High St" }, description: "Budget figures", format: PAPER_COPY }) { userErrors { code } } }`,
  'Mutation.allocateFoiRequest': 'mutation { allocateFoiRequest(input: { reference: "FOI-2026-000001", expectedVersion: 1, handler: "ira" }) { userErrors { code } } }',
  'Mutation.requestFoiClarification': 'mutation { requestFoiClarification(input: { reference: "FOI-2026-000001", expectedVersion: 1, reason: "Which years?" }) { userErrors { code } } }',
  'Mutation.recordFoiClarification': 'mutation { recordFoiClarification(input: { reference: "FOI-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Mutation.issueFeesNotice': 'mutation { issueFeesNotice(input: { reference: "FOI-2026-000001", expectedVersion: 1, reason: "£25" }) { userErrors { code } } }',
  'Mutation.recordFeeReceived': 'mutation { recordFeeReceived(input: { reference: "FOI-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Mutation.extendFoiForPublicInterest': 'mutation { extendFoiForPublicInterest(input: { reference: "FOI-2026-000001", expectedVersion: 1, exemptions: ["31"], estimatedDate: "2026-02-20", reason: "PIT" }) { userErrors { code } } }',
  'Mutation.respondToFoiRequest': 'mutation { respondToFoiRequest(input: { reference: "FOI-2026-000001", expectedVersion: 1, outcome: NOT_HELD, summary: "Not held" }) { userErrors { code } } }',
  'Mutation.publishToDisclosureLog': 'mutation { publishToDisclosureLog(input: { reference: "FOI-2026-000001", expectedVersion: 1, title: "T", question: "Q", answer: "A" }) { userErrors { code } } }',
  'Mutation.unpublishFromDisclosureLog': 'mutation { unpublishFromDisclosureLog(input: { reference: "FOI-2026-000001", expectedVersion: 1, reason: "R" }) { userErrors { code } } }',
  'Mutation.requestFoiInternalReview': 'mutation { requestFoiInternalReview(input: { reference: "FOI-2026-000001", expectedVersion: 1 }) { userErrors { code } } }',
  'Mutation.extendFoiInternalReview': 'mutation { extendFoiInternalReview(input: { reference: "FOI-2026-000001", expectedVersion: 1, extendedTo: "2026-03-01", reason: "Complex" }) { userErrors { code } } }',
  'Mutation.recordFoiInternalReviewOutcome': 'mutation { recordFoiInternalReviewOutcome(input: { reference: "FOI-2026-000001", expectedVersion: 1, outcome: "UPHELD", note: "n" }) { userErrors { code } } }',
  'Mutation.recordIcoComplaint': 'mutation { recordIcoComplaint(input: { reference: "FOI-2026-000001", expectedVersion: 1, icoReference: "IC-1" }) { userErrors { code } } }',
  'Mutation.recordIcoDecision': 'mutation { recordIcoDecision(input: { reference: "FOI-2026-000001", expectedVersion: 1, decision: "NOT_UPHELD", decisionNoticeReference: "FS1" }) { userErrors { code } } }',
  'Mutation.correctFoiReceiptDate': 'mutation { correctFoiReceiptDate(input: { reference: "FOI-2026-000001", expectedVersion: 1, receivedOn: "2026-01-05", reason: "Typo" }) { userErrors { code } } }',
  'Mutation.withdrawFoiRequest': 'mutation { withdrawFoiRequest(input: { reference: "FOI-2026-000001", expectedVersion: 1, reason: "Asked" }) { userErrors { code } } }',
  'Mutation.closeFoiRequest': 'mutation { closeFoiRequest(input: { reference: "FOI-2026-000001", expectedVersion: 1, reason: "Done" }) { userErrors { code } } }',
  'Mutation.submitPageRating': `mutation { submitPageRating(input: { idempotencyKey: "${newKey()}", pageUrl: "${PAGE}", rating: 2 }) { userErrors { code } } }`,
  'Mutation.reviewPageRating': 'mutation { reviewPageRating(input: { reference: "WEB-2026-000001", expectedVersion: 1, outcome: NO_ACTION }) { userErrors { code } } }',
  'Mutation.eraseResearchContact': 'mutation { eraseResearchContact(input: { email: "x@example.com" }) { erasedCount } }',
  // Each team asks for its own case type's queue (another team's is refused: test/integration/outbox.test.ts).
  'Query.undeliverableMessages': '{ undeliverableMessages(caseType: $OWN_CASE_TYPE) { pageInfo { hasNextPage } } }',
  'Mutation.recordCorrespondence': `mutation { recordCorrespondence(input: { idempotencyKey: "${newKey()}", reference: "FOI-2026-000001", direction: IN, channel: PHONE, at: "2026-01-05T10:00:00Z", summary: "Rang" }) { userErrors { code } } }`,
  'Mutation.resendMessage': 'mutation { resendMessage(input: { reference: "FOI-2026-000001", messageId: "x" }) { userErrors { code } } }',
  'Mutation.setContactPreference': 'mutation { setContactPreference(input: { reference: "FOI-2026-000001", preference: NONE }) { userErrors { code } } }',
};

const callers = ['anonymous', ...staffGroups] as const;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});

describe('authorization', () => {
  it('has a sample request for every operation in the schema', () => {
    const schema = buildSchema(typeDefs);
    const operations = (['Query', 'Mutation'] as const).flatMap((root) =>
      Object.keys((schema.getType(root) as GraphQLObjectType).getFields()).map((f) => `${root}.${f}`),
    );
    expect(Object.keys(samples).sort()).toEqual(operations.sort());
  });

  for (const operation of Object.keys(samples)) {
    const [root, field] = operation.split('.') as ['Query' | 'Mutation', string];
    const access = operationPolicy[root][field]!;
    for (const caller of callers) {
      const allowed = access.kind === 'public' || (caller !== 'anonymous' && access.groups.includes(caller));
      it(`${operation} is ${allowed ? 'open' : 'closed'} to ${caller}`, async () => {
        const sample = samples[operation]!.replace('$OWN_CASE_TYPE', caller === 'professional-standards' ? 'COMPLAINT' : 'FOI');
        const res = await app.gql(sample, {}, caller === 'anonymous' ? {} : { token: app.token(caller) });
        const code = res.body.errors?.[0]?.extensions?.code;
        if (allowed) {
          expect(code === 'UNAUTHENTICATED' || code === 'FORBIDDEN', JSON.stringify(res.body)).toBe(false);
          expect(res.body.data?.[field] !== undefined, JSON.stringify(res.body)).toBe(true);
        } else {
          expect(code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          expect(res.status).toBe(caller === 'anonymous' ? 401 : 403);
          expect(res.body.data ?? null).toBeNull();
        }
      });
    }
  }

  it('refuses a whole operation when any field in it is not allowed, running none of it', async () => {
    // Ratings are counted from the table's stream: drain it before each look.
    const total = async () => {
      await app.drainChanges();
      const res = await app.gql(`{ pageRatingSummary(input: { pageUrl: "${PAGE}", period: LAST_7_DAYS }) { total } }`, {}, { token: app.token('web-content') });
      return res.body.data!.pageRatingSummary.total as number;
    };
    const before = await total();
    const res = await app.gql(
      `mutation { a: submitPageRating(input: { idempotencyKey: "${newKey()}", pageUrl: "${PAGE}", rating: 2 }) { userErrors { code } } b: eraseResearchContact(input: { email: "x@example.com" }) { erasedCount } }`,
      {},
      { ip: '10.8.0.1' },
    );
    expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await total()).toBe(before);
  });

  it('sees through fragments on the root type', async () => {
    const res = await app.gql('query { ...F } fragment F on Query { researchContacts { pageInfo { hasNextPage } } }');
    expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const inline = await app.gql('query { ... on Query { researchContacts { pageInfo { hasNextPage } } } }', {}, { token: app.token('information-rights') });
    expect(inline.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

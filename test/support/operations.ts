/** GraphQL documents the integration tests send. */
export const SUBMIT = `mutation Submit($input: SubmitPageRatingInput!) {
  submitPageRating(input: $input) {
    receipt { reference trackingCode receivedAt duplicateOfEarlierSubmission }
    userErrors { field message code }
  }
}`;

export const TRACK = `query Track($reference: String!, $trackingCode: String!) {
  trackCase(reference: $reference, trackingCode: $trackingCode) { reference caseType status statusDescription receivedOn lastUpdatedOn }
}`;

export const RATING = `query Rating($reference: String!) {
  pageRating(reference: $reference) {
    reference pageUrl rating comment redactions hasResearchContact receivedAt status reviewOutcome version
    auditTrail { action actor { kind name } fields version at }
  }
}`;

export const REVIEW = `mutation Review($input: ReviewPageRatingInput!) {
  reviewPageRating(input: $input) { pageRating { reference status reviewOutcome version } userErrors { field message code } }
}`;

export const SUMMARY = `query Summary($input: PageRatingSummaryInput!) {
  pageRatingSummary(input: $input) { pageUrl from to total average counts { stars count } }
}`;

export const WORST = `query Worst($input: WorstRatedPagesInput!, $first: Int, $after: String) {
  worstRatedPages(input: $input, first: $first, after: $after) {
    edges { cursor node { pageUrl total average counts { stars count } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const COMMENTS = `query Comments($pageUrl: String!, $first: Int, $after: String) {
  pageComments(pageUrl: $pageUrl, first: $first, after: $after) {
    edges { cursor node { reference comment rating } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const CONTACTS = `query Contacts($first: Int, $after: String) {
  researchContacts(first: $first, after: $after) {
    edges { node { reference name email pageUrl consentedAt deleteOn } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ERASE = `mutation Erase($input: EraseResearchContactInput!) {
  eraseResearchContact(input: $input) { erasedCount userErrors { field message code } }
}`;

export const PAGE = 'https://www.west-midlands.police.uk/contact-us';

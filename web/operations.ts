import { graphql } from '../src/generated/web/index.js';

/**
 * Every GraphQL operation the public pages use, typed by graphql-codegen's client preset
 * (`npm run codegen` writes src/generated/web/). The browser sends these (JavaScript on) and the
 * form routes run the very same documents on the same server (JavaScript off): one set of
 * operations, one set of services.
 */


export const SubmitPageRating = graphql(`
  mutation SubmitPageRating($input: SubmitPageRatingInput!) {
    submitPageRating(input: $input) {
      receipt { reference trackingCode duplicateOfEarlierSubmission }
      userErrors { field message code }
    }
  }
`);

export const SubmitComplaint = graphql(`
  mutation SubmitComplaint($input: SubmitComplaintInput!) {
    submitComplaint(input: $input) {
      receipt { reference trackingCode duplicateOfEarlierSubmission }
      userErrors { field message code }
    }
  }
`);

export const CommonComplaintTypes = graphql(`
  query CommonComplaintTypes {
    commonComplaintTypes { code name }
  }
`);

export const SubmitSubjectAccessRequest = graphql(`
  mutation SubmitSubjectAccessRequest($input: SubmitSubjectAccessRequestInput!) {
    submitSubjectAccessRequest(input: $input) {
      receipt { reference trackingCode duplicateOfEarlierSubmission }
      signpost { organisation url explanation }
      userErrors { field message code }
    }
  }
`);

export const SubmitFoiRequest = graphql(`
  mutation SubmitFoiRequest($input: SubmitFoiRequestInput!) {
    submitFoiRequest(input: $input) {
      receipt { reference trackingCode duplicateOfEarlierSubmission }
      signpost { organisation url explanation }
      userErrors { field message code }
    }
  }
`);

export const SubmitDataProtectionComplaint = graphql(`
  mutation SubmitDataProtectionComplaint($input: SubmitDataProtectionComplaintInput!) {
    submitDataProtectionComplaint(input: $input) {
      receipt { reference trackingCode duplicateOfEarlierSubmission }
      userErrors { field message code }
    }
  }
`);

export const TrackCase = graphql(`
  query TrackCase($reference: String!, $trackingCode: String!) {
    trackCase(reference: $reference, trackingCode: $trackingCode) {
      reference caseType status statusDescription receivedOn lastUpdatedOn nextUpdateBy reviewWindowClosesOn dueOn
    }
  }
`);

export const StatutoryDeadline = graphql(`
  query StatutoryDeadline($input: StatutoryDeadlineInput!) {
    statutoryDeadline(input: $input) {
      kind receivedOn dueOn rule holidaySet skippedDays { date name } daysRemaining workingDaysRemaining overdue
    }
  }
`);

export const DisclosureLog = graphql(`
  query DisclosureLog($search: DisclosureLogSearch, $first: Int, $after: String) {
    disclosureLog(search: $search, first: $first, after: $after) {
      edges { cursor node { reference title question answer outcome publishedOn exemptions { section name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

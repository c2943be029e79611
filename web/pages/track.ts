import { esc, input, longDate, summaryList, valueOf } from '../components.js';
import type { TrackCaseQuery, TrackCaseQueryVariables } from '../../src/generated/web/graphql.js';
import { TrackCase } from '../operations.js';
import type { PublicPage } from '../page.js';

const day = (d: string | null | undefined) => (d ? longDate(d) : null);

/** Follow a case with its reference and tracking code. Posted, so the code never sits in an address. */
export const trackPage: PublicPage<TrackCaseQuery, TrackCaseQueryVariables> = {
  slug: 'track',
  title: 'Check how your case is going',
  method: 'post',
  document: TrackCase,
  submitText: 'Check',
  intro: '<p class="govuk-body">Use the reference and tracking code you were given when you sent it.</p>',
  fields: ({ values, errors }) =>
    input({ name: 'reference', label: 'Reference', hint: 'For example, FOI-2026-000123', values, errors, width: 20, spellcheck: false }) +
    input({ name: 'trackingCode', label: 'Tracking code', hint: 'For example, VVS8-24AY-9E1D-GFZ0', values, errors, width: 20, spellcheck: false, autocomplete: 'off' }),
  variables: (values) => ({ variables: { reference: valueOf(values, 'reference').trim(), trackingCode: valueOf(values, 'trackingCode').trim() } }),
  outcome(data) {
    const found = data.trackCase;
    if (!found) {
      return { errors: [{ name: 'reference', message: 'We could not find a case with that reference and tracking code. Check both and try again.' }] };
    }
    return {
      title: `Case ${found.reference}`,
      html: `<h1 class="govuk-heading-l" tabindex="-1" data-cc-focus>Case ${esc(found.reference)}</h1><p class="govuk-body-l" data-cc-status>${esc(found.statusDescription)}</p>${summaryList([
        ['Received', day(found.receivedOn)],
        ['Last updated', day(found.lastUpdatedOn)],
        ['Our response is due by', day(found.dueOn)],
        ['You should next hear from us by', day(found.nextUpdateBy)],
        ['You can ask for a review until', day(found.reviewWindowClosesOn)],
      ])}<p class="govuk-body"><a class="govuk-link" href="/forms/track">Check another case</a></p>`,
    };
  },
};

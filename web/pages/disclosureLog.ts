import { dateFrom, dateInput, esc, input, longDate, valueOf, type FieldError } from '../components.js';
import type { DisclosureLogQuery, DisclosureLogQueryVariables } from '../../src/generated/web/graphql.js';
import { DisclosureLog } from '../operations.js';
import type { PublicPage } from '../page.js';

const PAGE_SIZE = 10;

/** The FOI disclosure log: search published responses by words and dates. A GET form; paged by link. */
export const disclosureLogPage: PublicPage<DisclosureLogQuery, DisclosureLogQueryVariables> = {
  slug: 'disclosure-log',
  title: 'Search the disclosure log',
  method: 'get',
  document: DisclosureLog,
  submitText: 'Search',
  answerBelowForm: true,
  asks: () => true,
  intro: '<p class="govuk-body">Responses to Freedom of Information requests we have published, newest first.</p>',
  fields: ({ values, errors }) =>
    input({ name: 'text', label: 'Words to search for', values, errors, type: 'search' }) +
    dateInput({ name: 'from', label: 'Published on or after (optional)', values, errors }) +
    dateInput({ name: 'to', label: 'Published on or before (optional)', values, errors }),
  variables(values) {
    const errors: FieldError[] = [];
    const from = dateFrom(values, 'from');
    const to = dateFrom(values, 'to');
    if (from === null) errors.push({ name: 'from-day', message: 'The first date must be a real date, for example 2 3 2026.' });
    if (to === null) errors.push({ name: 'to-day', message: 'The last date must be a real date, for example 2 3 2026.' });
    if (errors.length) return { errors };
    const text = valueOf(values, 'text').trim();
    const after = valueOf(values, 'after');
    return {
      variables: {
        search: { ...(text && { text }), ...(from && { from }), ...(to && { to }) },
        first: PAGE_SIZE,
        ...(after && { after }),
      },
    };
  },
  outcome(data, values) {
    const { edges, pageInfo } = data.disclosureLog;
    if (edges.length === 0) {
      return { title: 'No results', html: '<h2 class="govuk-heading-m" tabindex="-1" data-cc-focus>No published responses match your search</h2>' };
    }
    const items = edges
      .map(({ node }) => `<li class="cc-disclosure"><h3 class="govuk-heading-s">${esc(node.title)} <span class="govuk-caption-m">${esc(node.reference)}, published ${esc(longDate(node.publishedOn))}</span></h3><p class="govuk-body"><strong>Question:</strong> ${esc(node.question)}</p><p class="govuk-body"><strong>Answer:</strong> ${esc(node.answer)}</p>${node.exemptions.length ? `<p class="govuk-body-s">Exemptions: ${node.exemptions.map((e) => esc(`section ${e.section} (${e.name})`)).join(', ')}</p>` : ''}</li>`)
      .join('');
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && v && k !== 'after') query.set(k, v);
    if (pageInfo.endCursor) query.set('after', pageInfo.endCursor);
    const next = pageInfo.hasNextPage ? `<nav class="govuk-pagination" aria-label="Results pages"><div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="?${esc(query.toString())}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div></nav>` : '';
    return {
      title: 'Results',
      html: `<h2 class="govuk-heading-m" tabindex="-1" data-cc-focus>Results</h2><ul class="govuk-list" data-cc-results>${items}</ul>${next}`,
    };
  },
};

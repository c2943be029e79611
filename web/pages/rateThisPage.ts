import { checkboxes, hidden, input, radios, textarea, valueOf, type FieldError } from '../components.js';
import type { SubmitPageRatingMutation, SubmitPageRatingMutationVariables } from '../../src/generated/web/graphql.js';
import { SubmitPageRating } from '../operations.js';
import { userErrors, type PublicPage } from '../page.js';
import { receiptPage } from './receipt.js';

/** "Rate this page": the component a CMS page includes (`?embed=1&page=<the page's address>`). */
export const rateThisPage: PublicPage<SubmitPageRatingMutation, SubmitPageRatingMutationVariables> = {
  slug: 'rate-this-page',
  title: 'Rate this page',
  method: 'post',
  document: SubmitPageRating,
  submitText: 'Send feedback',
  fields: ({ values, errors }, ctx) =>
    hidden('pageUrl', valueOf(values, 'pageUrl')) +
    radios({
      name: 'rating',
      label: 'How useful was this page?',
      values,
      errors,
      items: [
        { value: '1', text: 'Not useful' },
        { value: '2', text: 'Quite useful' },
        { value: '3', text: 'Very useful' },
      ],
    }) +
    textarea({
      name: 'comment',
      label: 'Tell us about your experience on the website (optional)',
      hint: 'Do not include personal details such as your name, phone number or case details.',
      values,
      errors,
      maxlength: ctx.limits.comment,
      rows: 4,
    }) +
    checkboxes({
      name: 'researchContact.consentToContact',
      label: 'Can we contact you about the website?',
      values,
      errors,
      items: [{ value: 'true', text: 'Yes, you can contact me about my experience of the website' }],
    }) +
    input({ name: 'researchContact.name', label: 'Your name (optional)', values, errors, autocomplete: 'name', spellcheck: false }) +
    input({ name: 'researchContact.email', label: 'Your email address (optional)', values, errors, type: 'email', autocomplete: 'email', spellcheck: false }),
  variables(values, ctx) {
    const rating = valueOf(values, 'rating');
    const errors: FieldError[] = [];
    if (!['1', '2', '3'].includes(rating)) errors.push({ name: 'rating', message: 'Choose how useful the page was.' });
    if (errors.length) return { errors };
    const name = valueOf(values, 'researchContact.name').trim();
    const email = valueOf(values, 'researchContact.email').trim();
    const consent = valueOf(values, 'researchContact.consentToContact') === 'true';
    return {
      variables: {
        input: {
          idempotencyKey: ctx.idempotencyKey,
          pageUrl: valueOf(values, 'pageUrl'),
          rating: Number(rating),
          comment: valueOf(values, 'comment') || null,
          researchContact: consent || name || email ? { name: name || null, email: email || null, consentToContact: consent } : null,
          honeypot: valueOf(values, 'honeypot') || null,
        },
      },
    };
  },
  outcome: (data) => {
    const { receipt, userErrors: errors } = data.submitPageRating;
    if (!receipt) return { errors: userErrors(errors) };
    return receiptPage('Feedback', receipt);
  },
};

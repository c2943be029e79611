import { ADDRESS_HINT, checkboxes, type FieldError, input, optionalValue, radios, textarea, valueOf } from '../components.js';
import type { SubmitFoiRequestMutation, SubmitFoiRequestMutationVariables } from '../../src/generated/web/graphql.js';
import { SubmitFoiRequest } from '../operations.js';
import { userErrors, type PublicPage } from '../page.js';
import { receiptPage, signpostHtml } from './receipt.js';

const formats = ['ELECTRONIC_COPY', 'PAPER_COPY', 'INSPECTION', 'SUMMARY'] as const;

/** A Freedom of Information request. A request for one's own data is pointed to subject access, as the API says. */
export const foiPage: PublicPage<SubmitFoiRequestMutation, SubmitFoiRequestMutationVariables> = {
  slug: 'foi',
  title: 'Make a Freedom of Information request',
  method: 'post',
  document: SubmitFoiRequest,
  submitText: 'Send request',
  intro: '<p class="govuk-body">Ask for information the force holds. We will reply within 20 working days.</p>',
  fields: ({ values, errors, notice }, ctx) =>
    input({ name: 'requester.name', label: 'Your full name', hint: 'The law needs your real name.', values, errors, autocomplete: 'name', spellcheck: false }) +
    input({ name: 'requester.email', label: 'Email address', hint: 'Give an email or postal address for our reply.', values, errors, type: 'email', autocomplete: 'email', spellcheck: false }) +
    textarea({ name: 'requester.postalAddress', label: 'Postal address (optional)', hint: ADDRESS_HINT, values, errors, maxlength: ctx.limits['requester.postalAddress'], rows: 3 }) +
    textarea({ name: 'description', label: 'What information do you want?', values, errors, maxlength: ctx.limits.description, rows: 6 }) +
    radios({
      name: 'format',
      label: 'How would you like to receive it?',
      values,
      errors,
      items: [
        { value: 'ELECTRONIC_COPY', text: 'An electronic copy' },
        { value: 'PAPER_COPY', text: 'A paper copy' },
        { value: 'INSPECTION', text: 'A chance to inspect it' },
        { value: 'SUMMARY', text: 'A summary' },
      ],
    }) +
    (notice || valueOf(values, 'confirmNotOwnPersonalData')
      ? checkboxes({
          name: 'confirmNotOwnPersonalData',
          label: 'Is this a request for information other than your own personal data?',
          values,
          errors,
          items: [{ value: 'true', text: 'Yes, I am not only asking for my own personal data' }],
        })
      : ''),
  variables(values, ctx) {
    const errors: FieldError[] = [];
    const format = valueOf(values, 'format');
    if (!(formats as readonly string[]).includes(format)) errors.push({ name: 'format', message: 'Choose how you would like to receive the information.' });
    if (errors.length) return { errors };
    return {
      variables: {
        input: {
          idempotencyKey: ctx.idempotencyKey,
          requester: {
            name: valueOf(values, 'requester.name'),
            email: optionalValue(values, 'requester.email'),
            postalAddress: optionalValue(values, 'requester.postalAddress'),
          },
          description: valueOf(values, 'description'),
          format: format as (typeof formats)[number],
          confirmNotOwnPersonalData: valueOf(values, 'confirmNotOwnPersonalData') === 'true',
          honeypot: optionalValue(values, 'honeypot'),
        },
      },
    };
  },
  outcome: (data) => {
    const { receipt, signpost, userErrors: errors } = data.submitFoiRequest;
    if (signpost) return { errors: [], notice: signpostHtml(signpost) };
    if (!receipt) return { errors: userErrors(errors) };
    return receiptPage('Freedom of Information request', receipt);
  },
};

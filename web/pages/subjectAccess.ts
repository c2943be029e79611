import { ADDRESS_HINT, checkboxes, dateFrom, dateInput, type FieldError, input, optionalValue, radios, textarea, valueOf } from '../components.js';
import type { SubmitSubjectAccessRequestMutation, SubmitSubjectAccessRequestMutationVariables } from '../../src/generated/web/graphql.js';
import { SubmitSubjectAccessRequest } from '../operations.js';
import { userErrors, type PublicPage } from '../page.js';
import { receiptPage, signpostHtml } from './receipt.js';
import { agentFields, agentVariables, needsFields, needsVariables, previousNamesVariables } from '../sections.js';


/** Ask for your own personal data. A criminal-record request is signposted to ACRO, as the API says. */
export const subjectAccessPage: PublicPage<SubmitSubjectAccessRequestMutation, SubmitSubjectAccessRequestMutationVariables> = {
  slug: 'subject-access',
  title: 'Ask for your personal data (subject access request)',
  method: 'post',
  document: SubmitSubjectAccessRequest,
  submitText: 'Send request',
  intro: '<p class="govuk-body">You have the right to a copy of the personal data we hold about you. We will reply within one month.</p>',
  fields: (state, ctx) => {
    const { values, errors, notice } = state;
    return (
      input({ name: 'requester.name', label: 'Your full name', values, errors, autocomplete: 'name', spellcheck: false }) +
      input({ name: 'requester.previousNames', label: 'Any previous names (optional)', hint: 'For example, a maiden name. Separate names with commas.', values, errors, autocomplete: 'off', spellcheck: false }) +
      dateInput({ name: 'requester.dateOfBirth', label: 'Your date of birth', hint: 'For example, 27 3 1980', values, errors, autocomplete: 'bday' }) +
      textarea({ name: 'requester.address', label: 'Your postal address', hint: ADDRESS_HINT, values, errors, maxlength: ctx.limits['requester.address'], rows: 3 }) +
      input({ name: 'requester.email', label: 'Email address (optional)', values, errors, type: 'email', autocomplete: 'email', spellcheck: false }) +
      input({ name: 'requester.phone', label: 'Telephone number (optional)', values, errors, type: 'tel', autocomplete: 'tel', width: 20 }) +
      textarea({ name: 'scope.description', label: 'What information do you want?', hint: 'For example, the record of an incident you reported, with its date.', values, errors, maxlength: ctx.limits['scope.description'], rows: 6 }) +
      radios({
        name: 'format',
        label: 'How would you like to receive it?',
        values,
        errors,
        items: [
          { value: 'ELECTRONIC', text: 'Electronic copies' },
          { value: 'PAPER', text: 'Paper copies' },
        ],
      }) +
      (notice || valueOf(values, 'confirmNotOnlyCriminalRecord')
        ? checkboxes({
            name: 'confirmNotOnlyCriminalRecord',
            label: 'Do you still want to ask us?',
            values,
            errors,
            items: [{ value: 'true', text: 'Yes, I want the other personal data the force holds about me, not only my criminal record' }],
          })
        : '') +
      agentFields(state) +
      needsFields(state, ctx)
    );
  },
  variables(values, ctx) {
    const errors: FieldError[] = [];
    const dateOfBirth = dateFrom(values, 'requester.dateOfBirth');
    if (dateOfBirth === undefined) errors.push({ name: 'requester.dateOfBirth-day', message: 'Enter your date of birth.' });
    if (dateOfBirth === null) errors.push({ name: 'requester.dateOfBirth-day', message: 'Your date of birth must be a real date, for example 27 3 1980.' });
    const format = valueOf(values, 'format');
    if (!['ELECTRONIC', 'PAPER'].includes(format)) errors.push({ name: 'format', message: 'Choose how you would like to receive your information.' });
    if (errors.length) return { errors };
    return {
      variables: {
        input: {
          idempotencyKey: ctx.idempotencyKey,
          requester: {
            name: valueOf(values, 'requester.name'),
            dateOfBirth: dateOfBirth!,
            address: valueOf(values, 'requester.address'),
            email: optionalValue(values, 'requester.email'),
            phone: optionalValue(values, 'requester.phone'),
            previousNames: previousNamesVariables(values),
          },
          agent: agentVariables(values),
          needs: needsVariables(values),
          scope: { description: valueOf(values, 'scope.description') },
          format: format as 'ELECTRONIC' | 'PAPER',
          confirmNotOnlyCriminalRecord: valueOf(values, 'confirmNotOnlyCriminalRecord') === 'true',
          honeypot: optionalValue(values, 'honeypot'),
        },
      },
    };
  },
  outcome: (data) => {
    const { receipt, signpost, userErrors: errors } = data.submitSubjectAccessRequest;
    if (signpost) return { errors: [], notice: signpostHtml(signpost) };
    if (!receipt) return { errors: userErrors(errors) };
    return receiptPage('Subject access request', receipt);
  },
};

import { ADDRESS_HINT, type FieldError, input, optionalValue, radios, textarea, valueOf } from '../components.js';
import type { SubmitDataProtectionComplaintMutation, SubmitDataProtectionComplaintMutationVariables } from '../../src/generated/web/graphql.js';
import { SubmitDataProtectionComplaint } from '../operations.js';
import { userErrors, type PublicPage } from '../page.js';
import { receiptPage } from './receipt.js';
import { needsFields, needsVariables } from '../sections.js';


/** A complaint about how the force used someone's personal data (DPA 2018 s.164A). */
export const dataProtectionPage: PublicPage<SubmitDataProtectionComplaintMutation, SubmitDataProtectionComplaintMutationVariables> = {
  slug: 'data-protection-complaint',
  title: 'Complain about how we used your personal data',
  method: 'post',
  document: SubmitDataProtectionComplaint,
  submitText: 'Send complaint',
  intro: '<p class="govuk-body">We will acknowledge your complaint within 30 days.</p>',
  fields: (state, ctx) => {
    const { values, errors } = state;
    return (
      input({ name: 'complainant.name', label: 'Your full name', values, errors, autocomplete: 'name', spellcheck: false }) +
      radios({
        name: 'complainant.preferredContact',
        label: 'How would you like to hear from us?',
        values,
        errors,
        items: [
          { value: 'EMAIL', text: 'Email' },
          { value: 'POST', text: 'Post' },
        ],
      }) +
      input({ name: 'complainant.email', label: 'Email address', values, errors, type: 'email', autocomplete: 'email', spellcheck: false }) +
      textarea({ name: 'complainant.postalAddress', label: 'Postal address', hint: ADDRESS_HINT, values, errors, maxlength: ctx.limits['complainant.postalAddress'], rows: 3 }) +
      textarea({ name: 'whatHappened', label: 'What happened with your personal data?', values, errors, maxlength: ctx.limits.whatHappened, rows: 8 }) +
      textarea({ name: 'desiredOutcome', label: 'What would you like us to do? (optional)', values, errors, maxlength: ctx.limits.desiredOutcome, rows: 4 }) +
      input({ name: 'relatedReference', label: 'Reference of a related case (optional)', hint: 'For example, SAR-2026-000123', values, errors, width: 20, spellcheck: false }) +
      needsFields(state, ctx)
    );
  },
  variables(values, ctx) {
    const errors: FieldError[] = [];
    const preferredContact = valueOf(values, 'complainant.preferredContact');
    if (!['EMAIL', 'POST'].includes(preferredContact)) errors.push({ name: 'complainant.preferredContact', message: 'Choose how you would like to hear from us.' });
    if (errors.length) return { errors };
    return {
      variables: {
        input: {
          idempotencyKey: ctx.idempotencyKey,
          complainant: {
            name: valueOf(values, 'complainant.name'),
            email: optionalValue(values, 'complainant.email'),
            postalAddress: optionalValue(values, 'complainant.postalAddress'),
            preferredContact: preferredContact as 'EMAIL' | 'POST',
          },
          whatHappened: valueOf(values, 'whatHappened'),
          desiredOutcome: optionalValue(values, 'desiredOutcome'),
          relatedReference: optionalValue(values, 'relatedReference'),
          needs: needsVariables(values),
          honeypot: optionalValue(values, 'honeypot'),
        },
      },
    };
  },
  outcome: (data) => {
    const { receipt, userErrors: errors } = data.submitDataProtectionComplaint;
    if (!receipt) return { errors: userErrors(errors) };
    return receiptPage('Data protection complaint', receipt);
  },
};

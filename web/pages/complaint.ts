import { ADDRESS_HINT, checkboxes, dateFrom, dateInput, type FieldError, input, optionalValue, radios, textarea, valueOf, yesNo } from '../components.js';
import type { SubmitComplaintMutation, SubmitComplaintMutationVariables } from '../../src/generated/web/graphql.js';
import { SubmitComplaint } from '../operations.js';
import { userErrors, type PublicPage } from '../page.js';
import { receiptPage } from './receipt.js';
import { needsFields, needsVariables, onBehalfOfErrors, onBehalfOfFields, onBehalfOfVariables } from '../sections.js';


/** Complain about the police. */
export const complaintPage: PublicPage<SubmitComplaintMutation, SubmitComplaintMutationVariables> = {
  slug: 'complaint',
  title: 'Make a complaint about the police',
  method: 'post',
  document: SubmitComplaint,
  submitText: 'Send complaint',
  intro:
    '<p class="govuk-body">Tell us what happened. If you are in danger or a crime is happening now, call 999.</p>',
  fields: (state, ctx) => {
    const { values, errors } = state;
    return (
      '<h2 class="govuk-heading-m">About you</h2>' +
      input({ name: 'complainant.name', label: 'Your full name', values, errors, autocomplete: 'name', spellcheck: false }) +
      input({ name: 'complainant.email', label: 'Email address', values, errors, type: 'email', autocomplete: 'email', spellcheck: false }) +
      input({ name: 'complainant.phone', label: 'Telephone number', values, errors, type: 'tel', autocomplete: 'tel', width: 20 }) +
      textarea({ name: 'complainant.postalAddress', label: 'Postal address', hint: ADDRESS_HINT, values, errors, maxlength: ctx.limits['complainant.postalAddress'], rows: 3 }) +
      radios({
        name: 'complainant.preferredContact',
        label: 'How would you like us to contact you?',
        values,
        errors,
        items: [
          { value: 'EMAIL', text: 'Email' },
          { value: 'PHONE', text: 'Telephone' },
          { value: 'POST', text: 'Post' },
        ],
      }) +
      '<h2 class="govuk-heading-m">What happened</h2>' +
      dateInput({ name: 'incident.date', label: 'When did it happen?', values, errors }) +
      input({ name: 'incident.time', label: 'What time did it happen? (optional)', hint: 'For example, 14:30', values, errors, width: 10 }) +
      input({ name: 'incident.place', label: 'Where did it happen?', values, errors }) +
      textarea({ name: 'incident.description', label: 'What happened?', values, errors, maxlength: ctx.limits['incident.description'], rows: 8 }) +
      checkboxes({ name: 'complaintTypes', label: 'What is your complaint about?', hint: 'Select all that apply.', values, errors, items: ctx.options.complaintTypes ?? [] }) +
      input({ name: 'otherTypeDescription', label: 'If something else, what is it about?', values, errors }) +
      textarea({ name: 'desiredOutcome', label: 'What would you like to happen?', values, errors, maxlength: ctx.limits.desiredOutcome, rows: 4 }) +
      radios({
        name: 'wantsFormalRecording',
        label: 'Do you want your complaint formally recorded?',
        hint: 'A recorded complaint is handled under Schedule 3 of the Police Reform Act 2002. You can ask for this at any time.',
        values,
        errors,
        inline: true,
        items: [...yesNo],
      }) +
      onBehalfOfFields(state) +
      needsFields(state, ctx)
    );
  },
  variables(values, ctx) {
    const errors: FieldError[] = [];
    const preferredContact = valueOf(values, 'complainant.preferredContact');
    if (!['EMAIL', 'PHONE', 'POST'].includes(preferredContact)) {
      errors.push({ name: 'complainant.preferredContact', message: 'Choose how you would like us to contact you.' });
    }
    const date = dateFrom(values, 'incident.date');
    if (date === undefined) errors.push({ name: 'incident.date-day', message: 'Enter the date it happened.' });
    if (date === null) errors.push({ name: 'incident.date-day', message: 'The date it happened must be a real date, for example 27 3 2026.' });
    const formal = valueOf(values, 'wantsFormalRecording');
    if (!['true', 'false'].includes(formal)) errors.push({ name: 'wantsFormalRecording', message: 'Choose whether you want your complaint formally recorded.' });
    errors.push(...onBehalfOfErrors(values));
    if (errors.length) return { errors };
    return {
      variables: {
        input: {
          idempotencyKey: ctx.idempotencyKey,
          complainant: {
            name: valueOf(values, 'complainant.name'),
            email: optionalValue(values, 'complainant.email'),
            phone: optionalValue(values, 'complainant.phone'),
            postalAddress: optionalValue(values, 'complainant.postalAddress'),
            preferredContact: preferredContact as 'EMAIL' | 'PHONE' | 'POST',
          },
          incident: {
            date: date!,
            time: optionalValue(values, 'incident.time'),
            place: valueOf(values, 'incident.place'),
            description: valueOf(values, 'incident.description'),
          },
          complaintTypes: [values.complaintTypes ?? []].flat(),
          otherTypeDescription: optionalValue(values, 'otherTypeDescription'),
          desiredOutcome: valueOf(values, 'desiredOutcome'),
          wantsFormalRecording: formal === 'true',
          onBehalfOf: onBehalfOfVariables(values),
          needs: needsVariables(values),
          honeypot: optionalValue(values, 'honeypot'),
        },
      },
    };
  },
  outcome: (data) => {
    const { receipt, userErrors: errors } = data.submitComplaint;
    if (!receipt) return { errors: userErrors(errors) };
    return receiptPage('Complaint', receipt);
  },
};

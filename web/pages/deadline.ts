import { dateFrom, dateInput, esc, longDate, radios, valueOf, type FieldError } from '../components.js';
import type { DeadlineKind, StatutoryDeadlineQuery, StatutoryDeadlineQueryVariables } from '../../src/generated/web/graphql.js';
import { StatutoryDeadline } from '../operations.js';
import type { PublicPage } from '../page.js';

const kinds: Array<{ value: DeadlineKind; text: string }> = [
  { value: 'FOI', text: 'Freedom of Information response (20 working days)' },
  { value: 'FOI_PUBLIC_INTEREST_LIMIT', text: 'Longest public interest extension (40 working days)' },
  { value: 'SAR', text: 'Subject access response (one month)' },
  { value: 'SAR_EXTENDED', text: 'Extended subject access response (three months)' },
  { value: 'COMPLAINT_REVIEW_WINDOW', text: 'Last day to ask for a review of a complaint outcome (28 days)' },
];

/** The FOI/SAR deadline calculator: a GET form, the answer under it. */
export const deadlinePage: PublicPage<StatutoryDeadlineQuery, StatutoryDeadlineQueryVariables> = {
  slug: 'deadline-calculator',
  title: 'Work out a response deadline',
  method: 'get',
  document: StatutoryDeadline,
  submitText: 'Work out the deadline',
  answerBelowForm: true,
  asks: (values) => values.kind !== undefined || values['receivedOn-day'] !== undefined,
  fields: ({ values, errors }) =>
    radios({ name: 'kind', label: 'Which deadline?', values, errors, items: kinds }) +
    dateInput({ name: 'receivedOn', label: 'When was it received?', hint: 'For a complaint review, the date of the outcome letter. For example, 2 3 2026', values, errors }),
  variables(values) {
    const errors: FieldError[] = [];
    const kind = valueOf(values, 'kind');
    if (!kinds.some((k) => k.value === kind)) errors.push({ name: 'kind', message: 'Choose which deadline to work out.' });
    const receivedOn = dateFrom(values, 'receivedOn');
    if (!receivedOn) errors.push({ name: 'receivedOn-day', message: receivedOn === null ? 'The date must be a real date, for example 2 3 2026.' : 'Enter the date it was received.' });
    if (errors.length) return { errors };
    return { variables: { input: { kind: kind as DeadlineKind, receivedOn: receivedOn! } } };
  },
  outcome(data) {
    const d = data.statutoryDeadline;
    const skipped = d.skippedDays.length
      ? `<h3 class="govuk-heading-s">Days not counted</h3><ul class="govuk-list govuk-list--bullet">${d.skippedDays.map((s) => `<li>${esc(longDate(s.date))}: ${esc(s.name)}</li>`).join('')}</ul>`
      : '';
    const left = d.overdue ? 'This deadline has passed.' : `${d.daysRemaining} calendar days from today${d.workingDaysRemaining === null || d.workingDaysRemaining === undefined ? '' : ` (${d.workingDaysRemaining} working days)`}.`;
    return {
      title: `Due ${longDate(d.dueOn)}`,
      html: `<div class="govuk-panel govuk-panel--confirmation" data-cc-answer><h2 class="govuk-panel__title" tabindex="-1" data-cc-focus>Due by ${esc(longDate(d.dueOn))}</h2><div class="govuk-panel__body">${esc(left)}</div></div><p class="govuk-body">${esc(d.rule)}</p><p class="govuk-body-s">${esc(d.holidaySet)}</p>${skipped}`,
    };
  },
};

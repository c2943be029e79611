import { checkboxes, type FieldError, input, optionalValue, radios, textarea, valueOf, type Values, yesNo } from './components.js';
import type { FormState, PageContext } from './page.js';

/**
 * The optional parts of the public forms that more than one form asks: what a person needs to take
 * part, and someone acting for another. Each is sent only when something in it was filled in, so
 * leaving a section empty is the same as the API's "not given".
 */

/** Language, interpreter and accessibility needs (reasonable adjustments, Equality Act 2010 s.20). */
export const needsFields = ({ values, errors }: FormState, ctx: PageContext): string =>
  '<h2 class="govuk-heading-m">Help we can give you (optional)</h2>' +
  input({ name: 'needs.language', label: 'If you would like us to use a language other than English, which language?', values, errors, width: 20 }) +
  checkboxes({ name: 'needs.interpreterNeeded', label: 'Interpreter', values, errors, items: [{ value: 'true', text: 'I need an interpreter' }] }) +
  textarea({
    name: 'needs.accessibility',
    label: 'Is there anything that would make it easier for you to contact us or take part?',
    hint: 'For example, large print, easy read, British Sign Language, or calls at certain times.',
    values,
    errors,
    maxlength: ctx.limits['needs.accessibility'],
    rows: 3,
  });

export function needsVariables(values: Values): { language: string | null; interpreterNeeded: boolean; accessibility: string | null } | null {
  const needs = { language: optionalValue(values, 'needs.language'), interpreterNeeded: valueOf(values, 'needs.interpreterNeeded') === 'true', accessibility: optionalValue(values, 'needs.accessibility') };
  return needs.language || needs.interpreterNeeded || needs.accessibility ? needs : null;
}

/** A complaint made for someone else (Police Reform Act 2002 s.12(6): with their written consent). */
export const onBehalfOfFields = ({ values, errors }: FormState): string =>
  '<h2 class="govuk-heading-m">Complaining for someone else (optional)</h2>' +
  '<p class="govuk-body">Fill this in only if the complaint is on behalf of another person.</p>' +
  input({ name: 'onBehalfOf.name', label: 'Their full name', values, errors, spellcheck: false }) +
  input({ name: 'onBehalfOf.relationship', label: 'How do you know them?', hint: 'For example, parent, carer or solicitor.', values, errors, width: 20 }) +
  radios({
    name: 'onBehalfOf.hasTheirConsent',
    label: 'Have they agreed to you making this complaint for them?',
    hint: 'We will need their written consent.',
    values,
    errors,
    inline: true,
    items: [...yesNo],
  });

/** A section that was started must say whether they agreed: a choice not made is not "no". */
export function onBehalfOfErrors(values: Values): FieldError[] {
  const started = ['onBehalfOf.name', 'onBehalfOf.relationship'].some((name) => optionalValue(values, name) !== null);
  return started && !['true', 'false'].includes(valueOf(values, 'onBehalfOf.hasTheirConsent'))
    ? [{ name: 'onBehalfOf.hasTheirConsent', message: 'Choose whether they have agreed to you making this complaint for them.' }]
    : [];
}

export function onBehalfOfVariables(values: Values): { name: string; relationship: string; hasTheirConsent: boolean } | null {
  const name = optionalValue(values, 'onBehalfOf.name');
  const relationship = optionalValue(values, 'onBehalfOf.relationship');
  const consent = valueOf(values, 'onBehalfOf.hasTheirConsent');
  // Anything filled in sends the section; the API says what is missing (REQUIRED on the field).
  if (!name && !relationship && !consent) return null;
  return { name: name ?? '', relationship: relationship ?? '', hasTheirConsent: consent === 'true' };
}

/** A subject access request made by someone for the person whose data it is (an agent). */
export const agentFields = ({ values, errors }: FormState): string =>
  '<h2 class="govuk-heading-m">Asking for someone else (optional)</h2>' +
  '<p class="govuk-body">Fill this in only if you are asking for another person’s data, for example as their solicitor. The details above are theirs.</p>' +
  input({ name: 'agent.agentName', label: 'Your full name', values, errors, spellcheck: false }) +
  input({ name: 'agent.relationship', label: 'Your relationship to them', hint: 'For example, solicitor or parent.', values, errors, width: 20 }) +
  input({ name: 'agent.authority', label: 'What authority do you have to ask for them?', hint: 'For example, their signed consent or a lasting power of attorney. We will ask you for a copy.', values, errors });

export function agentVariables(values: Values): { agentName: string; relationship: string; authority: string } | null {
  const agent = { agentName: optionalValue(values, 'agent.agentName'), relationship: optionalValue(values, 'agent.relationship'), authority: optionalValue(values, 'agent.authority') };
  if (!agent.agentName && !agent.relationship && !agent.authority) return null;
  return { agentName: agent.agentName ?? '', relationship: agent.relationship ?? '', authority: agent.authority ?? '' };
}

/** Previous names, separated by commas (a subject access search looks under each). */
export const previousNamesVariables = (values: Values): string[] =>
  valueOf(values, 'requester.previousNames')
    .split(/,|\r?\n/)
    .map((n) => n.trim())
    .filter(Boolean);

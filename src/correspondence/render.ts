import { forceDetails, templateNamed, type MessageTemplate } from './templates.js';

/**
 * Fills a template's ((placeholders)) from a message's personalisation and the force's details:
 * the same text the local outbox writes to a file and GOV.UK Notify sends. A placeholder with no
 * value is a defect in the message's plan, never sent half-filled. Pure.
 */
export interface RenderedMessage {
  subject: string;
  body: string;
}

const PLACEHOLDER = /\(\(([\w.]+)\)\)/g;

export class MissingPlaceholderError extends Error {
  constructor(template: string, placeholder: string) {
    super(`template ${template} needs ((${placeholder}))`);
    this.name = 'MissingPlaceholderError';
  }
}

function fill(template: MessageTemplate, text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new MissingPlaceholderError(template.name, name);
    return value;
  });
}

export function render(templateName: string, personalisation: Record<string, string>): RenderedMessage {
  const template = templateNamed(templateName);
  const values = { ...forceDetails, ...personalisation };
  return { subject: fill(template, template.subject, values), body: fill(template, template.body, values) };
}

/** The placeholders a template uses that are not the force's own details. */
export function placeholdersOf(template: MessageTemplate): string[] {
  const names = new Set<string>();
  for (const text of [template.subject, template.body]) for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names].filter((n) => !(n in forceDetails));
}

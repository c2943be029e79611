/**
 * GOV.UK Design System components as HTML strings, with govuk-frontend's markup (classes, ARIA,
 * data-module), so govuk-frontend's CSS and JavaScript apply. Plain functions rather than the
 * Nunjucks macros: the same code renders on the server (no JavaScript, and inside the Lambda
 * bundle, which has no template files) and in the browser (JavaScript on), and TypeScript checks
 * every call. Every value passes through `esc`; only other components' output is inserted raw.
 */

export type Values = Record<string, string | string[] | undefined>;

/** An error against one form field (by its name), or against the whole form (name undefined). */
export interface FieldError {
  name?: string;
  message: string;
  /** The API's user-error code, when it came from the API. */
  code?: string;
}

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The element id for a form field name ("complainant.name" → "complainant-name"). */
export const idFor = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, '-');

export function valueOf(values: Values, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** An optional field's value for the API: trimmed, and null when left empty. */
export const optionalValue = (values: Values, name: string): string | null => valueOf(values, name).trim() || null;

/** The items of a yes/no question (its values are what the API's Boolean fields are read from). */
export const yesNo = [
  { value: 'true', text: 'Yes' },
  { value: 'false', text: 'No' },
] as const;

/** The hint of every postal-address box (the API refuses an address on one line, or with the postcode elsewhere). */
export const ADDRESS_HINT = 'Put each part of the address on its own line, ending with the postcode.';

function errorFor(errors: FieldError[], name: string): string | undefined {
  return errors.find((e) => e.name === name || e.name?.startsWith(`${name}-`) || e.name?.startsWith(`${name}.`))?.message;
}

function errorMessage(id: string, message: string | undefined): string {
  return message ? `<p id="${id}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${esc(message)}</p>` : '';
}

function describedBy(...ids: Array<string | false | undefined>): string {
  const list = ids.filter(Boolean).join(' ');
  return list ? ` aria-describedby="${list}"` : '';
}

/** The error summary: each error links to its field (GOV.UK: the first of a group's inputs). */
export function errorSummary(errors: FieldError[]): string {
  if (errors.length === 0) return '';
  const items = errors
    .map((e) => (e.name ? `<li><a href="#${idFor(e.name)}">${esc(e.message)}</a></li>` : `<li>${esc(e.message)}</li>`))
    .join('');
  return `<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">${items}</ul></div></div></div>`;
}

export interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  values: Values;
  errors: FieldError[];
  type?: 'text' | 'email' | 'tel' | 'search';
  autocomplete?: string;
  width?: 10 | 20 | 30;
  spellcheck?: boolean;
  /** Labels as page headings (one-question pages). */
  heading?: boolean;
}

export function input(o: FieldOptions): string {
  const id = idFor(o.name);
  const error = errorFor(o.errors, o.name);
  const hint = o.hint ? `<div id="${id}-hint" class="govuk-hint">${esc(o.hint)}</div>` : '';
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="${id}">${esc(o.label)}</label>${hint}${errorMessage(id, error)}<input class="govuk-input${o.width ? ` govuk-input--width-${o.width}` : ''}${error ? ' govuk-input--error' : ''}" id="${id}" name="${esc(o.name)}" type="${o.type ?? 'text'}" value="${esc(valueOf(o.values, o.name))}"${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.spellcheck === false ? ' spellcheck="false"' : ''}${describedBy(o.hint && `${id}-hint`, error && `${id}-error`)}></div>`;
}

/** A textarea with GOV.UK's character count, its limit from the API's own schema. */
export function textarea(o: FieldOptions & { maxlength: number | undefined; rows?: number }): string {
  const id = idFor(o.name);
  const error = errorFor(o.errors, o.name);
  const hint = o.hint ? `<div id="${id}-hint" class="govuk-hint">${esc(o.hint)}</div>` : '';
  const area = `<textarea class="govuk-textarea${o.maxlength ? ' govuk-js-character-count' : ''}${error ? ' govuk-textarea--error' : ''}" id="${id}" name="${esc(o.name)}" rows="${o.rows ?? 5}"${describedBy(!!o.maxlength && `${id}-info`, o.hint && `${id}-hint`, error && `${id}-error`)}>${esc(valueOf(o.values, o.name))}</textarea>`;
  const label = `<label class="govuk-label" for="${id}">${esc(o.label)}</label>`;
  if (!o.maxlength) return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">${label}${hint}${errorMessage(id, error)}${area}</div>`;
  return `<div class="govuk-form-group govuk-character-count${error ? ' govuk-form-group--error' : ''}" data-module="govuk-character-count" data-maxlength="${o.maxlength}">${label}${hint}${errorMessage(id, error)}${area}<div id="${id}-info" class="govuk-hint govuk-character-count__message">You can enter up to ${o.maxlength.toLocaleString('en-GB')} characters</div></div>`;
}

export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

function choices(kind: 'radios' | 'checkboxes', o: Omit<FieldOptions, 'type'> & { items: Choice[]; inline?: boolean; legendSize?: 's' | 'm' | 'l' }): string {
  const id = idFor(o.name);
  const error = errorFor(o.errors, o.name);
  const chosen = new Set([o.values[o.name]].flat().filter((v): v is string => typeof v === 'string'));
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  const items = o.items
    .map((item, i) => {
      const itemId = i === 0 ? id : `${id}-${i + 1}`;
      const itemHint = item.hint ? `<div id="${itemId}-item-hint" class="govuk-hint govuk-${kind}__hint">${esc(item.hint)}</div>` : '';
      return `<div class="govuk-${kind}__item"><input class="govuk-${kind}__input" id="${itemId}" name="${esc(o.name)}" type="${type}" value="${esc(item.value)}"${chosen.has(item.value) ? ' checked' : ''}${item.hint ? ` aria-describedby="${itemId}-item-hint"` : ''}><label class="govuk-label govuk-${kind}__label" for="${itemId}">${esc(item.text)}</label>${itemHint}</div>`;
    })
    .join('');
  const hint = o.hint ? `<div id="${id}-hint" class="govuk-hint">${esc(o.hint)}</div>` : '';
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset"${describedBy(o.hint && `${id}-hint`, error && `${id}-error`)}><legend class="govuk-fieldset__legend govuk-fieldset__legend--${o.legendSize ?? 's'}">${esc(o.label)}</legend>${hint}${errorMessage(id, error)}<div class="govuk-${kind}${o.inline ? ` govuk-${kind}--inline` : ''}" data-module="govuk-${kind}">${items}</div></fieldset></div>`;
}

export const radios = (o: Parameters<typeof choices>[1]) => choices('radios', o);
export const checkboxes = (o: Parameters<typeof choices>[1]) => choices('checkboxes', o);

/** GOV.UK's date input: three fields, named NAME-day, NAME-month, NAME-year. */
export function dateInput(o: Omit<FieldOptions, 'type'>): string {
  const id = idFor(o.name);
  const error = errorFor(o.errors, o.name);
  const part = (p: 'day' | 'month' | 'year', label: string, width: 2 | 4) =>
    `<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${id}-${p}">${label}</label><input class="govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}" id="${id}-${p}" name="${esc(o.name)}-${p}" type="text" inputmode="numeric" value="${esc(valueOf(o.values, `${o.name}-${p}`))}"${p === 'day' && o.autocomplete ? ` autocomplete="${o.autocomplete}-day"` : ''}${p === 'month' && o.autocomplete ? ` autocomplete="${o.autocomplete}-month"` : ''}${p === 'year' && o.autocomplete ? ` autocomplete="${o.autocomplete}-year"` : ''}></div></div>`;
  const hint = `<div id="${id}-hint" class="govuk-hint">${esc(o.hint ?? 'For example, 27 3 2026')}</div>`;
  return `<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset" role="group"${describedBy(`${id}-hint`, error && `${id}-error`)}><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${esc(o.label)}</legend>${hint}${errorMessage(id, error)}<div class="govuk-date-input" id="${id}">${part('day', 'Day', 2)}${part('month', 'Month', 2)}${part('year', 'Year', 4)}</div></fieldset></div>`;
}

/** Reads a GOV.UK date input back as YYYY-MM-DD; undefined when empty, null when not a date. */
export function dateFrom(values: Values, name: string): string | undefined | null {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => valueOf(values, `${name}-${p}`).trim());
  if (!d && !m && !y) return undefined;
  if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return null;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * The trap field for bots: off-screen, out of the tab order and hidden from assistive technology
 * (aria-hidden), so people never meet it; anything in it marks a submission as automated.
 */
export function honeypot(values: Values): string {
  return `<div class="cc-honeypot" aria-hidden="true"><label for="cc-website">Website</label><input id="cc-website" name="honeypot" type="text" tabindex="-1" autocomplete="off" value="${esc(valueOf(values, 'honeypot'))}"></div>`;
}

export const button = (text: string) => `<button type="submit" class="govuk-button" data-module="govuk-button">${esc(text)}</button>`;

export const hidden = (name: string, value: string) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;

export function summaryList(rows: Array<[string, string | null | undefined]>): string {
  return `<dl class="govuk-summary-list">${rows
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(k)}</dt><dd class="govuk-summary-list__value">${esc(v)}</dd></div>`)
    .join('')}</dl>`;
}

/** A date for people: 2 March 2026. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

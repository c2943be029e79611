import { button, errorSummary, esc, hidden, honeypot, idFor, type FieldError, type Values } from './components.js';

/**
 * A public page: its form, how the form's fields become the operation's variables, and how the
 * operation's answer is shown. The server (no JavaScript) and the browser (JavaScript on) both
 * drive a page through `answer` below, so the two paths cannot drift apart.
 */
export interface PageContext {
  /** Form field name → the most characters the API accepts (from the API's zod schemas). */
  limits: Record<string, number>;
  /** Choices the form needs from the API (for example the common complaint types). */
  options: Record<string, Array<{ value: string; text: string }>>;
  /** The signed form token (no-JavaScript posts). */
  csrfToken: string;
  /** This form's idempotency key (a UUID made when the form was shown). */
  idempotencyKey: string;
  /** Shown inside another site's page (the rating component). */
  embed: boolean;
  /** Today in Europe/London, YYYY-MM-DD. */
  today: string;
}

export interface FormState {
  values: Values;
  errors: FieldError[];
  /** Set after a signpost: HTML shown above the form (the API's explanation and link). */
  notice?: string;
}

export type Outcome = { html: string; title: string } | { errors: FieldError[]; notice?: string };

/** A GraphQL document from web/operations.ts (the client preset's typed string). */
export interface Document<TData, TVariables> {
  toString(): string;
  readonly __apiType?: (variables: TVariables) => TData;
}

export interface PublicPage<TData = unknown, TVariables = unknown> {
  slug: string;
  title: string;
  /** GET for pages that only read (calculator, disclosure log), POST for those that send. */
  method: 'get' | 'post';
  document: Document<TData, TVariables>;
  /** Query-string pages: true when the query asks for an answer (not the empty form). */
  asks?: (values: Values) => boolean;
  /** The form's fields (inside <form>). */
  fields(state: FormState, ctx: PageContext): string;
  /** Text above the form. */
  intro?: string;
  submitText: string;
  /** The form's values as the operation's variables, or errors seen before asking (a date's parts). */
  variables(values: Values, ctx: PageContext): { variables: TVariables } | { errors: FieldError[] };
  /** The operation's data as a page, or as errors on the form. */
  outcome(data: TData, values: Values, ctx: PageContext): Outcome;
  /** For query-string pages: show the answer under the form rather than instead of it. */
  answerBelowForm?: boolean;
}

/** A userError's field path (["input", "complainant", "name"]) as the form's field name. */
export function fieldName(path: readonly string[] | null | undefined): string | undefined {
  if (!path || path.length === 0) return undefined;
  const rest = (path[0] === 'input' ? path.slice(1) : [...path]).filter((p) => !/^\d+$/.test(p));
  return rest.length > 0 ? rest.join('.') : undefined;
}

export function userErrors(errors: ReadonlyArray<{ field?: readonly string[] | null; message: string; code?: string | null }>): FieldError[] {
  return errors.map((e) => {
    const name = fieldName(e.field);
    const code = e.code ? { code: e.code } : {};
    return name === undefined ? { message: e.message, ...code } : { name, message: e.message, ...code };
  });
}

/**
 * The form was sent before with other answers (the person went back, changed something and sent
 * it again): the API refuses the reused key. Said plainly, and the form shown again with a NEW key,
 * so that sending it once more sends these answers as a new submission, never a dead end.
 */
const SENT_BEFORE = 'You already sent this form with different answers, and that was received. To send these answers as well, check them and send the form again.';

/** The page's main content: heading, errors, form. */
export function formHtml(page: PublicPage, state: FormState, ctx: PageContext, action: string): string {
  const post = page.method === 'post';
  const fields = page.fields(state, ctx);
  // An error about a date links to its day box (GOV.UK: the first input of the group).
  const linked = state.errors.map((e) => (e.name && fields.includes(`id="${idFor(e.name)}-day"`) ? { ...e, name: `${e.name}-day` } : e));
  return `${errorSummary(linked)}<h1 class="govuk-heading-${ctx.embed ? 'm' : 'l'}">${esc(page.title)}</h1>${page.intro ?? ''}${state.notice ?? ''}<form method="${page.method}" action="${esc(action)}" novalidate data-cc-page="${page.slug}">${post ? hidden('csrfToken', ctx.csrfToken) + hidden('idempotencyKey', ctx.idempotencyKey) : ''}${fields}${post ? honeypot(state.values) : ''}${button(page.submitText)}</form>`;
}

/** Errors from outside the operation's userErrors: refused (rate limit, bad input) or failed. */
export function requestErrors(errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>): FieldError[] {
  return errors.map((e) => {
    const code = e.extensions?.code;
    if (code === 'RATE_LIMITED') return { message: 'There have been too many attempts from here. Wait a few minutes and try again.' };
    if (code === 'BAD_USER_INPUT') return { message: e.message };
    return { message: 'Sorry, there is a problem with the service. Try again later.' };
  });
}

export interface Answer {
  title: string;
  main: string;
  /** An answer the person must keep (a tracking code): never cached, never re-shown. */
  status: number;
}

/**
 * The one flow both paths run: the values are checked, the operation asked (by the caller's
 * `ask`: GraphQL over fetch in the browser, the server's own executeOperation without
 * JavaScript), and the page built from the answer.
 */
export async function answer<TData, TVariables>(
  page: PublicPage<TData, TVariables>,
  values: Values,
  ctx: PageContext,
  action: string,
  ask: (variables: TVariables) => Promise<{ data?: TData | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>,
): Promise<Answer> {
  const asForm = (state: FormState, status: number): Answer => ({
    title: `${state.errors.length ? 'Error: ' : ''}${page.title}`,
    main: formHtml(page as PublicPage, state, ctx, action),
    status,
  });
  const prepared = page.variables(values, ctx);
  if ('errors' in prepared) return asForm({ values, errors: prepared.errors }, 400);
  const result = await ask(prepared.variables);
  // A top-level error means the operation's field did not answer (its data may still be an object
  // holding a null, as for trackCase when rate-limited): say what went wrong, never "not found".
  if (!result.data || result.errors?.length) {
    const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
    const status = codes.includes('SERVICE_UNAVAILABLE') ? 503 : codes.includes('RATE_LIMITED') ? 429 : codes.every((c) => c === 'BAD_USER_INPUT') ? 400 : 500;
    return asForm({ values, errors: requestErrors(result.errors ?? []) }, status);
  }
  const outcome = page.outcome(result.data, values, ctx);
  if ('errors' in outcome && outcome.errors.some((e) => e.code === 'IDEMPOTENCY_KEY_REUSED')) {
    const fresh = { ...ctx, idempotencyKey: globalThis.crypto.randomUUID() };
    const errors = outcome.errors.map((e) => (e.code === 'IDEMPOTENCY_KEY_REUSED' ? { message: SENT_BEFORE } : e));
    return { title: `Error: ${page.title}`, main: formHtml(page as PublicPage, { values: { ...values, idempotencyKey: fresh.idempotencyKey }, errors }, fresh, action), status: 409 };
  }
  if ('errors' in outcome) return asForm({ values, errors: outcome.errors, ...(outcome.notice && { notice: outcome.notice }) }, outcome.errors.length ? 400 : 200);
  if (page.answerBelowForm) {
    return { title: `${outcome.title} – ${page.title}`, main: formHtml(page as PublicPage, { values, errors: [] }, ctx, action) + outcome.html, status: 200 };
  }
  return { title: outcome.title, main: outcome.html, status: 200 };
}

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { initAll } from 'govuk-frontend';
import type { Values } from '../components.js';
import { answer, type PageContext } from '../page.js';
import { pageBySlug } from '../pages/index.js';

/**
 * Progressive enhancement: the pages work as plain forms (posted to /forms/…); with JavaScript,
 * this takes the submit, sends the page's typed GraphQL operation (web/operations.ts) to /graphql
 * as JSON, and shows the answer with the same page code the server uses, without a reload.
 */
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

interface ClientContext extends Omit<PageContext, 'idempotencyKey'> {
  slug?: string;
  action: string;
}

const context = JSON.parse(document.getElementById('cc-context')?.textContent ?? '{}') as ClientContext;
const page = context.slug ? pageBySlug(context.slug) : undefined;
const main = document.querySelector<HTMLElement>('[data-cc-main]');
if (page && main) {
  let busy = false;
  main.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches('form[data-cc-page]')) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    main.setAttribute('aria-busy', 'true');
    const values = valuesOf(new FormData(form));
    const ctx: PageContext = { ...context, idempotencyKey: (values.idempotencyKey as string | undefined) ?? crypto.randomUUID() };
    answer(page, values, ctx, context.action, async (variables) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ operationName: undefined, query: page.document.toString(), variables }),
      });
      return (await response.json()) as Awaited<ReturnType<Parameters<typeof answer>[4]>>;
    })
      .catch(() => ({
        title: `Error: ${page.title}`,
        main: '<h1 class="govuk-heading-l" tabindex="-1" data-cc-focus>Sorry, there is a problem with the service</h1><p class="govuk-body">Nothing was sent. Try again later.</p>',
        status: 500,
      }))
      .then((result) => {
        main.innerHTML = result.main;
        document.title = `${result.title} – West Midlands Police`;
        if (page.method === 'get') history.replaceState(null, '', `?${new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString()}`);
        initAll({ scope: main }); // GOV.UK's error summary moves focus to itself
        if (!main.querySelector('.govuk-error-summary')) main.querySelector<HTMLElement>('[data-cc-focus], h1')?.focus();
      })
      .finally(() => {
        busy = false;
        main.removeAttribute('aria-busy');
        main.dataset.ccAnswers = String(Number(main.dataset.ccAnswers ?? '0') + 1);
      });
  });
}

function valuesOf(data: FormData): Values {
  const values: Values = {};
  for (const [key, value] of data) {
    if (typeof value !== 'string') continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : [existing, value].flat();
  }
  return values;
}

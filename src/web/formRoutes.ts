import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { londonDateOf } from '../calendar/londonDate.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logging/logger.js';
import { esc, type Values } from '../../web/components.js';
import { CommonComplaintTypes } from '../../web/operations.js';
import { answer, formHtml, type PageContext, type PublicPage } from '../../web/page.js';
import { pageBySlug, publicPages } from '../../web/pages/index.js';
import { createCsrfGuard, CSRF_COOKIE } from './csrf.js';
import { fieldLimits } from './fieldLimits.js';
import { layout } from './layout.js';

/**
 * The public pages' routes on the API's own function: GET /forms/{page} shows a page, POST
 * /forms/{page} takes a form posted without JavaScript. A post runs the page's GraphQL operation
 * (web/operations.ts) on this same Apollo server with executeOperation, so it meets the same
 * resolvers, services, validation, rate limits and plugins as the JSON API: there is no second
 * implementation of anything. Public only: a form route never reads an Authorization header.
 */
export const isFormPath = (path: string | undefined) => path === '/forms' || (path ?? '').startsWith('/forms/');

export interface FormRouteDeps {
  server: ApolloServer<GraphQLContext>;
  config: AppConfig;
  secret: Buffer;
  logger: Logger;
  now: () => Date;
  /** The anonymous GraphQL context for a request (as the JSON API would build it). */
  context: (event: APIGatewayProxyEventV2, context: Context) => Promise<GraphQLContext>;
}

type Result = APIGatewayProxyStructuredResultV2;

export function createFormRoutes(deps: FormRouteDeps) {
  const csrf = createCsrfGuard(deps.secret);
  const frameAncestors = deps.config.allowedPageHosts.map((h) => `https://${h}`).join(' ');

  function html(status: number, body: string, embed: boolean, cookies: string[] = []): Result {
    return {
      statusCode: status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        // A page may show a tracking code once: never kept by a browser or a cache.
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
        'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors ${embed ? `'self' ${frameAncestors}` : "'none'"}`,
      },
      ...(cookies.length && { cookies }),
      body,
    };
  }

  async function ask(page: PublicPage, variables: unknown, event: APIGatewayProxyEventV2, context: Context) {
    const response = await deps.server.executeOperation(
      { query: page.document.toString(), variables: variables as Record<string, unknown> },
      { contextValue: await deps.context(event, context) },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    return { data: (data ?? null) as never, errors: errors as never };
  }

  async function options(page: PublicPage, event: APIGatewayProxyEventV2, context: Context): Promise<PageContext['options']> {
    if (page.slug !== 'complaint') return {};
    const response = await deps.server.executeOperation({ query: CommonComplaintTypes.toString() }, { contextValue: await deps.context(event, context) });
    const types = response.body.kind === 'single' ? (response.body.singleResult.data as { commonComplaintTypes?: Array<{ code: string; name: string }> } | undefined) : undefined;
    return { complaintTypes: (types?.commonComplaintTypes ?? []).map((t) => ({ value: t.code, text: t.name })) };
  }

  // Whatever fails (the database, say), a person gets a page, never a stack or a bare 500.
  return async function formRoute(event: APIGatewayProxyEventV2, context: Context): Promise<Result> {
    try {
      return await route(event, context);
    } catch (error) {
      deps.logger.error('form route failed', { path: event.rawPath, errorName: error instanceof Error ? error.name : 'unknown' });
      const main = '<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1><p class="govuk-body">Try again later. Anything you sent may not have reached us.</p>';
      return html(500, layout({ title: 'Sorry, there is a problem with the service', main, context: {}, embed: false }), false);
    }
  };

  async function route(event: APIGatewayProxyEventV2, context: Context): Promise<Result> {
    const method = event.requestContext.http.method.toUpperCase();
    const slug = event.rawPath.replace(/^\/forms\/?/, '').replace(/\/$/, '');
    const query = valuesOf(new URLSearchParams(event.rawQueryString ?? ''));
    const embed = query.embed === '1';
    if (slug === '') return html(200, layout({ title: 'Contact us', main: indexHtml(), context: {}, embed: false }), false);
    const page = pageBySlug(slug);
    if (!page) return html(404, layout({ title: 'Page not found', main: '<h1 class="govuk-heading-l">Page not found</h1><p class="govuk-body"><a class="govuk-link" href="/forms/">See all our forms</a></p>', context: {}, embed }), embed);
    if (method !== 'GET' && !(method === 'POST' && page.method === 'post')) return { statusCode: 405, headers: { allow: page.method.toUpperCase(), 'content-type': 'text/plain' }, body: 'Method not allowed' };

    const now = deps.now();
    const cookieNonce = cookieValue(event, CSRF_COOKIE);
    const values = method === 'POST' ? valuesOf(new URLSearchParams(bodyText(event))) : query;
    if (method === 'POST') {
      const refusal = csrf.check({ token: first(values.csrfToken), cookieNonce, secFetchSite: event.headers['sec-fetch-site'] }, now);
      if (refusal) {
        deps.logger.info('form post refused', { page: page.slug, reason: refusal });
        const main = `<h1 class="govuk-heading-l">Sorry, we could not take that form</h1><p class="govuk-body">It was open too long, or it was sent from another website. Nothing was sent. <a class="govuk-link" href="/forms/${esc(page.slug)}${embed ? `?embed=1&amp;page=${encodeURIComponent(first(values.pageUrl) ?? '')}` : ''}">Open the form again</a>.</p>`;
        return html(403, layout({ title: 'Form expired', main, context: {}, embed }), embed);
      }
    }
    if (page.slug === 'rate-this-page' && method === 'GET') values.pageUrl = first(query.page) ?? '';
    const issued = csrf.issue(cookieNonce, now);
    const secure = event.headers['x-forwarded-proto'] === 'https';
    const cookies = issued.setCookie ? [csrf.cookie(issued.nonce, secure)] : [];
    const postedKey = first(values.idempotencyKey);
    const ctx: PageContext = {
      limits: fieldLimits(page.slug),
      options: await options(page, event, context),
      csrfToken: issued.token,
      idempotencyKey: postedKey && /^[A-Za-z0-9_-]{16,100}$/.test(postedKey) ? postedKey : randomUUID(),
      embed,
      today: londonDateOf(now),
    };
    const action = `/forms/${page.slug}${embed ? '?embed=1' : ''}`;
    const asks = method === 'POST' || (page.method === 'get' && (page.asks?.(values) ?? false));
    const result = asks
      ? await answer(page, values, ctx, action, (variables) => ask(page, variables, event, context))
      : { title: page.title, main: formHtml(page, { values, errors: [] }, ctx, action), status: 200 };
    const clientContext = { slug: page.slug, limits: ctx.limits, options: ctx.options, csrfToken: ctx.csrfToken, embed, today: ctx.today, action };
    return html(result.status, layout({ title: result.title, main: result.main, context: clientContext, embed }), embed, cookies);
  }
}

function indexHtml(): string {
  const links = publicPages.map((p) => `<li><a class="govuk-link" href="/forms/${p.slug}">${esc(p.title)}</a></li>`).join('');
  return `<h1 class="govuk-heading-l">Contact us</h1><ul class="govuk-list">${links}</ul>`;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function valuesOf(params: URLSearchParams): Values {
  const values: Values = {};
  for (const [key, value] of params) {
    const existing = values[key];
    values[key] = existing === undefined ? value : [existing, value].flat();
  }
  return values;
}

function bodyText(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function cookieValue(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const all = [...(event.cookies ?? []), ...(event.headers.cookie ?? '').split(';')];
  for (const c of all) {
    const [k, ...v] = c.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

import { describe, expect, it } from 'vitest';
import { idFor } from '../../web/components.js';
import { answer, formHtml, fieldName, type PageContext } from '../../web/page.js';
import { publicPages } from '../../web/pages/index.js';
import { createCsrfGuard } from '../../src/web/csrf.js';
import { fieldLimits } from '../../src/web/fieldLimits.js';

const ctx = (slug: string): PageContext => ({ limits: fieldLimits(slug), options: {}, csrfToken: 't', idempotencyKey: 'k', embed: false, today: '2026-03-02' });

describe('the public pages\' fields', () => {
  it.each(publicPages.map((p) => [p.slug, p] as const))('%s: every textarea shows the limit of the API field it fills', (slug, page) => {
    const html = formHtml(page, { values: {}, errors: [] }, ctx(slug), `/forms/${slug}`);
    const counted = new Map([...html.matchAll(/data-module="govuk-character-count" data-maxlength="(\d+)"><label class="govuk-label" for="([^"]+)"/g)].map((m) => [m[2], Number(m[1])]));
    for (const [, name] of html.matchAll(/<textarea[^>]*name="([^"]+)"/g)) {
      expect(fieldLimits(slug)[name!], `${name} is a field of the API's schema`).toBeGreaterThan(0);
      expect(counted.get(idFor(name!)), `${name}'s character count`).toBe(fieldLimits(slug)[name!]);
    }
  });

  it('takes the limits from the API\'s schemas', () => {
    expect(fieldLimits('complaint')).toMatchObject({ 'complainant.name': 200, 'incident.description': 10_000, desiredOutcome: 2000 });
    expect(fieldLimits('foi')).toMatchObject({ description: 5000, 'requester.postalAddress': 500 });
    expect(fieldLimits('rate-this-page')).toMatchObject({ comment: 2000, 'researchContact.name': 200 });
    expect(fieldLimits('data-protection-complaint')).toMatchObject({ whatHappened: 10_000, relatedReference: 30 });
    expect(fieldLimits('subject-access')).toMatchObject({ 'scope.description': 5000, 'requester.address': 500 });
  });

  it('links an error about a date to its day box', () => {
    const page = publicPages.find((p) => p.slug === 'complaint')!;
    const html = formHtml(page, { values: {}, errors: [{ name: 'incident.date', message: 'The date of the incident cannot be in the future.' }] }, ctx('complaint'), '/forms/complaint');
    expect(html).toContain('<a href="#incident-date-day">The date of the incident cannot be in the future.</a>');
    expect(html).toContain('id="incident-date-error"');
  });

  it('sends an optional section only when something in it is filled in, and then all of it (the API says what is missing)', () => {
    const vars = (slug: string, values: Record<string, string>) => {
      const page = publicPages.find((p) => p.slug === slug)!;
      const out = page.variables({ 'complainant.preferredContact': 'EMAIL', 'incident.date-day': '1', 'incident.date-month': '3', 'incident.date-year': '2026', wantsFormalRecording: 'true', 'requester.dateOfBirth-day': '1', 'requester.dateOfBirth-month': '5', 'requester.dateOfBirth-year': '1980', format: 'ELECTRONIC', ...values }, ctx(slug));
      return (out as { variables: { input: Record<string, unknown> } }).variables.input;
    };
    for (const slug of ['complaint', 'subject-access', 'data-protection-complaint']) {
      expect(vars(slug, {}).needs, slug).toBeNull();
      expect(vars(slug, { 'needs.interpreterNeeded': 'true' }).needs, slug).toEqual({ language: null, interpreterNeeded: true, accessibility: null });
      expect(vars(slug, { 'needs.language': ' Punjabi ', 'needs.accessibility': 'Large print' }).needs, slug).toEqual({ language: 'Punjabi', interpreterNeeded: false, accessibility: 'Large print' });
    }
    expect(vars('complaint', {}).onBehalfOf).toBeNull();
    // A section started without the consent question answered: asked, never taken as "no".
    const unanswered = publicPages.find((p) => p.slug === 'complaint')!.variables({ 'complainant.preferredContact': 'EMAIL', 'incident.date-day': '1', 'incident.date-month': '3', 'incident.date-year': '2026', wantsFormalRecording: 'true', 'onBehalfOf.name': 'Sam Son' }, ctx('complaint'));
    expect(unanswered).toEqual({ errors: [{ name: 'onBehalfOf.hasTheirConsent', message: expect.stringContaining('agreed') }] });
    expect(vars('complaint', { 'onBehalfOf.name': 'Sam Son', 'onBehalfOf.hasTheirConsent': 'false' }).onBehalfOf).toEqual({ name: 'Sam Son', relationship: '', hasTheirConsent: false });
    expect(vars('complaint', { 'onBehalfOf.name': 'Sam Son', 'onBehalfOf.relationship': 'Parent', 'onBehalfOf.hasTheirConsent': 'true' }).onBehalfOf).toEqual({ name: 'Sam Son', relationship: 'Parent', hasTheirConsent: true });
    expect(vars('subject-access', {}).agent).toBeNull();
    expect(vars('subject-access', { 'agent.agentName': 'A Solicitor', 'agent.relationship': 'Solicitor', 'agent.authority': 'Signed consent' }).agent).toEqual({ agentName: 'A Solicitor', relationship: 'Solicitor', authority: 'Signed consent' });
    expect((vars('subject-access', { 'requester.previousNames': 'Jo Maiden, , Jo Other ' }).requester as { previousNames: string[] }).previousNames).toEqual(['Jo Maiden', 'Jo Other']);
  });

  it('after a change of answers, says the form was sent before and shows it again with a NEW key, so sending again is not a dead end', async () => {
    const page = publicPages.find((p) => p.slug === 'rate-this-page')!;
    const context = { ...ctx('rate-this-page'), idempotencyKey: 'key-used-before-000001' };
    const refused = { data: { submitPageRating: { receipt: null, userErrors: [{ field: ['input', 'idempotencyKey'], message: 'This idempotency key was already used for a different submission.', code: 'IDEMPOTENCY_KEY_REUSED' }] } } };
    const result = await answer(page, { pageUrl: 'https://www.west-midlands.police.uk/contact-us', rating: '1' }, context, '/forms/rate-this-page', async () => refused as never);
    expect(result.status).toBe(409);
    expect(result.main).toContain('You already sent this form with different answers');
    expect(result.main).not.toContain('idempotency key');
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(result.main)?.[1];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(key).not.toBe('key-used-before-000001');
  });

  it('names a userError\'s field as the form does', () => {
    expect(fieldName(['input', 'complainant', 'email'])).toBe('complainant.email');
    expect(fieldName(['input', 'complaintTypes', '0'])).toBe('complaintTypes');
    expect(fieldName(['input'])).toBeUndefined();
    expect(fieldName(null)).toBeUndefined();
  });
});

describe('the form token', () => {
  const guard = createCsrfGuard(Buffer.alloc(32, 1));
  const now = new Date('2026-03-02T10:00:00Z');
  const { token, nonce } = guard.issue(undefined, now);

  it('is accepted with its cookie, from the same origin, within two hours', () => {
    expect(guard.check({ token, cookieNonce: nonce, secFetchSite: 'same-origin' }, now)).toBeNull();
    expect(guard.check({ token, cookieNonce: nonce, secFetchSite: undefined }, new Date(now.getTime() + 7_000_000))).toBeNull();
  });

  it('is refused from another site, without or with another cookie, expired, or forged', () => {
    expect(guard.check({ token, cookieNonce: nonce, secFetchSite: 'cross-site' }, now)).toBe('cross-site');
    expect(guard.check({ token, cookieNonce: nonce, secFetchSite: 'same-site' }, now)).toBe('cross-site');
    expect(guard.check({ token, cookieNonce: undefined, secFetchSite: 'same-origin' }, now)).toBe('cookie mismatch');
    expect(guard.check({ token, cookieNonce: guard.issue(undefined, now).nonce, secFetchSite: 'same-origin' }, now)).toBe('cookie mismatch');
    expect(guard.check({ token, cookieNonce: nonce, secFetchSite: 'same-origin' }, new Date(now.getTime() + 7_300_000))).toBe('expired');
    expect(guard.check({ token: `${token.slice(0, -2)}xx`, cookieNonce: nonce, secFetchSite: 'same-origin' }, now)).toBe('bad signature');
    expect(createCsrfGuard(Buffer.alloc(32, 2)).check({ token, cookieNonce: nonce, secFetchSite: 'same-origin' }, now)).toBe('bad signature');
    expect(guard.check({ token: undefined, cookieNonce: nonce, secFetchSite: 'same-origin' }, now)).toBe('no token');
  });

  it('reuses the browser\'s nonce, so two open forms both work', () => {
    const again = guard.issue(nonce, now);
    expect(again).toMatchObject({ nonce, setCookie: false });
    expect(guard.check({ token: again.token, cookieNonce: nonce, secFetchSite: 'same-origin' }, now)).toBeNull();
  });
});

describe('an answer with a top-level error', () => {
  const track = publicPages.find((p) => p.slug === 'track')!;
  const values = { reference: 'FOI-2026-000004', trackingCode: 'JSR5-Q7PM-8TDN-WK8B' };
  const asked = (code: string) => async () => ({ data: { trackCase: null }, errors: [{ message: 'x', extensions: { code } }] });

  it('says "too many attempts" (429) when tracking is rate-limited, never "not found"', async () => {
    const result = await answer(track, values, ctx('track'), '/forms/track', asked('RATE_LIMITED') as never);
    expect(result.status).toBe(429);
    expect(result.main).toContain('too many attempts');
    expect(result.main).not.toMatch(/could not find/i);
  });

  it('says the service has a problem (503) when the database is unavailable', async () => {
    const result = await answer(track, values, ctx('track'), '/forms/track', asked('SERVICE_UNAVAILABLE') as never);
    expect(result.status).toBe(503);
    expect(result.main).toContain('problem with the service');
  });
});

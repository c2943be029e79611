import { esc } from '../components.js';

export interface Receipt {
  reference: string;
  trackingCode?: string | null;
  duplicateOfEarlierSubmission: boolean;
}

/**
 * What a submission shows once: the reference, and the tracking code with advice to keep it (the
 * API keeps only a keyed hash of the code and never shows it again).
 */
export function receiptPage(what: string, receipt: Receipt): { title: string; html: string } {
  const code = receipt.trackingCode
    ? `<h2 class="govuk-heading-m">Your tracking code</h2><p class="govuk-body"><strong class="govuk-!-font-size-36 cc-tracking-code" data-cc-tracking-code>${esc(receipt.trackingCode)}</strong></p><div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Keep this code now: write it down or save this page. We show it only once and cannot send it to you again. With your reference it lets you check how your case is going.</strong></div>`
    : `<p class="govuk-body">You sent this a few minutes ago, so we have not stored it again. Use the tracking code we showed you then.</p>`;
  return {
    title: `${what} sent`,
    html: `<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title" tabindex="-1" data-cc-focus>${esc(what)} sent</h1><div class="govuk-panel__body">Your reference<br><strong>${esc(receipt.reference)}</strong></div></div>${code}<p class="govuk-body"><a class="govuk-link" href="/forms/track">Check how your case is going</a></p>`,
  };
}

/** A signpost the API gives instead of storing a request: who handles it, why, and where to go. */
export function signpostHtml(signpost: { organisation: string; url: string; explanation: string }): string {
  return `<div class="govuk-inset-text" data-cc-signpost><h2 class="govuk-heading-s">${esc(signpost.organisation)}</h2><p class="govuk-body">${esc(signpost.explanation)}</p><p class="govuk-body"><a class="govuk-link" href="${esc(signpost.url)}">Apply to ${esc(signpost.organisation)}</a></p></div>`;
}

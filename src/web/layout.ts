import { esc } from '../../web/components.js';

export const ASSETS = '/forms/assets';

/**
 * The page around a form: GOV.UK's template (skip link, header, main, footer) with the force's
 * name rather than GOV.UK's crest and typeface, which only GOV.UK services may use. `embed`
 * drops the header and footer for the "Rate this page" component inside another page.
 */
export function layout(o: { title: string; main: string; context: unknown; embed: boolean }): string {
  const chrome = !o.embed;
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${esc(o.title)} – West Midlands Police</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="robots" content="noindex">
<link rel="stylesheet" href="${ASSETS}/govuk-frontend.min.css">
<link rel="stylesheet" href="${ASSETS}/forms.css">
</head>
<body class="govuk-template__body${o.embed ? ' cc-embed' : ''}">
${chrome ? `<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="cc-header" role="banner"><div class="govuk-width-container"><a href="/forms/" class="cc-header__link">West Midlands Police</a></div></header>` : ''}
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content"><div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds" data-cc-main>${o.main}</div></div></main>
</div>
${chrome ? `<footer class="govuk-footer" role="contentinfo"><div class="govuk-width-container"><p class="govuk-body-s">West Midlands Police. In an emergency call 999.</p></div></footer>` : ''}
<script type="application/json" id="cc-context">${JSON.stringify(o.context).replace(/</g, '\\u003c')}</script>
<script type="module" src="${ASSETS}/forms.js"></script>
</body>
</html>`;
}

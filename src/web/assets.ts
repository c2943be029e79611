import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/**
 * The public pages' static files, built from govuk-frontend and web/: served by the local server
 * and uploaded to the website bucket by the CDK stack (infra/web.ts). Not part of the Lambda.
 *
 * - govuk-frontend.min.css: GOV.UK Frontend's compiled CSS without its @font-face rules (the GDS
 *   Transport typeface may be used only on GOV.UK; the pages fall back to Arial, as GOV.UK Frontend
 *   advises for services elsewhere);
 * - forms.css: web/forms.css;
 * - forms.js: web/client/enhance.ts with GOV.UK Frontend's JavaScript, bundled by esbuild.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export interface WebAsset {
  type: string;
  body: Buffer;
}

export function buildWebAssets(): Map<string, WebAsset> {
  const govuk = dirname(require.resolve('govuk-frontend/package.json'));
  const css = readFileSync(join(govuk, 'dist/govuk/govuk-frontend.min.css'), 'utf8')
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
  const js = buildSync({
    entryPoints: [join(root, 'web/client/enhance.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    legalComments: 'none',
  }).outputFiles[0]!.contents;
  return new Map([
    ['govuk-frontend.min.css', { type: 'text/css; charset=utf-8', body: Buffer.from(css) }],
    ['forms.css', { type: 'text/css; charset=utf-8', body: readFileSync(join(root, 'web/forms.css')) }],
    ['forms.js', { type: 'text/javascript; charset=utf-8', body: Buffer.from(js) }],
  ]);
}

let built: Map<string, WebAsset> | undefined;

/** A file under /forms/assets/ for the local server (built once, on first use). */
export function webAsset(pathname: string): WebAsset | undefined {
  const name = /^\/forms\/assets\/([\w.-]+)$/.exec(pathname)?.[1];
  if (!name) return undefined;
  built ??= buildWebAssets();
  return built.get(name);
}

/** Writes the files to a directory (for the CDK deployment), under forms/assets/. */
export function writeWebAssets(dir: string): string {
  const target = join(dir, 'forms/assets');
  mkdirSync(target, { recursive: true });
  for (const [name, asset] of buildWebAssets()) writeFileSync(join(target, name), asset.body);
  return dir;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * GraphiQL for exploring the API in a browser, served from the packages in node_modules: it works
 * with no internet connection (Apollo's own landing page loads from a CDN, so it is switched off).
 * Local only: the Lambda serves no page at all.
 */
const require = createRequire(import.meta.url);

const inPackage = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

export const graphiqlAssets: Record<string, { pkg: string; file: string; type: string }> = {
  '/assets/react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/assets/react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  '/assets/graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/assets/graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const cache = new Map<string, Buffer>();
export function asset(path: string): { body: Buffer; type: string } | undefined {
  const entry = graphiqlAssets[path];
  if (!entry) return undefined;
  if (!cache.has(path)) cache.set(path, readFileSync(inPackage(entry.pkg, entry.file)));
  return { body: cache.get(path)!, type: entry.type };
}

export const graphiqlPage = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Contact Counts API (local)</title>
  <link rel="stylesheet" href="/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/assets/react.js"></script>
  <script src="/assets/react-dom.js"></script>
  <script src="/assets/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    const defaultQuery = [
      '# Contact Counts, running locally.',
      '# Public operations need no token. For staff ones:',
      '#   npm run token -- --group web-content',
      '# then in Headers below:',
      '#   {"Authorization": "Bearer <token>"}',
      '',
      'mutation Rate {',
      '  submitPageRating(input: {',
      '    idempotencyKey: "' + crypto.randomUUID() + '"',
      '    pageUrl: "https://www.west-midlands.police.uk/contact-us"',
      '    rating: 3',
      '    comment: "Easy to find the number"',
      '  }) {',
      '    receipt { reference trackingCode }',
      '    userErrors { field message code }',
      '  }',
      '}',
    ].join('\\n');
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery, shouldPersistHeaders: true }),
    );
  </script>
</body>
</html>`;

import { App, Stack } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiFunction, SHIPPED_BESIDE_BUNDLE } from '../../infra/apiFunction.js';

// A real bundle, built as `cdk deploy` builds it (the other infra tests skip bundling).
const outdir = mkdtempSync(join(tmpdir(), 'contact-counts-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the API function bundle', () => {
  it('ships the name finder beside the bundle, where the bundle requires it from, and nothing else unbundled', { timeout: 120_000 }, () => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'BundleCheck');
    new ApiFunction(stack, 'Api', { entry: 'src/handler.ts', logGroup: new LogGroup(stack, 'Logs') });
    app.synth();
    const asset = readdirSync(outdir)
      .filter((name) => name.startsWith('asset.'))
      .map((name) => join(outdir, name))
      .find((dir) => existsSync(join(dir, 'index.mjs')))!;
    expect(asset).toBeDefined();
    for (const file of SHIPPED_BESIDE_BUNDLE) expect(existsSync(join(asset, 'node_modules', file)), file).toBe(true);
    expect(readdirSync(join(asset, 'node_modules'))).toEqual(['compromise']);
    // Resolved from the bundle's own directory, as src/redaction/names.ts does at run time, and working.
    const names = execFileSync(
      process.execPath,
      ['-e', `const nlp = require('module').createRequire(${JSON.stringify(join(asset, 'index.mjs'))})('compromise'); process.stdout.write(JSON.stringify(nlp('Regards, Priya Patel').people().out('array')))`],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(names)).toEqual(['Priya Patel']);
    expect(statSync(join(asset, 'index.mjs')).size).toBeLessThan(2_500_000);
  });
});

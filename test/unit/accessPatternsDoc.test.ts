import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessPatternsMarkdown, currentSection, README } from '../../scripts/accessPatterns.js';

describe("README's table design section", () => {
  it('is what the catalogue generates', () => {
    const inReadme = currentSection(readFileSync(README, 'utf8'));
    expect(
      inReadme === accessPatternsMarkdown(),
      "README.md's access-patterns section differs from src/store/catalogue.ts: run `npm run docs:access-patterns`",
    ).toBe(true);
  });

  it('names every item kind and hot partition', () => {
    const doc = accessPatternsMarkdown();
    expect(doc).toContain('`PAGE#{pageKey}` | `RANK#{period}`');
    // Issue 12: no request rewrites a ranking row or a page's day shards (both kept from the stream).
    expect(doc).toMatch(/\*\*Page ranking\*\*.*warm: written only by the stream consumer/);
    expect(doc).toMatch(/\*\*Page summary\*\*.*warm: no request writes them: the stream consumer ADDs/);
  });
});

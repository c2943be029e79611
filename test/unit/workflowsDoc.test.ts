import { describe, expect, it } from 'vitest';
import { currentWorkflowsDoc, workflowsMarkdown } from '../../scripts/workflowsDoc.js';
import { registry } from '../../src/caseTypes.js';

describe('docs/workflows.md', () => {
  it('is what the workflow tables generate', () => {
    expect(currentWorkflowsDoc() === workflowsMarkdown(), 'docs/workflows.md differs from the workflow tables: run `npm run docs:workflows`').toBe(true);
  });

  it('shows every case type, action and rule', () => {
    const doc = workflowsMarkdown();
    for (const type of registry.caseTypes) {
      for (const [action, spec] of Object.entries(type.workflow.actions)) {
        expect(doc).toContain(`| \`${action}\` |`);
        for (const rule of [...spec!.guards, ...(spec!.inputRules ?? [])]) expect(doc).toContain(`| \`${rule.code}\` | ${rule.words.replace(/\|/g, '\\|')}`);
      }
    }
  });
});

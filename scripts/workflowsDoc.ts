import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnyCaseType } from '../src/cases/contract.js';
import { STATE_RULE, type NamedRule } from '../src/cases/workflow.js';
import { registry } from '../src/caseTypes.js';

/**
 * docs/workflows.md, written from the workflow tables, for Professional Standards and
 * information-rights leads who do not read TypeScript: for each case type its states, what each
 * staff action needs and leads to, and every rule in words with where it comes from.
 *
 *   tsx scripts/workflowsDoc.ts           prints it
 *   tsx scripts/workflowsDoc.ts --write   writes docs/workflows.md (npm run docs:workflows)
 *
 * A unit test fails while the file and the tables differ.
 */
export const WORKFLOWS_DOC = fileURLToPath(new URL('../docs/workflows.md', import.meta.url));

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function caseTypeSection(type: AnyCaseType): string {
  const { workflow } = type;
  const states = Object.keys(workflow.states);
  const actions = Object.entries(workflow.actions).flatMap(([name, spec]) => (spec ? [[name, spec] as const] : []));
  const rules = new Map<string, NamedRule>();
  for (const [, spec] of actions) for (const rule of [...spec.guards, ...(spec.inputRules ?? [])]) rules.set(rule.code, rule);

  const lines: string[] = [];
  lines.push(`## ${type.noun[0]!.toUpperCase()}${type.noun.slice(1)}s (${code(type.name)}, references ${code(`${type.prefix}-YYYY-NNNNNN`)})`, '');
  lines.push(`Staff team: ${code(type.group)}. Kept ${type.retention.days} days from receipt: ${type.retention.why}`, '');
  lines.push('### States', '', '| State | Meaning: the case is … |', '| --- | --- |');
  for (const state of states) lines.push(`| ${code(state)} | ${cell(workflow.states[state as keyof typeof workflow.states] ?? '')} |`);
  lines.push('', '### Actions', '');
  lines.push('Each action is a GraphQL mutation. It is refused unless the case is in one of the states it is taken from and every rule listed allows it; rules about the input are checked once it is allowed.', '');
  lines.push('| Action | What it does | From | Rules that must allow it | Rules about its input | Leads to | Who |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, spec] of actions) {
    lines.push(
      `| ${code(name)} | ${cell(spec.does)} | ${spec.from.map(code).join(', ')} | ${spec.guards.map((g) => code(g.code)).join(', ') || '–'} | ${(spec.inputRules ?? []).map((r) => code(r.code)).join(', ') || '–'} | ${spec.to.length ? spec.to.map(code).join(', ') : 'stays where it is'} | ${(spec.groups ?? [type.group]).map(code).join(', ')} |`,
    );
  }
  lines.push('', '### Which actions each state allows', '', 'A tick: the state allows the action (its rules may still refuse it).', '');
  lines.push(`| Action | ${states.map(code).join(' | ')} |`, `| --- | ${states.map(() => ':-:').join(' | ')} |`);
  for (const [name, spec] of actions) lines.push(`| ${code(name)} | ${states.map((s) => ((spec.from as readonly string[]).includes(s) ? '✓' : '·')).join(' | ')} |`);
  lines.push('', '### Rules', '', '| Rule | In words | From |', '| --- | --- | --- |');
  for (const rule of [...rules.values()].sort((a, b) => a.code.localeCompare(b.code))) lines.push(`| ${code(rule.code)} | ${cell(rule.words)} | ${cell(rule.cites)} |`);
  return lines.join('\n');
}

export function workflowsMarkdown(): string {
  return [
    '# Workflows',
    '',
    '<!-- Written by `npm run docs:workflows` from the workflow tables (src/*/workflow.ts): edit the tables, not this file. -->',
    '',
    'What the API lets staff do to each kind of case, and the rules it enforces, read off the same tables the API runs. A refused action names its rule: the `rule` of the user error, and `availableActions { refusedBy { rule } }` on each case.',
    '',
    `Every refusal because of the case's state has the rule ${code(STATE_RULE.code)}: ${STATE_RULE.words}`,
    '',
    ...registry.caseTypes.map((type) => `${caseTypeSection(type)}\n`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = workflowsMarkdown();
  if (process.argv.includes('--write')) {
    mkdirSync(dirname(WORKFLOWS_DOC), { recursive: true });
    writeFileSync(WORKFLOWS_DOC, doc);
    console.log(`${WORKFLOWS_DOC}: written from the workflow tables`);
  } else {
    process.stdout.write(doc);
  }
}

export const currentWorkflowsDoc = () => {
  try {
    return readFileSync(WORKFLOWS_DOC, 'utf8');
  } catch {
    return '';
  }
};

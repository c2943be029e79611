import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  accessPatterns,
  itemKinds,
  retentionText,
  shownAs,
  unreadIndexes,
  type Heat,
  type ItemKind,
  type ItemKindName,
  type SecondaryIndex,
} from '../src/store/catalogue.js';
import { tableDesign } from '../src/store/tableDesign.js';

/**
 * The README's table design section, written from the catalogue (src/store/catalogue.ts).
 *
 *   tsx scripts/accessPatterns.ts           prints the section
 *   tsx scripts/accessPatterns.ts --write   replaces it in README.md (npm run docs:access-patterns)
 */
export const START = '<!-- access-patterns:start -->';
export const END = '<!-- access-patterns:end -->';
export const README = fileURLToPath(new URL('../README.md', import.meta.url));

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

const keyOf = (name: ItemKindName, kind: ItemKind, key: 'pk' | 'sk') => code(kind.primary[key].show(shownAs[name]));

function indexOf(index: SecondaryIndex | undefined): string {
  return index ? `${code(index.pk.text)} / ${code(index.sk.text)} (${index.when})` : '';
}

const heatText: Record<Heat, string> = { hot: '**hot**', warm: 'warm', cold: 'no' };

export function accessPatternsMarkdown(): string {
  const kinds = Object.entries(itemKinds) as Array<[ItemKindName, ItemKind]>;
  const lines = [
    '<!-- Written by `npm run docs:access-patterns` from src/store/catalogue.ts: edit the catalogue, not this section. -->',
    '',
    `One table: \`${tableDesign.partitionKey}\`/\`${tableDesign.sortKey}\`, TTL on \`${tableDesign.ttlAttribute}\`, and two sparse ` +
      `indexes (${tableDesign.indexes.map((i) => `\`${i.name}\`: \`${i.partitionKey}\`/\`${i.sortKey}\``).join(', ')}). ` +
      'Key formats are the templates below (`{name}` is a value); `src/store/keys.ts` fills them in. ' +
      'Only the queue names within a family (`STATUS#…`, `HANDLER#…`, `DUE`, …) and their date sort keys are chosen by each area’s `queues.ts`.',
    '',
    '#### Item kinds',
    '',
    row(['Item kind', 'pk', 'sk', 'gsi1 pk / sk', 'gsi2 pk / sk', 'Holds', 'Retention']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...kinds.map(([name, kind]) =>
      row([
        `${kind.title}${kind.kind ? ` (${code(kind.kind)})` : ''}`,
        keyOf(name, kind, 'pk'),
        keyOf(name, kind, 'sk'),
        indexOf('gsi1' in kind ? kind.gsi1 : undefined),
        indexOf('gsi2' in kind ? kind.gsi2 : undefined),
        kind.holds,
        retentionText(kind.retention),
      ]),
    ),
    '',
    '#### Access patterns',
    '',
    'Every read the API makes. Nothing scans. Hot: the same item is rewritten by concurrent requests; warm: many concurrent ' +
      'requests add different items to one partition; no: one writer at a time.',
    '',
    row(['Access pattern', 'Item kind', 'Index', 'Operation', 'Key condition', 'Partition growth', 'Hot?']),
    row(['---', '---', '---', '---', '---', '---', '---']),
    ...accessPatterns.map((p) =>
      row([
        `**${p.name}**: ${p.purpose}${p.order ? ` (${p.order})` : ''}`,
        itemKinds[p.kind].title,
        p.index,
        p.operation,
        `${code(p.keyCondition)}${p.filter && p.filter !== 'none' ? `; filter ${code(p.filter)}` : ''}`,
        p.growth,
        `${heatText[p.heat]}${p.heatNote ? `: ${p.heatNote}` : ''}`,
      ]),
    ),
    '',
    ...unreadIndexes.map((u) => `Written but not read by the API: ${itemKinds[u.kind].title}, ${u.index}: ${u.note}.`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The README with its access-patterns section replaced by `section`. */
export function withSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${section}${readme.slice(end)}`;
}

/** The section as it is in the README now (between the markers). */
export function currentSection(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return readme.slice(start + START.length + 1, end);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--write')) {
    const readme = readFileSync(README, 'utf8');
    const next = withSection(readme, accessPatternsMarkdown());
    if (next !== readme) writeFileSync(README, next);
    console.log(next === readme ? 'README.md: access patterns already up to date' : 'README.md: access patterns rewritten');
  } else {
    process.stdout.write(accessPatternsMarkdown());
  }
}

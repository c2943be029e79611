import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessPatterns, itemKinds, primaryKey, queueNames, template } from '../../src/store/catalogue.js';
import { indexEntries, indexKeys, keys, queues } from '../../src/store/keys.js';
import { tableDesign } from '../../src/store/tableDesign.js';

/**
 * The stored key strings, written out literally: these are the formats of data already in the
 * table, so a change here is a data migration, not a refactor.
 */
describe('key formats', () => {
  it('build the same primary keys as before', () => {
    expect(keys.case('WEB-2026-000123')).toEqual({ pk: 'CASE#WEB-2026-000123', sk: 'CASE' });
    expect(keys.researchContact('WEB-2026-000123')).toEqual({ pk: 'CASE#WEB-2026-000123', sk: 'RESEARCH_CONTACT' });
    expect(keys.counter('PAGE_RATING', 2026)).toEqual({ pk: 'COUNTER#PAGE_RATING#2026', sk: 'COUNTER' });
    expect(keys.idempotency('FOI', 'h4sh')).toEqual({ pk: 'IDEMPOTENCY#FOI#h4sh', sk: 'IDEMPOTENCY' });
    expect(keys.duplicateGuard('f1ng')).toEqual({ pk: 'DUPLICATE#f1ng', sk: 'DUPLICATE' });
    expect(keys.rateWindow('submit-FOI', 'src', 1_767_225_600)).toEqual({ pk: 'RATE#submit-FOI#src#1767225600', sk: 'RATE' });
    expect(keys.audit('CMP-2026-000001', '2026-03-01T10:00:00.000Z', 'abc123')).toEqual({
      pk: 'AUDIT#CMP-2026-000001',
      sk: '2026-03-01T10:00:00.000Z#abc123',
    });
    expect(keys.auditPartition('CMP-2026-000001')).toBe('AUDIT#CMP-2026-000001');
    expect(keys.pageDay('www.example.org/a', '2026-03-01', 7)).toEqual({ pk: 'PAGE#www.example.org/a', sk: 'DAY#2026-03-01#7' });
    expect(keys.pagePartition('www.example.org/a')).toBe('PAGE#www.example.org/a');
    expect(keys.pageDaysFrom('2026-03-01')).toBe('DAY#2026-03-01#');
    expect(keys.pageDaysTo('2026-03-01')).toBe('DAY#2026-03-01#~');
    expect(keys.pageMonth('www.example.org/a', '2026-03')).toEqual({ pk: 'PAGE#www.example.org/a', sk: 'MONTH#2026-03' });
    expect(keys.pageRank('www.example.org/a', 'ALL')).toEqual({ pk: 'PAGE#www.example.org/a', sk: 'RANK#ALL' });
    expect(keys.pageRank('www.example.org/a', '2026-03')).toEqual({ pk: 'PAGE#www.example.org/a', sk: 'RANK#2026-03' });
    expect(keys.similarCase('f1ng', '2026-03-01T10:00:00.000Z', 'FOI-2026-000001')).toEqual({ pk: 'SIMILAR#f1ng', sk: '2026-03-01T10:00:00.000Z#FOI-2026-000001' });
    expect(keys.disclosureWordCount('taser')).toEqual({ pk: 'WORD_COUNT#taser', sk: 'WORD_COUNT' });
    expect(keys.queueEntry('COMPLAINT#UNALLOCATED', '2026-03-01#2026-03-01T10:00:00.000Z', 'CMP-2026-000001')).toEqual({
      pk: 'INDEX#COMPLAINT#UNALLOCATED',
      sk: '2026-03-01#2026-03-01T10:00:00.000Z#CMP-2026-000001',
    });
    expect(keys.queuePartition('SAR#DUE')).toBe('INDEX#SAR#DUE');
    expect(keys.statisticsDay('FOI', '2026-03-01')).toEqual({ pk: 'STATS#FOI', sk: 'DAY#2026-03-01' });
    expect(keys.statisticsPartition('COMPLAINT')).toBe('STATS#COMPLAINT');
    expect(keys.statisticsDaySort('2026-03-01')).toBe('DAY#2026-03-01');
  });

  it('build the same index keys as before', () => {
    expect(indexKeys.pageComments('www.example.org/a')).toBe('PAGE_COMMENTS#www.example.org/a');
    expect(indexKeys.pageRanking('ALL', 5)).toBe('PAGE_RANKING#ALL#5');
    expect(indexKeys.researchContacts()).toBe('RESEARCH_CONTACTS');
    expect(indexKeys.auditByActor('staff-1')).toBe('AUDIT_BY#staff-1');
    expect(indexKeys.researchContactsByEmail('e-hash')).toBe('RESEARCH_CONTACT_EMAIL#e-hash');
    expect(indexEntries.pageComment('www.example.org/a', '2026-03-01T10:00:00.000Z', 'WEB-2026-000001')).toEqual({
      gsi1pk: 'PAGE_COMMENTS#www.example.org/a',
      gsi1sk: '2026-03-01T10:00:00.000Z#WEB-2026-000001',
    });
    expect(indexEntries.pageRanking('2026-03', 1, { average: '1.5000', inverseCount: '999999997', pageKey: 'www.example.org/a' })).toEqual({
      gsi1pk: 'PAGE_RANKING#2026-03#1',
      gsi1sk: '1.5000#999999997#www.example.org/a',
    });
    expect(indexEntries.researchContact('2026-03-01T10:00:00.000Z', 'WEB-2026-000001')).toEqual({
      gsi1pk: 'RESEARCH_CONTACTS',
      gsi1sk: '2026-03-01T10:00:00.000Z#WEB-2026-000001',
    });
    expect(indexEntries.researchContactByEmail('e-hash', 'WEB-2026-000001')).toEqual({
      gsi2pk: 'RESEARCH_CONTACT_EMAIL#e-hash',
      gsi2sk: 'WEB-2026-000001',
    });
    expect(indexEntries.auditByActor('staff-1', '2026-03-01T10:00:00.000Z', 'abc123')).toEqual({
      gsi1pk: 'AUDIT_BY#staff-1',
      gsi1sk: '2026-03-01T10:00:00.000Z#abc123',
    });
  });

  it('name the same queues as before', () => {
    expect(queues.complaint('HANDLER#sam')).toBe('COMPLAINT#HANDLER#sam');
    expect(queues.subjectAccess('STATUS#RECEIVED')).toBe('SAR#STATUS#RECEIVED');
    expect(queues.foi('UNALLOCATED')).toBe('FOI#UNALLOCATED');
    expect(queues.foiRequester('req-key')).toBe('FOI#REQUESTER#req-key');
    expect(queues.disclosureLog).toBe('FOI#DISCLOSURE_LOG');
    expect(queues.disclosureWord('speed')).toBe('FOI#DISCLOSURE_WORD#speed');
  });

  it('are filled exactly: values are not read as templates, and a missing value is an error', () => {
    expect(template('A#{x}#{y}').fill({ x: '{y}', y: '$&' })).toBe('A#{y}#$&');
    expect(() => template('A#{x}').fill({} as { x: string })).toThrow(/needs x/);
    expect(template('A#{x}#B').params).toEqual(['x']);
    expect(template('A#{x}#{y}').show({ x: 'X#{name}' })).toBe('A#X#{name}#{y}');
    // The compiler knows each template's placeholders.
    // @ts-expect-error reference is missing
    expect(() => primaryKey(itemKinds.case.primary, {})).toThrow(/needs reference/);
  });
});

describe('the catalogue', () => {
  it('gives every kind a primary key and only indexes the table has', () => {
    const indexNames = tableDesign.indexes.map((i) => i.name as string);
    for (const [name, kind] of Object.entries(itemKinds)) {
      expect(kind.primary.pk.text, name).toBeTruthy();
      for (const index of ['gsi1', 'gsi2']) if (index in kind) expect(indexNames).toContain(index);
    }
    for (const pattern of accessPatterns) {
      expect(Object.keys(itemKinds)).toContain(pattern.kind);
      if (pattern.index !== 'table') expect(indexNames).toContain(pattern.index);
      expect(pattern.index === 'table' || pattern.index in itemKinds[pattern.kind], `${pattern.name} uses an index its kind lacks`).toBe(true);
    }
  });

  it('keeps partition-key prefixes apart: no kind can read as another', () => {
    expect(queueNames.disclosureWord.text.startsWith('FOI#')).toBe(true);
    const prefixes = new Map<string, string[]>();
    for (const [name, kind] of Object.entries(itemKinds)) {
      const prefix = kind.primary.pk.text.split('{')[0]!;
      prefixes.set(prefix, [...(prefixes.get(prefix) ?? []), name]);
    }
    // Kinds that share a partition are told apart by their sort keys.
    expect(prefixes.get('CASE#')).toEqual(['case', 'researchContact', 'correspondence']);
    expect(prefixes.get('PAGE#')).toEqual(['pageDay', 'pageMonth', 'pageRank']);
    expect(prefixes.get('INDEX#')).toEqual(['queueEntry', 'disclosureLogEntry', 'disclosureWord']);
  });
});

describe('the store', () => {
  it('imports no domain module: only itself, errors, generated types and the retention schedule', () => {
    const dir = new URL('../../src/store/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(new URL(file, dir), 'utf8');
      for (const [, from] of source.matchAll(/from '(\.\.\/[^']+)'/g)) {
        expect(from, `src/store/${file} imports ${from}`).toMatch(/^\.\.\/(errors\.js|generated\/|retention\/)/);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import corpus from './data/piiCorpus.json' with { type: 'json' };
import { findPersonalData, personalDataKinds, redact, type Finding, type PersonalDataKind } from '../../src/redaction/personalData.js';

interface Labelled {
  text: string;
  pii: Array<{ kind: string; start: number; end: number; value: string }>;
  /** Written after the detectors, to estimate how they do on text they were not tuned against. */
  heldOut?: boolean;
}
const sentences = corpus as Labelled[];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Precision and recall on the labelled corpus, by span: a finding is right when it overlaps a
 * labelled span of the same kind; a labelled span is found when a finding of its kind overlaps it.
 */
function score(sample: Labelled[] = sentences) {
  const per = new Map<PersonalDataKind, { tp: number; fp: number; found: number; gold: number }>(personalDataKinds.map((k) => [k, { tp: 0, fp: 0, found: 0, gold: 0 }]));
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const s of sample) {
    const findings: Finding[] = findPersonalData(s.text);
    for (const f of findings) {
      const ok = s.pii.some((g) => g.kind === f.kind && overlaps(f, g));
      per.get(f.kind)![ok ? 'tp' : 'fp']++;
      if (!ok) wrong.push(`${f.kind} ${JSON.stringify(s.text.slice(f.start, f.end))} in ${JSON.stringify(s.text)}`);
    }
    for (const g of s.pii) {
      const kind = g.kind as PersonalDataKind;
      per.get(kind)!.gold++;
      if (findings.some((f) => f.kind === kind && overlaps(f, g))) per.get(kind)!.found++;
      else misses.push(`${kind} ${JSON.stringify(g.value)} in ${JSON.stringify(s.text)}`);
    }
  }
  const total = [...per.values()].reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, found: a.found + b.found, gold: a.gold + b.gold }));
  return { per, total, misses, wrong };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('findPersonalData on the labelled corpus', () => {
  const { per, total, misses, wrong } = score();
  const precision = ratio(total.tp, total.tp + total.fp);
  const recall = ratio(total.found, total.gold);

  it('has at least 200 sentences, many of them with no personal data', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(200);
    expect(sentences.filter((s) => s.pii.length === 0).length).toBeGreaterThanOrEqual(80);
    for (const s of sentences) for (const g of s.pii) expect(s.text.slice(g.start, g.end)).toBe(g.value);
  });

  it('prints precision and recall, overall and per kind', () => {
    const lines = [`PII corpus: ${sentences.length} sentences, ${total.gold} labelled spans`, `overall  precision ${pct(precision)}  recall ${pct(recall)}`];
    for (const [kind, c] of per) {
      if (c.gold === 0 && c.tp + c.fp === 0) continue;
      lines.push(`${kind.padEnd(21)} precision ${pct(ratio(c.tp, c.tp + c.fp)).padStart(6)}  recall ${pct(ratio(c.found, c.gold)).padStart(6)}  (${c.found}/${c.gold} found, ${c.fp} wrong)`);
    }
    const held = score(sentences.filter((s) => s.heldOut));
    lines.push(
      `held out (${sentences.filter((s) => s.heldOut).length} sentences written after the detectors, not tuned against): ` +
        `precision ${pct(ratio(held.total.tp, held.total.tp + held.total.fp))}  recall ${pct(ratio(held.total.found, held.total.gold))}`,
    );
    if (misses.length) lines.push('missed:', ...misses.map((m) => `  ${m}`));
    if (wrong.length) lines.push('wrongly found:', ...wrong.map((m) => `  ${m}`));
    console.log(lines.join('\n'));
    expect(per.size).toBe(personalDataKinds.length);
  });

  // Floors a little below what the redactor achieves on the whole corpus (97.7% precision, 97.2%
  // recall when written), so that a harmless change does not fail the build but a real regression
  // does. The corpus was written by the redactor's author: these figures are optimistic. The held-out
  // part (printed separately) is the fairer estimate, and is lower.
  it('keeps precision at or above 0.95 and recall at or above 0.95', () => {
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every kind it claims to with recall at or above 0.8', () => {
    for (const [kind, c] of per) if (c.gold > 0) expect(ratio(c.found, c.gold), kind).toBeGreaterThanOrEqual(0.8);
  });

  it('leaves the phrases the issue names alone', () => {
    for (const text of ['call 101', 'B4 road', '3 stars', '8am to midnight', 'the Chief Constable', 'West Midlands Police', 'Birmingham, Coventry and Wolverhampton']) {
      expect(findPersonalData(`Please note: ${text}.`), text).toEqual([]);
    }
  });
});

describe('redact', () => {
  it('replaces each finding with its marker and lists each kind once', () => {
    const out = redact('I am Harriet Leak of 4 Privet Drive, email harriet at example dot com, phone 07700 900123, and harriet@example.com');
    expect(out.text).toBe('I am [name removed] of [address removed], email [email removed], phone [phone number removed], and [email removed]');
    expect(out.kinds).toEqual(['NAME', 'EMAIL', 'PHONE', 'ADDRESS']);
  });

  it('keeps titles and ranks, removing only the name', () => {
    expect(redact('Mr Jones and PC Smith').text).toBe('Mr [name removed] and PC [name removed]');
  });

  it('returns offsets into the text, never the values', () => {
    const text = 'My NHS number is 943 476 5919.';
    const findings = findPersonalData(text);
    expect(findings).toEqual([{ kind: 'NHS_NUMBER', start: 17, end: 29 }]);
    expect(JSON.stringify(findings)).not.toContain('943');
  });

  it('leaves text without personal data exactly as it was', () => {
    const text = 'The Chief Constable said 3 stars is not good enough; call 101 or visit police.uk.';
    expect(redact(text)).toEqual({ text, kinds: [] });
  });
});

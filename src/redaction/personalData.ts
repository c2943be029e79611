import { markers, personalDataKinds, type Finding, type PersonalDataKind } from './kinds.js';
import { findNames } from './names.js';
import { detectors } from './patterns.js';

export { kindWords, markers, personalDataKinds, type Finding, type PersonalDataKind } from './kinds.js';

/**
 * The one personal-data redactor for text the public or staff write and others read: page-rating
 * comments before they are stored, and FOI disclosure-log drafts before they are published.
 *
 * `findPersonalData` says what is where (kind and offsets, never the value); `redact` replaces each
 * finding with a marker ("[name removed]") so the text still reads sensibly, and lists the kinds.
 * It favours catching too much over too little where the two conflict, but only where a cue or a
 * check digit makes the catch likely: "call 101", "B4 road", "3 stars" and "8am to midnight" stay.
 * Measured on test/unit/data/piiCorpus.json (test/unit/personalData.test.ts prints the figures).
 */
export function findPersonalData(text: string): Finding[] {
  // Shaped data first, in the detectors' order, then names: a finding overlapping an earlier one is
  // dropped (so "jane" in "jane at example dot com" is part of the email, not a name).
  const candidates = [...detectors.flatMap((d) => d.find(text)), ...findNames(text)];
  const kept: Finding[] = [];
  for (const c of candidates) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push({ kind: c.kind, start: c.start, end: c.end });
  }
  return kept.sort((a, b) => a.start - b.start);
}

export interface Redacted {
  text: string;
  /** Each kind found, once, in the order of `personalDataKinds`. */
  kinds: PersonalDataKind[];
}

export function redact(input: string): Redacted {
  const findings = findPersonalData(input);
  let text = '';
  let at = 0;
  for (const f of findings) {
    text += input.slice(at, f.start) + markers[f.kind];
    at = f.end;
  }
  text += input.slice(at);
  const found = new Set(findings.map((f) => f.kind));
  return { text, kinds: personalDataKinds.filter((k) => found.has(k)) };
}

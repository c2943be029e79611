/**
 * Removes personal data that people type into free-text comments, before the comment is stored:
 * email addresses, phone numbers, National Insurance numbers, vehicle registrations, crime
 * reference numbers and postcodes. Anonymous feedback must stay anonymous, and staff reading
 * comments should not meet personal data they have no need for.
 *
 * Each kind is replaced by a marker ("[email removed]") so the comment still reads sensibly, and
 * the kinds found are recorded. Patterns favour catching too much over too little: a comment with
 * an over-eager marker loses a few words; a missed phone number is a data breach.
 */
export const redactionKinds = ['EMAIL', 'CRIME_REFERENCE', 'NATIONAL_INSURANCE', 'PHONE', 'POSTCODE', 'VEHICLE_REGISTRATION'] as const;
export type RedactionKind = (typeof redactionKinds)[number];

interface Rule {
  kind: RedactionKind;
  marker: string;
  pattern: RegExp;
}

// Order matters: longer, more specific shapes first, so that (for example) the digits of a crime
// reference are not taken for a phone number.
const rules: Rule[] = [
  { kind: 'EMAIL', marker: '[email removed]', pattern: /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi },
  {
    kind: 'CRIME_REFERENCE',
    marker: '[crime reference removed]',
    pattern:
      /\b(?:crime\s*(?:ref(?:erence)?|number|no\.?)|crn|log\s*(?:number|no\.?))\s*(?:number|no\.?)?\s*[:#-]?\s*[A-Z0-9/-]*\d[A-Z0-9/-]*|\b\d{2}[A-Z]{0,3}\/\d{4,8}[A-Z]?\/\d{2,4}\b/gi,
  },
  {
    kind: 'NATIONAL_INSURANCE',
    marker: '[National Insurance number removed]',
    // Any two letters, not only the prefixes HMRC issues: people also type the specimen QQ 12 34 56 C.
    pattern: /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi,
  },
  {
    kind: 'POSTCODE',
    marker: '[postcode removed]',
    pattern: /\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi,
  },
  // Current registrations (AB12 CDE) in any case.
  { kind: 'VEHICLE_REGISTRATION', marker: '[vehicle registration removed]', pattern: /\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b/gi },
  // The older prefix (A123 BCD) and suffix (ABC 123D) styles, only in capitals: in lower case they
  // look like ordinary words and numbers ("was 2 a").
  {
    kind: 'VEHICLE_REGISTRATION',
    marker: '[vehicle registration removed]',
    pattern: /\b[A-HJ-NPR-Y]\d{1,3}\s?[A-Z]{3}\b|\b[A-Z]{3}\s?\d{1,3}\s?[A-HJ-NPR-Y]\b/g,
  },
  {
    kind: 'PHONE',
    marker: '[phone number removed]',
    pattern: /(?<![\w/])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[\s.-]?\d){6,8}(?![\w/])/g,
  },
];

export interface Redacted {
  text: string;
  kinds: RedactionKind[];
}

export function redactPersonalData(input: string): Redacted {
  let text = input;
  const kinds: RedactionKind[] = [];
  for (const rule of rules) {
    const next = text.replace(rule.pattern, rule.marker);
    if (next !== text && !kinds.includes(rule.kind)) kinds.push(rule.kind);
    text = next;
  }
  return { text, kinds };
}

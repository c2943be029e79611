import type { Finding, PersonalDataKind } from './kinds.js';

/**
 * The pattern detectors: personal data with a shape (emails, UK phone numbers, postcodes, street
 * addresses, dates of birth, National Insurance, NHS and bank numbers, vehicle registrations, crime
 * references). Each returns candidate findings; `findPersonalData` settles overlaps, earlier
 * detectors in `detectors` winning.
 *
 * Where a shape is also ordinary text (a date, eight digits, "12 Park Lane" against "2 lane road"),
 * the detector needs a cue ("born on", "sort code", "account number") or a check digit (NHS mod-11,
 * IBAN mod-97, card Luhn), so that "call 101", "B4 road", "3 stars" and "8am to midnight" survive.
 */
export interface Detector {
  kind: PersonalDataKind;
  find(text: string): Finding[];
}

/** Every match of a global regex as a finding; `group` (with the `d` flag) narrows it to one group. */
function matches(kind: PersonalDataKind, pattern: RegExp, accept: (m: RegExpExecArray) => boolean = () => true, group?: string): Detector {
  return {
    kind,
    find(text) {
      const out: Finding[] = [];
      // Group offsets need the `d` flag: add it, so a detector cannot silently find nothing.
      const re = group !== undefined && !pattern.hasIndices ? new RegExp(pattern.source, pattern.flags + 'd') : pattern;
      for (const m of text.matchAll(re)) {
        if (!accept(m)) continue;
        const span: [number, number] | undefined = group === undefined ? [m.index, m.index + m[0].length] : m.indices?.groups?.[group];
        if (span && span[1] > span[0]) out.push({ kind, start: span[0], end: span[1] });
      }
      return out;
    },
  };
}

const digitsOf = (s: string): number[] => [...s.replace(/\D/g, '')].map(Number);

/** NHS number check digit (modulus 11, weights 10 down to 2). */
export function nhsNumberValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length !== 10) return false;
  const sum = d.slice(0, 9).reduce((acc, digit, i) => acc + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === d[9];
}

/** IBAN check (ISO 13616: move the first four characters to the end, letters to numbers, mod 97 = 1). */
export function ibanValid(value: string): boolean {
  const s = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  if (s.startsWith('GB') && s.length !== 22) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const n = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of n) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** Luhn check, for payment card numbers. */
export function luhnValid(value: string): boolean {
  const d = digitsOf(value);
  if (d.length < 13 || d.length > 19) return false;
  let sum = 0;
  d.reverse().forEach((digit, i) => {
    const x = i % 2 === 1 ? digit * 2 : digit;
    sum += x > 9 ? x - 9 : x;
  });
  return sum % 10 === 0;
}

const TLD = String.raw`(?:com|org|net|edu|gov|police|nhs|ac|co|uk|io|me|info|biz|ie|eu|us|de|fr|online|email|mail)`;
/** Words that come before "at" in ordinary text ("look at gov.uk", "available at police.uk"). */
const NOT_A_MAILBOX = new Set(
  (
    'a an the it is was are were be been look looked looking looks me us you him her them online available found find published ' +
    'here there details information info website site guidance advice visit visiting see seen go check read more out up ' +
    'arrived arrive stopped stop stayed stay left live lives lived living work works worked station home'
  ).split(' '),
);

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?(?:\s+\d{4})?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?)`;

const STREET = String.raw`(?:road|rd|street|st|avenue|ave|lane|ln|drive|close|crescent|cres|way|place|court|ct|grove|gardens|gdns|terrace|tce|walk|hill|row|square|sq|park|mews|view|rise|green|parade|boulevard|croft|vale|wharf|gate|chase|embankment|hollow|meadow|meadows|fold|brow|end)`;
/** Words that, between a number and a street word, say it is not an address ("2 lane road", "3 hours down the road"). */
const NOT_STREET_NAME = String.raw`(?:the|a|an|on|in|at|of|to|from|and|or|by|for|with|was|were|is|are|down|up|along|off|near|into|onto|across|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|miles?|yards?|metres?|meters?|km|mph|times?|people|persons?|officers?|cars?|car|vehicles?|stars?|calls?|police|lanes?|way|wheel|point|minute|hour|mile|star|page|pages|foot|feet|inch|inches|storey|bed|bedroom|door|seater|speed|digit|one|two)`;
const STREET_NAME_WORD = String.raw`(?!${NOT_STREET_NAME}\b)[A-Za-z][A-Za-z'’.-]*`;

// Order matters: longer, more specific shapes first, so that (for example) the digits of a crime
// reference are not taken for a phone number, nor an email's domain for a name.
export const detectors: Detector[] = [
  matches('EMAIL', /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi),
  // Obfuscated: "jane at example dot com", "jane [at] example [dot] co [dot] uk", "jane.doe at gmail.com".
  matches(
    'EMAIL',
    new RegExp(
      String.raw`(?<![\w.@])(?<local>[A-Za-z0-9][A-Za-z0-9._%+-]*)(?<at>\s*[[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+at\s+|\s*@\s*)[A-Za-z0-9-]+(?:(?:\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)[A-Za-z0-9-]+)*(?:\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)${TLD}\b`,
      'gi',
    ),
    (m) => {
      const plainAt = /^\s+at\s+$/i.test(m.groups!.at!);
      const spokenDot = /\bdot\b/i.test(m[0]);
      // "look at gov.uk" is a pointer to a website, not an address; "jane at example.com" is an address.
      return !(plainAt && !spokenDot && NOT_A_MAILBOX.has(m.groups!.local!.toLowerCase()));
    },
  ),
  matches(
    'BANK_DETAILS',
    /\bGB\s?\d{2}\s?[A-Z]{4}(?:\s?\d{4}){3}\s?\d{2}\b|\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b/g,
    (m) => ibanValid(m[0]),
  ),
  // Sort code and account number together: "12-34-56 12345678", "sort code 12-34-56, account 12345678".
  matches('BANK_DETAILS', /(?<![\d-])\d{2}-\d{2}-\d{2}[\s,/]+(?:(?:and\s+)?(?:a\/c|acc(?:oun)?t?)(?:\s*(?:no\.?|number))?\s*[:#]?\s*)?\d{7,10}\b/gi),
  matches(
    'BANK_DETAILS',
    /\b(?:sort\s*code|s\/c)\s*(?:is|was|:|-)?\s*(?<value>\d{2}[\s-]?\d{2}[\s-]?\d{2})\b/gi,
    () => true,
    'value',
  ),
  matches(
    'BANK_DETAILS',
    /\b(?:(?:bank\s+)?account\s*(?:no\.?|number|num)|acc(?:oun)?t?\s*(?:no\.?|number)|a\/c(?:\s*no\.?)?)\s*(?:is|was|:|-|#)?\s*(?<value>\d{6,10})\b/gi,
    () => true,
    'value',
  ),
  matches('PAYMENT_CARD', /(?<![\d-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d-])/g, (m) => luhnValid(m[0])),
  // NHS numbers: 3-3-4 digits with a valid check digit, or any ten digits right after "NHS number".
  matches('NHS_NUMBER', /(?<![\w/.-])[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?![\w/-])/g, (m) => nhsNumberValid(m[0])),
  matches('NHS_NUMBER', /\bNHS\s*(?:no\.?|number|num)?\s*(?:is|:|-)?\s*(?<value>\d{3}[ -]?\d{3}[ -]?\d{4})(?![\w/-])/gi, () => true, 'value'),
  matches(
    'CRIME_REFERENCE',
    /\b(?:crime\s*(?:ref(?:erence)?|number|no\.?)|crn|log\s*(?:number|no\.?))\s*(?:number|no\.?)?\s*(?:is\s+|was\s+)?[:#-]?\s*[A-Z0-9/-]*\d[A-Z0-9/-]*|\b\d{2}[A-Z]{0,3}\/\d{4,8}[A-Z]?\/\d{2,4}\b/gi,
  ),
  matches(
    'DATE_OF_BIRTH',
    new RegExp(
      String.raw`\b(?:born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?|birthday(?:\s+is)?)\s*(?:is|was|:|-)?\s*(?:on\s+)?(?:the\s+)?(?<value>${DATE})(?![\w/])`,
      'gi',
    ),
    () => true,
    'value',
  ),
  matches(
    'NATIONAL_INSURANCE',
    // Any two letters, not only the prefixes HMRC issues: people also type the specimen QQ 12 34 56 C.
    /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi,
  ),
  matches(
    'ADDRESS',
    new RegExp(
      String.raw`(?:\b(?:flat|apartment|apt|unit)\s+\d{1,4}[a-z]?,?\s+)?\b\d{1,4}[a-z]?(?:-\d{1,4}[a-z]?)?,?\s+(?:${STREET_NAME_WORD}\s+){1,3}${STREET}\b|\b\d{1,4}[a-z]?,?\s+The\s+(?:${STREET_NAME_WORD}\s+){0,2}${STREET}\b`,
      'gi',
    ),
    // "3 The Green" is an address; "3 the green" is more likely "give 3 the green light".
    (m) => !/^\d{1,4}[a-z]?,?\s+the\s/i.test(m[0]) || /\sThe\s/.test(m[0]),
  ),
  matches('POSTCODE', /\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi),
  // Current registrations (AB12 CDE) in any case.
  matches('VEHICLE_REGISTRATION', /\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b/gi),
  // The older prefix (A123 BCD) and suffix (ABC 123D) styles, only in capitals: in lower case they
  // look like ordinary words and numbers ("was 2 a").
  matches('VEHICLE_REGISTRATION', /\b[A-HJ-NPR-Y]\d{1,3}\s?[A-Z]{3}\b|\b[A-Z]{3}\s?\d{1,3}\s?[A-HJ-NPR-Y]\b/g),
  matches('PHONE', /(?<![\w/])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[\s.-]?\d){6,8}(?![\w/])/g),
];

import { findPersonalData, redact, type Finding as PersonalDataFinding } from '../redaction/personalData.js';
/**
 * Personal data in text that is about to be published (the disclosure log: RULES.md §2). Pure.
 *
 * The case holds the requester's identity, so the check for it is exact: each of the requester's
 * name, email address, phone number and postal address is looked for after both sides are
 * normalised (case, spacing and punctuation ignored; digits only for a phone). Other detectors of
 * personal data (the shared redactor, for names and addresses of other people) plug in as further
 * `PersonalDataDetector`s: every finding says what kind of data it is and where, never the value.
 *
 * What counts as the requester's name (the issue left it open; decided here):
 * - the full name as held, always;
 * - a title or an initial with the surname ("Ms Leak", "H. Leak"), always;
 * - the surname alone, and each given name alone, when distinctive: three letters or more and not
 *   an ordinary English word or title ("Leak", "Rose", "Mark", "Young" are words; "Asker" is not
 *   in the list, so "Asker" alone is found);
 * - a name part of one or two letters is never looked for alone.
 * The postal address: the whole address, each comma- or line-separated part that has a digit in
 * it (a house number and street, a flat), the postcode alone, and the parts that name the home
 * itself: a house name and a street without a number ("The Old Rectory, Church Lane"), that is
 * every part up to and including the last one ending in a street word (Lane, Road, Close, …), or
 * with none, every part but the last. A town, village or county after the street is not the
 * requester's identity (it is in countless answers), nor is a part of one ordinary word.
 * With a leading "The", the name without it too ("Old Rectory").
 * The phone: the same digits (a leading +44 or 44 read as 0), ignoring spaces, dashes and brackets.
 */

export type PersonalDataKind = 'NAME' | 'EMAIL' | 'PHONE' | 'POSTAL_ADDRESS';

/** Where one piece of personal data was found: the field and the characters [start, end). */
export interface Finding {
  kind: PersonalDataKind;
  field: string;
  start: number;
  end: number;
}

/** The requester's identity as the case holds it. */
export interface RequesterIdentity {
  name: string;
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
}

/** One way of finding personal data in one piece of text. */
export type PersonalDataDetector = (text: string, requester: RequesterIdentity) => Array<Omit<Finding, 'field'>>;

/** Words a name part can also be: such a part is not looked for alone (the full name still is). */
const ORDINARY_WORDS = new Set(
  `mr mrs ms miss mx dr prof sir dame lord lady rev revd the and von van der den de la le du di da del al bin ben
  will mark may june april august grace hope joy faith rose lily ivy holly hazel dawn summer autumn winter crystal ruby pearl amber
  bill pat sue rob ray art frank chase sky rich gay love sterling hunter baker cook smith wood woods hill hills king kings young
  brown green white black gray grey long short small little large hall house street road lane park field fields stone bell
  bush bird birds fox wolf lamb page reader cash case price law power rice sharp strong steel wall walls waters water well
  wells west east north south ward wards bond banks bank street carter mason turner porter parsons palmer fisher fowler
  hunt marsh moss mills mill lake lakes brook brooks ford bridge bridges church cross gate gates hope leak leaks swift
  may major miles mann man best good bright gold silver penny crown rich nice bone bones day days knight page head
  police officer force office court judge crime justice camera cameras speed data request information`
    .split(/\s+/)
    .filter(Boolean),
);

const TITLES = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame'];

/** Cyrillic and Greek lower-case letters that look like Latin ones, as those (the text is lower-cased first). */
const LOOK_ALIKES: Record<string, string> = Object.fromEntries(
  [...'аaвbсcԁdеeһhнhіiјjкkӏlмmоoрpԛqѕsтtԝwхxуyαaβbεeηnιiκkνvοoρpτtυuχxγy'.matchAll(/(.)(.)/gu)].map(([, from, to]) => [from!, to!]),
);

/**
 * The text reduced to lower-case letters and digits, words separated by one space, with each
 * kept character's index in the original: a match in the reduced text maps back to the original.
 */
function reduce(raw: string): { reduced: string; at: number[] } {
  // A possessive "'s" ends the word before it ("Leak's" is "leak"); blanked in place, so places still map.
  const text = raw.replace(/['’][sS](?![\p{L}\p{N}])/gu, '  ');
  let reduced = '';
  const at: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!.toLowerCase();
    if (/[\p{L}\p{N}]/u.test(ch)) {
      if (pendingSpace && reduced.length > 0) {
        reduced += ' ';
        at.push(i);
      }
      pendingSpace = false;
      // Letters with accents compare without them ("Zoë" and "Zoe"); full-width and other
      // compatibility forms as their plain letters ("Ｌｅａｋ"); and Cyrillic or Greek letters that
      // look Latin as the Latin ones ("Lеak" with a Cyrillic е), so a look-alike cannot slip past.
      const plain = [...ch.normalize('NFKD').replace(/\p{M}/gu, '')].map((c) => LOOK_ALIKES[c] ?? c).join('').toLowerCase();
      for (const c of plain) {
        reduced += c;
        at.push(i);
      }
    } else if (ch !== "'" && ch !== '’') {
      // An apostrophe joins ("O'Neill" is "oneill"); anything else separates words.
      pendingSpace = true;
    }
  }
  return { reduced, at };
}

const reduced = (text: string) => reduce(text).reduced;

/** Every whole-word occurrence of an already reduced needle in the text, as original spans. */
function occurrences(text: string, needle: string): Array<{ start: number; end: number }> {
  if (!needle) return [];
  const { reduced: hay, at } = reduce(text);
  const spans: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) break;
    const j = i + needle.length;
    const startsWord = i === 0 || hay[i - 1] === ' ';
    const endsWord = j === hay.length || hay[j] === ' ';
    if (startsWord && endsWord) spans.push({ start: at[i]!, end: at[j - 1]! + 1 });
    from = i + 1;
  }
  return spans;
}

/** The requester's name, as the needles looked for (see the top of this file). */
export function nameNeedles(name: string): string[] {
  const parts = reduced(name)
    .split(' ')
    .filter((p) => p && !TITLES.includes(p));
  if (parts.length === 0) return [];
  const needles = new Set<string>([parts.join(' ')]);
  const surname = parts.at(-1)!;
  if (parts.length > 1) {
    const afterFirst = parts.slice(1).join(' ');
    for (const title of TITLES) {
      needles.add(`${title} ${surname}`);
      needles.add(`${title} ${afterFirst}`);
    }
    needles.add(`${parts[0]} ${surname}`);
    // Initials before the surname, however many and whichever: "H. Leak", "R. M. Leak".
    const initials = parts.slice(0, -1).map((p) => p[0]!);
    for (let n = 1; n <= initials.length; n++) needles.add(`${initials.slice(0, n).join(' ')} ${surname}`);
    if (initials.length > 1) needles.add(`${initials[0]} ${initials.at(-1)} ${surname}`);
  }
  for (const part of parts) if (part.length >= 3 && !ORDINARY_WORDS.has(part)) needles.add(part);
  return [...needles];
}

/**
 * The name written without spaces or hyphens ("HarrietLeak", "Smith-Leak"): the whole name, and
 * the name after the first part, each only when long enough not to occur by chance.
 */
export function compactNameNeedles(name: string): string[] {
  const parts = reduced(name)
    .split(' ')
    .filter((p) => p && !TITLES.includes(p));
  const needles = [parts.join(''), parts.slice(1).join('')].filter((n) => n.length >= 8 || (n.length >= 6 && !ORDINARY_WORDS.has(n)));
  return [...new Set(needles)];
}

/** Where a compact needle appears in the text with everything but letters and digits taken out. */
function compactOccurrences(text: string, needle: string): Array<{ start: number; end: number }> {
  const { reduced: hay, at } = reduce(text);
  const chars: number[] = [];
  let compact = '';
  for (let i = 0; i < hay.length; i++) {
    if (hay[i] === ' ') continue;
    compact += hay[i];
    chars.push(at[i]!);
  }
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = compact.indexOf(needle); i >= 0; i = compact.indexOf(needle, i + 1)) {
    spans.push({ start: chars[i]!, end: chars[i + needle.length - 1]! + 1 });
  }
  return spans;
}

const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi;

/** The postal address, as the needles looked for: the whole, each part with a digit, the postcode. */
const STREET =
  /^\s*(?:flat\s+\w+\s+)?(\d+[a-z]?)\s+((?:[\p{L}'’-]+\s+){0,3}?(?:road|rd|street|st|drive|dr|lane|ln|avenue|ave|close|way|grove|place|crescent|court|gardens|terrace|walk|hill|rise|row|square|mews|parade|green|park|view|vale|drove|croft|fold|meadow|meadows))\b/iu;

const STREET_WORD =
  /\b(?:road|rd|street|st|drive|dr|lane|ln|avenue|ave|close|way|grove|place|crescent|court|gardens|terrace|walk|hill|rise|row|square|mews|parade|green|park|view|vale|drove|croft|fold|meadow|meadows)$/i;

/** The address's parts that name the home itself (see the top of this file), reduced. */
function homeParts(address: string): string[] {
  const parts = address
    .split(/[,\n;]+/)
    .map((part) => reduced(part.replace(POSTCODE, ' ')))
    .filter(Boolean);
  const lastStreet = parts.findLastIndex((part) => STREET_WORD.test(part));
  const home = lastStreet >= 0 ? parts.slice(0, lastStreet + 1) : parts.slice(0, -1);
  const needles = home.flatMap((part) => [part, part.replace(/^the /, '')]);
  return needles.filter((part) => part.length >= 4 && (part.includes(' ') ? true : !ORDINARY_WORDS.has(part)));
}

export function addressNeedles(address: string): string[] {
  const needles = new Set<string>([reduced(address)]);
  for (const part of address.split(/[,\n;]+/)) if (/\d/.test(part) && reduced(part).length >= 3) needles.add(reduced(part));
  for (const part of homeParts(address)) needles.add(part);
  // The house number and street, and the street alone when it has two words or more, however the
  // address is split ("4 Privet Drive Little Whinging" on one line too).
  const street = STREET.exec(address);
  if (street) {
    needles.add(reduced(`${street[1]} ${street[2]}`));
    if (reduced(street[2]!).split(' ').length >= 2) needles.add(reduced(street[2]!));
  }
  for (const code of address.match(POSTCODE) ?? []) needles.add(reduced(code.replace(/\s+/g, '')).replace(/^(.*)(\d[a-z]{2})$/, '$1 $2'));
  return [...needles].filter(Boolean);
}

/** Postcodes are found however they are spaced: "B4 6NH", "b46nh". */
function postcodeSpans(text: string, needles: string[]): Array<{ start: number; end: number }> {
  const wanted = new Set(needles.map((n) => n.replace(/\s+/g, '')));
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(POSTCODE)) {
    if (wanted.has(m[0].replace(/\s+/g, '').toLowerCase())) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** A phone number's digits, a leading +44 or 44 read as 0. */
function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0044') && digits.length >= 14) return `0${digits.slice(4)}`;
  return digits.startsWith('44') && digits.length >= 12 ? `0${digits.slice(2)}` : digits;
}

/**
 * Where the phone's digits appear in the text, spaced or punctuated any way ("0121 496 0000",
 * "(0121) 496-0000", "+44 121 496 0000"), but not inside a longer number.
 */
function phoneSpans(text: string, phone: string): Array<{ start: number; end: number }> {
  const want = phoneDigits(phone);
  if (want.length < 6) return [];
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/\+?\(?\d(?:[\d().-]|\s(?=[\d(]))*\d?/g)) {
    // The run's digits, each with its place in the text, and whether a separator came before it.
    const digits: Array<{ d: string; i: number; split: boolean }> = [];
    for (let k = 0; k < m[0].length; k++) {
      const c = m[0][k]!;
      if (/\d/.test(c)) digits.push({ d: c, i: m.index + k, split: k > 0 && !/\d/.test(m[0][k - 1]!) });
    }
    const all = digits.map((x) => x.d).join('');
    for (const needle of [want, `44${want.slice(1)}`, `0044${want.slice(1)}`]) {
      let from = 0;
      for (;;) {
        const at = all.indexOf(needle, from);
        if (at < 0) break;
        const end = at + needle.length;
        const clean = (at === 0 || digits[at]!.split) && (end === digits.length || digits[end]!.split);
        // From the run's start when the number opens it, so a leading + or ( goes too.
        if (clean) spans.push({ start: at === 0 ? m.index : digits[at]!.i, end: digits[end - 1]!.i + 1 });
        from = at + 1;
      }
    }
  }
  return spans;
}

/** The requester's own identity, exactly as the case holds it. */
export const requesterIdentityDetector: PersonalDataDetector = (text, requester) => {
  const found: Array<Omit<Finding, 'field'>> = [];
  const add = (kind: PersonalDataKind, spans: Array<{ start: number; end: number }>) => spans.forEach((s) => found.push({ kind, ...s }));
  if (requester.email) {
    add('EMAIL', occurrences(text, reduced(requester.email)));
    // The part before the @ alone ("hl1984", "hl1984 at example dot com"), when long enough to be theirs.
    // (A local part that is the name, "harriet.leak", is found as the name.)
    const local = reduced(requester.email.split('@')[0] ?? '');
    const isName = nameNeedles(requester.name).includes(local) || local.includes(' ');
    if (local.length >= 4 && !isName && !ORDINARY_WORDS.has(local)) add('EMAIL', occurrences(text, local));
  }
  if (requester.phone) add('PHONE', phoneSpans(text, requester.phone));
  if (requester.postalAddress) {
    const needles = addressNeedles(requester.postalAddress);
    for (const needle of needles) add('POSTAL_ADDRESS', occurrences(text, needle));
    add('POSTAL_ADDRESS', postcodeSpans(text, needles));
  }
  for (const needle of nameNeedles(requester.name)) add('NAME', occurrences(text, needle));
  for (const needle of compactNameNeedles(requester.name)) add('NAME', compactOccurrences(text, needle));
  return found;
};

/** The detectors run on public text: the requester's identity, exactly, as the case holds it. */
export const publicTextDetectors: PersonalDataDetector[] = [requesterIdentityDetector];

/**
 * Other people's personal data in public text, by the shared redactor (src/redaction): names,
 * addresses, phone numbers, dates of birth and the rest. Kinds and places only, never values.
 */
export interface OtherPersonalData {
  field: string;
  kind: PersonalDataFinding['kind'];
  start: number;
  end: number;
}

export function otherPersonalDataInPublicText(fields: Record<string, string>, requester: RequesterIdentity): OtherPersonalData[] {
  const identity = personalDataInPublicText(fields, requester);
  return Object.entries(fields).flatMap(([field, value]) =>
    findPersonalData(value)
      // The requester's own identity is reported (and refused) as such, not again here.
      .filter((f) => !identity.some((i) => i.field === field && f.start < i.end && i.start < f.end))
      .map((f) => ({ field, kind: f.kind, start: f.start, end: f.end })),
  );
}

/**
 * Personal data found in text to be published, field by field: overlapping findings are merged
 * (the widest span wins, an email before a name inside it), ordered by field and position.
 */
export function personalDataInPublicText(
  text: string | Record<string, string>,
  requester: RequesterIdentity,
  detectors: PersonalDataDetector[] = publicTextDetectors,
): Finding[] {
  const fields = typeof text === 'string' ? { text } : text;
  const findings: Finding[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const all = detectors
      .flatMap((detect) => detect(value, requester))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let last: Finding | null = null;
    for (const f of all) {
      if (last && f.start < last.end) {
        last.end = Math.max(last.end, f.end);
        continue;
      }
      last = { ...f, field };
      findings.push(last);
    }
  }
  return findings;
}

/** The text with each finding replaced by a marker ("[requester]"). */
export function scrub(text: string, findings: Array<Pick<Finding, 'start' | 'end'>>, marker = '[requester]'): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) out = `${out.slice(0, f.start)}${marker}${out.slice(f.end)}`;
  return out;
}

/**
 * Each field with the requester's identity replaced by "[requester]", then any other personal data
 * the shared redactor finds replaced by its marker ("[name removed]"): the draft offered to staff.
 */
export function scrubbed<T extends Record<string, string>>(fields: T, requester: RequesterIdentity): T {
  const findings = personalDataInPublicText(fields, requester);
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, redact(scrub(v, findings.filter((f) => f.field === k))).text]),
  ) as T;
}

export const kindWords: Record<PersonalDataKind, string> = {
  NAME: 'name',
  EMAIL: 'email address',
  PHONE: 'phone number',
  POSTAL_ADDRESS: 'postal address',
};

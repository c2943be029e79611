import { createRequire as requireRelativeTo } from 'node:module';
import type nlpLibrary from 'compromise';

type Nlp = typeof nlpLibrary;
let loaded: Nlp | undefined;
/**
 * compromise, loaded the first time a name is looked for: its lexicon takes tens of milliseconds to
 * unpack, and most requests (ratings without a comment, tracking, every staff read) never need it,
 * so a Lambda cold start should not pay for it (issue 12). Required synchronously (its self-contained
 * CommonJS build, the same code in tests, locally and in Lambda, where the build is shipped beside
 * the bundle: infra/apiFunction.ts), so that finding names stays an ordinary function.
 */
function nlp(text: string): ReturnType<Nlp> {
  loaded ??= requireRelativeTo(import.meta.url)('compromise') as Nlp;
  return loaded(text);
}
import type { Finding } from './kinds.js';

/**
 * People's names, found two ways and combined:
 * - compromise (an English NLP library with a lexicon of first names and surnames and a tagger that
 *   reads context): `people()` finds "Harriet Leak", "PC Smith", "Regards, Priya Patel";
 * - cue phrases that name someone whatever the word: "my name is …", "I am …", "Mr/Mrs/Ms/Miss/Dr …",
 *   a police rank ("PC …", "Sergeant …"), and sign-offs ("Regards, …", "Signed …").
 *
 * A name is only the name: titles and ranks stay in the text ("Mr [name removed]", "the Chief
 * Constable"), so ordinary police-website text is left alone. Without a cue, a name must be written
 * with a capital letter (compromise alone takes "mark" and "will" in lower case for ordinary words).
 */
export function findNames(text: string): Finding[] {
  const doc = nlp(text);
  // The tagged terms cost as much again as the parse: only when a cue needs a word judged.
  let cached: Term[] | null = null;
  const terms = () => (cached ??= termsOf(doc, text));
  const found: Finding[] = [];
  for (const person of doc.people().json({ offset: true }) as Array<{ offset?: { start: number; length: number } }>) {
    if (!person.offset) continue;
    const span = trimmed(text, person.offset.start, person.offset.start + person.offset.length);
    if (span && /\p{Lu}/u.test(text.slice(span.start, span.end)) && !allCommon(text.slice(span.start, span.end))) found.push(span);
  }
  for (const cue of cues) {
    for (const m of text.matchAll(cue.pattern)) {
      const span = nameAfter(text, m.index + m[0].length, cue, terms);
      if (span) found.push(span);
    }
  }
  return found;
}

interface Term {
  start: number;
  end: number;
  tags: Set<string>;
}

/** compromise's terms with their offsets and tags (in context), to judge a word after a cue. */
function termsOf(doc: ReturnType<Nlp>, text: string): Term[] {
  const out: Term[] = [];
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Array<{ text: string; tags: string[]; offset?: { start: number; length: number } }> }>;
  for (const s of sentences) {
    for (const t of s.terms) {
      if (!t.offset) continue;
      const start = t.offset.start;
      const end = Math.min(text.length, start + t.offset.length);
      out.push({ start, end, tags: new Set(t.tags) });
    }
  }
  return out;
}

const TITLES = new Set(
  (
    'mr mrs ms miss mx dr prof professor sir dame lady lord rev reverend pc dc ds di dci dsu pcso sgt sergeant insp inspector ' +
    'constable officer detective chief superintendent supt ch det police commissioner the a an dear'
  ).split(' '),
);

/** Words that, on their own, are never a person's name on a police website. */
const NOT_NAMES = new Set(
  (
    'chief constable police crime commissioner force station officer officers team council city county west east north south ' +
    'midlands birmingham coventry wolverhampton solihull dudley walsall sandwell england wales uk britain government home office ' +
    'court magistrates crown service services department unit contact page website site foi sar ico iopc acro'
  ).split(' '),
);

function allCommon(span: string): boolean {
  return span
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((w) => NOT_NAMES.has(w.toLowerCase().replace(/[.'’]s?$/, '')));
}

/** The span without leading titles or ranks, or trailing punctuation and possessive "'s". */
function trimmed(text: string, start: number, end: number): Finding | null {
  let s = start;
  let e = end;
  for (;;) {
    const m = /^([A-Za-z]+)\.?\s+/.exec(text.slice(s, e));
    if (!m || !TITLES.has(m[1]!.toLowerCase())) break;
    s += m[0].length;
  }
  const tail = /(?:['’]s|['’])?[^\p{L}]*$/u.exec(text.slice(s, e));
  if (tail) e -= tail[0].length;
  return e > s && !TITLES.has(text.slice(s, e).toLowerCase()) ? { kind: 'NAME', start: s, end: e } : null;
}

interface Cue {
  pattern: RegExp;
  /** The name may be written in lower case ("my name is jane smith"). */
  lowercase: boolean;
  /** The first word must look like a name, not an ordinary word ("I am Disappointed"). */
  check: boolean;
  /** The name must end the line or the text (sign-offs). */
  atEnd?: boolean;
}

const cues: Cue[] = [
  { pattern: /\bmy\s+name\s+is\s+|\bmy\s+name['’]s\s+|\bname\s*:\s*|\bi\s+am\s+called\s+|\bi['’]m\s+called\s+/gi, lowercase: true, check: false },
  { pattern: /\b(?:mr|mrs|ms|mx|dr)\.?\s+/gi, lowercase: true, check: false },
  { pattern: /\b(?:Miss|Prof|Professor|Sir|Dame|Lady|Lord)\.?\s+/g, lowercase: false, check: false },
  { pattern: /\b(?:i\s+am|i['’]m|this\s+is|it['’]s)\s+/gi, lowercase: false, check: true },
  { pattern: /\b(?:PC|DC|DS|DI|DCI|PCSO)\s+/g, lowercase: false, check: false },
  { pattern: /\b(?:sgt|sergeant|insp|inspector|constable|officer|detective|supt|superintendent)\.?\s+/gi, lowercase: false, check: true },
  {
    pattern:
      /(?:^|[\n.!?]\s*|,\s*)(?:kind(?:est)?\s+|best\s+|warm(?:est)?\s+|many\s+)?(?:regards|thanks|thank\s+you|cheers|yours\s+sincerely|yours\s+faithfully|sincerely|signed|from\s*:)\s*[,:\-–]?\s+/gi,
    lowercase: false,
    check: true,
    atEnd: true,
  },
];

/** Ordinary words that follow a cue and are not names ("I am very unhappy", "Mr Blobby" is still a name). */
const STOP = new Set(
  (
    'a an the and or but of to in on at for from with by about as is was are were be been being not no very so really just also ' +
    'writing trying asking calling contacting requesting making here there this that these those it its he she they we you i my me ' +
    'your our their his her them us what which who whom whose when where why how all any some more most other such only own same ' +
    'too can could will would should may might must shall do does did have has had on off up down out over again further then once ' +
    'please thanks thank regards hello hi dear yes ok okay sorry sure glad happy unhappy disappointed concerned worried afraid ' +
    'able unable aware unaware interested grateful pleased still now currently also going looking living based'
  ).split(' '),
);

const NOT_A_NAME_TAGS = ['Adjective', 'Verb', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Value', 'Date', 'Place', 'Organization', 'Uncountable', 'Plural', 'Gerund', 'Modal'];
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];

function looksLikeName(word: string, at: number, terms: () => Term[]): boolean {
  const term = terms().find((t) => t.start <= at && at < t.end);
  if (term && NAME_TAGS.some((tag) => term.tags.has(tag))) return true;
  if (term && ['Place', 'Organization'].some((tag) => term.tags.has(tag))) return false;
  // Alone and in lower case, compromise says what an ordinary word is ("disappointed": an adjective).
  const lower = word.toLowerCase();
  let ordinary = ordinaryWords.get(lower);
  if (ordinary === undefined) {
    const alone = nlp(lower).json({ terms: { tags: true } }) as Array<{ terms: Array<{ tags: string[] }> }>;
    const tags = new Set(alone.flatMap((s) => s.terms.flatMap((t) => t.tags)));
    ordinary = NOT_A_NAME_TAGS.some((tag) => tags.has(tag));
    if (ordinaryWords.size >= 5000) ordinaryWords.clear();
    ordinaryWords.set(lower, ordinary);
  }
  return !ordinary;
}

/** Words judged alone, remembered (the answer depends only on the word and the library). */
const ordinaryWords = new Map<string, boolean>();

const WORD = /(?:\p{Lu}\.(?=\s)|[\p{L}][\p{L}'’-]*)/uy;

/** Up to three name words after a cue, or null. */
function nameAfter(text: string, from: number, cue: Cue, terms: () => Term[]): Finding | null {
  let pos = from;
  let start = -1;
  let end = -1;
  for (let i = 0; i < 3; i++) {
    WORD.lastIndex = pos;
    const m = WORD.exec(text);
    if (!m) break;
    const word = m[0];
    const capital = /^\p{Lu}/u.test(word);
    if (STOP.has(word.toLowerCase()) || NOT_NAMES.has(word.toLowerCase())) break;
    if (!capital && !(cue.lowercase && i === 0) && !(cue.lowercase && start >= 0 && !/^\p{Lu}/u.test(text.slice(start, start + 1)))) break;
    if (i === 0 && cue.check && !looksLikeName(word, m.index, terms)) return null;
    if (i > 0 && !capital && !looksLikeName(word, m.index, terms)) break;
    if (start < 0) start = m.index;
    end = m.index + word.replace(/['’]s?$/, '').length;
    pos = m.index + word.length;
    const gap = /^[ \t]+/.exec(text.slice(pos));
    if (!gap) break;
    pos += gap[0].length;
  }
  if (start < 0) return null;
  if (cue.atEnd && !/^\s*(?:[.!,]?\s*$|\n)/.test(text.slice(end))) return null;
  return { kind: 'NAME', start, end };
}

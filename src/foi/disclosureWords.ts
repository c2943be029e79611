/**
 * Words for searching the disclosure log without a scan: each published response is indexed under
 * each significant word of its title and question (an inverted index of small items). A search
 * reads the first word's entries and keeps those that have every other word.
 */
const STOPWORDS = new Set(
  'the and for are but not you all any can had her was one our out has him his how its may new now old see two who did get let put say she too use with from that this what when where which will would could should there their them they been have into more most other some such than then these those upon about after before between under over also please request information copy copies number many much each every west midlands police force'.split(
    ' ',
  ),
);

export const MAX_INDEXED_WORDS = 100;

/** Lower case, no punctuation, three letters or more, not a common word, plural "s" dropped. */
export function searchWords(text: string, limit = MAX_INDEXED_WORDS): string[] {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || STOPWORDS.has(raw)) continue;
    const word = raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
    words.add(word);
    if (words.size >= limit) break;
  }
  return [...words];
}

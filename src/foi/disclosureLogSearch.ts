import { keys } from '../store/keys.js';
import type { Db, Item } from '../store/db.js';

/**
 * Which search word to start from: the one fewest published responses contain, from the word
 * counts the table's stream keeps (disclosureLogWordCounts.ts), read in one BatchGetItem. A word
 * without a count has no entries yet (or was published a moment ago): it sorts first, and reading
 * its partition costs one small Query. Counts are approximate (a redelivered change counts twice);
 * they only choose the order, never what is found.
 */
export async function rarestFirst(db: Db, words: string[]): Promise<string[]> {
  if (words.length < 2) return words;
  const counts = await db.getMany<Item>(words.map((w) => keys.disclosureWordCount(w)));
  const countOf = new Map(counts.map((c) => [c.pk as string, Number(c.count ?? 0)]));
  const count = (w: string) => countOf.get(keys.disclosureWordCount(w).pk) ?? 0;
  return [...words].sort((a, b) => count(a) - count(b));
}

export const refineMessage = 'Too many responses contain these words: add a rarer word or dates to narrow the search.';

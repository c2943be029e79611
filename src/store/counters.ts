import type { Db } from './db.js';
import { keys } from './keys.js';

/**
 * The next number in a sequence kept per name and year (a case type's references), from an atomic
 * counter. The number is taken before whatever uses it is written, so a write that then fails
 * leaves a gap in the sequence: gaps are harmless, duplicates are impossible. Formatting the number
 * (as a case reference, say) is the caller's business.
 */
export async function nextNumber(db: Db, sequence: string, year: number): Promise<number> {
  const out = await db.update({
    Key: keys.counter(sequence, year),
    UpdateExpression: 'ADD #value :one',
    ExpressionAttributeNames: { '#value': 'value' },
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'UPDATED_NEW',
  });
  return Number(out.Attributes?.value);
}

import type { Db } from './db.js';
import { keys } from './keys.js';

/**
 * The next number in a sequence (a case type's references in a year) from an atomic counter. The
 * number is taken before the case is written, so a write that then fails leaves a gap in the
 * sequence: gaps are harmless, duplicates are impossible.
 */
export async function nextInSequence(db: Db, scope: string, year: number): Promise<number> {
  const out = await db.update({
    Key: keys.counter(scope, year),
    UpdateExpression: 'ADD #value :one',
    ExpressionAttributeNames: { '#value': 'value' },
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'UPDATED_NEW',
  });
  return Number(out.Attributes?.value);
}

import type { CaseTypeName } from '../cases/caseTypes.js';
import { formatReference } from '../cases/reference.js';
import type { Db } from './db.js';
import { keys } from './keys.js';

/**
 * Allocates the next reference for a case type in a year with an atomic counter. The number is
 * taken before the case is written, so a write that then fails leaves a gap in the sequence: gaps
 * are harmless, duplicates are impossible.
 */
export async function allocateReference(db: Db, caseType: CaseTypeName, year: number): Promise<string> {
  const out = await db.update({
    Key: keys.counter(caseType, year),
    UpdateExpression: 'ADD #value :one',
    ExpressionAttributeNames: { '#value': 'value' },
    ExpressionAttributeValues: { ':one': 1 },
    ReturnValues: 'UPDATED_NEW',
  });
  return formatReference(caseType, year, Number(out.Attributes?.value));
}

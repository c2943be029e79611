/**
 * DynamoDB refuses an item over 400 KB (ValidationException): a case must never grow that big, so
 * what would make it so is refused as the caller's mistake (TOO_LONG) before anything is written.
 * The size is counted as DynamoDB counts it (attribute names and values, strings as UTF-8), with
 * room to spare for the envelope and the entries a write adds.
 */
export const MAX_CASE_BYTES = 350_000;

/** An item's size roughly as DynamoDB counts it (a slight overestimate for numbers and containers). */
export function itemBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number' || typeof value === 'bigint') return 21;
  if (typeof value === 'boolean' || value === null || value === undefined) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + itemBytes(v), 0);
  if (value instanceof Set) return 3 + [...value].reduce((sum: number, v) => sum + itemBytes(v), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value).reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k, 'utf8') + itemBytes(v), 0);
  }
  return 0;
}

/** True when a record (and the case envelope around it) would be more than a case may hold. */
export const tooBigForOneItem = (record: unknown): boolean => itemBytes(record) > MAX_CASE_BYTES;

/**
 * What a write costs, from the size of the item written, by DynamoDB's published rules: an item's
 * size is the UTF-8 length of each attribute name plus its value's size (strings: UTF-8 length;
 * numbers: about one byte per two significant digits, plus one; booleans and null: one; lists and
 * maps: three, plus one per element, plus the elements). A write costs one write unit per 1 KB
 * (rounded up) of the larger of the item before and after; inside TransactWriteItems, two.
 *
 * Values are DynamoDB's wire format ({ S: "…" }, { N: "…" }, …), as sent in a request.
 */
export type WireValue = { S?: string; N?: string; BOOL?: boolean; NULL?: boolean; L?: WireValue[]; M?: Record<string, WireValue>; SS?: string[]; NS?: string[]; B?: unknown };

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function valueSize(v: WireValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) {
    const digits = v.N.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '') || '0';
    return Math.ceil(digits.length / 2) + 1;
  }
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L) return 3 + v.L.reduce((n, e) => n + 1 + valueSize(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + utf8(k) + valueSize(e), 0);
  if (v.SS) return v.SS.reduce((n, s) => n + utf8(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + valueSize({ N: s }), 0);
  return 0;
}

export function itemSize(item: Record<string, WireValue>): number {
  return Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueSize(value), 0);
}

export function writeUnits(sizeBytes: number, transactional: boolean): number {
  return Math.max(1, Math.ceil(sizeBytes / 1024)) * (transactional ? 2 : 1);
}

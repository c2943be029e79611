import { describe, expect, it } from 'vitest';
import { itemBytes, MAX_CASE_BYTES, tooBigForOneItem } from '../../src/cases/itemSize.js';

describe('a case item’s size, as DynamoDB counts it', () => {
  it('counts strings as UTF-8 and attribute names too', () => {
    expect(itemBytes('abc')).toBe(3);
    expect(itemBytes('€')).toBe(3);
    expect(itemBytes({ ab: 'cd' })).toBe(3 + 1 + 2 + 2);
    expect(itemBytes({ list: ['a', 'b'] })).toBeGreaterThan(itemBytes({ list: [] }) + 2);
  });

  it('refuses what DynamoDB’s 400 KB item limit would, with room to spare', () => {
    const redactions = Array.from({ length: 200 }, () => ({ description: '€'.repeat(500), reason: '€'.repeat(2000) }));
    expect(itemBytes({ redactions })).toBeGreaterThan(400 * 1024);
    expect(tooBigForOneItem({ redactions })).toBe(true);
    expect(tooBigForOneItem({ text: 'x'.repeat(MAX_CASE_BYTES - 100) })).toBe(false);
    expect(MAX_CASE_BYTES).toBeLessThan(400 * 1024);
  });
});

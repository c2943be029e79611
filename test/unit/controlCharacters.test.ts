import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/validation/parse.js';

/** Control characters are refused in every string of every input, wherever it sits (src/validation/parse.ts). */
const schema = z.object({ name: z.string(), lines: z.array(z.string()), nested: z.object({ note: z.string().nullish() }).nullish() });

describe('control characters in input', () => {
  it.each([
    ['a null', 'Jo\u0000'],
    ['only a null', '\u0000'],
    ['an escape', '\u001b[31mred'],
    ['a delete', 'x\u007f'],
    ['a C1 control', 'x\u0085'],
    ['a right-to-left override', 'Jo\u202eeoD'],
    ['a directional isolate', '\u2066Jo\u2069'],
  ])('refuses %s with INVALID, naming the field and never the value', (_, value) => {
    const out = parseInput(schema, { name: value, lines: [] });
    expect(out).toEqual({ ok: false, userErrors: [expect.objectContaining({ field: ['input', 'name'], code: 'INVALID' })] });
    expect(JSON.stringify(out)).not.toContain(value);
  });

  it('finds them in lists and nested objects, each by its path', () => {
    const out = parseInput(schema, { name: 'Jo', lines: ['1 High St', 'Walsall\u0000'], nested: { note: '\u202e' } });
    expect(out.ok ? [] : out.userErrors.map((e) => e.field)).toEqual([
      ['input', 'lines', '1'],
      ['input', 'nested', 'note'],
    ]);
  });

  it('accepts tab, new lines, right-to-left text and marks, and every other script', () => {
    const value = 'Line one\r\n\tLine two – שלום עליכם \u200f (مرحبا) Zoë 北京 😀';
    expect(parseInput(schema, { name: value, lines: [value] })).toEqual({ ok: true, value: { name: value, lines: [value] } });
  });
});

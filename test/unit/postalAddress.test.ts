import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { optionalPostalAddress, requiredPostalAddress } from '../../src/validation/postalAddress.js';
import { parseInput } from '../../src/validation/parse.js';

const schema = z.object({ required: requiredPostalAddress('your address'), optional: optionalPostalAddress('An address') });
const codes = (required: string, optional: string | null = null) => {
  const parsed = parseInput(schema, { required, optional });
  return parsed.ok ? [] : parsed.userErrors.map((e) => [e.field?.join('.'), e.code, e.message]);
};

describe('postal addresses a letter can be posted to', () => {
  it('takes two or more lines (new lines or commas) with the postcode at the end, or no postcode (abroad)', () => {
    expect(codes('1 High Street, Birmingham B1 1AA')).toEqual([]);
    expect(codes('1 High Street\nBirmingham\nB1 1AA', '2 Low Road, Walsall')).toEqual([]);
    expect(codes('12 Rue de la Paix, 75002 Paris, France')).toEqual([]);
  });

  it('refuses one line (INVALID), and a postcode anywhere but the end', () => {
    expect(codes('1 High Street Birmingham B1 1AA')).toEqual([['input.required', 'INVALID', expect.stringContaining('separate lines')]]);
    expect(codes('1 High Street, Birmingham', ' , , ')).toEqual([['input.optional', 'INVALID', expect.stringContaining('separate lines')]]);
    expect(codes('CV1 2AB, 10 Low Road, Coventry')).toEqual([['input.required', 'INVALID', 'Put the postcode at the end of the address.']]);
    expect(codes('')).toEqual([['input.required', 'REQUIRED', expect.any(String)]]);
  });
});

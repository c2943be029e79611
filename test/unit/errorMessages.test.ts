import { describe, expect, it } from 'vitest';
import { withoutValues } from '../../src/graphql/errors.js';

describe('withoutValues: error messages never repeat what was sent', () => {
  it.each([
    'Variable "$input" got invalid value "jo@example.com" at "input.rating"; Int cannot represent non-integer value: "jo@example.com"',
    'Variable "$input" got invalid value { pageUrl: "https://x", rating: "jo@example.com" }; Field "rating": Int cannot represent non-integer value: "jo@example.com"',
    'String cannot represent a non string value: 07700900123',
    'Expected value of type "Int!", found "jo@example.com".',
    'Syntax Error: Unexpected Name "jo@example.com".',
    'Syntax Error: Expected Name, found String "jo@example.com".',
    'Enum "PageRatingReviewOutcome" cannot represent non-enum value: "jo@example.com".',
    'Variable "$input" got invalid value "jo@example.com" at "input.outcome"; Value "jo@example.com" does not exist in "PageRatingReviewOutcome" enum.',
    'Variable "$input" got invalid value { jo@example.com: 1 }; Field "jo@example.com" is not defined by type "SubmitPageRatingInput".',
  ])('%s', (message) => {
    const out = withoutValues(message);
    expect(out).not.toMatch(/jo@example\.com|07700900123/);
  });

  it('keeps the parts that help: paths and type names', () => {
    expect(withoutValues('Variable "$input" got invalid value "x" at "input.rating"; Int cannot represent non-integer value: "x"')).toBe(
      'Variable "$input" got an invalid value at "input.rating"; Int cannot represent non-integer value: (not shown)',
    );
  });
});

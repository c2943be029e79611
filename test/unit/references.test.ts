import { describe, expect, it } from 'vitest';
import { formatReference, parseReferenceParts } from '../../src/cases/reference.js';
import { registry } from '../../src/caseTypes.js';
import { normaliseTrackingCode, TrackingCodes } from '../../src/cases/trackingCode.js';
import { KeyedHasher } from '../../src/crypto/keyedHash.js';

describe('references', () => {
  it('are PREFIX-YEAR-six digits', () => {
    expect(formatReference('WEB', 2026, 123)).toBe('WEB-2026-000123');
    expect(formatReference('WEB', 2026, 1_234_567)).toBe('WEB-2026-1234567');
  });

  it('are read back as people type them', () => {
    expect(parseReferenceParts(' web-2026-000123 ')).toEqual({ prefix: 'WEB', year: 2026, sequence: 123, reference: 'WEB-2026-000123' });
    const parsed = registry.parse(' cmp-2026-000123 ');
    expect([parsed?.kind.name, parsed?.reference]).toEqual(['COMPLAINT', 'CMP-2026-000123']);
  });

  it.each(['WEB-2026-12', 'XYZ-2026-000123', 'WEB-26-000123', 'WEB-2026-000000', '', 'WEB-2026-000123; DROP'])('rejects %j', (raw) => {
    expect(registry.parse(raw)).toBeUndefined();
  });
});

describe('tracking codes', () => {
  const codes = new TrackingCodes(new KeyedHasher(Buffer.alloc(32, 1)));

  it('are 16 Crockford base-32 characters in groups of four', () => {
    expect(codes.codeFor('PAGE_RATING', 'key-1234567890abcdef')).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('are the same for a retry and different for another submission or case type', () => {
    const a = codes.codeFor('PAGE_RATING', 'key-1234567890abcdef');
    expect(codes.codeFor('PAGE_RATING', 'key-1234567890abcdef')).toBe(a);
    expect(codes.codeFor('PAGE_RATING', 'key-1234567890abcdeg')).not.toBe(a);
    expect(codes.codeFor('COMPLAINT', 'key-1234567890abcdef')).not.toBe(a);
  });

  it('depend on the application secret', () => {
    const other = new TrackingCodes(new KeyedHasher(Buffer.alloc(32, 2)));
    expect(other.codeFor('PAGE_RATING', 'key-1234567890abcdef')).not.toBe(codes.codeFor('PAGE_RATING', 'key-1234567890abcdef'));
  });

  it('match however they are typed, and only the right code matches', () => {
    const code = codes.codeFor('PAGE_RATING', 'key-1234567890abcdef');
    const stored = codes.hashOf(code);
    expect(stored).not.toContain(code.replace(/-/g, ''));
    expect(codes.matches(code.toLowerCase().replace(/-/g, ' '), stored)).toBe(true);
    expect(codes.matches(codes.codeFor('PAGE_RATING', 'another-key-000000000'), stored)).toBe(false);
  });

  it('read O as 0 and I or L as 1', () => {
    expect(normaliseTrackingCode('oIl-1')).toBe('0111');
  });
});

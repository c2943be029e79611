import { describe, expect, it } from 'vitest';
import { normalisePageUrl } from '../../src/pageRatings/pageUrl.js';

const hosts = ['www.west-midlands.police.uk', 'west-midlands.police.uk'];

describe('normalisePageUrl', () => {
  it.each([
    ['https://www.west-midlands.police.uk/contact-us', 'https://www.west-midlands.police.uk/contact-us'],
    ['https://WWW.West-Midlands.Police.UK/contact-us/?utm=x#top', 'https://www.west-midlands.police.uk/contact-us'],
    ['http://www.west-midlands.police.uk:80/contact-us//', 'https://www.west-midlands.police.uk/contact-us'],
    ['  https://west-midlands.police.uk  ', 'https://west-midlands.police.uk/'],
    ['https://www.west-midlands.police.uk//a//b', 'https://www.west-midlands.police.uk/a/b'],
  ])('%s becomes %s', (raw, expected) => {
    const out = normalisePageUrl(raw, hosts);
    expect(out).toMatchObject({ ok: true, pageUrl: expected });
  });

  it('gives one page key for every way of writing a page', () => {
    const a = normalisePageUrl('https://www.west-midlands.police.uk/contact-us', hosts);
    const b = normalisePageUrl('http://WWW.WEST-MIDLANDS.POLICE.UK/contact-us/?q=1', hosts);
    expect(a.ok && b.ok && a.pageKey === b.pageKey).toBe(true);
  });

  it.each([
    ['not a url', 'INVALID'],
    ['ftp://www.west-midlands.police.uk/file', 'INVALID'],
    ['https://user:pw@www.west-midlands.police.uk/', 'INVALID'],
    ['https://www.example.com/contact-us', 'HOST_NOT_ALLOWED'],
    ['https://west-midlands.police.uk.evil.example/', 'HOST_NOT_ALLOWED'],
    [`https://www.west-midlands.police.uk/${'a'.repeat(2001)}`, 'TOO_LONG'],
    // Part of DynamoDB keys: at most 500 bytes once normalised (percent-encoded: é is 6 bytes), whatever the raw length.
    [`https://www.west-midlands.police.uk/${'é'.repeat(80)}`, 'TOO_LONG'],
    [`https://www.west-midlands.police.uk/${'a'.repeat(500 - 'www.west-midlands.police.uk/'.length + 1)}`, 'TOO_LONG'],
  ])('refuses %s as %s', (raw, code) => {
    expect(normalisePageUrl(raw, hosts)).toEqual({ ok: false, code });
  });

  it('takes a normalised address of exactly 500 bytes, the most a key may hold', () => {
    const longest = `https://www.west-midlands.police.uk/${'a'.repeat(500 - 'www.west-midlands.police.uk/'.length)}`;
    expect(normalisePageUrl(`${longest}?q=${'z'.repeat(1000)}`, hosts)).toMatchObject({ ok: true, pageUrl: longest });
  });
});

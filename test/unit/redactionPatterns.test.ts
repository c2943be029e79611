import { describe, expect, it } from 'vitest';
import { redact as redactPersonalData } from '../../src/redaction/personalData.js';

describe('redact: the patterns kept from the page-rating redactor', () => {
  it.each([
    ['email me at jo.bloggs+web@example.co.uk please', 'email me at [email removed] please', 'EMAIL'],
    ['my mobile is 07700 900123', 'my mobile is [phone number removed]', 'PHONE'],
    ['call 0121 626 5000 anytime', 'call [phone number removed] anytime', 'PHONE'],
    ['or +44 (0)7700 900 123', 'or [phone number removed]', 'PHONE'],
    ['or 01216265000.', 'or [phone number removed].', 'PHONE'],
    ['NI number QQ 12 34 56 C', 'NI number [National Insurance number removed]', 'NATIONAL_INSURANCE'],
    ['ni ab123456c', 'ni [National Insurance number removed]', 'NATIONAL_INSURANCE'],
    ['my car AB12 CDE was hit', 'my car [vehicle registration removed] was hit', 'VEHICLE_REGISTRATION'],
    ['reg ab12cde', 'reg [vehicle registration removed]', 'VEHICLE_REGISTRATION'],
    ['old plate A123 BCD', 'old plate [vehicle registration removed]', 'VEHICLE_REGISTRATION'],
    ['older plate ABC 123D', 'older plate [vehicle registration removed]', 'VEHICLE_REGISTRATION'],
    ['ref 20BE/123456A/24 thanks', 'ref [crime reference removed] thanks', 'CRIME_REFERENCE'],
    ['crime reference number: 20/98765/25', '[crime reference removed]', 'CRIME_REFERENCE'],
    ['crn 4455667', '[crime reference removed]', 'CRIME_REFERENCE'],
    ['I live near B4 6NQ', 'I live near [postcode removed]', 'POSTCODE'],
    ['postcode b46nq', 'postcode [postcode removed]', 'POSTCODE'],
  ])('removes %j', (input, expected, kind) => {
    const out = redactPersonalData(input);
    expect(out.text).toBe(expected);
    expect(out.kinds).toContain(kind);
  });

  it.each([
    'The page about reporting was 2 a bit confusing',
    'I called 101 and 999 on 21/11/2026 at 10:30',
    'Rated 3 stars in 2024; section 40 of the Act',
    'Opening hours 8am to midnight, 7 days a week',
    'Great page, thank you!',
  ])('leaves ordinary text alone: %j', (input) => {
    expect(redactPersonalData(input)).toEqual({ text: input, kinds: [] });
  });

  it('removes several kinds at once and lists each kind once', () => {
    const out = redactPersonalData('a@b.com, c@d.org and 07700900123');
    expect(out.text).toBe('[email removed], [email removed] and [phone number removed]');
    expect(out.kinds).toEqual(['EMAIL', 'PHONE']);
  });
});

import { describe, expect, it } from 'vitest';
import { addressNeedles, nameNeedles, personalDataInPublicText, scrubbed, type PersonalDataDetector, type RequesterIdentity } from '../../src/foi/personalData.js';

/** The disclosure log's check for the requester's own identity (exact, as the case holds it). */
const harriet = { name: 'Harriet Leak', email: 'harriet.leak@example.com', phone: '0121 496 0000', postalAddress: '4 Privet Drive, Little Whinging, Surrey GU1 4AB' };
const found = (text: string, requester: RequesterIdentity = harriet) => personalDataInPublicText(text, requester).map((f) => [f.kind, text.slice(f.start, f.end)]);

describe('the requester’s name', () => {
  it.each([
    ['I am Harriet Leak.', [['NAME', 'Harriet Leak']]],
    ['i am HARRIET   leak.', [['NAME', 'HARRIET   leak']]],
    ['Dear Ms Leak,', [['NAME', 'Ms Leak']]],
    ['Dear ms. leak,', [['NAME', 'ms. leak']]],
    ['From H. Leak', [['NAME', 'H. Leak']]],
    ['Thank you, Harriet.', [['NAME', 'Harriet']]],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'A leak of data from the custody suite.',
    'How many leaks were reported?',
    'Harrietta Street closures.',
    'Leaky roofs at police stations.',
  ])('leaves %j alone (a surname that is an ordinary word is looked for only with the full name, a title or an initial)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('looks for a distinctive surname alone, and no one- or two-letter part alone', () => {
    expect(nameNeedles('Sam Asker')).toEqual(expect.arrayContaining(['sam asker', 'ms asker', 's asker', 'sam', 'asker']));
    expect(nameNeedles('Jo Li')).toEqual(expect.arrayContaining(['jo li', 'mr li', 'j li']));
    expect(nameNeedles('Jo Li')).not.toContain('li');
    expect(nameNeedles('Mark Rose')).not.toContain('mark');
    expect(nameNeedles('Mark Rose')).not.toContain('rose');
  });

  it('reads accents and apostrophes as the same name', () => {
    // "O Neill" written apart is still the name, found without its spaces.
    expect(found('Signed, Zoe O Neill', { name: 'Zoë O’Neill' })).toEqual([['NAME', 'Zoe O Neill']]);
    expect(found('Signed, Zoe ONeill', { name: 'Zoë O’Neill' })).toEqual([['NAME', 'Zoe ONeill']]);
    expect(found("Signed, zoë o'neill", { name: 'Zoë O’Neill' })).toEqual([['NAME', "zoë o'neill"]]);
  });
});

describe('email, phone and postal address', () => {
  it('finds the email however cased, and the name inside it once', () => {
    expect(found('Write to HARRIET.LEAK@EXAMPLE.COM please')).toEqual([['EMAIL', 'HARRIET.LEAK@EXAMPLE.COM']]);
    expect(found('Write to harriet.leak@example.org')).toEqual([['NAME', 'harriet.leak']]);
  });

  it.each(['0121 496 0000', '01214960000', '(0121) 496-0000', '+44 121 496 0000', '+441214960000'])('finds the phone written %j', (phone) => {
    expect(found(`Ring ${phone} after 6.`)).toEqual([['PHONE', phone]]);
  });

  it('not inside a longer number, nor another number', () => {
    expect(found('Reference 012149600001.')).toEqual([]);
    expect(found('Call 101 or 0121 496 0001.')).toEqual([]);
  });

  it('finds the house and street, and the postcode however spaced; a town alone is not the requester', () => {
    expect(addressNeedles(harriet.postalAddress)).toEqual(['4 privet drive little whinging surrey gu1 4ab', '4 privet drive', 'surrey gu1 4ab', 'privet drive', 'gu1 4ab']);
    expect(found('I live at 4 Privet Drive.')).toEqual([['POSTAL_ADDRESS', '4 Privet Drive']]);
    expect(found('Postcode gu14ab.')).toEqual([['POSTAL_ADDRESS', 'gu14ab']]);
    expect(found('Burglaries in Little Whinging and Surrey.')).toEqual([]);
    // The requester's street is theirs too (refused rather than risk it): another house on it is flagged.
    expect(found('Burglaries at 14 Privet Drive.')).toEqual([['POSTAL_ADDRESS', 'Privet Drive']]);
  });
});

describe('the requester’s name written with look-alike letters', () => {
  const requester = { name: 'Hugo Featherstonehaugh' };
  it.each([
    ['a Cyrillic е inside it', 'Dear Mr F\u0435atherstonehaugh,'],
    ['Cyrillic capitals', 'From \u041d\u0443go Featherstonehaugh'],
    ['full-width letters', 'From \uff26\uff45\uff41\uff54\uff48\uff45\uff52\uff53\uff54\uff4f\uff4e\uff45\uff48\uff41\uff55\uff47\uff48'],
  ])('finds it with %s, as the name', (_, text) => {
    expect(personalDataInPublicText({ answer: text }, requester).map((f) => f.kind)).toContain('NAME');
  });

  it('leaves genuine Cyrillic or Greek text alone', () => {
    expect(personalDataInPublicText({ answer: 'Спасибо. Ευχαριστώ.' }, requester)).toEqual([]);
  });
});

describe('the requester’s home when its parts carry no number', () => {
  const nora = { name: 'Nora Quill', postalAddress: 'The Old Rectory, Church Lane, Lichfield WS13 6AB' };
  const foundFor = (text: string, requester: RequesterIdentity) => personalDataInPublicText(text, requester).map((f) => text.slice(f.start, f.end));

  it('finds a house name and a street without a number, with or without "The"; not the town after them', () => {
    expect(foundFor('I live at The Old Rectory, Church Lane, Lichfield and want to know', nora)).toEqual(expect.arrayContaining(['The Old Rectory', 'Church Lane']));
    expect(foundFor('including at the Old Rectory.', nora)).toEqual(['the Old Rectory']);
    expect(foundFor('sent to Church Lane, Lichfield', nora)).toEqual(['Church Lane']);
    expect(foundFor('How many burglaries were there in Lichfield in 2025?', nora)).toEqual([]);
  });

  it('takes every part up to the last street (a flat, a block, a numbered street), never the town or district after it', () => {
    const flat = { name: 'Ola Flat', postalAddress: 'Flat 2, Rose Court, 14 High Street, Harborne, Birmingham B17 9AA' };
    expect(addressNeedles(flat.postalAddress)).toEqual(expect.arrayContaining(['flat 2', 'rose court', '14 high street']));
    expect(addressNeedles(flat.postalAddress)).not.toContain('harborne');
    expect(addressNeedles(flat.postalAddress)).not.toContain('birmingham');
    expect(foundFor('Crime on Rose Court, Harborne.', flat)).toEqual(['Rose Court']);
  });

  it('without a street, takes every part but the last (a house and its village), never a lone ordinary word', () => {
    const rural = { name: 'Rue Ral', postalAddress: 'Old Rectory\nLittle Snoring\nNorfolk NR21 0AA' };
    expect(addressNeedles(rural.postalAddress)).toEqual(expect.arrayContaining(['old rectory', 'little snoring']));
    expect(addressNeedles(rural.postalAddress)).not.toContain('norfolk');
    expect(addressNeedles('Mill, Walsall WS1 1AA')).not.toContain('mill');
  });
});

describe('findings and the scrubbed text', () => {
  it('say the field and the span, and are replaced by a marker', () => {
    const fields = { title: 'Taser', question: 'I am Harriet Leak of 4 Privet Drive.', answer: 'Dear Ms Leak, none.' };
    expect(personalDataInPublicText(fields, harriet)).toEqual([
      { kind: 'NAME', field: 'question', start: 5, end: 17 },
      { kind: 'POSTAL_ADDRESS', field: 'question', start: 21, end: 35 },
      { kind: 'NAME', field: 'answer', start: 5, end: 12 },
    ]);
    expect(scrubbed(fields, harriet)).toEqual({ title: 'Taser', question: 'I am [requester] of [requester].', answer: 'Dear [requester], none.' });
  });

  it('take another detector plugged in beside the requester’s identity', () => {
    const nhsNumber: PersonalDataDetector = (text) => [...text.matchAll(/\b\d{3} \d{3} \d{4}\b/g)].map((m) => ({ kind: 'NAME' as const, start: m.index, end: m.index + m[0].length }));
    expect(personalDataInPublicText('NHS 943 476 5919', harriet, [nhsNumber])).toEqual([{ kind: 'NAME', field: 'text', start: 4, end: 16 }]);
  });
});

describe('the requester’s identity in the forms a reviewer found getting through', () => {
  const rose: RequesterIdentity = { name: 'Rose Mary Leak', email: 'hl1984@example.com', phone: '07700 900123', postalAddress: '4 Privet Drive Little Whinging Surrey GU7 3HH' };
  const hyphen: RequesterIdentity = { name: 'Rose Smith-Leak', email: null, phone: null, postalAddress: null };
  it.each([
    ["This is Harriet Leak's request, from Ms Leak's home.", harriet, 'NAME'],
    ['HarrietLeak asked about burglaries', harriet, 'NAME'],
    ['Harriet’s request about burglaries', harriet, 'NAME'],
    ['R. M. Leak asked', rose, 'NAME'],
    ['Rose Leak asked', rose, 'NAME'],
    ['Ms Smith-Leak asked', hyphen, 'NAME'],
    ['hl1984 about bikes', rose, 'EMAIL'],
    ['write to hl1984 at example dot com', rose, 'EMAIL'],
    ['a burglary at 4 Privet Drive', rose, 'POSTAL_ADDRESS'],
    ['Privet Drive, Little Whinging about bikes', rose, 'POSTAL_ADDRESS'],
    ['phone 0044 7700 900 123', rose, 'PHONE'],
  ])('finds %j', (text, requester, kind) => {
    expect(found(text, requester).map(([k]) => k)).toContain(kind);
  });

  it.each(['a water leak at the station', 'Rose Street in Birmingham', 'the Smith report', 'Drive safely'])('leaves %j alone', (text) => {
    expect(found(text, rose)).toEqual([]);
    expect(found(text, hyphen)).toEqual([]);
  });
});

import { optionalText, requiredText } from './common.js';

/**
 * A postal address as people type it into one box: lines separated by new lines or commas. The one
 * place that splits it: letters are addressed from these lines (src/correspondence/model.ts).
 */
export function addressLinesOf(address: string | null | undefined): string[] {
  if (!address) return [];
  return address
    .split(/\r?\n|,/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A UK postcode (the shape GOV.UK Notify checks a letter's last line against). */
const POSTCODE = /[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}/i;
const ENDS_WITH_POSTCODE = new RegExp(`(?:^|\\s)(${POSTCODE.source})$`, 'i');
const HAS_POSTCODE = new RegExp(`\\b${POSTCODE.source}\\b`, 'i');

/**
 * The address's lines as a letter needs them: a postcode written at the end of the last line
 * ("Birmingham B1 1AA") becomes a line of its own, since Notify requires the last line to be the
 * postcode (or a country, for an address abroad).
 */
export function postalLinesOf(address: string | null | undefined): string[] {
  const lines = addressLinesOf(address);
  const last = lines.at(-1);
  const match = last === undefined ? null : ENDS_WITH_POSTCODE.exec(last);
  if (!last || !match || match.index === 0) return lines;
  return [...lines.slice(0, -1), last.slice(0, match.index).trim(), match[1]!.toUpperCase()].filter(Boolean);
}

/** True when a UK postcode is written somewhere other than at the end (where a letter needs it). */
function postcodeMisplaced(address: string): boolean {
  const lines = addressLinesOf(address);
  const last = lines.at(-1) ?? '';
  return !ENDS_WITH_POSTCODE.test(last) && lines.some((line) => HAS_POSTCODE.test(line));
}

/**
 * The fewest lines a postal address may have: with the person's name as the first line of a letter,
 * GOV.UK Notify's minimum of 3 (src/correspondence/model.ts, MIN_ADDRESS_LINES). An address typed on
 * one line ("1 High Street Birmingham") is refused while the person is still on the form, rather than
 * accepted and found unpostable when the first letter is due.
 */
export const MIN_POSTAL_ADDRESS_LINES = 2;

const onLines = 'Give the address on separate lines (or separated by commas), ending with the postcode.';
const postcodeLast = 'Put the postcode at the end of the address.';
const postable = (v: string | null) => v === null || addressLinesOf(v).length >= MIN_POSTAL_ADDRESS_LINES;
const postcodeAtEnd = (v: string | null) => v === null || !postcodeMisplaced(v);

/** An optional postal address: trimmed, empty becomes null; if given, one a letter can be posted to. */
export const optionalPostalAddress = (what: string) =>
  optionalText(500, what)
    .refine(postable, { message: onLines, params: { code: 'INVALID' }, abort: true })
    .refine(postcodeAtEnd, { message: postcodeLast, params: { code: 'INVALID' } });

/** A required postal address, one a letter can be posted to. */
export const requiredPostalAddress = (what: string) =>
  requiredText(500, what)
    .refine(postable, { message: onLines, params: { code: 'INVALID' }, abort: true })
    .refine(postcodeAtEnd, { message: postcodeLast, params: { code: 'INVALID' } });

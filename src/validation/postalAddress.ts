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

/**
 * The fewest lines a postal address may have: with the person's name as the first line of a letter,
 * GOV.UK Notify's minimum of 3 (src/correspondence/model.ts, MIN_ADDRESS_LINES). An address typed on
 * one line ("1 High Street Birmingham") is refused while the person is still on the form, rather than
 * accepted and found unpostable when the first letter is due.
 */
export const MIN_POSTAL_ADDRESS_LINES = 2;

const onLines = 'Give the address on separate lines (or separated by commas), ending with the postcode.';
const postable = (v: string | null) => v === null || addressLinesOf(v).length >= MIN_POSTAL_ADDRESS_LINES;

/** An optional postal address: trimmed, empty becomes null; if given, one a letter can be posted to. */
export const optionalPostalAddress = (what: string) => optionalText(500, what).refine(postable, { message: onLines, params: { code: 'INVALID' } });

/** A required postal address, one a letter can be posted to. */
export const requiredPostalAddress = (what: string) => requiredText(500, what).refine(postable, { message: onLines, params: { code: 'INVALID' } });

import { addressLinesOf, postalLinesOf } from '../validation/postalAddress.js';

/**
 * Correspondence, as the case model sees it: a message the API sends (through the outbox) and a
 * letter, email or call staff record. Both are entries of one case's correspondence log.
 *
 * Pure: no AWS, no GraphQL runtime, no store.
 */

/** How a message goes out: by email, or as a printed letter (GOV.UK Notify posts it). */
export type MessageChannel = 'EMAIL' | 'LETTER';

/**
 * Who a message is for and how it reaches them, from the case and the person's contact preference.
 * NONE: nothing is sent (the person prefers the phone, asked not to be written to, or gave no
 * usable address): the message is still logged on the case, with why, so the handler can act.
 */
export type Recipient =
  | { channel: 'EMAIL'; email: string }
  | { channel: 'LETTER'; addressLines: string[] }
  | { channel: 'NONE'; why: WithheldReason };

export type WithheldReason = 'PREFERS_PHONE' | 'NO_CONTACT_WANTED' | 'NO_ADDRESS' | 'ADDRESS_INCOMPLETE';

/**
 * A message's life. PENDING: in the outbox, waiting for the delivery function. SENDING: claimed by
 * one delivery (a claim expires, so a delivery that died is taken over). SENT: Notify accepted it.
 * DELIVERED / FAILED: Notify's callback says so (FAILED also when Notify refused it outright).
 * WITHHELD: never to be sent (see Recipient NONE).
 */
export type MessageStatus = 'PENDING' | 'SENDING' | 'SENT' | 'DELIVERED' | 'FAILED' | 'WITHHELD';

/** Statuses that put a message in the undeliverable queue until staff resolve it. */
export const UNDELIVERABLE: readonly MessageStatus[] = ['FAILED'];

/** What a case change causes: one message, before it is given an id and written. */
export interface PlannedMessage {
  /** A template's name (src/correspondence/templates.ts). */
  template: string;
  recipient: Recipient;
  /** The values the template's ((placeholders)) take: the only place personal data goes. */
  personalisation: Record<string, string>;
}

/** A letter, email, call or visit staff record by hand. */
export type RecordedChannel = 'EMAIL' | 'LETTER' | 'PHONE' | 'IN_PERSON';
export type Direction = 'IN' | 'OUT';

/** Splits a postal address as people type it (lines or commas) into Notify's address lines (one place: src/validation/postalAddress.ts). */
export { addressLinesOf };

/** Notify posts a letter only to an address of 3 to 7 lines. */
export const MIN_ADDRESS_LINES = 3;
export const MAX_ADDRESS_LINES = 7;

/** A letter's recipient, or why a letter cannot be sent. */
export function letterTo(address: string | null | undefined, name?: string | null): Recipient {
  const addressLines = postalLinesOf(address);
  if (addressLines.length === 0) return { channel: 'NONE', why: 'NO_ADDRESS' };
  // A letter is addressed to the person: their name is the first line (Notify's address_line_1).
  const lines = name?.trim() ? [name.trim(), ...addressLines] : addressLines;
  if (lines.length < MIN_ADDRESS_LINES) return { channel: 'NONE', why: 'ADDRESS_INCOMPLETE' };
  // Extra lines are joined into the last allowed one rather than dropped.
  const kept = lines.length > MAX_ADDRESS_LINES ? [...lines.slice(0, MAX_ADDRESS_LINES - 2), lines.slice(MAX_ADDRESS_LINES - 2, -1).join(', '), lines.at(-1)!] : lines;
  return { channel: 'LETTER', addressLines: kept };
}

/** An email's recipient, or why none can be sent. */
export function emailTo(email: string | null | undefined): Recipient {
  return email && email.trim() ? { channel: 'EMAIL', email: email.trim() } : { channel: 'NONE', why: 'NO_ADDRESS' };
}

/**
 * The contact preference staff can set on any case (CONTACT_PREFERENCE), over what the form said:
 * EMAIL or POST to change how, NONE when the person asked not to be written to.
 */
export type ContactPreference = 'EMAIL' | 'POST' | 'NONE';

/** The recipient under a preference, from the person's email and postal address. */
export function recipientFor(
  preference: ContactPreference | 'PHONE',
  contact: { email?: string | null; postalAddress?: string | null; name?: string | null },
): Recipient {
  switch (preference) {
    case 'EMAIL':
      return emailTo(contact.email);
    case 'POST':
      return letterTo(contact.postalAddress, contact.name);
    case 'PHONE':
      return { channel: 'NONE', why: 'PREFERS_PHONE' };
    case 'NONE':
      return { channel: 'NONE', why: 'NO_CONTACT_WANTED' };
  }
}

export const withheldWords: Record<WithheldReason, string> = {
  PREFERS_PHONE: 'not sent: they prefer the phone (call them)',
  NO_CONTACT_WANTED: 'not sent: they asked not to be written to',
  NO_ADDRESS: 'not sent: no email or postal address for the way they prefer',
  ADDRESS_INCOMPLETE: 'not sent: the postal address has fewer than 3 lines',
};

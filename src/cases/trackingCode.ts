import { KeyedHasher } from '../crypto/keyedHash.js';

/**
 * Tracking codes: the secret that, with a reference, lets a member of the public follow a case.
 *
 * A code is 16 Crockford base-32 characters (80 bits), shown as XXXX-XXXX-XXXX-XXXX. It is derived
 * from the submission's idempotency key under the application secret, so that a retry of the same
 * submission can be shown the same code again, and the API stores only a keyed hash of the code.
 * Nobody without the application secret can compute a code from a key, and the idempotency key
 * itself never leaves the submitter's browser.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function toBase32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

export class TrackingCodes {
  constructor(private readonly hasher: KeyedHasher) {}

  /** The code for a submission, the same every time for the same case type and idempotency key. */
  codeFor(scope: string, idempotencyKey: string): string {
    const digest = Buffer.from(this.hasher.hash('tracking-code', `${scope}\0${idempotencyKey}`), 'base64url');
    const raw = toBase32(digest, 16);
    return raw.match(/.{4}/g)!.join('-');
  }

  /** What is stored: a keyed hash of the normalised code. */
  hashOf(code: string): string {
    return this.hasher.hash('tracking-code-hash', normaliseTrackingCode(code));
  }

  matches(code: string, storedHash: string): boolean {
    return KeyedHasher.same(this.hashOf(code), storedHash);
  }
}

/** Codes as people type them: any case, spaces or hyphens anywhere, O for 0, I or L for 1. */
export function normaliseTrackingCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

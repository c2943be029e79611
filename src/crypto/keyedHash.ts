import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Keyed hashes (HMAC-SHA-256) under the application secret. Used wherever the API must recognise a
 * value without keeping it: tracking codes, source addresses for rate limits, email addresses for
 * erasure, idempotency keys. Each use names its purpose, so one hash can never stand for another.
 */
export class KeyedHasher {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('the application secret must be at least 32 bytes');
  }

  hash(purpose: string, value: string): string {
    return createHmac('sha256', this.secret).update(purpose).update('\0').update(value).digest('base64url');
  }

  /** Compares two hashes in constant time. */
  static same(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  }

  static randomSecret(): Buffer {
    return randomBytes(32);
  }
}

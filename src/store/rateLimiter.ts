import { RateLimitedError } from '../errors.js';
import type { Db } from './db.js';
import { keys } from './keys.js';

export interface RateRule {
  /** Requests allowed in one window. */
  limit: number;
  windowSeconds: number;
}

/**
 * Fixed-window request counting per source, in the table (so it holds across Lambda instances).
 * The source is already a keyed hash of the caller's address: no address is ever stored. Each
 * window's counter expires by TTL soon after the window ends.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Counts one request; throws RateLimitedError when the source is over its limit. */
  async hit(bucket: string, sourceHash: string, rule: RateRule): Promise<void> {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
    const out = await this.db.update({
      Key: keys.rateWindow(bucket, sourceHash, windowStart),
      UpdateExpression: 'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires)',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':one': 1, ':expires': windowStart + rule.windowSeconds * 2 },
      ReturnValues: 'UPDATED_NEW',
    });
    if (Number(out.Attributes?.count) > rule.limit) {
      throw new RateLimitedError(windowStart + rule.windowSeconds - nowSeconds);
    }
  }
}

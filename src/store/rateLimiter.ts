import { RateLimitedError } from '../errors.js';
import type { Db, TransactItem } from './db.js';
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

  /**
   * Counting one submission inside the submission's own transaction: the count is ADDed only while
   * it is under the limit (so a refused submission is not counted), and only if the whole
   * transaction commits (so a retry answered from its idempotency record is never counted).
   */
  transactItem(bucket: string, sourceHash: string, rule: RateRule): { item: TransactItem; retryAfterSeconds: number } {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    const windowStart = nowSeconds - (nowSeconds % rule.windowSeconds);
    return {
      item: this.db.updateItem(
        keys.rateWindow(bucket, sourceHash, windowStart),
        'ADD #count :one SET expiresAt = if_not_exists(expiresAt, :expires)',
        { '#count': 'count' },
        { ':one': 1, ':expires': windowStart + rule.windowSeconds * 2, ':limit': rule.limit },
        'attribute_not_exists(#count) OR #count < :limit',
      ),
      retryAfterSeconds: windowStart + rule.windowSeconds - nowSeconds,
    };
  }

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

/**
 * How much one request may read. A filtered Query can read many items to return a few (a search
 * word common to the whole log, a ranking filtered past its tier); the budget stops it. One budget
 * is shared by every field of a request, so aliases (the same field asked for 15 times) share it
 * too: reads per request are bounded whatever the table holds and however the query is written.
 *
 * Counted in items DynamoDB examined (ScannedCount, what read capacity is charged for), and in
 * calls, whichever runs out first.
 */
export const DEFAULT_READ_BUDGET = { items: 400, calls: 8 } as const;

export class ReadBudget {
  private items: number;
  private calls: number;
  /** Set once a read stopped because the budget ran out. */
  exhausted = false;
  /** Set once the request was counted against its source's public-read rate limit (once per request). */
  counted = false;
  private readonly limit: number;

  constructor(limits: { items: number; calls: number } = DEFAULT_READ_BUDGET) {
    this.items = limits.items;
    this.calls = limits.calls;
    this.limit = limits.items;
  }

  /** Items examined so far. */
  get used(): number {
    return this.limit - this.items;
  }

  /** Items a next read may examine (0: none). */
  get remaining(): number {
    return this.calls > 0 ? Math.max(0, this.items) : 0;
  }

  /**
   * Reserves up to `wanted` items (and one call) for a read about to be made, before it is made:
   * a request's fields run concurrently, so a read must hold its share while it waits. Returns
   * the items reserved (0: the budget is spent).
   */
  take(wanted: number): number {
    const granted = Math.min(wanted, this.remaining);
    if (granted <= 0) return 0;
    this.items -= granted;
    this.calls -= 1;
    return granted;
  }

  /** Gives back what a read reserved but did not examine. */
  refund(unused: number): void {
    this.items += Math.max(0, unused);
  }
}

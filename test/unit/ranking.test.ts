import { describe, expect, it } from 'vitest';
import { RANKING_TIERS, tierOf, tiersToRead } from '../../src/pageRatings/ranking.js';

describe('ranking tiers: one entry per page, in the largest tier it has reached', () => {
  it('keeps a page in the largest tier reached, at each edge', () => {
    expect(RANKING_TIERS).toEqual([1, 5, 50, 1000]);
    expect([1, 4, 5, 6, 49, 50, 51, 999, 1000, 1001, 50_000].map(tierOf)).toEqual([1, 1, 5, 5, 5, 50, 50, 50, 1000, 1000, 1000]);
  });

  it('reads the largest tier not above the minimum and every tier above it: at most 3 partitions from a minimum of 5', () => {
    expect(tiersToRead(1)).toEqual([1, 5, 50, 1000]);
    expect(tiersToRead(4)).toEqual([1, 5, 50, 1000]);
    expect(tiersToRead(5)).toEqual([5, 50, 1000]);
    expect(tiersToRead(49)).toEqual([5, 50, 1000]);
    expect(tiersToRead(50)).toEqual([50, 1000]);
    expect(tiersToRead(10_000)).toEqual([1000]);
    for (let n = 5; n <= 10_000; n += 7) expect(tiersToRead(n).length, String(n)).toBeLessThanOrEqual(3);
  });
});

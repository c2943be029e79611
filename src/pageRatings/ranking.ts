/**
 * The worst-rated-pages ranking is kept in tiers by how many ratings a page has in the period: a
 * page has ONE entry per period, in the partition of the largest tier it has reached. A ranking of
 * pages with at least N ratings reads the partition of the largest tier not above N (filtered to N
 * when N is between tiers) and every tier above it, merged by rank: never the partition of the
 * lightly rated pages below N, and at most 3 partitions for N ≥ 5 (the default).
 *
 * One entry per page, not one per tier reached: each recompute of a page rewrites one entry per
 * period (a put and, when its rank moves, an index move), not one per tier (issue 12: the stream's
 * write units per rating). Pure: no I/O.
 */
export const RANKING_TIERS = [1, 5, 50, 1000] as const;

/** The one tier a page with this many ratings is kept in: the largest it has reached. */
export function tierOf(total: number): number {
  let tier: number = RANKING_TIERS[0];
  for (const t of RANKING_TIERS) if (t <= total) tier = t;
  return tier;
}

/** The tiers a ranking of pages with at least `minimumRatings` reads: the largest not above it, and every one above. */
export function tiersToRead(minimumRatings: number): number[] {
  const lowest = tierOf(minimumRatings);
  return RANKING_TIERS.filter((t) => t >= lowest);
}

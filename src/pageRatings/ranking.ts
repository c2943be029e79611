/**
 * The worst-rated-pages ranking is kept in tiers: a page has an entry in each tier it has reached
 * (at least 1, 5, 10, … ratings in the period), so a ranking of pages with at least N ratings reads
 * one partition in which every entry qualifies when N is a tier (the default, 5, is), instead of
 * reading past every lightly rated page. Pure: no I/O.
 */
export const RANKING_TIERS = [1, 5, 10, 25, 50, 100, 250, 1000] as const;

/** The largest tier not above the minimum: its partition holds every page the ranking wants. */
export function rankingTier(minimumRatings: number): number {
  let tier: number = RANKING_TIERS[0];
  for (const t of RANKING_TIERS) if (t <= minimumRatings) tier = t;
  return tier;
}

/** The tiers a page with this many ratings has entries in. */
export function tiersReached(total: number): number[] {
  return RANKING_TIERS.filter((t) => t <= total);
}

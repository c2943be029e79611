import type { FoiStatistics } from '../generated/graphql.js';
import { exemptions } from './catalogue.js';

const outcomeNames: Record<string, string> = {
  PROVIDED_IN_FULL: 'Provided in full',
  PROVIDED_IN_PART: 'Provided in part',
  REFUSED: 'Refused under exemptions',
  NOT_HELD: 'Not held',
  REFUSED_COST_LIMIT: 'Refused: cost limit (s.12)',
  REFUSED_VEXATIOUS_OR_REPEATED: 'Refused: vexatious or repeated (s.14)',
};
const reviewNames: Record<string, string> = { UPHELD: 'Upheld', PARTLY_UPHELD: 'Partly upheld', OVERTURNED: 'Overturned' };

/**
 * The FOI figures the ICO monitors, from summed daily counts (see actions.ts for what each action
 * counts): answered within 20 working days, answered in time (within 20 working days or within a
 * properly claimed public interest extension, as the Cabinet Office's statistics count it), and
 * internal reviews decided within 20 working days. A response after a late clarification counts
 * against the date it missed.
 */
export function summariseStatistics(n: Record<string, number>, from: string, to: string): FoiStatistics {
  const count = (k: string) => n[k] ?? 0;
  const share = (part: string, whole: string) => (count(whole) ? Math.round((count(part) / count(whole)) * 1000) / 1000 : null);
  const counted = (prefix: string, names: Record<string, string>) =>
    Object.entries(names)
      .map(([code, name]) => ({ code, name, count: count(`${prefix}${code}`) }))
      .filter((c) => c.count > 0);
  return {
    from,
    to,
    received: count('received'),
    answered: count('answered'),
    answeredWithin20WorkingDays: count('answeredWithin20WorkingDays'),
    shareAnsweredWithin20WorkingDays: share('answeredWithin20WorkingDays', 'answered'),
    answeredInTime: count('answeredInTime'),
    shareAnsweredInTime: share('answeredInTime', 'answered'),
    outcomes: counted('outcome_', outcomeNames),
    exemptionsUsed: counted('exemption_', Object.fromEntries(exemptions.map((e) => [e.section, `s.${e.section} ${e.name}`]))),
    internalReviewsRequested: count('reviewsRequested'),
    internalReviewOutcomes: counted('review_', reviewNames),
    internalReviewsDecided: count('reviewsDecided'),
    internalReviewsDecidedWithin20WorkingDays: count('reviewsDecidedWithin20WorkingDays'),
    shareInternalReviewsDecidedWithin20WorkingDays: share('reviewsDecidedWithin20WorkingDays', 'reviewsDecided'),
  };
}

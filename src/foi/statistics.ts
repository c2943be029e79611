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

/** The FOI figures the ICO monitors, from summed daily counts (see actions.ts for what each action counts). */
export function summariseStatistics(n: Record<string, number>, from: string, to: string): FoiStatistics {
  const count = (k: string) => n[k] ?? 0;
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
    shareAnsweredWithin20WorkingDays: count('answered') ? Math.round((count('answeredWithin20WorkingDays') / count('answered')) * 1000) / 1000 : null,
    outcomes: counted('outcome_', outcomeNames),
    exemptionsUsed: counted('exemption_', Object.fromEntries(exemptions.map((e) => [e.section, `s.${e.section} ${e.name}`]))),
    internalReviewsRequested: count('reviewsRequested'),
    internalReviewOutcomes: counted('review_', reviewNames),
  };
}

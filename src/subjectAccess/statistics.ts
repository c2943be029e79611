import type { SubjectAccessStatistics } from '../generated/graphql.js';

/**
 * The subject access figures from summed daily counts: received (on arrival), completed and
 * completed within the deadline and each outcome (on the day of the response), extensions (on the
 * day of the extension). See actions.ts for what each action counts.
 */
const outcomeNames: Record<string, string> = {
  DISCLOSED_IN_FULL: 'Disclosed in full',
  DISCLOSED_IN_PART: 'Disclosed in part',
  NOTHING_HELD: 'Nothing held',
  REFUSED_MANIFESTLY_UNFOUNDED: 'Refused: manifestly unfounded',
  REFUSED_EXCESSIVE: 'Refused: manifestly excessive',
};

export function summariseSarStatistics(counts: Record<string, number>, from: string, to: string): SubjectAccessStatistics {
  const count = (k: string) => counts[k] ?? 0;
  return {
    from,
    to,
    received: count('received'),
    completed: count('completed'),
    completedWithinDeadline: count('completedWithinDeadline'),
    shareCompletedWithinDeadline: count('completed') ? Math.round((count('completedWithinDeadline') / count('completed')) * 1000) / 1000 : null,
    extensions: count('extensions'),
    outcomes: Object.entries(outcomeNames)
      .map(([code, name]) => ({ code, name, count: count(`outcome_${code}`) }))
      .filter((o) => o.count > 0),
  };
}

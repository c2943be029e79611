import type { SubjectAccessStatistics } from '../generated/graphql.js';

/**
 * The subject access figures from summed daily counts: received (on arrival); completed, and of
 * those in time (within one month, or within an extension notified before the first month ended),
 * within one month, and within a notified extension, and each outcome (on the day of the
 * response); extensions (on the day of the extension); complaints to the ICO (on the day the force
 * heard of them). A response after a late request for ID or clarification counts as late. See
 * actions.ts for what each action counts.
 */
const outcomeNames: Record<string, string> = {
  DISCLOSED_IN_FULL: 'Disclosed in full',
  DISCLOSED_IN_PART: 'Disclosed in part',
  RESTRICTED_IN_FULL: 'Access wholly restricted (DPA 2018 s.45(4))',
  NOTHING_HELD: 'Nothing held',
  REFUSED_MANIFESTLY_UNFOUNDED: 'Refused: manifestly unfounded',
  REFUSED_EXCESSIVE: 'Refused: manifestly excessive',
};

export function summariseSarStatistics(counts: Record<string, number>, from: string, to: string): SubjectAccessStatistics {
  const count = (k: string) => counts[k] ?? 0;
  const share = (k: string) => (count('completed') ? Math.round((count(k) / count('completed')) * 1000) / 1000 : null);
  return {
    from,
    to,
    received: count('received'),
    completed: count('completed'),
    completedWithinDeadline: count('completedWithinDeadline'),
    shareCompletedWithinDeadline: share('completedWithinDeadline'),
    completedWithinOneMonth: count('completedWithinOneMonth'),
    shareCompletedWithinOneMonth: share('completedWithinOneMonth'),
    completedWithinExtension: count('completedWithinExtension'),
    extensions: count('extensions'),
    icoComplaints: count('icoComplaints'),
    outcomes: Object.entries(outcomeNames)
      .map(([code, name]) => ({ code, name, count: count(`outcome_${code}`) }))
      .filter((o) => o.count > 0),
  };
}

import type { DataProtectionComplaintStatistics } from '../generated/graphql.js';

/**
 * The figures, from summed daily counts: receipt counts on the day of receipt (onCreate), the
 * rest on the day each thing happened (see actions.ts).
 */
export function summariseDataProtectionStatistics(counts: Record<string, number>, from: string, to: string): DataProtectionComplaintStatistics {
  const n = (name: string) => counts[name] ?? 0;
  const acknowledged = n('acknowledged');
  const within = n('acknowledgedWithin30Days');
  return {
    from,
    to,
    received: n('received'),
    acknowledged,
    acknowledgedWithin30Days: within,
    shareAcknowledgedWithin30Days: acknowledged ? Math.round((within / acknowledged) * 1000) / 1000 : null,
    outcomes: { upheld: n('outcome_UPHELD'), partlyUpheld: n('outcome_PARTLY_UPHELD'), notUpheld: n('outcome_NOT_UPHELD') },
    referredToIco: n('referredToIco'),
  };
}

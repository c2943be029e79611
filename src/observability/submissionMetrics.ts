import type { Outcome } from '../errors.js';
import { METRIC, type Metrics } from './metrics.js';

/**
 * Counts a submission answered with a receipt, by case type and channel (PUBLIC or STAFF), and
 * returns the outcome unchanged. Not counted: refusals, signposts, a decoy receipt for a filled
 * honeypot, and a repeat recognised as a duplicate. A retry with the same idempotency key is
 * answered with the first receipt and counted again: the metric counts receipts given.
 */
export function countSubmission<T extends Outcome<{ receipt?: { duplicateOfEarlierSubmission: boolean } | null } | { duplicateOfEarlierSubmission: boolean }>>(
  metrics: Metrics,
  caseType: string,
  channel: 'PUBLIC' | 'STAFF',
  input: { honeypot?: unknown },
  outcome: T,
): T {
  if (!outcome.ok || (typeof input.honeypot === 'string' && input.honeypot.trim() !== '')) return outcome;
  const value = outcome.value;
  const receipt = 'receipt' in value ? value.receipt : (value as { duplicateOfEarlierSubmission: boolean });
  if (receipt && !receipt.duplicateOfEarlierSubmission) metrics.count(METRIC.submissions, { caseType, channel });
  return outcome;
}

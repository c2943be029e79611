/**
 * The metrics port: what the application counts, with no idea how. Services, resolvers and plugins
 * call `metrics.count(...)`; in Lambda the Powertools adapter (powertools.ts) writes each as
 * CloudWatch embedded metric format; tests use the memory version; elsewhere nothing is sent.
 * Dimensions are low-cardinality codes only (a case type, an error code): never a value someone sent.
 *
 * The names are the contract with the alarms and dashboard (infra/), which import them from here.
 */
export const METRIC = {
  /** A public submission or a staff-logged case answered with a receipt; dimensions caseType, channel. */
  submissions: 'Submissions',
  /** Each user error answered, top-level or in a payload; dimension code. */
  userErrors: 'UserErrors',
  /** Requests answered 429 (rate-limited). */
  rateLimited: 'RateLimited',
  /** A write retried after colliding with another (a conflict or a moved shared item). */
  conflictRetries: 'ConflictRetries',
  /** Errors masked as INTERNAL_SERVER_ERROR: each one is a bug or an unexpected fault. */
  internalErrors: 'InternalErrors',
  /** Requests answered 503 because DynamoDB was throttling or out of reach; dimension reason. */
  serviceUnavailable: 'ServiceUnavailable',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** The CloudWatch namespace when METRICS_NAMESPACE is not set. */
export const DEFAULT_METRICS_NAMESPACE = 'ContactCounts';

export interface Metrics {
  /** Adds `value` (default 1) to the count `name`, under these dimensions. */
  count(name: MetricName, dimensions?: Record<string, string>, value?: number): void;
}

export const noMetrics: Metrics = { count: () => undefined };

/** Metrics kept in memory, for tests that check what was counted. */
export function createMemoryMetrics(): Metrics & { counted: Array<{ name: MetricName; dimensions: Record<string, string>; value: number }> } {
  const counted: Array<{ name: MetricName; dimensions: Record<string, string>; value: number }> = [];
  return { counted, count: (name, dimensions = {}, value = 1) => void counted.push({ name, dimensions, value }) };
}

import { registry } from './caseTypes.js';
import { DEFAULT_METRICS_NAMESPACE } from './observability/metrics.js';
import { retentionSchedule, type RetentionSchedule } from './retention/schedule.js';
import type { RateRule } from './store/rateLimiter.js';
import { notificationSettings, type NotificationSettings } from './notifications/settings.js';
import { DEFAULT_READ_BUDGET } from './store/readBudget.js';

/**
 * Everything the force may choose (policy), read from the environment once at start-up. Rules of
 * law are in code; choices are here. Each variable is described in the README.
 */
export interface AppConfig {
  /** Hosts whose pages may be rated. */
  allowedPageHosts: string[];
  /**
   * Origins of the force's website(s) whose pages call the API from browsers (CORS). Deployed, API
   * Gateway answers for them (the stack's websiteOrigins); locally, the local server does.
   */
  websiteOrigins: string[];
  /** Public submissions per source. */
  submitRateLimit: RateRule;
  /** trackCase calls per source. */
  trackRateLimit: RateRule;
  /** Public reads of the table (disclosure log) per source: requests, however many fields each asks for. */
  publicReadRateLimit: RateRule;
  /** The same submission from the same source within this many seconds is stored once. */
  duplicateWindowSeconds: number;
  retention: RetentionSchedule;
  /** GraphQL introspection: on for local development, off when deployed. */
  introspection: boolean;
  /** The CloudWatch namespace of the application's metrics (src/observability/metrics.ts). */
  metricsNamespace: string;
  /**
   * Query limits (graphql-armor), and the read budget of one request (items DynamoDB may examine,
   * and calls, shared by all the request's fields: src/store/readBudget.ts).
   */
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxDirectives: number; readBudget: { items: number; calls: number } };
  /** How messages are delivered, the callback token, staff digests (src/notifications/settings.ts). */
  notifications: NotificationSettings;
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const retention = structuredClone(retentionSchedule(registry.caseTypes));
  for (const type of Object.keys(retention)) {
    const days = env[`RETENTION_DAYS_${type}`];
    if (days !== undefined) retention[type] = { ...retention[type]!, days: positiveInteger(`RETENTION_DAYS_${type}`, days) };
  }
  return {
    allowedPageHosts: list(env.ALLOWED_PAGE_HOSTS ?? 'www.west-midlands.police.uk,west-midlands.police.uk'),
    websiteOrigins: list(env.WEBSITE_ORIGINS ?? 'https://www.west-midlands.police.uk'),
    submitRateLimit: {
      limit: positiveInteger('SUBMIT_RATE_LIMIT', env.SUBMIT_RATE_LIMIT ?? '20'),
      windowSeconds: positiveInteger('SUBMIT_RATE_WINDOW_SECONDS', env.SUBMIT_RATE_WINDOW_SECONDS ?? '600'),
    },
    trackRateLimit: {
      limit: positiveInteger('TRACK_RATE_LIMIT', env.TRACK_RATE_LIMIT ?? '30'),
      windowSeconds: positiveInteger('TRACK_RATE_WINDOW_SECONDS', env.TRACK_RATE_WINDOW_SECONDS ?? '600'),
    },
    publicReadRateLimit: {
      limit: positiveInteger('PUBLIC_READ_RATE_LIMIT', env.PUBLIC_READ_RATE_LIMIT ?? '120'),
      windowSeconds: positiveInteger('PUBLIC_READ_RATE_WINDOW_SECONDS', env.PUBLIC_READ_RATE_WINDOW_SECONDS ?? '600'),
    },
    duplicateWindowSeconds: positiveInteger('DUPLICATE_WINDOW_SECONDS', env.DUPLICATE_WINDOW_SECONDS ?? '300'),
    retention,
    introspection: env.GRAPHQL_INTROSPECTION === 'true',
    metricsNamespace: env.METRICS_NAMESPACE?.trim() || DEFAULT_METRICS_NAMESPACE,
    limits: { maxDepth: 10, maxAliases: 15, maxCost: 5000, maxTokens: 2000, maxDirectives: 20, readBudget: { ...DEFAULT_READ_BUDGET } },
    notifications: notificationSettings(env),
    ...overrides,
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number`);
  return n;
}

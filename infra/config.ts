/**
 * Deployment settings, from CDK context (`cdk.json`, or `-c name=value` on the command line). Each
 * has a default so that `cdk synth` works offline; the README's "Operations" section lists them.
 *
 * The region is pinned: the stack goes to eu-west-2 (London) unless `-c region=…` says otherwise.
 * CDK_DEFAULT_REGION (the CLI profile's region, often us-east-1) is deliberately not used, so a
 * developer's profile cannot move UK police data to another region by accident.
 */
export const DEFAULT_REGION = 'eu-west-2';

/**
 * Custom metrics the API emits (Powertools Metrics, EMF), each with the dimension `service`;
 * Submissions also by caseType and channel, UserErrors also by code.
 */
export const APP_METRICS = {
  namespace: 'ContactCounts',
  service: 'contact-counts',
  names: {
    internalErrors: 'InternalErrors',
    conflictRetries: 'ConflictRetries',
    userErrors: 'UserErrors',
    rateLimited: 'RateLimited',
    submissions: 'Submissions',
    serviceUnavailable: 'ServiceUnavailable',
  },
} as const;

export interface DeploymentSettings {
  region: string;
  account: string | undefined;
  /** Origins of the force's website(s) that call the API from browsers (CORS). */
  websiteOrigins: string[];
  /** Hosts whose pages may be rated. */
  allowedPageHosts: string[];
  /** Where alarms are emailed; none: the topic exists, with no subscriber (a synth warning says so). */
  alarmEmail: string | undefined;
  /** Staff sign-in (Cognito authorization code with PKCE): where Cognito may send staff back to. */
  staffCallbackUrls: string[];
  staffLogoutUrls: string[];
  /** The Cognito managed-login domain prefix (https://<prefix>.auth.<region>.amazoncognito.com). */
  staffAuthDomainPrefix: string;
  /** How long daily AWS Backup recovery points of the table are kept. */
  backupRetentionDays: number;
  /** Concurrent executions reserved for (and the most allowed to) the API function. */
  apiReservedConcurrency: number;
  /** Requests per 5 minutes from one address before the edge's rate-based rule blocks it. */
  edgeRateLimit: number;
}

export type ContextReader = (name: string) => unknown;

export function readSettings(context: ContextReader, env: Record<string, string | undefined> = process.env): DeploymentSettings {
  const text = (name: string, fallback: string) => String(context(name) ?? fallback).trim();
  const list = (name: string, fallback: string) =>
    text(name, fallback)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const whole = (name: string, fallback: number, min: number) => {
    const n = Number(context(name) ?? fallback);
    if (!Number.isInteger(n) || n < min) throw new Error(`context ${name} must be a whole number of at least ${min}`);
    return n;
  };
  const websiteOrigins = list('websiteOrigins', 'https://www.west-midlands.police.uk');
  const staffSite = websiteOrigins[0]!;
  const settings: DeploymentSettings = {
    region: text('region', DEFAULT_REGION),
    account: (context('account') as string | undefined) ?? env.CDK_DEFAULT_ACCOUNT,
    websiteOrigins,
    allowedPageHosts: list('allowedPageHosts', 'www.west-midlands.police.uk,west-midlands.police.uk'),
    alarmEmail: (context('alarmEmail') as string | undefined)?.trim() || undefined,
    staffCallbackUrls: list('staffCallbackUrls', `${staffSite}/staff/signed-in`),
    staffLogoutUrls: list('staffLogoutUrls', `${staffSite}/staff/signed-out`),
    staffAuthDomainPrefix: text('staffAuthDomainPrefix', 'contact-counts-staff'),
    backupRetentionDays: whole('backupRetentionDays', 35, 1),
    apiReservedConcurrency: whole('apiReservedConcurrency', 50, 1),
    edgeRateLimit: whole('edgeRateLimit', 500, 10),
  };
  for (const url of [...settings.staffCallbackUrls, ...settings.staffLogoutUrls]) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.hostname !== 'localhost') throw new Error(`${url}: staff sign-in URLs must use https (or be localhost)`);
  }
  if (settings.alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(settings.alarmEmail)) throw new Error('context alarmEmail is not an email address');
  return settings;
}

import type { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { readSettings } from './config.js';
import { EdgeWafStack } from './edge.js';
import { acknowledgeFindings, addSecurityChecks } from './nag.js';
import { ContactCountsStack } from './stack.js';

/**
 * Both stacks, from the app's context: the web ACL for CloudFront in us-east-1 (where CloudFront's
 * WAF must be), and everything else in the pinned region, reading the web ACL's ARN through a
 * cross-region reference.
 */
export function buildContactCounts(app: App, env: Record<string, string | undefined> = process.env) {
  const settings = readSettings((name) => app.node.tryGetContext(name), env);
  addSecurityChecks(app);
  const waf = new EdgeWafStack(app, 'ContactCountsEdgeWaf', {
    description: 'Contact Counts: the AWS WAF web ACL for the CloudFront distribution (CloudFront WAF lives in us-east-1)',
    env: { account: settings.account, region: 'us-east-1' },
    crossRegionReferences: true,
    rateLimit: settings.edgeRateLimit,
  });
  const stack = new ContactCountsStack(app, 'ContactCounts', {
    description: `Contact Counts: public feedback, complaints and information-rights API (${settings.region})`,
    env: { account: settings.account, region: settings.region },
    crossRegionReferences: true,
    websiteOrigins: settings.websiteOrigins,
    allowedPageHosts: settings.allowedPageHosts,
    logRetention: RetentionDays.SIX_MONTHS,
    operations: { ...settings, webAclArn: waf.webAcl.attrArn },
  });
  stack.addStackDependency(waf);
  acknowledgeFindings(stack);
  return { settings, stack, waf };
}

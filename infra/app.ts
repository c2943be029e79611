import { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { acknowledgeFindings, addSecurityChecks } from './nag.js';
import { ContactCountsStack } from './stack.js';

/**
 * The CDK app. Settings come from CDK context (cdk.json, or -c name=value):
 *   websiteOrigins    comma-separated origins allowed by CORS
 *   allowedPageHosts  comma-separated hosts whose pages may be rated
 */
const app = new App();
const list = (name: string, fallback: string) =>
  String(app.node.tryGetContext(name) ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

addSecurityChecks(app);
const stack = new ContactCountsStack(app, 'ContactCounts', {
  description: 'Contact Counts: public feedback, complaints and information-rights API',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-2' },
  websiteOrigins: list('websiteOrigins', 'https://www.west-midlands.police.uk'),
  allowedPageHosts: list('allowedPageHosts', 'www.west-midlands.police.uk,west-midlands.police.uk'),
  logRetention: RetentionDays.SIX_MONTHS,
});
acknowledgeFindings(stack);
app.synth();

import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContactCounts } from '../../infra/build.js';
import { APP_METRICS, readSettings } from '../../infra/config.js';

/** The deployed shape as `cdk synth` builds it (infra/app.ts), from context, with the CLI's region set to us-east-1. */
function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const built = buildContactCounts(app, { CDK_DEFAULT_REGION: 'us-east-1', CDK_DEFAULT_ACCOUNT: '111111111111' });
  return { app, ...built };
}

let built: ReturnType<typeof synth>;
let template: Template;
let waf: Template;
beforeAll(() => {
  built = synth({
    alarmEmail: 'ops@example.police.uk',
    staffCallbackUrls: 'https://staff.example.police.uk/signed-in',
    staffLogoutUrls: 'https://staff.example.police.uk/signed-out',
    backupRetentionDays: 90,
    apiReservedConcurrency: 40,
  });
  template = Template.fromStack(built.stack);
  waf = Template.fromStack(built.waf);
});

const alarmNames = () =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => String((a as { Properties: { AlarmName: string } }).Properties.AlarmName));

describe('region', () => {
  it('is eu-west-2 unless configured, whatever the CLI profile says, and the stack says so', () => {
    expect(built.stack.region).toBe('eu-west-2');
    expect(built.stack.templateOptions.description).toContain('(eu-west-2)');
    template.hasOutput('Region', { Value: 'eu-west-2' });
  });

  it('follows -c region=…', () => {
    expect(synth({ region: 'eu-west-1' }).stack.region).toBe('eu-west-1');
  });

  it('keeps the web ACL for CloudFront in us-east-1, where CloudFront needs it', () => {
    expect(built.waf.region).toBe('us-east-1');
  });
});

describe('alarms', () => {
  it('go to one SNS topic, encrypted, emailed to the configured address', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.police.uk' });
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0]!;
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(JSON.stringify((alarm as { Properties: { AlarmActions: unknown } }).Properties.AlarmActions)).toContain(topic);
    }
  });

  it.each([
    ['API 5xx', 'ContactCounts-HttpApi-Fault-Count-Critical', '5xx'],
    ['API latency', 'ContactCounts-HttpApi-Latency-P99-Warning', 'Latency'],
    ['Lambda errors', 'ContactCounts-ApiFunction-Fault-Count-Critical', 'Errors'],
    ['Lambda throttles', 'ContactCounts-ApiFunction-Throttled-Count-Warning', 'Throttles'],
    ['Lambda concurrency', 'ContactCounts-ApiFunction-Running-Tasks-High-Warning', 'ConcurrentExecutions'],
    ['DynamoDB read throttles', 'ContactCounts-Table-Read-Throttled-Events-Warning', 'ReadThrottleEvents'],
    ['DynamoDB write throttles', 'ContactCounts-Table-Write-Throttled-Events-Warning', 'WriteThrottleEvents'],
    ['DynamoDB system errors', 'ContactCounts-Table-SystemError-Count-Critical', 'SystemErrors'],
    ['DynamoDB transaction system errors', 'ContactCounts-Application-TableTransactSystemErrors-Critical', 'SystemErrors'],
    ['internal errors', 'ContactCounts-Application-InternalErrors-Critical', 'InternalErrors'],
    ['conflict retries', 'ContactCounts-Application-ConflictRetries-Warning', 'ConflictRetries'],
    ['holiday data refresh failures', 'ContactCounts-HolidayRefresh-Fault-Count-Critical', 'Errors'],
  ])('exist for %s', (_, name, metric) => {
    expect(alarmNames()).toContain(name);
    const alarm = Object.values(template.findResources('AWS::CloudWatch::Alarm')).find(
      (a) => (a as { Properties: { AlarmName: string } }).Properties.AlarmName === name,
    );
    expect(JSON.stringify(alarm)).toContain(`"MetricName":"${metric}"`);
  });

  it('watch the application metrics in the namespace and dimension the API emits', () => {
    for (const metricName of [APP_METRICS.names.internalErrors, APP_METRICS.names.conflictRetries]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Metrics: Match.arrayWith([
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: { Namespace: 'ContactCounts', MetricName: metricName, Dimensions: [{ Name: 'service', Value: 'contact-counts' }] },
            }),
          }),
        ]),
      });
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_METRICS_NAMESPACE: 'ContactCounts', POWERTOOLS_SERVICE_NAME: 'contact-counts' }) },
    });
  });

  it('warn at synth when no alarm email is configured', () => {
    const { app } = synth();
    const assembly = app.synth();
    const warnings = assembly.getStackByName('ContactCounts').messages.filter((m) => m.level === 'warning');
    expect(warnings.map((w) => String(w.entry.data))).toContainEqual(expect.stringMatching(/No alarmEmail set/));
  });
});

describe('dashboard', () => {
  it('shows the same metrics', () => {
    const dashboards = template.findResources('AWS::CloudWatch::Dashboard');
    expect(Object.keys(dashboards).length).toBeGreaterThan(0);
    const body = JSON.stringify(dashboards);
    for (const metric of ['5xx', 'Throttles', 'ConcurrentExecutions', 'SystemErrors', 'InternalErrors', 'ConflictRetries', 'RateLimited', 'ServiceUnavailable']) {
      expect(body).toContain(metric);
    }
    // Every series of the per-code and per-case-type counts, by search.
    expect(body).toContain('SEARCH(');
    expect(body).toMatch(/service.*contact-counts.*MetricName.*UserErrors/);
  });
});

describe('concurrency', () => {
  it('reserves concurrency for the API function, from configuration', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { Description: 'Contact Counts GraphQL API', ReservedConcurrentExecutions: 40 });
  });
});

describe('staff sign-in', () => {
  it('is the authorization code grant only (PKCE, no implicit flow, no secret), with the configured URLs', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      CallbackURLs: ['https://staff.example.police.uk/signed-in'],
      LogoutURLs: ['https://staff.example.police.uk/signed-out'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const client = JSON.stringify(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client).not.toContain('implicit');
    expect(client).not.toContain('example.com');
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
  });

  it('refuses a callback URL that is not https', () => {
    expect(() => readSettings((n) => ({ staffCallbackUrls: 'http://staff.example.police.uk/cb' })[n])).toThrow(/https/);
  });
});

describe('backup', () => {
  it('backs the table up daily with the configured retention, besides point-in-time recovery', () => {
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ Lifecycle: { DeleteAfterDays: 90 }, ScheduleExpression: 'cron(0 2 * * ? *)' })] },
    });
    const selection = JSON.stringify(template.findResources('AWS::Backup::BackupSelection'));
    expect(selection).toMatch(/Table[0-9A-F]{8}/);
    template.hasResourceProperties('AWS::DynamoDB::Table', { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
  });
});

describe('edge', () => {
  it('has a CloudFront web ACL with the managed rule groups and a per-address rate limit', () => {
    waf.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP', Limit: 500 }) }, Action: { Block: {} } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesAmazonIpReputationList' }) } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }) } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesKnownBadInputsRuleSet' }) } }),
      ]),
    });
  });

  it('puts CloudFront, with that web ACL and no caching, in front of the API', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: Match.anyValue(),
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }),
      }),
    });
    template.hasOutput('EdgeGraphQLUrl', {});
  });

  it('tells the API the caller’s address, trusted only with a value only CloudFront sends', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp("headers\\['x-contact-counts-viewer'\\] = \\{ value: event.viewer.ip \\}"),
    });
    const distribution = JSON.stringify(template.findResources('AWS::CloudFront::Distribution'));
    expect(distribution).toContain('"HeaderName":"x-contact-counts-edge"');
    expect(distribution).toContain('resolve:secretsmanager');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Contact Counts GraphQL API',
      Environment: { Variables: Match.objectLike({ EDGE_ORIGIN_VERIFY: Match.anyValue() }) },
    });
  });
});

describe('bank holiday refresh', () => {
  it('runs weekly from EventBridge, with access only to the holiday-data items', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 6 ? * MON *)', State: 'ENABLED' });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
            Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['HOLIDAYS'] } },
          }),
        ]),
      },
    });
  });
});

describe('security checks', () => {
  it('pass cdk-nag AwsSolutions on both stacks', () => {
    expect(() => synth({ alarmEmail: 'ops@example.police.uk' }).app.synth()).not.toThrow();
  });
});

import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeFindings, addSecurityChecks } from '../../infra/nag.js';
import { API_TABLE_ACTIONS, ContactCountsStack } from '../../infra/stack.js';
import { staffGroups } from '../../src/auth/caller.js';

function build(withChecks = false, acknowledge = true) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  if (withChecks) addSecurityChecks(app);
  const stack = new ContactCountsStack(app, 'Test', {
    env: { account: '111111111111', region: 'eu-west-2' },
    websiteOrigins: ['https://www.west-midlands.police.uk'],
    allowedPageHosts: ['www.west-midlands.police.uk'],
    throttle: { rateLimit: 25, burstLimit: 50 },
  });
  if (acknowledge) acknowledgeFindings(stack);
  return { app, stack };
}

let template: Template;
beforeAll(() => {
  template = Template.fromStack(build().stack);
});

describe('DynamoDB table', () => {
  it('is on-demand, recoverable, encrypted, retained, with TTL and both indexes', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        DeletionProtectionEnabled: true,
        GlobalSecondaryIndexes: [
          Match.objectLike({ IndexName: 'gsi1', Projection: { ProjectionType: 'ALL' } }),
          Match.objectLike({ IndexName: 'gsi2', Projection: { ProjectionType: 'ALL' } }),
        ],
      }),
    });
  });
});

describe('Lambda function', () => {
  it('runs Node.js 24 on arm64 with explicit memory, timeout and tracing', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 10,
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: Match.objectLike({ GRAPHQL_INTROSPECTION: 'false', NODE_OPTIONS: '--enable-source-maps' }),
      },
    });
  });

  it('logs to a log group with a retention period', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 180 });
    const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0] as { Properties: { LoggingConfig: { LogGroup: unknown } } };
    expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
  });

  it('may use only the table actions the API needs, on the table and its indexes, and never Scan', () => {
    const policies = Object.fromEntries(
      Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith('ApiFunctionServiceRoleDefaultPolicy')),
    );
    expect(Object.keys(policies)).toHaveLength(1);
    const statements = Object.values(policies).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[]; Resource: unknown }> } } }).Properties.PolicyDocument.Statement,
    );
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]!.Action].flat().sort()).toEqual([...API_TABLE_ACTIONS].sort());
    expect(JSON.stringify(statements)).not.toMatch(/dynamodb:\*|dynamodb:Scan|dynamodb:DeleteTable/);
    const resources = JSON.stringify(dynamo[0]!.Resource);
    expect(resources).toContain('/index/gsi1');
    expect(resources).toContain('/index/gsi2');
    expect(resources).not.toContain('/index/*');
  });
});

describe('table stream', () => {
  it('streams old and new images to a function that retries, bisects, reports failed items and keeps what still fails', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
  });

  it('lets the stream function read and write items but never Scan', () => {
    const policies = Object.entries(template.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith('TableStreamFunction'));
    expect(policies).toHaveLength(1);
    const text = JSON.stringify(policies[0]![1]);
    expect(text).toContain('dynamodb:UpdateItem');
    expect(text).not.toMatch(/dynamodb:\*|dynamodb:Scan|dynamodb:DeleteTable/);
  });
});

describe('HTTP API', () => {
  it('allows only the configured website origins, for POST', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://www.west-midlands.police.uk'],
        AllowMethods: ['POST', 'OPTIONS'],
      }),
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /graphql' });
  });

  it('throttles the stage and writes access logs without source addresses', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 }),
      AccessLogSettings: Match.objectLike({ Format: Match.stringLikeRegexp('requestId') }),
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as { Properties: { AccessLogSettings: { Format: string } } };
    expect(stage.Properties.AccessLogSettings.Format).not.toContain('sourceIp');
  });
});

describe('Cognito staff user pool', () => {
  it('requires MFA, a strong password and admin-created accounts', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('has one group for each team', () => {
    for (const group of staffGroups) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', staffGroups.length);
  });

  it('has a public client without a secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});

describe('security checks', () => {
  it('passes cdk-nag AwsSolutions with every acknowledgement explained', () => {
    const { app, stack } = build(true);
    expect(() => app.synth()).not.toThrow();
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data));
    expect(JSON.stringify(acknowledged)).toContain('AwsSolutions-APIG4');
  });

  it('fails synthesis when a finding is not acknowledged', () => {
    const { app } = build(true, false);
    expect(() => app.synth()).toThrow();
  });
});

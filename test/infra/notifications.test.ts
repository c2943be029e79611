import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ContactCountsStack } from '../../infra/stack.js';

/** Issue 15's resources: Notify's secrets, the callback route, the digest schedule, delivery in the stream function. */
function template(context: Record<string, string> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new ContactCountsStack(app, 'Test', {
    env: { account: '111111111111', region: 'eu-west-2' },
    websiteOrigins: ['https://www.west-midlands.police.uk'],
    allowedPageHosts: ['www.west-midlands.police.uk'],
  });
  return { stack, template: Template.fromStack(stack) };
}

const withTemplates = { notifyEmailTemplateId: 'email-template-id', notifyLetterTemplateId: 'letter-template-id' };

describe('notifications', () => {
  it('gives the stream function the Notify key (readable by it alone) and the template ids', () => {
    const { stack, template: t } = template(withTemplates);
    const keyArn = stack.resolve(stack.notifications.apiKey.secretArn);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('table stream'),
      Environment: { Variables: Match.objectLike({ NOTIFY_API_KEY_SECRET_ARN: keyArn, NOTIFY_EMAIL_TEMPLATE_ID: 'email-template-id', NOTIFY_LETTER_TEMPLATE_ID: 'letter-template-id' }) },
    });
    const readers = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p).includes(JSON.stringify(keyArn)));
    expect(readers).toHaveLength(1);
  });

  it('leaves delivery off (messages wait) until both template ids are given', () => {
    const { template: t } = template();
    const functions = Object.values(t.findResources('AWS::Lambda::Function'));
    expect(JSON.stringify(functions)).not.toContain('NOTIFY_API_KEY_SECRET_ARN');
    t.hasOutput('*', { Value: Match.stringLikeRegexp('notifyEmailTemplateId') });
  });

  it('routes POST /notify/callback to its own function, which reads the callback token and writes no more than it needs', () => {
    const { stack, template: t } = template(withTemplates);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /notify/callback' });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('delivery-status callbacks'),
      Environment: { Variables: Match.objectLike({ NOTIFY_CALLBACK_TOKEN_SECRET_ARN: stack.resolve(stack.notifications.callbackToken.secretArn) }) },
    });
    t.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: Match.objectLike({ PasswordLength: 48 }) });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] })]) },
    });
  });

  it('runs the digest daily at 06:00 UTC, with retries', () => {
    const { template: t } = template();
    t.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 } })],
    });
  });
});

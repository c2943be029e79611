import { CfnOutput, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFn } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { ApiFunction } from './apiFunction.js';

/**
 * Issue 15's AWS parts: the GOV.UK Notify API key and callback token (secrets), the delivery-status
 * callback route (POST /notify/callback, its own small function), and the daily digest (a function
 * on an EventBridge schedule). The delivery itself runs in the table stream's function
 * (infra/tableStream.ts): here it is only given the key and the template ids.
 *
 * Notify's two plain templates (one email, one letter: subject ((subject)), content ((body))) are
 * made once in Notify; their ids are CDK context (notifyEmailTemplateId, notifyLetterTemplateId).
 * Until both are set, delivery stays off and messages wait in the outbox (README, Notifications).
 */
export interface NotificationsProps {
  table: ITable;
  api: HttpApi;
  /** The table stream's function, which delivers the outbox. */
  streamFunction: LambdaFn;
  logRetention: RetentionDays;
  /** Where handlers' digests go: <user name>@<domain>. */
  staffEmailDomain?: string;
}

export class Notifications extends Construct {
  readonly apiKey: Secret;
  readonly callbackToken: Secret;
  readonly callbackFunction: ApiFunction;
  readonly digestFunction: ApiFunction;
  readonly digestSchedule: Rule;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const emailTemplateId = this.node.tryGetContext('notifyEmailTemplateId') as string | undefined;
    const letterTemplateId = this.node.tryGetContext('notifyLetterTemplateId') as string | undefined;

    this.apiKey = new Secret(this, 'NotifyApiKey', {
      description: 'GOV.UK Notify API key (live or team key): set its value after the first deploy',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.callbackToken = new Secret(this, 'NotifyCallbackToken', {
      description: "The bearer token GOV.UK Notify sends with delivery-status callbacks: copy it into Notify's callback settings",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Delivery, in the stream function.
    if (emailTemplateId && letterTemplateId) {
      props.streamFunction.addEnvironment('NOTIFY_API_KEY_SECRET_ARN', this.apiKey.secretArn);
      props.streamFunction.addEnvironment('NOTIFY_EMAIL_TEMPLATE_ID', emailTemplateId);
      props.streamFunction.addEnvironment('NOTIFY_LETTER_TEMPLATE_ID', letterTemplateId);
      this.apiKey.grantRead(props.streamFunction);
    } else {
      new CfnOutput(this, 'NotifyDeliveryOff', {
        value: 'Set the CDK context notifyEmailTemplateId and notifyLetterTemplateId to turn delivery on; messages wait in the outbox until then.',
      });
    }

    // Notify's delivery-status callbacks.
    this.callbackFunction = new ApiFunction(this, 'CallbackFunction', {
      entry: fileURLToPath(new URL('../src/notifyCallbackHandler.ts', import.meta.url)),
      description: "Contact Counts: GOV.UK Notify's delivery-status callbacks",
      logGroup: new LogGroup(this, 'CallbackLogs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN }),
      memorySize: 256,
      environment: { TABLE_NAME: props.table.tableName, NOTIFY_CALLBACK_TOKEN_SECRET_ARN: this.callbackToken.secretArn },
    });
    this.callbackFunction.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [props.table.tableArn] }));
    this.callbackToken.grantRead(this.callbackFunction);
    props.api.addRoutes({
      path: '/notify/callback',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('NotifyCallbackIntegration', this.callbackFunction),
    });

    // The daily digest: 06:00 UTC (07:00 in summer), before the working day.
    this.digestFunction = new ApiFunction(this, 'DigestFunction', {
      entry: fileURLToPath(new URL('../src/digestHandler.ts', import.meta.url)),
      description: "Contact Counts: each handler's daily digest of cases due soon and overdue",
      logGroup: new LogGroup(this, 'DigestLogs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN }),
      memorySize: 512,
      timeout: Duration.minutes(2),
      environment: { TABLE_NAME: props.table.tableName, STAFF_EMAIL_DOMAIN: props.staffEmailDomain ?? 'west-midlands.police.uk' },
    });
    this.digestFunction.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:Query', 'dynamodb:PutItem'], resources: [props.table.tableArn] }));
    this.digestSchedule = new Rule(this, 'DigestSchedule', {
      description: "Contact Counts: handlers' daily digest",
      schedule: Schedule.cron({ minute: '0', hour: '6' }),
      targets: [new LambdaFunction(this.digestFunction, { retryAttempts: 2, maxEventAge: Duration.hours(2) })],
    });
  }

  /** cdk-nag findings on these constructs, each with why it is accepted. */
  acknowledgeFindings(): void {
    for (const role of [this.callbackFunction.role!, this.digestFunction.role!]) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'AWSLambdaBasicExecutionRole only lets the function write CloudWatch logs; a hand-written copy would grant the same and add nothing.',
      });
      Validations.of(role).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason: 'The "*" resource is the X-Ray statement CDK adds for active tracing (X-Ray has no resource-level permissions). Table access names the table, with no Scan.',
      });
    }
    for (const secret of [this.apiKey, this.callbackToken]) {
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions::AwsSolutions-SMG4',
        reason:
          "Both values are shared with GOV.UK Notify (the API key is issued by Notify; the callback token is entered in Notify's settings), so rotation is a manual, coordinated change in both places (README, Notifications).",
      });
    }
  }
}

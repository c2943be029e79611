import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Annotations } from 'aws-cdk-lib';
import { MetricStatistic, MonitoringFacade, SnsAlarmActionStrategy } from 'cdk-monitoring-constructs';
import { Construct } from 'constructs';
import { APP_METRICS } from './config.js';

/**
 * Alarms and the dashboard, with cdk-monitoring-constructs: one facade, every alarm sent to one
 * SNS topic (emailed to the configured address), and the same metrics on one CloudWatch dashboard
 * ("ContactCounts"). Thresholds are for a small force's public traffic; the README lists them.
 */
export interface MonitoringProps {
  api: IHttpApi;
  apiFunction: IFunction;
  /** Reserved concurrency of the API function: the concurrency alarm fires at 80% of it. */
  apiReservedConcurrency: number;
  /** Other functions whose errors should page (the table stream's function, the scheduled holiday-data refresh). */
  otherFunctions: Array<{ name: string; fn: IFunction }>;
  /** Queues holding work that failed every retry (the table stream's on-failure queue): any message pages. */
  failureQueues: Array<{ name: string; queue: IQueue }>;
  table: ITable;
  alarmEmail: string | undefined;
}

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly facade: MonitoringFacade;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // CloudWatch must be allowed to use the topic's key, so it is a key of our own, rotated yearly.
    const key = new Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: 'Contact Counts alarm topic' });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'Contact Counts alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    else Annotations.of(this).addWarningV2('contact-counts:no-alarm-email', 'No alarmEmail set: alarms go to an SNS topic nobody is subscribed to (-c alarmEmail=…).');

    this.facade = new MonitoringFacade(this, 'ContactCounts', {
      alarmFactoryDefaults: {
        alarmNamePrefix: 'ContactCounts',
        actionsEnabled: true,
        action: new SnsAlarmActionStrategy({ onAlarmTopic: this.topic }),
        datapointsToAlarm: 2,
        evaluationPeriods: 3,
      },
      metricFactoryDefaults: { period: Duration.minutes(5) },
    });

    this.facade
      .addLargeHeader('Contact Counts API')
      .monitorApiGatewayV2HttpApi({
        api: props.api,
        alarmFriendlyName: 'HttpApi',
        add5xxCountAlarm: { Critical: { maxErrorCount: 5 } },
        addLatencyP99Alarm: { Warning: { maxLatency: Duration.seconds(3) } },
      })
      .monitorLambdaFunction({
        lambdaFunction: props.apiFunction,
        alarmFriendlyName: 'ApiFunction',
        isIterator: false,
        addFaultCountAlarm: { Critical: { maxErrorCount: 5 } },
        addThrottlesCountAlarm: { Warning: { maxErrorCount: 1 } },
        addConcurrentExecutionsCountAlarm: { Warning: { maxRunningTasks: Math.max(1, Math.floor(props.apiReservedConcurrency * 0.8)) } },
        addMaxLatencyAlarm: { Warning: { maxLatency: Duration.seconds(8) } },
      })
      .monitorDynamoTable({
        table: props.table,
        alarmFriendlyName: 'Table',
        addReadThrottledEventsCountAlarm: { Warning: { maxThrottledEventsThreshold: 1 } },
        addWriteThrottledEventsCountAlarm: { Warning: { maxThrottledEventsThreshold: 1 } },
        addSystemErrorCountAlarm: { Critical: { maxErrorCount: 1 } },
      });
    for (const other of props.otherFunctions) {
      this.facade.monitorLambdaFunction({
        lambdaFunction: other.fn,
        alarmFriendlyName: other.name,
        isIterator: false,
        addFaultCountAlarm: { Critical: { maxErrorCount: 1, datapointsToAlarm: 1, evaluationPeriods: 1 } },
      });
    }

    for (const failures of props.failureQueues) {
      this.facade.monitorSqsQueue({
        queue: failures.queue,
        alarmFriendlyName: failures.name,
        addQueueMaxSizeAlarm: { Critical: { maxMessageCount: 0, datapointsToAlarm: 1, evaluationPeriods: 1 } },
      });
    }

    const metric = (metricName: string, label: string) =>
      new Metric({
        namespace: APP_METRICS.namespace,
        metricName,
        dimensionsMap: { service: APP_METRICS.service },
        statistic: 'Sum',
        period: Duration.minutes(5),
        label,
      });
    const names = APP_METRICS.names;
    const search = (metricName: string, dimensions: string[]) => ({
      namespace: APP_METRICS.namespace,
      searchQuery: `MetricName="${metricName}"`,
      dimensionsMap: { service: APP_METRICS.service, ...Object.fromEntries(dimensions.map((d) => [d, undefined as unknown as string])) },
      statistic: MetricStatistic.SUM,
      label: metricName,
    });
    const atLeast = (threshold: number) => ({
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingDataOverride: TreatMissingData.NOT_BREACHING,
    });
    this.facade.monitorCustom({
      alarmFriendlyName: 'Application',
      humanReadableName: 'Application metrics (Powertools, namespace ContactCounts)',
      metricGroups: [
        {
          title: 'Internal errors and conflict retries',
          metrics: [
            {
              metric: metric(names.internalErrors, 'Internal errors'),
              alarmFriendlyName: 'InternalErrors',
              addAlarm: { Critical: { ...atLeast(1), datapointsToAlarm: 1, evaluationPeriods: 1 } },
            },
            {
              metric: metric(names.conflictRetries, 'Conflict retries'),
              alarmFriendlyName: 'ConflictRetries',
              addAlarm: { Warning: atLeast(20) },
            },
          ],
        },
        {
          // The table's system-error alarm above sums the single-item operations; the API writes
          // with TransactWriteItems, whose system errors are watched here.
          title: 'DynamoDB transaction system errors',
          metrics: [
            {
              metric: new Metric({
                namespace: 'AWS/DynamoDB',
                metricName: 'SystemErrors',
                dimensionsMap: { TableName: props.table.tableName, Operation: 'TransactWriteItems' },
                statistic: 'Sum',
                period: Duration.minutes(5),
                label: 'TransactWriteItems system errors',
              }),
              alarmFriendlyName: 'TableTransactSystemErrors',
              addAlarm: { Critical: { ...atLeast(1), datapointsToAlarm: 1, evaluationPeriods: 1 } },
            },
          ],
        },
        {
          title: 'Rate limited and unavailable',
          metrics: [metric(names.rateLimited, 'Rate limited (429)'), metric(names.serviceUnavailable, 'DynamoDB unavailable (503)')],
        },
        // Submissions and user errors are counted per case type and channel, and per code: the
        // dashboard shows every series (a search), so a new case type or code appears by itself.
        { title: 'Submissions by case type and channel', metrics: [search(names.submissions, ['caseType', 'channel'])] },
        { title: 'User errors by code', metrics: [search(names.userErrors, ['code'])] },
      ],
    });
  }
}

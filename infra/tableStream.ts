import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { ApiFunction } from './apiFunction.js';

/**
 * The table's change stream and the function that reads it (src/streamHandler.ts): work done after
 * a change has committed (delivering messages, keeping rankings). Lambda retries a failing batch
 * with back-off, splitting it to find the failing record, then sends what still fails to an
 * encrypted on-failure queue, kept 14 days for someone to look at (the queue's depth is alarmed).
 */
export interface TableStreamProps {
  table: ITable;
  logRetention: RetentionDays;
  /** Table actions the consumers need (no Scan). */
  tableActions: string[];
  environment?: Record<string, string>;
}

export class TableStream extends Construct {
  readonly function: ApiFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: TableStreamProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    this.function = new ApiFunction(this, 'Function', {
      entry: fileURLToPath(new URL('../src/streamHandler.ts', import.meta.url)),
      description: 'Contact Counts: work after a change commits (the table stream)',
      logGroup,
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment: { TABLE_NAME: props.table.tableName, ...props.environment },
    });
    this.function.addToRolePolicy(new PolicyStatement({ actions: props.tableActions, resources: [props.table.tableArn] }));

    this.failures = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: 5,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.failures),
      }),
    );
  }
}

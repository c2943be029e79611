import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { ApiFunction } from './apiFunction.js';

/**
 * The scheduled bank holiday refresh (src/holidayData/scheduledHandler.ts): every Monday at 06:00
 * UTC it fetches GOV.UK's bank-holidays.json, validates it, and stores it in the table as a new
 * version when it has changed. It may read and write only the two holiday-data items' partition.
 */
export interface HolidayRefreshProps {
  table: ITable;
  logRetention: RetentionDays;
}

export class HolidayRefresh extends Construct {
  readonly fn: ApiFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: HolidayRefreshProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.RETAIN });
    this.fn = new ApiFunction(this, 'Function', {
      entry: fileURLToPath(new URL('../src/holidayData/scheduledHandler.ts', import.meta.url)),
      description: "Contact Counts: stores GOV.UK's bank holiday data as a new version when it changes",
      logGroup,
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { TABLE_NAME: props.table.tableName, HOLIDAY_DATA_URL: 'https://www.gov.uk/bank-holidays.json' },
    });
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['HOLIDAYS'] } },
      }),
    );
    this.rule = new Rule(this, 'Weekly', {
      description: 'Refresh the bank holiday data from GOV.UK every Monday',
      schedule: Schedule.cron({ minute: '0', hour: '6', weekDay: 'MON' }),
      targets: [new LambdaFunction(this.fn, { retryAttempts: 2 })],
    });
  }
}

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * AWS Backup for the table, besides point-in-time recovery: PITR restores to any second of the
 * last 35 days; these are daily recovery points kept for the configured number of days, in a
 * vault of their own (encrypted with our key, retained if the stack goes), so that a mistake
 * noticed late, or a deleted table, can still be recovered.
 */
export interface TableBackupProps {
  table: ITable;
  retentionDays: number;
}

export class TableBackup extends Construct {
  readonly plan: BackupPlan;
  readonly vault: BackupVault;

  constructor(scope: Construct, id: string, props: TableBackupProps) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: 'contact-counts',
      encryptionKey: new Key(this, 'VaultKey', { enableKeyRotation: true, description: 'Contact Counts backup vault', removalPolicy: RemovalPolicy.RETAIN }),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new BackupPlan(this, 'Plan', { backupPlanName: 'contact-counts-table', backupVault: this.vault });
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        // 02:00 UTC, after the day's work and before the next.
        scheduleExpression: Schedule.cron({ minute: '0', hour: '2' }),
        startWindow: Duration.hours(1),
        completionWindow: Duration.hours(4),
        deleteAfter: Duration.days(props.retentionDays),
      }),
    );
    this.plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(props.table)] });
  }
}

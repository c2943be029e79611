import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  UserPool,
  StandardThreatProtectionMode,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { staffGroups } from '../src/auth/caller.js';
import { tableDesign } from '../src/store/tableDesign.js';
import { ApiFunction } from './apiFunction.js';
import { TableStream } from './tableStream.js';
import { Notifications } from './notifications.js';
import { TableBackup } from './backup.js';
import { APP_METRICS, type DeploymentSettings } from './config.js';
import { ApiEdge } from './edge.js';
import { HolidayRefresh } from './holidayRefresh.js';
import { Monitoring } from './monitoring.js';
import { staffSignIn } from './staffSignIn.js';
import { PublicPages } from './web.js';

export interface ContactCountsStackProps extends StackProps {
  /** Origins of the force's website(s) that call the API from browsers (CORS). */
  websiteOrigins: string[];
  /** Hosts whose pages may be rated. */
  allowedPageHosts: string[];
  /** Stage-wide API Gateway throttling. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** How long Lambda and access logs are kept. */
  logRetention?: RetentionDays;
  /** Alarms, dashboard, reserved concurrency, staff sign-in, backup and edge (infra/config.ts). */
  operations?: OperationsSettings;
}

export type OperationsSettings = Pick<
  DeploymentSettings,
  'alarmEmail' | 'staffCallbackUrls' | 'staffLogoutUrls' | 'staffAuthDomainPrefix' | 'backupRetentionDays' | 'apiReservedConcurrency'
> & {
  /** The CloudFront-scoped web ACL (EdgeWafStack, us-east-1); without it, no CloudFront distribution. */
  webAclArn?: string;
};

const defaultOperations: OperationsSettings = {
  alarmEmail: undefined,
  staffCallbackUrls: ['https://www.west-midlands.police.uk/staff/signed-in'],
  staffLogoutUrls: ['https://www.west-midlands.police.uk/staff/signed-out'],
  staffAuthDomainPrefix: 'contact-counts-staff',
  backupRetentionDays: 35,
  apiReservedConcurrency: 50,
};

/** The DynamoDB actions the API uses, and no others (no Scan, no table management). */
export const API_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

export class ContactCountsStack extends Stack {
  readonly table: Table;
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly apiFunction: ApiFunction;
  readonly tableStream: TableStream;
  readonly notifications: Notifications;
  readonly monitoring: Monitoring;
  readonly holidayRefresh: HolidayRefresh;
  readonly backup: TableBackup;
  readonly edge: ApiEdge | undefined = undefined;

  constructor(scope: Construct, id: string, props: ContactCountsStackProps) {
    super(scope, id, props);
    const logRetention = props.logRetention ?? RetentionDays.SIX_MONTHS;
    const ops = props.operations ?? defaultOperations;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: tableDesign.ttlAttribute,
      stream: StreamViewType[tableDesign.streamView],
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDesign.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    const appSecret = new Secret(this, 'AppSecret', {
      description: 'Contact Counts application secret: keys tracking-code, address and email hashes, and signs cursors.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.userPool = new UserPool(this, 'StaffUserPool', {
      userPoolName: 'contact-counts-staff',
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const staffClient = this.userPool.addClient('StaffWebClient', {
      ...staffSignIn(ops), // authorization code with PKCE only: infra/staffSignIn.ts
      generateSecret: false,
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
    const groupDescriptions: Record<(typeof staffGroups)[number], string> = {
      'professional-standards': 'Professional Standards: complaints about the police.',
      'information-rights': 'Information rights: subject access and Freedom of Information requests.',
      'web-content': 'Web team: page ratings and website research contacts.',
    };
    for (const group of staffGroups) {
      new CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: groupDescriptions[group],
      });
    }

    const functionLogs = new LogGroup(this, 'ApiFunctionLogs', { retention: logRetention, removalPolicy: RemovalPolicy.RETAIN });
    this.apiFunction = new ApiFunction(this, 'ApiFunction', {
      entry: fileURLToPath(new URL('../src/handler.ts', import.meta.url)),
      description: 'Contact Counts GraphQL API',
      logGroup: functionLogs,
      reservedConcurrentExecutions: ops.apiReservedConcurrency,
      environment: {
        TABLE_NAME: this.table.tableName,
        APP_SECRET_ARN: appSecret.secretArn,
        COGNITO_USER_POOL_ID: this.userPool.userPoolId,
        COGNITO_CLIENT_ID: staffClient.userPoolClientId,
        ALLOWED_PAGE_HOSTS: props.allowedPageHosts.join(','),
        WEBSITE_ORIGINS: props.websiteOrigins.join(','),
        GRAPHQL_INTROSPECTION: 'false',
        POWERTOOLS_SERVICE_NAME: APP_METRICS.service,
        POWERTOOLS_METRICS_NAMESPACE: APP_METRICS.namespace,
        METRICS_NAMESPACE: APP_METRICS.namespace,
      },
    });
    this.apiFunction.addToRolePolicy(
      new PolicyStatement({
        actions: API_TABLE_ACTIONS,
        resources: [this.table.tableArn, ...tableDesign.indexes.map((i) => `${this.table.tableArn}/index/${i.name}`)],
      }),
    );
    appSecret.grantRead(this.apiFunction);

    this.tableStream = new TableStream(this, 'TableStream', {
      table: this.table,
      logRetention,
      tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
      environment: { ALLOWED_PAGE_HOSTS: props.allowedPageHosts.join(',') },
    });

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: 'contact-counts',
      description: 'Contact Counts GraphQL API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.websiteOrigins,
        allowMethods: [CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
        maxAge: Duration.hours(1),
      },
    });
    this.api.addRoutes({
      path: '/graphql',
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('GraphQLIntegration', this.apiFunction),
    });
    // Issue 15: Notify's key and callback route, and the daily digest (infra/notifications.ts).
    this.notifications = new Notifications(this, 'Notifications', { table: this.table, api: this.api, streamFunction: this.tableStream.function, logRetention });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: logRetention, removalPolicy: RemovalPolicy.RETAIN });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No source address, no query string, no body: only what operations needs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    this.userPool.addDomain('StaffSignInDomain', { cognitoDomain: { domainPrefix: ops.staffAuthDomainPrefix } });
    const holidayRefresh = (this.holidayRefresh = new HolidayRefresh(this, 'HolidayRefresh', { table: this.table, logRetention }));
    this.monitoring = new Monitoring(this, 'Monitoring', {
      api: this.api,
      apiFunction: this.apiFunction,
      apiReservedConcurrency: ops.apiReservedConcurrency,
      otherFunctions: [
        { name: 'TableStream', fn: this.tableStream.function },
        { name: 'HolidayRefresh', fn: holidayRefresh.fn },
      ],
      failureQueues: [{ name: 'TableStreamFailures', queue: this.tableStream.failures }],
      table: this.table,
      alarmEmail: ops.alarmEmail,
    });
    this.backup = new TableBackup(this, 'Backup', { table: this.table, retentionDays: ops.backupRetentionDays });
    if (ops.webAclArn) {
      // Not a credential: a marker that a request came through CloudFront (README, "Edge").
      const originVerify = new Secret(this, 'EdgeOriginVerify', {
        description: 'Contact Counts: the header value CloudFront adds to requests it sends to the API',
        generateSecretString: { passwordLength: 48, excludePunctuation: true },
      });
      const value = originVerify.secretValue.unsafeUnwrap();
      this.edge = new ApiEdge(this, 'Edge', { api: this.api, webAclArn: ops.webAclArn, originVerifyValue: value });
      this.apiFunction.addEnvironment('EDGE_ORIGIN_VERIFY', value);
    }

    new CfnOutput(this, 'Region', { value: this.region, description: 'The region this stack is in (eu-west-2 unless -c region=… was given)' });
    if (this.edge) new CfnOutput(this, 'EdgeGraphQLUrl', { value: `https://${this.edge.distribution.distributionDomainName}/graphql`, description: 'The public address: the website sends every public request here' });
    // With the edge, the pages share its distribution (and its WAF); without, they get their own.
    new PublicPages(this, 'PublicPages', { api: this.api, apiFunction: this.apiFunction, edge: this.edge?.distribution });

    new CfnOutput(this, 'GraphQLUrl', {
      value: `${stage.url}graphql`,
      description: this.edge ? "API Gateway's own address: staff (signed in) only; anonymous requests here are refused, as they would go round WAF" : 'The API',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'StaffClientId', { value: staffClient.userPoolClientId });
  }
}

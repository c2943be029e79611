import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { ContactCountsStack } from './stack.js';

/**
 * cdk-nag's AwsSolutions checks run on every synth. Each finding we accept is acknowledged here,
 * on the construct it concerns, with the reason we accept it.
 */
export function addSecurityChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

export function acknowledgeFindings(stack: ContactCountsStack): void {
  for (const role of [stack.apiFunction.role!, stack.tableStream.function.role!]) acknowledgeFunctionRole(role);
  Validations.of(stack.tableStream.failures).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SQS3',
    reason:
      "This queue is itself the stream function's on-failure destination (a dead-letter queue): it keeps stream batches that failed every retry for 14 days, for someone to inspect.",
  });
  Validations.of(stack.api).acknowledge({
    id: 'AwsSolutions::AwsSolutions-APIG4',
    reason:
      'One route serves the anonymous public (feedback forms, case tracking) and staff, so API Gateway cannot require a token. Staff tokens are verified in the function with aws-jwt-verify (signature, issuer, client, expiry, token use) and every operation is authorised there against one deny-by-default policy.',
  });
  Validations.of(stack).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SMG4',
    reason:
      'The application secret keys the stored hashes of tracking codes and email addresses; automatic rotation would make every issued tracking code unusable. Rotation is a planned manual operation (README, "Deployment").',
  });
}

function acknowledgeFunctionRole(role: IConstruct): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      'AWSLambdaBasicExecutionRole only lets the function write CloudWatch logs; a hand-written copy would grant the same and add nothing.',
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason:
      'The "*" resources are the X-Ray statement CDK adds for active tracing (X-Ray has no resource-level permissions) and, for the stream function, dynamodb:ListStreams, which has none either. Table access names the table (and, for the API, each index), with no Scan.',
  });
}

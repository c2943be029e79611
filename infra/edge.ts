import { Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Edge protection for the public operations: CloudFront in front of the HTTP API, with AWS WAF.
 *
 * An HTTP API (API Gateway v2) cannot have a web ACL of its own (WAF attaches to REST API stages,
 * not HTTP APIs), so WAF sits on a CloudFront distribution. A web ACL for CloudFront must be
 * created in us-east-1: it lives in a small stack of its own there (EdgeWafStack), and the main
 * stack reads its ARN through CDK's cross-region references (an SSM parameter CDK writes and
 * reads for us). The rules: AWS's common, known-bad-inputs and IP-reputation managed rule groups,
 * and a rate-based rule per source address.
 */
export interface EdgeWafStackProps extends StackProps {
  /** Requests per 5 minutes from one address before it is blocked. */
  rateLimit: number;
}

export class EdgeWafStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeWafStackProps) {
    super(scope, id, props);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    const managed = (name: string, priority: number, excluded: string[] = []): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(excluded.length ? { ruleActionOverrides: excluded.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
        },
      },
      visibilityConfig: visibility(name),
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: 'contact-counts-edge',
      description: 'Contact Counts API: managed rule groups and a per-address rate limit',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('contact-counts-edge'),
      rules: [
        {
          name: 'RateLimitPerAddress',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('RateLimitPerAddress'),
        },
        managed('AWSManagedRulesAmazonIpReputationList', 1),
        // GraphQL bodies are JSON of up to 100 KB (a SAR's description, an FOI request): the
        // common set's 8 KB body-size rule would block legitimate requests, so it only counts;
        // the API refuses oversized bodies itself.
        managed('AWSManagedRulesCommonRuleSet', 2, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 3),
      ],
    });
  }
}

export interface ApiEdgeProps {
  api: IHttpApi;
  /** The ARN of the CloudFront-scoped web ACL (from EdgeWafStack, us-east-1). */
  webAclArn: string;
}

/** The CloudFront distribution in front of the API: no caching, every method, all viewer headers but Host. */
export class ApiEdge extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    const apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Contact Counts API (WAF at the edge)',
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultBehavior: {
        origin: new HttpOrigin(apiHost, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          readTimeout: Duration.seconds(30),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    });
  }
}

import { Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as CloudFrontFunction,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { EDGE_ORIGIN_HEADER, VIEWER_ADDRESS_HEADER } from '../src/edge/viewerAddress.js';

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
  /** The value CloudFront sends in EDGE_ORIGIN_HEADER, so the API can tell requests that came through it. */
  originVerifyValue: string;
}

/** The header CloudFront adds to every request it sends to the API (the value is EDGE_ORIGIN_VERIFY). */
export { EDGE_ORIGIN_HEADER };

/**
 * The CloudFront distribution in front of the API: no caching, every method, every viewer header
 * but Host (which must be API Gateway's own). Behind CloudFront, API Gateway's sourceIp is a
 * CloudFront address, so a CloudFront Function sets the viewer's address in a header of its own
 * (overwriting any the viewer sent), and the origin gets a header whose value only CloudFront
 * knows: the API trusts the address only on requests that carry it (src/edge/viewerAddress.ts).
 */
export class ApiEdge extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: ApiEdgeProps) {
    super(scope, id);
    const apiHost = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    // Sets the viewer's address on every request, overwriting whatever the viewer sent.
    const viewerAddress = new CloudFrontFunction(this, 'ViewerAddress', {
      comment: 'Contact Counts: pass the viewer address to the API',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        `function handler(event) { event.request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip }; return event.request; }`,
      ),
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Contact Counts API (WAF at the edge)',
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: new HttpOrigin(apiHost, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          readTimeout: Duration.seconds(30),
          customHeaders: { [EDGE_ORIGIN_HEADER]: props.originVerifyValue },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: viewerAddress }],
      },
    });
  }
}

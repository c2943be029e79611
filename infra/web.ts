import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CfnOutput, Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { writeWebAssets } from '../src/web/assets.js';

export interface PublicPagesProps {
  api: HttpApi;
  apiFunction: IFunction;
  /**
   * The API's edge distribution (CloudFront with WAF, infra/edge.ts), when the stack has one: the
   * pages' assets are added to it, so pages, assets and /graphql share one origin behind WAF.
   * Without it, the pages get a distribution of their own.
   */
  edge?: Distribution;
}

/**
 * The public pages (web/), deployed. The pages themselves are rendered by the API's own function
 * (routes GET /forms and GET, POST /forms/{proxy+} on the HTTP API): a form posted without
 * JavaScript must reach the services anyway, and a page that shows errors from the API is best
 * rendered where the API runs, so there is one implementation. The static files (GOV.UK
 * Frontend's CSS, the pages' CSS and JavaScript) are in a private S3 bucket.
 *
 * One CloudFront distribution puts it all on one origin: /forms/assets/* from the bucket (cached,
 * origin access control), everything else (the pages and /graphql) from the API, uncached. Same
 * origin means the pages' JavaScript calls /graphql without CORS, and the form routes' Fetch
 * Metadata check (Sec-Fetch-Site: same-origin) holds.
 */
export class PublicPages extends Construct {
  readonly distribution: Distribution;
  readonly assets: Bucket;

  constructor(scope: Construct, id: string, props: PublicPagesProps) {
    super(scope, id);
    const integration = new HttpLambdaIntegration('FormsIntegration', props.apiFunction);
    props.api.addRoutes({ path: '/forms', methods: [HttpMethod.GET], integration });
    props.api.addRoutes({ path: '/forms/{proxy+}', methods: [HttpMethod.GET, HttpMethod.POST], integration });

    this.assets = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
    });

    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    });
    const assetsBehavior = {
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    };
    if (props.edge) {
      props.edge.addBehavior('/forms/assets/*', S3BucketOrigin.withOriginAccessControl(this.assets), assetsBehavior);
    }
    this.distribution = props.edge ?? new Distribution(this, 'Distribution', {
      comment: 'Contact Counts public pages',
      httpVersion: HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultBehavior: {
        origin: apiOrigin,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      additionalBehaviors: {
        '/forms/assets/*': { origin: S3BucketOrigin.withOriginAccessControl(this.assets), ...assetsBehavior },
      },
    });

    new BucketDeployment(this, 'DeployAssets', {
      sources: [Source.asset(writeWebAssets(mkdtempSync(join(tmpdir(), 'contact-counts-web-'))))],
      destinationBucket: this.assets,
      distribution: this.distribution,
      distributionPaths: ['/forms/assets/*'],
    });

    new CfnOutput(this, 'PublicPagesUrl', { value: `https://${this.distribution.distributionDomainName}/forms/` });
    this.acknowledgeFindings(!props.edge);
  }

  private acknowledgeFindings(ownDistribution: boolean) {
    const ack = (scope: Construct, id: string, reason: string) => Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });
    if (ownDistribution) this.acknowledgeDistribution(ack);
    this.acknowledgeAssets(ack);
  }

  private acknowledgeDistribution(ack: (scope: Construct, id: string, reason: string) => void) {
    ack(this.distribution, 'CFR1', 'A public service: people abroad (for example applying for a police certificate) must reach it.');
    ack(this.distribution, 'CFR2', 'Requests reach the API, which API Gateway throttles and which rate-limits every public submission per source; a CloudFront web ACL (us-east-1) is a deployment decision for the force (README).');
    ack(this.distribution, 'CFR3', 'CloudFront standard logs record every visitor\'s IP address, personal data the project keeps out of logs; API Gateway\'s access log (no source address) and the function\'s logs cover the pages.');
    ack(this.distribution, 'CFR4', 'The distribution uses TLS 1.2 (2021) as its minimum; with the default *.cloudfront.net certificate CloudFront reports TLS 1; the force\'s own domain and ACM certificate are added at deployment (README).');
  }

  private acknowledgeAssets(ack: (scope: Construct, id: string, reason: string) => void) {
    ack(this.assets, 'S1', 'The bucket holds only the public pages\' built CSS and JavaScript, read through CloudFront; access logs would record visitors\' addresses and nothing of use.');
    const stack = Stack.of(this);
    const known = (value: string, placeholder: string) => (Token.isUnresolved(value) ? placeholder : value);
    const deployer = stack.node.findAll().filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const scope of deployer) {
      ack(scope, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK\'s BucketDeployment function only writes its own logs with this managed policy.');
      for (const finding of ['Resource::*', 'Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*', `Resource::<${stack.getLogicalId(this.assets.node.defaultChild as CfnBucket)}.Arn>/*`, `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${known(stack.account, '<AWS::AccountId>')}-${known(stack.region, '<AWS::Region>')}/*`]) {
        ack(scope, `IAM5[${finding}]`, 'CDK\'s BucketDeployment copies the build from the CDK asset bucket into this one bucket: its role\'s wildcards are CDK\'s own (object keys within those buckets, and its log and CloudFront invalidation statements).');
      }
      ack(scope, 'L1', 'CDK\'s BucketDeployment function: its runtime is chosen and updated by aws-cdk-lib.');
    }
  }
}

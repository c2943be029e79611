import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContactCountsStack } from '../../infra/stack.js';

let template: Template;
beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new ContactCountsStack(app, 'Web', {
    env: { account: '111111111111', region: 'eu-west-2' },
    websiteOrigins: ['https://www.west-midlands.police.uk'],
    allowedPageHosts: ['www.west-midlands.police.uk'],
  });
  template = Template.fromStack(stack);
});

describe('the public pages (infra/web.ts)', () => {
  it('serve from one CloudFront origin: assets from a private bucket, pages and /graphql from the API, uncached', () => {
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(distribution.ViewerCertificate ?? {}).not.toMatchObject({ MinimumProtocolVersion: 'TLSv1' });
    expect(distribution.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/forms/assets/*']);
    expect(distribution.CacheBehaviors[0].ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      AllowedMethods: expect.arrayContaining(['GET', 'POST']),
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // CachingDisabled
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });
});

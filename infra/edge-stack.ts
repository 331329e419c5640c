import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ClaimsWebAcl } from './constructs/claims-web-acl';
import { PUBLIC_LOOKUP_FUNCTIONS } from './definitions/routes';

/**
 * The web ACL of the CloudFront distribution in front of the claim site. AWS WAF cannot be associated with an API
 * Gateway HTTP API, only with REST APIs, ALBs, CloudFront and a few others; a CLOUDFRONT-scoped web ACL must be
 * created in us-east-1, so it has this stack of its own there. It holds no claim data. The application stack reads
 * the ACL's ARN through a CDK cross-region reference (docs/security.md, "AWS WAF").
 */
export class SantunanEdgeStack extends Stack {
  readonly webAcl: ClaimsWebAcl;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    if (!this.region.startsWith('us-east-1')) throw new Error(`A CLOUDFRONT web ACL must be created in us-east-1, not ${this.region}`);
    this.webAcl = new ClaimsWebAcl(this, 'WebAcl', { scope: 'CLOUDFRONT', lookupFunctions: PUBLIC_LOOKUP_FUNCTIONS });
  }

  get webAclArn(): string {
    return this.webAcl.acl.attrArn;
  }
}

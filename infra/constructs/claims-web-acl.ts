import { Validations } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { FunctionName } from '../definitions/functions';
import { pathMatches } from '../definitions/routes';

export interface ClaimsWebAclProps {
  /** CLOUDFRONT for a distribution (the ACL must then be created in us-east-1); REGIONAL for a REST API or ALB. */
  scope: 'CLOUDFRONT' | 'REGIONAL';
  /** Functions whose routes get the tighter per-IP limit (PUBLIC_LOOKUP_FUNCTIONS). */
  lookupFunctions: readonly FunctionName[];
  /** Requests per client IP in five minutes, for all requests and for the lookups. */
  limits?: { all: number; lookups: number };
}

const FIVE_MINUTES = 300;

/**
 * The AWS WAF web ACL in front of the claim site: a rate limit per client IP on everything, a tighter one on the
 * anonymous lookups and filing (a family files a claim and checks it a few times; hundreds of requests from one address
 * in five minutes are guessing references and NIKs or flooding intake), and the AWS managed common rule set.
 */
export class ClaimsWebAcl extends Construct {
  readonly acl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ClaimsWebAclProps) {
    super(scope, id);
    const limits = props.limits ?? { all: 300, lookups: 100 };
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const lookups = pathMatches(props.lookupFunctions).map(({ path, match }) => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: match,
        searchString: path,
        // `//claims` and `/x/../claims` reach the same route: compare the normalised path.
        textTransformations: [{ priority: 0, type: 'NORMALIZE_PATH' }],
      },
    }));
    if (lookups.length < 2) throw new Error('The lookup rate limit needs at least two paths (an OR statement).');

    this.acl = new wafv2.CfnWebACL(this, 'Acl', {
      scope: props.scope,
      description: 'Santunan claim site: per-IP rate limits and the AWS managed common rule set',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('santunan-acl'),
      rules: [
        {
          name: 'rate-lookups-and-filing',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: limits.lookups,
              aggregateKeyType: 'IP',
              evaluationWindowSec: FIVE_MINUTES,
              scopeDownStatement: { orStatement: { statements: lookups } },
            },
          },
          visibilityConfig: visibility('santunan-rate-lookups'),
        },
        {
          name: 'rate-all',
          priority: 1,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: limits.all, aggregateKeyType: 'IP', evaluationWindowSec: FIVE_MINUTES } },
          visibilityConfig: visibility('santunan-rate-all'),
        },
        {
          name: 'aws-common-rule-set',
          priority: 2,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // The set blocks bodies over 8 KB; roster and payment CSV imports are larger. Each route enforces its
              // own body limit in the function (shared/platform/http/body.ts), so this rule only counts.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility('santunan-common-rules'),
        },
      ],
    });
    Validations.of(this.acl).acknowledge({
      id: 'NIST.800.53.R5-WAFv2LoggingEnabled',
      reason:
        "No full WAF request log: a CLOUDFRONT ACL logs in us-east-1, and the log would hold paths with NIKs, cookies and client IPs outside Indonesia. Per-rule metrics and WAF's sampled requests show what was blocked.",
    });
  }
}

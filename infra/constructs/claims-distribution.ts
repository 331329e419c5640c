import { Duration, Fn, Validations } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { Construct } from 'constructs';

export interface ClaimsDistributionProps {
  api: apigwv2.HttpApi;
  /** The CLOUDFRONT-scoped web ACL (SantunanEdgeStack, us-east-1). */
  webAclArn: string;
  /** Sent to the API as `X-Origin-Verify`; the functions refuse requests without it (they went around the WAF). */
  originVerify: string;
}

/**
 * CloudFront in front of the HTTP API, so that AWS WAF can inspect every request (WAF cannot be associated with an
 * HTTP API). It passes everything through and keeps nothing: the functions answer `no-store`, every viewer header
 * but Host goes to the API (API Gateway routes by its own host name), and the cache key holds the Authorization
 * header, cookies and query string, so that CloudFront forwards `Authorization` on GET (a policy with every TTL at 0
 * cannot) and a response could never be served to another user.
 */
export class ClaimsDistribution extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: ClaimsDistributionProps) {
    super(scope, id);
    const passThrough = new cloudfront.CachePolicy(this, 'PassThrough', {
      comment: 'Santunan: nothing kept; the key names the caller so nothing could be shared',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
      cookieBehavior: cloudfront.CacheCookieBehavior.all(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
    });
    // https://<id>.execute-api.<region>.amazonaws.com -> <id>.execute-api.<region>.amazonaws.com
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Santunan claim site: AWS WAF in front of the HTTP API',
      webAclId: props.webAclArn,
      // Edge locations in Asia (Jakarta among them), not the most expensive ones elsewhere.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: new origins.HttpOrigin(apiDomain, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          customHeaders: { 'X-Origin-Verify': props.originVerify },
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: passThrough,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        // The functions compress their own responses.
        compress: false,
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: heirs may file or check a claim from abroad (families of migrant workers).',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Every request CloudFront forwards is in the API access log (Jakarta, encrypted, a year); blocked requests are in the web ACL metrics and sampled requests. CloudFront standard logs would need a bucket with ACLs.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate fixes the viewer TLS policy; a minimum of TLS 1.2 needs a custom domain with an ACM certificate (not built yet, docs/security.md).',
      },
    );
  }

  /** The site's public origin, https://<id>.cloudfront.net. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}

import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../definitions/functions';
import { type RouteDefinition, routeKey } from '../definitions/routes';

export interface ClaimsHttpApiProps {
  /** The route table (infra/definitions/routes.ts); the local twin's gateway serves the same one. */
  routes: readonly RouteDefinition[];
  /** The function that serves a route's `function` name. */
  functionFor: (name: FunctionName) => lambda.IFunction;
  /** The key of the stack's log groups (LogsKey). */
  logsKey: kms.IKey;
}

/**
 * The public HTTP API (payload format 2.0) in front of the claim functions: one route per route definition, the
 * `$default` stage with access logs and a throttle.
 */
export class ClaimsHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ClaimsHttpApiProps) {
    super(scope, id);

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Santunan claim form and family-facing claim API',
      // The stage is created below so that it can carry access logging and throttling.
      createDefaultStage: false,
    });

    // Access logs are kept a year, longer than function logs: they are the record of who called what, when.
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // A ceiling for a public, anonymous API so a flood cannot use up the account's Lambda concurrency.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        // $context.path carries no query string on purpose: the status link has the claimant's NIK in its query.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // One integration per function, shared by all of its routes.
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of props.routes) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}Integration`, props.functionFor(route.function));
        integrations.set(route.function, integration);
      }
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration,
      });
      if (!httpRoute) throw new Error(`No route created for ${routeKey(route)}`);
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: route.path.startsWith('/staff/')
          ? 'Staff route: the function verifies the Cognito access token itself (StaffAuth: issuer, JWKS, client, groups), one code path shared with the local twin; a request without a valid token is answered 401 before any data is read.'
          : 'Family-facing route used without an account: families file claims anonymously; a claim status needs the reference and the NIK.',
      });
    }
  }

  /** The API's base URL (the `$default` stage serves the root). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}

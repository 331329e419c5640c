import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { SantunanEdgeStack } from './edge-stack';
import { SantunanStack } from './santunan-stack';

/**
 * The CDK app: the application stack, and beside it in us-east-1 the edge stack with the AWS WAF web ACL of the
 * CloudFront distribution in front of the API (a CLOUDFRONT-scoped ACL exists only there; it holds no claim data).
 * cdk-nag's AWS Solutions and NIST 800-53 rev 5 packs run as policy validation plugins on every synth, so a finding
 * without a reasoned acknowledgement (`Validations.of(construct).acknowledge`) fails `cdk synth` (docs/security.md
 * lists the acknowledged ones).
 */
const app = new App();

function parseStaffEmails(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!parsed || typeof parsed !== 'object')
    throw new Error('Context staffEmails must be a JSON object of comma-separated address lists by role');
  return parsed as Record<string, string>;
}

const formOrigin: unknown = app.node.tryGetContext('formOrigin');
if (formOrigin !== undefined && (typeof formOrigin !== 'string' || !/^https:\/\/\S+$/.test(formOrigin))) {
  throw new Error(`Context formOrigin must be an https origin such as https://claims.example.go.id, got ${String(formOrigin)}`);
}

const account = process.env.CDK_DEFAULT_ACCOUNT;
const edge = new SantunanEdgeStack(app, 'SantunanEdgeStack', {
  stackName: 'Santunan-Edge',
  description: 'Santunan: the AWS WAF web ACL of the claim site (CloudFront scope, so in us-east-1)',
  env: { account, region: 'us-east-1' },
  crossRegionReferences: true,
});

new SantunanStack(app, 'SantunanStack', {
  stackName: 'Santunan',
  description: 'Santunan: JKK/JKM benefit claims (HTTP API, Lambda, DynamoDB, S3)',
  // Claim data stays in Indonesia: Jakarta (ap-southeast-3) unless a region is named explicitly, with the
  // `region` context or AWS_REGION. CDK_DEFAULT_REGION is not used: the CLI fills it with us-east-1 when no AWS
  // configuration exists, which would silently move the stack abroad.
  env: {
    account,
    region: (app.node.tryGetContext('region') as string | undefined) ?? process.env.AWS_REGION ?? 'ap-southeast-3',
  },
  formOrigin,
  // Deploy-time settings: -c mailFrom=santunan@kemensos.go.id -c bankApiUrl=https://... -c smsGatewayUrl=https://...
  // -c staffAuthDomainPrefix=santunan-staff-kemensos -c staffEmails='{"approver":"a@x,b@x","supervisor":"...","finance":"...","admin":"..."}'
  mailFrom: app.node.tryGetContext('mailFrom') as string | undefined,
  bankApiUrl: app.node.tryGetContext('bankApiUrl') as string | undefined,
  smsGatewayUrl: app.node.tryGetContext('smsGatewayUrl') as string | undefined,
  staffAuthDomainPrefix: app.node.tryGetContext('staffAuthDomainPrefix') as string | undefined,
  staffEmails: parseStaffEmails(app.node.tryGetContext('staffEmails')),
  // The web ACL's ARN, read across regions (CDK writes it to SSM in the application's region at deploy).
  webAclArn: edge.webAclArn,
  crossRegionReferences: true,
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));

import { join } from 'node:path';
import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ENV, type FunctionEnvironment, STAFF_EMAIL_VARS } from '../../shared/composition/env';
import { BUNDLING } from '../definitions/bundling';
import type { DocumentsPrefix } from '../definitions/functions';
import type { TableDefinition } from '../definitions/tables';

export type TableAccess = 'read' | 'readwrite';
export type DocumentsAccess = 'read' | 'write' | 'readwrite';

export interface SantunanFunctionProps {
  /** Entry file relative to `projectRoot`, e.g. `functions/intake/claim-form.ts`. */
  entry: string;
  description: string;
  /** Where package-lock.json lives; `cdk` and jest both run from the repository root. */
  projectRoot: string;
  /** 512 MB by default: Lambda gives CPU in proportion to memory, and more CPU shortens cold starts (bundle parsing). */
  memorySize?: number;
  /** Variables every function of the stack shares (e.g. UPLOAD_ORIGIN), by the names of the environment contract. */
  environment?: FunctionEnvironment & Record<string, string>;
  /** Seconds; 10 by default. */
  timeoutSeconds?: number;
  /** The key of the stack's log groups (LogsKey). */
  logsKey: kms.IKey;
}

/** How cdk-nag prints a `Fn::GetAtt [id, Arn]` in an IAM finding, e.g. `<ClaimsTable1234.Arn>`. */
const arnToken = (construct: Construct): string => `<${Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement)}.Arn>`;

/**
 * A Lambda function with the house defaults (Node.js 24 on arm64, ESM bundle with source maps, X-Ray, its own log
 * group with a retention) and bind helpers that set a configuration variable and grant exactly the access it implies.
 */
export class SantunanFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: SantunanFunctionProps) {
    super(scope, id);

    // Three months covers an incident review and an audit question about a recent claim; longer-lived records
    // (the claim timeline) live in DynamoDB, not in logs.
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS, encryptionKey: props.logsKey });

    // An explicit role instead of the default one with AWSLambdaBasicExecutionRole: that managed policy may create
    // log groups and write to any of them, while this function only needs its own log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: join(props.projectRoot, props.entry),
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      // The Node major the bundles target (LAMBDA_NODE_MAJOR in infra/definitions/bundling.ts); the infra test checks it.
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      // API Gateway HTTP APIs give up after 30 s; our handlers do a few DynamoDB/S3 calls, so 10 s is a generous
      // ceiling that still fails fast instead of holding a family's request open.
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: BUNDLING.target,
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourcemap,
        mainFields: BUNDLING.mainFields,
        banner: BUNDLING.banner,
        externalModules: BUNDLING.external,
      },
      environment: {
        ...props.environment,
        // Stack traces point at the TypeScript sources instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'santunan',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // Business metrics (EMF) and the ColdStart metric land in this CloudWatch namespace, by service and function.
        POWERTOOLS_METRICS_NAMESPACE: 'Santunan',
      },
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing (Tracing.ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    });
    // NIST 800-53 rev 5 findings kept, each with its reason (docs/security.md, "cdk-nag findings").
    Validations.of(this.role).acknowledge({
      id: 'NIST.800.53.R5-IAMNoInlinePolicy',
      reason:
        "The role's one policy is written by the bind helpers' grants for this function alone and lives and dies with its role; a managed policy could be attached elsewhere and outlive it.",
    });
    Validations.of(this.function).acknowledge(
      {
        id: 'NIST.800.53.R5-LambdaConcurrency',
        reason:
          'No reserved concurrency: the HTTP stage throttle (50 requests/s, bursts of 100) bounds the public functions, the workflow tasks run at the pace of claims, and reserving for 17 functions would need an account quota above the default and throttle claims at a guess.',
      },
      {
        id: 'NIST.800.53.R5-LambdaDLQ',
        reason:
          'Invoked synchronously (API Gateway, Step Functions), where the caller gets the error and a DLQ never receives anything; the two scheduled functions, invoked asynchronously, send failed events to the schedule queue through an on-failure destination.',
      },
      {
        id: 'NIST.800.53.R5-LambdaInsideVPC',
        reason:
          'The functions reach only AWS regional endpoints (with IAM and TLS) and the bank and SMS gateway over HTTPS; a VPC would add NAT or endpoints and cold-start cost without removing a data path.',
      },
    );
  }

  /** Gives the function a table: sets its name variable and grants read or read-write data access (and the key use). */
  bindTable(definition: TableDefinition, table: dynamodb.TableV2, access: TableAccess): this {
    this.function.addEnvironment(definition.envVar, table.tableName);
    if (access === 'read') table.grantReadData(this.function);
    else table.grantReadWriteData(this.function);
    this.denyChangesToAppendOnlyItems(definition, table);
    this.acknowledge(
      {
        finding: `Resource::${arnToken(table)}/index/*`,
        reason: `Queries on the ${definition.id} table's own global secondary indexes; the wildcard covers only that table's indexes.`,
      },
      {
        finding: 'Action::kms:ReEncrypt*',
        reason: 'Granted by TableV2 with a customer-managed key, limited to the one data key.',
        when: access === 'readwrite',
      },
      {
        finding: 'Action::kms:GenerateDataKey*',
        reason: 'Granted by TableV2 with a customer-managed key, limited to the one data key.',
        when: access === 'readwrite',
      },
    );
    return this;
  }

  /**
   * Append-only items (the audit trail): an explicit Deny, which no Allow of this role can override, of every change
   * to an item whose partition key starts with one of the table's append-only prefixes, and of PartiQL writes (which
   * the key condition does not cover; the product sends none). Creating such an item stays allowed: each Put carries
   * attribute_not_exists(pk) and a fresh key.
   */
  private denyChangesToAppendOnlyItems(definition: TableDefinition, table: dynamodb.TableV2): void {
    const prefixes = definition.appendOnlyPrefixes ?? [];
    if (!prefixes.length) return;
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
        resources: [table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((p) => `${p}*`) } },
      }),
    );
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'],
        resources: [table.tableArn],
      }),
    );
  }

  /**
   * The limit on wrong claimant NIKs per reference, for a function that otherwise only reads the claims table
   * (`claimStatus`): UpdateItem on the lookup counters alone, by the IAM condition that every key it touches starts
   * with `LOOKUP#` (dynamodb:LeadingKeys). The table's key grants as for a write (the same as `readwrite` gives).
   */
  bindLookupCounters(table: dynamodb.TableV2): this {
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LOOKUP#*'] } },
      }),
    );
    table.encryptionKey?.grant(this.function, 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
    this.acknowledge(
      { finding: 'Action::kms:ReEncrypt*', reason: 'The table key, for writes to the lookup counters; limited to the one data key.' },
      { finding: 'Action::kms:GenerateDataKey*', reason: 'The table key, for writes to the lookup counters; limited to the one data key.' },
    );
    return this;
  }

  /**
   * Gives the function the documents bucket, objects under one key prefix only (`uploads/`, `imports/`). `read` is
   * GetObject (an upload's size, type and first bytes by a ranged read; an import's CSV), with s3:ListBucket so a
   * missing object is a 404 rather than a 403; `write` signs presigned POSTs (s3:PutObject). A presigned POST
   * carries the signer's permissions, so the prefix also bounds where a leaked or forged upload policy could write.
   */
  bindDocuments(bucket: s3.IBucket, access: DocumentsAccess, prefix: DocumentsPrefix): this {
    this.function.addEnvironment(ENV.documentsBucket, bucket.bucketName);
    // Virtual-hosted style is what AWS recommends; only the twin's S3 emulator needs path style.
    this.function.addEnvironment(ENV.s3ForcePathStyle, 'false');
    const keys = `${prefix}*`;
    const objects = `Resource::${arnToken(bucket)}/${keys}`;
    const keyReason = 'Granted by the bucket grant for its customer-managed key: uploads are encrypted with the one data key.';
    if (access === 'read' || access === 'readwrite') {
      bucket.grantRead(this.function, keys);
      this.acknowledge(
        {
          finding: 'Action::s3:GetObject*',
          reason: 'Bucket.grantRead: GetObject with its version/ACL/tagging variants, for the ranged read of an upload.',
        },
        { finding: 'Action::s3:GetBucket*', reason: 'Bucket.grantRead: bucket metadata read, on this bucket only.' },
        {
          finding: 'Action::s3:List*',
          reason: 'Bucket.grantRead: ListBucket makes GetObject answer 404 for an upload that never arrived.',
        },
        { finding: objects, reason: `Objects under ${prefix} only: object keys are generated per upload below that prefix.` },
      );
    }
    if (access === 'write' || access === 'readwrite') {
      bucket.grantPut(this.function, keys);
      this.acknowledge(
        { finding: objects, reason: `Objects under ${prefix} only: presigned POSTs are signed for a key generated per upload below it.` },
        { finding: 'Action::s3:Abort*', reason: 'Bucket.grantPut: AbortMultipartUpload, so an interrupted upload can be cancelled.' },
        { finding: 'Action::kms:ReEncrypt*', reason: keyReason },
        { finding: 'Action::kms:GenerateDataKey*', reason: keyReason },
      );
    }
    return this;
  }

  /** Notifications: SES v2 SendEmail from the one sender identity, and the staff mailing lists. */
  bindNotifications(mailFrom: string, staffEmails: Partial<Record<'approver' | 'supervisor' | 'finance' | 'admin', string>>): this {
    this.function.addEnvironment(ENV.mailFrom, mailFrom);
    for (const [role, list] of Object.entries(staffEmails))
      if (list) this.function.addEnvironment(STAFF_EMAIL_VARS[role as keyof typeof STAFF_EMAIL_VARS], list);
    const domain = mailFrom.split('@')[1] ?? mailFrom;
    const stack = Stack.of(this);
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain })],
        conditions: { StringEquals: { 'ses:FromAddress': mailFrom } },
      }),
    );
    return this;
  }

  /** The disbursement service. Its API key is a Secrets Manager secret this function alone may read (BANK_API_KEY_SECRET). */
  bindBank(url: string, apiKey: secretsmanager.ISecret): this {
    this.function.addEnvironment(ENV.bankApiUrl, url);
    this.function.addEnvironment(ENV.bankApiKeySecret, apiKey.secretArn);
    apiKey.grantRead(this.function);
    return this;
  }

  /** The keys of the family's status links: a Secrets Manager secret only the functions that sign or check links may read. */
  bindStatusLinks(key: secretsmanager.ISecret): this {
    this.function.addEnvironment(ENV.statusLinkKeySecret, key.secretArn);
    key.grantRead(this.function);
    return this;
  }

  /** Staff token verification: the user pool's issuer, its JWKS and the app client. */
  bindStaffAuth(issuer: string, clientId: string, signInUrl: string): this {
    this.function.addEnvironment(ENV.authIssuer, issuer);
    this.function.addEnvironment(ENV.staffAuthUrl, signInUrl);
    this.function.addEnvironment(ENV.authJwksUrl, `${issuer}/.well-known/jwks.json`);
    this.function.addEnvironment(ENV.authClientId, clientId);
    return this;
  }

  /** May start claim executions (intake). */
  bindWorkflowStart(stateMachine: sfn.IStateMachine): this {
    this.function.addEnvironment(ENV.stateMachineArn, stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(this.function);
    return this;
  }

  /**
   * May answer task tokens (SendTaskSuccess/Failure/Heartbeat) of the claim workflow: only functions that hold
   * tokens. The same statement `grantTaskResponse` writes, but on the state machine's ARN built from its fixed name:
   * task functions that answer their own token would otherwise make the state machine and its tasks depend on
   * each other (a CloudFormation cycle).
   */
  bindWorkflowResponse(stateMachineArn: string): this {
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        resources: [stateMachineArn],
      }),
    );
    return this;
  }

  /** Records the cdk-nag IAM5 findings a grant is known to produce, each with its reason, on this function's role. */
  /**
   * Manages staff accounts (the admin's routes): STAFF_USER_POOL_ID, the Cognito admin calls on that one pool (the
   * directory grants them), and the staff audit items: PutItem and Query on the claims table, only on keys starting
   * with `AUDIT#STAFF#` (dynamodb:LeadingKeys), so this function can neither read claims nor change an audit item
   * (the table's append-only Deny applies as to every writer).
   */
  bindStaffDirectory(
    directory: { userPool: { userPoolId: string }; grantAdministration(grantee: iam.IGrantable): void },
    table: dynamodb.TableV2,
    definition: TableDefinition,
  ): this {
    this.function.addEnvironment(ENV.staffUserPoolId, directory.userPool.userPoolId);
    this.function.addEnvironment(definition.envVar, table.tableName);
    directory.grantAdministration(this.function);
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:Query'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#STAFF#*'] } },
      }),
    );
    this.denyChangesToAppendOnlyItems(definition, table);
    table.encryptionKey?.grant(this.function, 'kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
    this.acknowledge(
      { finding: 'Action::kms:ReEncrypt*', reason: 'The table key, for the staff audit items; limited to the one data key.' },
      { finding: 'Action::kms:GenerateDataKey*', reason: 'The table key, for the staff audit items; limited to the one data key.' },
    );
    return this;
  }

  private acknowledge(...items: { finding: string; reason: string; when?: boolean }[]): void {
    for (const item of items) {
      if (item.when === false) continue;
      Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${item.finding}]`, reason: item.reason });
    }
  }
}

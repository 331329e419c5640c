import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { BUNDLING, LAMBDA_NODE_MAJOR } from '../../infra/definitions/bundling';
import { FUNCTIONS, type FunctionDefinition, type FunctionName } from '../../infra/definitions/functions';
import { ROUTES, routeKey } from '../../infra/definitions/routes';
import { CLAIMS_TABLE, TABLES } from '../../infra/definitions/tables';
import { SantunanEdgeStack } from '../../infra/edge-stack';
import { SantunanStack } from '../../infra/santunan-stack';

/**
 * The stack's intent, checked on the synthesized template: what each resource must guarantee (encryption, recovery,
 * least privilege, logging), not a snapshot. The stack is built once: bundling the functions takes a few seconds.
 */
const REGION = 'ap-southeast-3';
const app = new App();
// As infra/app.ts builds them: the web ACL in us-east-1 (CloudFront's region), the application in Jakarta.
const edge = new SantunanEdgeStack(app, 'SantunanEdgeStack', { env: { region: 'us-east-1' }, crossRegionReferences: true });
const stack = new SantunanStack(app, 'SantunanStack', { env: { region: REGION }, crossRegionReferences: true, webAclArn: edge.webAclArn });
const template = Template.fromStack(stack);
const edgeTemplate = Template.fromStack(edge);

const DEFINITIONS: [string, FunctionDefinition][] = Object.entries(FUNCTIONS);
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

/** The customer-managed key named by an alias (`alias/santunan-data`, `alias/santunan-logs`), as a `Fn::GetAtt` of its ARN. */
const keyArn = (alias: string): { 'Fn::GetAtt': [string, 'Arn'] } => {
  const aliases = Object.values(template.findResources('AWS::KMS::Alias', { Properties: { AliasName: alias } })) as Resource[];
  expect(aliases).toHaveLength(1);
  return { 'Fn::GetAtt': [aliases[0]!.Properties.TargetKeyId['Fn::GetAtt'][0] as string, 'Arn'] };
};
const dataKeyArn = () => keyArn('alias/santunan-data');

/** The logical id of the Lambda function built for a definition (matched by its description). */
const functionId = (definition: FunctionDefinition): string => {
  const found = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Description: definition.description } }));
  expect(found).toHaveLength(1);
  return found[0] as string;
};

/** Every IAM statement that allows something to the role of a function (its Deny statements are tested on their own). */
const statementsOf = (definition: FunctionDefinition): { Effect: string; Action: string | string[]; Resource: unknown }[] => {
  const fn = template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .filter((s: { Effect: string }) => s.Effect === 'Allow');
};
const actions = (s: { Action: string | string[] }): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const mentions = (value: unknown, logicalId: string): boolean => JSON.stringify(value).includes(`"${logicalId}"`);

describe('encryption keys', () => {
  test('customer-managed keys with rotation, kept when the stack is deleted: one for data, one for logs', () => {
    const keys = Object.values(template.findResources('AWS::KMS::Key')) as Resource[];
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) expect(key).toMatchObject({ Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' });
    expect(dataKeyArn()).not.toEqual(keyArn('alias/santunan-logs'));
  });

  test('every log group (functions, the two state machines, API access logs) is encrypted with the logs key', () => {
    const groups = Object.entries(template.findResources('AWS::Logs::LogGroup')) as [string, Resource][];
    expect(groups.length).toBe(DEFINITIONS.length + 3);
    for (const [id, group] of groups) expect([id, group.Properties.KmsKeyId]).toEqual([id, keyArn('alias/santunan-logs')]);
  });

  test("the logs key lets CloudWatch Logs of this region use it, for this account's log groups only", () => {
    const keyId = keyArn('alias/santunan-logs')['Fn::GetAtt'][0];
    const key = template.findResources('AWS::KMS::Key')[keyId] as Resource;
    const statements = key.Properties.KeyPolicy.Statement as { Principal?: { Service?: unknown }; Action: string[]; Condition?: unknown }[];
    const logs = statements.filter((st) => JSON.stringify(st.Principal?.Service ?? '').includes('logs.'));
    expect(logs).toHaveLength(1);
    expect(logs[0]!.Principal!.Service).toBe(`logs.${REGION}.amazonaws.com`);
    expect(logs[0]!.Action).toEqual(
      expect.arrayContaining(['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*']),
    );
    expect(JSON.stringify(logs[0]!.Condition)).toContain('kms:EncryptionContext:aws:logs:arn');
    expect(JSON.stringify(logs[0]!.Condition)).toContain(`:logs:${REGION}:`);
  });
});

describe('tables', () => {
  test('one table per definition, including those no function uses yet (Members)', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', TABLES.length);
  });

  test.each(TABLES.map((t) => [t.id, t] as const))('%s: on demand, PITR, customer key, pk/sk, GSIs with ALL, retained', (_id, table) => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: table.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: table.sortKey.name, KeyType: 'RANGE' },
        ],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        TimeToLiveSpecification: table.timeToLiveAttribute ? { AttributeName: table.timeToLiveAttribute, Enabled: true } : Match.absent(),
        Replicas: [
          Match.objectLike({
            Region: REGION,
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: { KMSMasterKeyId: dataKeyArn() },
          }),
        ],
      },
    });
  });
});

/** The documents bucket is the one encrypted with KMS (its access-log bucket cannot be). */
const buckets = template.findResources('AWS::S3::Bucket', {
  Properties: {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } })],
    },
  },
});
const documentsId = Object.keys(buckets)[0] as string;

describe('documents bucket', () => {
  test('private, KMS-encrypted with the customer key, versioned, access-logged, retained', () => {
    expect(Object.keys(buckets)).toHaveLength(1);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: dataKeyArn() }, BucketKeyEnabled: true },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: Match.anyValue() }, LogFilePrefix: 'documents/' },
      },
    });
  });

  test('the access logs go to a separate private bucket, delivered by bucket policy (no ACLs)', () => {
    const documents = (buckets[documentsId] as Resource).Properties;
    const logsId = documents.LoggingConfiguration.DestinationBucketName.Ref as string;
    expect(logsId).not.toBe(documentsId);
    const logs = template.findResources('AWS::S3::Bucket')[logsId] as Resource;
    expect(logs.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' } })]),
      },
    });
  });

  test('TLS only: the bucket policy denies every request without aws:SecureTransport', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: documentsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  test("CORS lets only the site's own origin POST and PUT uploads, never a wildcard", () => {
    const cors = (buckets[documentsId] as Resource).Properties.CorsConfiguration.CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0].AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT']));
    expect(cors[0].AllowedOrigins).toHaveLength(1);
    expect(JSON.stringify(cors[0].AllowedOrigins)).not.toContain('*');
  });

  test('lifecycle aborts incomplete multipart uploads and expires no documents', () => {
    const rules = (buckets[documentsId] as Resource).Properties.LifecycleConfiguration.Rules as Record<string, unknown>[];
    expect(rules).toEqual([expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' })]);
    for (const rule of rules) {
      expect(rule.ExpirationInDays).toBeUndefined();
      expect(rule.NoncurrentVersionExpiration).toBeUndefined();
    }
  });
});

describe('functions', () => {
  test("one Lambda function per definition and nothing else but CDK's reader of the edge stack's web ACL ARN", () => {
    const ids = Object.keys(template.findResources('AWS::Lambda::Function'));
    const others = ids.filter((id) => !DEFINITIONS.some(([, d]) => functionId(d) === id));
    expect(ids.length - others.length).toBe(DEFINITIONS.length);
    expect(others).toEqual([expect.stringMatching(/^CustomCrossRegionExportReader/)]);
  });

  test('bundles target the Node major of the Lambda runtime', () => {
    expect(LAMBDA_NODE_MAJOR).toBe(24);
    expect(BUNDLING.target).toBe(`node${LAMBDA_NODE_MAJOR}`);
  });

  test.each(DEFINITIONS)('%s: Node.js 24 on arm64, X-Ray, own log group, house environment, its variables only', (_name, definition) => {
    const id = functionId(definition);
    const fn = template.findResources('AWS::Lambda::Function')[id] as Resource;
    expect(fn.Properties).toMatchObject({
      Runtime: `nodejs${LAMBDA_NODE_MAJOR}.x`,
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      MemorySize: definition.memorySize ?? 512,
      Timeout: definition.timeoutSeconds ?? 10,
      Handler: 'index.handler',
    });

    const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
    expect((template.findResources('AWS::Logs::LogGroup')[logGroupId] as Resource).Properties.RetentionInDays).toBe(90);

    const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
    expect(variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'santunan',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'Santunan',
      UPLOAD_ORIGIN: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [documentsId, 'RegionalDomainName'] }]] },
    });
    for (const table of TABLES) {
      // The staff admin function names the claims table for its STAFF# audit items only (bindStaffDirectory).
      const bound = definition.tables.some((t) => t.table.id === table.id) || (!!definition.staffDirectory && table.id === 'Claims');
      expect(Object.keys(variables).includes(table.envVar)).toBe(bound);
    }
    expect('DOCUMENTS_BUCKET_NAME' in variables).toBe(definition.documents !== undefined);
    if (definition.documents) expect(variables.S3_FORCE_PATH_STYLE).toBe('false');
    // The twin's switches stay out of AWS: metrics printed as EMF, tracing on, X-Ray SDK in automatic (context) mode.
    for (const localOnly of ['POWERTOOLS_METRICS_DISABLED', 'POWERTOOLS_TRACE_ENABLED', 'POWERTOOLS_DEV', 'AWS_XRAY_MANUAL_MODE']) {
      expect([localOnly, variables[localOnly]]).toEqual([localOnly, undefined]);
    }
  });

  test.each(DEFINITIONS)('%s: may send traces to X-Ray', (_name, definition) => {
    const xray = statementsOf(definition).filter((s) => s.Effect === 'Allow' && actions(s).some((a) => a.startsWith('xray:')));
    expect(xray.flatMap(actions)).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
  });

  test.each(DEFINITIONS)('%s: its bundle carries Powertools metrics and tracer (attached by the handler wrappers)', (_name, definition) => {
    // NodejsFunction stages each bundle as asset.<hash>/index.mjs in the assembly; the S3 key is <hash>.zip.
    const fn = template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource;
    const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, '');
    const bundle = readFileSync(join(app.outdir, `asset.${hash}`, 'index.mjs'), 'utf8');
    expect(bundle).toContain('POWERTOOLS_METRICS_NAMESPACE');
    expect(bundle).toContain('XRaySDKInstrumentation');
  });

  test('roles carry no AWS managed policy: each function may write only to its own log group', () => {
    for (const [, definition] of DEFINITIONS) {
      const fn = template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource;
      const role = template.findResources('AWS::IAM::Role')[fn.Properties.Role['Fn::GetAtt'][0]] as Resource;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logs = statementsOf(definition).filter((s) => actions(s).some((a) => a.startsWith('logs:')));
      expect(logs).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] } })]);
    }
  });
});

describe('least privilege', () => {
  test('the bank key is a Secrets Manager secret, encrypted with the data key, readable by the paying function only', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    // Two secrets: the bank's key and the status link key (below).
    expect(Object.keys(secrets)).toHaveLength(2);
    const [secretId, secret] = Object.entries(secrets).find(([id]) => id.startsWith('BankApiKey'))! as [string, Resource];
    expect(secret.Properties.KmsKeyId).toBeDefined();
    for (const [name, definition] of Object.entries(FUNCTIONS) as [FunctionName, FunctionDefinition][]) {
      const fn = template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource;
      const vars = fn.Properties.Environment?.Variables ?? {};
      // No function holds the key itself in its environment any more.
      expect([name, vars.BANK_API_KEY]).toEqual([name, undefined]);
      const reads = statementsOf(definition).some(
        (st) => actions(st).includes('secretsmanager:GetSecretValue') && mentions(st.Resource, secretId),
      );
      expect([name, reads, vars.BANK_API_KEY_SECRET !== undefined]).toEqual([name, name === 'payClaim', name === 'payClaim']);
    }
  });

  test('the status link key is a generated secret, encrypted with the data key, readable by the functions that sign or check links only', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    const [secretId, secret] = Object.entries(secrets).find(([id]) => id.startsWith('StatusLinkKey'))! as [string, Resource];
    expect(secret.Properties.KmsKeyId).toBeDefined();
    // Generated at deploy: no one types or sees the key; 64 characters, letters and digits.
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    const signers = (Object.entries(FUNCTIONS) as [FunctionName, FunctionDefinition][]).filter(([, d]) => d.statusLinks).map(([n]) => n);
    // Every function that sends a family message (it links to the status page) and the status page itself.
    expect(signers.sort()).toEqual(
      [
        'awaitDecision',
        'awaitPayoutRetry',
        'claimStatus',
        // The family's appeal and correction: the family is told, with a link.
        'familyRequests',
        'handleWorkflowFailure',
        'payClaim',
        'remindScholarships',
        'staffApi',
        'verifyClaim',
      ].sort(),
    );
    for (const [name, definition] of Object.entries(FUNCTIONS) as [FunctionName, FunctionDefinition][]) {
      const fn = template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource;
      const vars = fn.Properties.Environment?.Variables ?? {};
      const reads = statementsOf(definition).some(
        (st) => actions(st).includes('secretsmanager:GetSecretValue') && mentions(st.Resource, secretId),
      );
      const wanted = signers.includes(name);
      expect([name, reads, vars.STATUS_LINK_KEY_SECRET !== undefined]).toEqual([name, wanted, wanted]);
    }
  });

  test('every function that builds claim messages can sign status links (its source imports claimMessages)', () => {
    for (const [name, definition] of Object.entries(FUNCTIONS) as [FunctionName, FunctionDefinition][]) {
      const builds = readFileSync(definition.entry, 'utf8').includes('claimMessages');
      if (builds) expect([name, definition.statusLinks]).toEqual([name, true]);
    }
  });

  const claimsTableId = Object.keys(template.findResources('AWS::DynamoDB::GlobalTable')).find((id) =>
    id.includes(CLAIMS_TABLE.id),
  ) as string;
  const dynamoActionsOnClaims = (definition: FunctionDefinition): string[] =>
    statementsOf(definition)
      .filter((s) => s.Effect === 'Allow' && mentions(s.Resource, claimsTableId))
      .flatMap(actions)
      .filter((a) => a.startsWith('dynamodb:'));

  test('only the staff admin function manages staff accounts: the Cognito admin calls on the one user pool, and only the AUDIT#STAFF# audit items', () => {
    const poolId = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0]!;
    const cognitoOf = (d: FunctionDefinition) => statementsOf(d).filter((s) => actions(s).some((a) => a.startsWith('cognito-idp:')));
    for (const [name, definition] of DEFINITIONS) if (name !== 'staffAdmin') expect([name, cognitoOf(definition)]).toEqual([name, []]);
    const cognito = cognitoOf(FUNCTIONS.staffAdmin);
    expect(cognito).toHaveLength(1);
    expect([...actions(cognito[0]!)].sort()).toEqual(
      [
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:CreateGroup',
        'cognito-idp:ListUsers',
      ].sort(),
    );
    expect(cognito[0]!.Resource).toEqual({ 'Fn::GetAtt': [poolId, 'Arn'] });
    // The audit of account changes: put and read, by the AUDIT#STAFF# partitions only; no claim, no update, no delete.
    const onClaims = statementsOf(FUNCTIONS.staffAdmin).filter((s) => s.Effect === 'Allow' && mentions(s.Resource, claimsTableId));
    expect(onClaims).toEqual([
      expect.objectContaining({
        Action: ['dynamodb:PutItem', 'dynamodb:Query'],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#STAFF#*'] } },
      }),
    ]);
    const fn = template.findResources('AWS::Lambda::Function')[functionId(FUNCTIONS.staffAdmin)] as Resource;
    expect(fn.Properties.Environment.Variables.STAFF_USER_POOL_ID).toEqual({ Ref: poolId });
  });

  test('claim status reads the claims table and writes only the lookup counters (LOOKUP# keys)', () => {
    const granted = dynamoActionsOnClaims(FUNCTIONS.claimStatus);
    expect(granted).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']));
    for (const write of ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
      expect(granted).not.toContain(write);
    }
    const updates = statementsOf(FUNCTIONS.claimStatus).filter(
      (s) => s.Effect === 'Allow' && mentions(s.Resource, claimsTableId) && actions(s).includes('dynamodb:UpdateItem'),
    );
    expect(updates).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:UpdateItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['LOOKUP#*'] } },
      }),
    ]);
  });

  test('audit events are append-only: every role that may write the claims table is denied updating or deleting AUDIT# items', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
    type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
    const byRole = new Map<string, Statement[]>();
    for (const policy of policies)
      for (const role of policy.Properties.Roles as unknown[]) {
        const key = JSON.stringify(role);
        byRole.set(key, [...(byRole.get(key) ?? []), ...(policy.Properties.PolicyDocument.Statement as Statement[])]);
      }
    const writes = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'];
    const writers = [...byRole].filter(([, statements]) =>
      statements.some((s) => s.Effect === 'Allow' && mentions(s.Resource, claimsTableId) && actions(s).some((a) => writes.includes(a))),
    );
    // Every function that writes claims (intake, the workflow tasks, the staff routes...) is among them.
    // (A function that only reads the table, as the reports, has nothing to deny: it is not counted.)
    expect(writers.length).toBeGreaterThanOrEqual(
      DEFINITIONS.filter(
        ([, d]) => d.tables.some((t) => t.table === CLAIMS_TABLE && t.access === 'readwrite') || (d as FunctionDefinition).lookupCounters,
      ).length,
    );
    for (const [role, statements] of writers) {
      const denies = statements.filter((s) => s.Effect === 'Deny' && mentions(s.Resource, claimsTableId));
      expect([role, denies]).toEqual([
        role,
        expect.arrayContaining([
          expect.objectContaining({
            Action: expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']),
            Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
          }),
          // PartiQL statements are not covered by the key condition, and the product sends none: refused outright.
          expect.objectContaining({ Action: expect.arrayContaining(['dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete']) }),
        ]),
      ]);
    }
  });

  test('staff search and the member page read claims (byNik, byStatus, BatchGet) and write nothing', () => {
    for (const d of [FUNCTIONS.staffSearch, FUNCTIONS.staffPremiumViews]) {
      const granted = dynamoActionsOnClaims(d);
      expect(granted).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
      const writes = statementsOf(d)
        .flatMap(actions)
        .filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a) || /^(s3|ses|states):/.test(a));
      expect(writes).toEqual([]);
    }
  });

  test('submit claim writes claims and may only read documents; create upload may only put them', () => {
    expect(dynamoActionsOnClaims(FUNCTIONS.submitClaim)).toContain('dynamodb:PutItem');
    const s3Of = (d: FunctionDefinition) =>
      statementsOf(d)
        .flatMap(actions)
        .filter((a) => a.startsWith('s3:'));
    expect(s3Of(FUNCTIONS.submitClaim)).toEqual(expect.arrayContaining(['s3:GetObject*']));
    expect(s3Of(FUNCTIONS.submitClaim)).not.toContain('s3:PutObject');
    expect(s3Of(FUNCTIONS.createUpload)).toContain('s3:PutObject');
    expect(s3Of(FUNCTIONS.createUpload).some((a) => a.startsWith('s3:Get') || a.startsWith('s3:List'))).toBe(false);
  });

  test('the reports only read: claims and members, no write, no storage, no email, no workflow', () => {
    // Allowed actions only: the explicit Deny statements (append-only audit items) name write actions too.
    const granted = statementsOf(FUNCTIONS.staffReports)
      .filter((s) => s.Effect === 'Allow')
      .flatMap(actions);
    expect(granted).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:BatchGetItem']));
    expect(
      granted.filter(
        (a) =>
          /^(s3|ses|states|lambda):/.test(a) ||
          ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'].includes(a),
      ),
    ).toEqual([]);
  });

  test('the premium routes are split by what they touch: the views only read, only imports reach storage, on-demand runs are invoked', () => {
    const granted = (d: FunctionDefinition) => statementsOf(d).flatMap(actions);
    const views = granted(FUNCTIONS.staffPremiumViews);
    expect(views).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(
      views.filter((a) => /^(s3|ses):/.test(a) || ['dynamodb:PutItem', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'].includes(a)),
    ).toEqual([]);
    // The roster function signs uploads of import files; the files in storage are read by the premium jobs function.
    expect(granted(FUNCTIONS.staffRoster)).toEqual(
      expect.arrayContaining(['s3:PutObject', 'dynamodb:BatchWriteItem', 'lambda:InvokeFunction']),
    );
    expect(granted(FUNCTIONS.staffRoster).some((a) => a.startsWith('ses:') || a.startsWith('s3:GetObject'))).toBe(false);
    expect(granted(FUNCTIONS.staffPayments)).toEqual(expect.arrayContaining(['dynamodb:BatchWriteItem', 'lambda:InvokeFunction']));
    expect(granted(FUNCTIONS.staffPayments).some((a) => a.startsWith('s3:'))).toBe(false);
    expect(granted(FUNCTIONS.reconcilePremiums)).toEqual(expect.arrayContaining(['s3:GetObject*', 'dynamodb:BatchWriteItem']));
    // The on-demand run is the reconciliation function's (which emails finance): the API only invokes it, by name.
    expect(granted(FUNCTIONS.staffPayments).some((a) => a.startsWith('ses:'))).toBe(false);
    const payments = template.findResources('AWS::Lambda::Function')[functionId(FUNCTIONS.staffPayments)] as Resource;
    expect(payments.Properties.Environment.Variables.RECONCILE_FUNCTION_NAME).toEqual({
      Ref: stack.getLogicalId(stack.functions.reconcilePremiums.function.node.defaultChild as never),
    });
  });

  /** The S3 statements of a function's role, as `action on resource` with the bucket shown as `<bucket>`. */
  const s3Grants = (definition: FunctionDefinition): string[] =>
    statementsOf(definition)
      .filter((s) => actions(s).some((a) => a.startsWith('s3:')))
      .flatMap((s) =>
        actions(s).flatMap((a) =>
          [s.Resource]
            .flat()
            .map((r) => `${a} on ${JSON.stringify(r).replace(JSON.stringify({ 'Fn::GetAtt': [documentsId, 'Arn'] }), '<bucket>')}`),
        ),
      );
  const writesOf = (definition: FunctionDefinition) => s3Grants(definition).filter((g) => /^s3:(PutObject|Abort)/.test(g));

  test('writes to the documents bucket are granted on the prefix the function writes, not the whole bucket', () => {
    // createUpload signs family uploads under uploads/; staffRoster signs CSV imports under imports/.
    expect(writesOf(FUNCTIONS.createUpload).length).toBeGreaterThan(0);
    for (const grant of writesOf(FUNCTIONS.createUpload)) expect(grant).toContain('<bucket>,"/uploads/*"');
    expect(writesOf(FUNCTIONS.staffRoster).length).toBeGreaterThan(0);
    for (const grant of writesOf(FUNCTIONS.staffRoster)) expect(grant).toContain('<bucket>,"/imports/*"');
    for (const [name, definition] of DEFINITIONS)
      expect([name, writesOf(definition).filter((g) => g.includes('"/*"'))]).toEqual([name, []]);
  });

  test('object reads are granted on the prefix the function reads', () => {
    // grantRead puts the bucket itself in the same statement, for ListBucket; object actions do not apply to it.
    const objectReads = (d: FunctionDefinition) => s3Grants(d).filter((g) => g.startsWith('s3:GetObject') && !g.endsWith(' on <bucket>'));
    // staffApi signs the short-lived GETs that open a claim's documents: it may read uploads/ and nothing else.
    for (const name of ['submitClaim', 'addDocuments', 'staffApi'] as const) {
      expect(objectReads(FUNCTIONS[name]).length).toBeGreaterThan(0);
      for (const grant of objectReads(FUNCTIONS[name])) expect([name, grant]).toEqual([name, expect.stringContaining('/uploads/*')]);
    }
    for (const name of ['reconcilePremiums'] as const) {
      expect(objectReads(FUNCTIONS[name]).length).toBeGreaterThan(0);
      for (const grant of objectReads(FUNCTIONS[name])) expect([name, grant]).toEqual([name, expect.stringContaining('/imports/*')]);
    }
  });

  test('the claim form touches no data at all', () => {
    const granted = statementsOf(FUNCTIONS.claimForm).flatMap(actions);
    expect(granted.filter((a) => /^(dynamodb|s3|kms):/.test(a))).toEqual([]);
  });
});

describe('HTTP API', () => {
  test('one HTTP API with one route per route definition', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', ROUTES.length);
    const keys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => (r as Resource).Properties.RouteKey);
    expect(keys.sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  test.each(ROUTES.map((r) => [routeKey(r), r] as const))('%s is served by its function', (key, route) => {
    const [routeResource] = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } }),
    ) as Resource[];
    const integrationId = routeResource?.Properties.Target['Fn::Join'][1][1].Ref as string;
    const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId] as Resource;
    expect(integration.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [functionId(FUNCTIONS[route.function]), 'Arn'] },
    });
  });

  test('the $default stage deploys automatically, is throttled, and writes access logs to a retained log group', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage')) as Resource[];
    expect(stage?.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
    });
    const settings = stage?.Properties.AccessLogSettings;
    expect(settings.Format).toContain('$context.requestId');
    // The status link carries the claimant's NIK in its query string: access logs must not record it.
    expect(settings.Format).not.toMatch(/querystring|\$context\.requestUri/i);
    const logGroupId = settings.DestinationArn['Fn::GetAtt'][0] as string;
    const logGroup = template.findResources('AWS::Logs::LogGroup')[logGroupId] as Resource;
    expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  test('outputs the API URL, the table names and the bucket name', () => {
    template.hasOutput('ApiUrl', {});
    for (const table of TABLES) template.hasOutput(`${table.id}TableName`, {});
    template.hasOutput('DocumentsBucketName', {});
  });
});

describe('edge: CloudFront with AWS WAF in front of the HTTP API', () => {
  type Rule = { Name: string; Priority: number; Action?: unknown; OverrideAction?: unknown; Statement: Record<string, any> };
  const acl = () => {
    const found = Object.values(edgeTemplate.findResources('AWS::WAFv2::WebACL')) as Resource[];
    expect(found).toHaveLength(1);
    return found[0]!.Properties;
  };
  const rule = (predicate: (r: Rule) => boolean): Rule => {
    const found = (acl().Rules as Rule[]).filter(predicate);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const distribution = () => {
    const found = Object.values(template.findResources('AWS::CloudFront::Distribution')) as Resource[];
    expect(found).toHaveLength(1);
    return found[0]!.Properties.DistributionConfig;
  };
  const apiId = () => Object.keys(template.findResources('AWS::ApiGatewayV2::Api'))[0] as string;
  const siteOrigin = () => ({
    'Fn::Join': [
      '',
      ['https://', { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::CloudFront::Distribution'))[0], 'DomainName'] }],
    ],
  });

  test('the web ACL is CLOUDFRONT-scoped, so it lives in us-east-1, and allows what no rule blocks', () => {
    expect(edge.region).toBe('us-east-1');
    expect(acl()).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(acl().VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
  });

  test('a rate limit per client IP on every request: 300 per 5 minutes', () => {
    const r = rule((x) => x.Statement.RateBasedStatement && !x.Statement.RateBasedStatement.ScopeDownStatement);
    expect(r.Statement.RateBasedStatement).toMatchObject({ Limit: 300, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    expect(r.Action).toEqual({ Block: {} });
  });

  test('a tighter limit, 100 per 5 minutes per IP, on the public lookups and filing: /status, /claims and below', () => {
    const r = rule((x) => x.Statement.RateBasedStatement?.ScopeDownStatement);
    expect(r.Statement.RateBasedStatement).toMatchObject({ Limit: 100, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    expect(r.Action).toEqual({ Block: {} });
    const matches = JSON.stringify(r.Statement.RateBasedStatement.ScopeDownStatement);
    expect(r.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements).toEqual([
      expect.objectContaining({
        ByteMatchStatement: expect.objectContaining({ SearchString: '/claims', PositionalConstraint: 'EXACTLY' }),
      }),
      expect.objectContaining({
        ByteMatchStatement: expect.objectContaining({ SearchString: '/claims/', PositionalConstraint: 'STARTS_WITH' }),
      }),
      expect.objectContaining({
        ByteMatchStatement: expect.objectContaining({ SearchString: '/status', PositionalConstraint: 'EXACTLY' }),
      }),
    ]);
    expect(matches).toContain('"UriPath":{}');
    expect(matches).toContain('NORMALIZE_PATH');
    expect(matches).not.toContain('/staff');
  });

  test('the AWS managed common rule set, with its 8 KB body limit left to the functions (CSV imports are larger)', () => {
    const r = rule((x) => x.Statement.ManagedRuleGroupStatement);
    expect(r.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' });
    expect(r.OverrideAction).toEqual({ None: {} });
    expect(r.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
  });

  test('a CloudFront distribution in front of the API, with the web ACL, HTTPS only, nothing cached', () => {
    const d = distribution();
    expect(d.WebACLId).toBeDefined();
    expect(JSON.stringify(d.WebACLId)).toMatch(/ExportsReader|Fn::GetAtt/);
    expect(d.Origins).toHaveLength(1);
    expect(JSON.stringify(d.Origins[0].DomainName)).toContain(apiId());
    expect(d.Origins[0].CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    const behavior = d.DefaultCacheBehavior;
    expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(behavior.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST', 'OPTIONS']));
    const cachePolicy = Object.values(template.findResources('AWS::CloudFront::CachePolicy')) as Resource[];
    expect(cachePolicy).toHaveLength(1);
    const config = cachePolicy[0]!.Properties.CachePolicyConfig;
    // Nothing is kept (the functions answer no-store); the Authorization header is in the key so CloudFront
    // forwards it on GET, which a policy with every TTL at 0 cannot do.
    expect(config).toMatchObject({ DefaultTTL: 0, MinTTL: 0 });
    expect(config.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toMatchObject({
      HeaderBehavior: 'whitelist',
      Headers: ['Authorization'],
    });
  });

  test("the origin gets every viewer header but Host, and CloudFront's own (CloudFront-Viewer-Address: the lookup limit counts the viewer)", () => {
    // The managed AllViewerExceptHostHeader policy: API Gateway routes by its own host name, and the handler takes
    // the client's address from CloudFront-Viewer-Address when the origin header proves the request came this way.
    expect(distribution().DefaultCacheBehavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
  });

  test('CloudFront sends an origin header the HTTP functions require, so the execute-api host cannot go around the WAF', () => {
    const d = distribution();
    const header = (d.Origins[0].OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[]).find(
      (h) => h.HeaderName === 'X-Origin-Verify',
    );
    expect(header?.HeaderValue).toBeDefined();
    const served = new Set(ROUTES.map((r) => r.function));
    for (const [name, definition] of DEFINITIONS) {
      const fn = template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource;
      const value = fn.Properties.Environment.Variables.ORIGIN_VERIFY;
      expect([name, value]).toEqual([name, served.has(name as FunctionName) ? header!.HeaderValue : undefined]);
    }
  });

  test("the site's public origin is the distribution: the bucket CORS rule, the functions' links and the ApiUrl output", () => {
    const documents = Object.values(buckets)[0] as Resource;
    expect(documents.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual([siteOrigin()]);
    for (const [name, definition] of DEFINITIONS) {
      const fn = template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource;
      expect([name, fn.Properties.Environment.Variables.PUBLIC_BASE_URL]).toEqual([name, siteOrigin()]);
    }
    template.hasOutput('ApiUrl', { Value: siteOrigin() });
  });
});

describe('form origin', () => {
  test("without a web ACL (no edge), the site's origin is the API's own endpoint", () => {
    const other = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const plain = Template.fromStack(new SantunanStack(other, 'Plain', { env: { region: REGION } }));
    plain.resourceCountIs('AWS::CloudFront::Distribution', 0);
    const [apiId] = Object.keys(plain.findResources('AWS::ApiGatewayV2::Api'));
    plain.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }] })] },
    });
  });

  test('the formOrigin prop (a custom domain) replaces the API endpoint in the bucket CORS rule', () => {
    // Bundling is skipped here (an empty bundling-stacks list): only the CORS rule matters.
    const other = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const pinned = new SantunanStack(other, 'Pinned', { env: { region: REGION }, formOrigin: 'https://klaim.example.go.id' });
    Template.fromStack(pinned).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://klaim.example.go.id'] })] },
    });
  });
});

describe('claim workflow', () => {
  const machine = () => {
    const found = (Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as Resource[]).filter(
      (m) => m.Properties.StateMachineName === 'santunan-claims',
    );
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  /** The ASL with the function ARNs left as placeholders: the intent is in the states, not in the ids. */
  const asl = (): { StartAt: string; States: Record<string, any>; QueryLanguage?: string } => {
    const join = machine().Properties.DefinitionString['Fn::Join'] as [string, unknown[]];
    return JSON.parse(join[1].map((p) => (typeof p === 'string' ? p : 'ARN')).join(''));
  };
  const tasks = () => Object.entries(asl().States).filter(([, s]) => s.Type === 'Task');

  test('a Standard state machine with logging ALL (without execution data: it holds task tokens) and X-Ray, JSONPath only', () => {
    const props = machine().Properties;
    expect(props.StateMachineType).toBe('STANDARD');
    expect(props.StateMachineName).toBe('santunan-claims');
    expect(props.TracingConfiguration).toEqual({ Enabled: true });
    // A task token in a log line lets whoever reads the logs answer the wait (approve a claim): inputs and outputs
    // stay out of the log. The claim's audit trail in DynamoDB is the record of what happened.
    expect(props.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    expect(asl().QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    expect(JSON.stringify(asl())).not.toContain('{%');
  });

  test('every task has an explicit timeout; the approval and documents waits time out by the paths the verification computes', () => {
    for (const [name, state] of tasks())
      expect([name, state.TimeoutSeconds ?? state.TimeoutSecondsPath]).toEqual([name, expect.anything()]);
    expect(asl().States.AwaitDecision).toMatchObject({
      TimeoutSecondsPath: '$.approvalTimeoutSeconds',
      Resource: expect.stringMatching(/:states:::lambda:invoke\.waitForTaskToken$/),
    });
    expect(asl().States.AwaitDecision.Parameters.Payload['taskToken.$']).toBe('$$.Task.Token');
    // The documents wait ends at the next reminder or at the claim's expiry, as the verification computes.
    expect(asl().States.AwaitDocuments).toMatchObject({ TimeoutSecondsPath: '$.documentsTimeoutSeconds' });
    expect(asl().States.AwaitDocuments).not.toHaveProperty('TimeoutSeconds');
  });

  test('one definition for every payment: Verify takes the whole state, and the tasks after it act on the tranche it names', () => {
    const states = asl().States;
    // No Parameters: a tranche execution's input has `tranche`, the first payment's has none.
    expect(states.Verify.Parameters).toBeUndefined();
    expect(states.Pay.Parameters['tranche.$']).toBe('$.tranche');
    for (const name of ['AwaitDecision', 'EscalateDecision', 'AwaitPayoutRetry'])
      expect([name, states[name].Parameters.Payload['tranche.$']]).toEqual([name, '$.tranche']);
    // RecordFailure may follow a failed Verify, before `tranche` exists: it names the execution instead.
    expect(states.RecordFailure.Parameters).not.toHaveProperty('tranche.$');
    expect(states.RecordFailure.Parameters['execution.$']).toBe('$$.Execution.Name');
  });

  test('retries only transient errors, with backoff and full jitter; the bank gets its own retry', () => {
    for (const [name, state] of tasks()) {
      expect([name, state.Retry?.length ?? 0]).toEqual([name, expect.any(Number)]);
      for (const retry of state.Retry ?? []) {
        expect(retry.JitterStrategy).toBe('FULL');
        expect(retry.BackoffRate).toBeGreaterThan(1);
        expect(retry.ErrorEquals).not.toContain('States.ALL');
        expect(retry.ErrorEquals).not.toContain('States.TaskFailed');
      }
    }
    expect(asl().States.Pay.Retry).toContainEqual(
      expect.objectContaining({ ErrorEquals: ['BankUnavailableError', 'Sandbox.Timedout'], MaxAttempts: 4 }),
    );
  });

  test('failures go to named handling: the bank to AwaitPayoutRetry, anything else to RecordFailure and a Fail state', () => {
    const states = asl().States;
    expect(states.Pay.Catch).toEqual([
      expect.objectContaining({
        ErrorEquals: ['BankRejectedError', 'BankUnavailableError', 'Sandbox.Timedout', 'States.Timeout'],
        Next: 'AwaitPayoutRetry',
      }),
      expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'RecordFailure' }),
    ]);
    expect(states.AwaitDecision.Catch[0]).toMatchObject({ ErrorEquals: ['States.Timeout'], Next: 'EscalateDecision' });
    expect(states.RecordFailure.Next).toBe('Failed');
    expect(states.Failed.Type).toBe('Fail');
  });

  test('only intake (by a family or a coordinator), the family correction and appeal routes, and the staff API (a further payment, an upheld appeal) may start executions, and only the functions that hold task tokens may answer them', () => {
    const claimsMachine = Object.entries(template.findResources('AWS::StepFunctions::StateMachine')).find(([, m]) => m === machine())![0];
    const starters = DEFINITIONS.filter(([, d]) =>
      statementsOf(d).some(
        (st) =>
          [st.Action].flat().includes('states:StartExecution') && JSON.stringify(st.Resource) === JSON.stringify({ Ref: claimsMachine }),
      ),
    ).map(([n]) => n);
    expect(starters).toEqual(['submitClaim', 'familyRequests', 'coordinatorApi', 'staffApi']);
    const responders = DEFINITIONS.filter(([, d]) => statementsOf(d).some((st) => [st.Action].flat().includes('states:SendTaskSuccess')))
      .map(([n]) => n)
      .sort();
    expect(responders).toEqual(['addDocuments', 'awaitDecision', 'awaitDocuments', 'staffApi']);
    const claimStatus = FUNCTIONS.claimStatus as FunctionDefinition;
    expect(statementsOf(claimStatus).some((st) => [st.Action].flat().some((a) => String(a).startsWith('states:')))).toBe(false);
  });
});

describe('reconciliation schedule', () => {
  const machineId = () =>
    Object.entries(template.findResources('AWS::StepFunctions::StateMachine')).find(
      ([, m]) => (m as Resource).Properties.StateMachineName === 'santunan-reconciliation',
    )![0];
  const scheduleOf = (target: unknown) => {
    const found = (Object.values(template.findResources('AWS::Scheduler::Schedule')) as Resource[]).filter(
      (s) => JSON.stringify(s.Properties.Target.Arn) === JSON.stringify(target),
    );
    expect(found).toHaveLength(1);
    return found[0]!.Properties;
  };
  const schedule = () => scheduleOf({ Ref: machineId() });
  test('two schedules: the daily reconciliation and the yearly scholarship reminder', () => {
    expect(Object.keys(template.findResources('AWS::Scheduler::Schedule'))).toHaveLength(2);
    const yearly = scheduleOf({ 'Fn::GetAtt': [functionId(FUNCTIONS.remindScholarships as FunctionDefinition), 'Arn'] });
    expect(yearly.ScheduleExpression).toBe('cron(0 8 1 7 ? *)');
    expect(yearly.ScheduleExpressionTimezone).toBe('Asia/Jakarta');
    expect(JSON.parse(yearly.Target.Input)).toEqual({ trigger: 'schedule' });
    expect(yearly.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 6 * 3600 });
  });
  test('daily at 01:00 in Asia/Jakarta, starting the reconciliation state machine with the schedule event', () => {
    const p = schedule();
    expect(p.ScheduleExpression).toBe('cron(0 1 * * ? *)');
    expect(p.ScheduleExpressionTimezone).toBe('Asia/Jakarta');
    expect(p.State ?? 'ENABLED').toBe('ENABLED');
    expect(JSON.parse(p.Target.Input)).toEqual({ trigger: 'schedule' });
  });
  test('retries, then parks the event in an encrypted, TLS-only dead-letter queue (imports from storage too)', () => {
    const p = schedule();
    expect(p.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 6 * 3600 });
    const dlqId = p.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    const queue = template.findResources('AWS::SQS::Queue')[dlqId] as Resource;
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    // Failures inside the premium jobs function (an import: asynchronous invocation) go to the same queue.
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId(FUNCTIONS.reconcilePremiums as FunctionDefinition) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlqId, 'Arn'] } } },
    });
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy')) as Resource[];
    expect(JSON.stringify(policies)).toContain('aws:SecureTransport');
  });
  test('its role may start only the reconciliation state machine (and send to its dead-letter queue)', () => {
    const p = schedule();
    const roleId = p.Target.RoleArn['Fn::GetAtt'][0] as string;
    const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((pol) => (pol.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
      .flatMap((pol) => pol.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const actions = statements.flatMap((st) => [st.Action].flat()).sort();
    expect(actions.every((a) => a === 'states:StartExecution' || a.startsWith('sqs:') || a.startsWith('kms:'))).toBe(true);
    const start = statements.filter((st) => [st.Action].flat().includes('states:StartExecution'));
    expect(start.map((st) => st.Resource)).toEqual([{ Ref: machineId() }]);
  });
});

describe('reconciliation state machine (national scale)', () => {
  const machine = () =>
    (Object.values(template.findResources('AWS::StepFunctions::StateMachine')) as Resource[]).find(
      (m) => m.Properties.StateMachineName === 'santunan-reconciliation',
    )!;
  const asl = (): { StartAt: string; States: Record<string, any> } => {
    const join = machine().Properties.DefinitionString['Fn::Join'] as [string, unknown[]];
    return JSON.parse(join[1].map((p) => (typeof p === 'string' ? p : 'ARN')).join(''));
  };

  test('Plan, a Distributed Map over the shards (Standard child executions, 20 at a time), then Report', () => {
    const { StartAt, States } = asl();
    expect(StartAt).toBe('Plan');
    expect(States.Plan.Next).toBe('Shards');
    const map = States.Shards;
    expect(map.Type).toBe('Map');
    expect(map.ItemsPath).toBe('$.tasks');
    expect(map.MaxConcurrency).toBe(20);
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(map.ItemProcessor.StartAt).toBe('ReconcileShard');
    expect(map.ItemProcessor.States.ReconcileShard.Parameters).toEqual({ step: 'shard', 'task.$': '$' });
    expect(map.ResultPath).toBe('$.results');
    expect(map.Next).toBe('Report');
    expect(States.Report.Parameters).toMatchObject({ step: 'report', 'results.$': '$.results', 'run.$': '$.run' });
    expect(States.Report.End).toBe(true);
  });

  test('every step is the premium jobs function, retried on transient errors only, with a timeout', () => {
    const { States } = asl();
    const tasks = [...Object.entries(States), ...Object.entries(States.Shards.ItemProcessor.States as Record<string, any>)].filter(
      ([, s]) => s.Type === 'Task',
    );
    expect(tasks.map(([n]) => n).sort()).toEqual(['Plan', 'ReconcileShard', 'RecordFailure', 'Report']);
    for (const [, s] of tasks) {
      expect(s.Resource).toBe('ARN');
      expect(typeof s.TimeoutSeconds).toBe('number');
      expect(s.Retry[0].ErrorEquals).toContain('ThrottlingException');
      expect(s.Retry[0].ErrorEquals).not.toContain('States.ALL');
    }
    const fnArn = JSON.stringify({ 'Fn::GetAtt': [functionId(FUNCTIONS.reconcilePremiums as FunctionDefinition), 'Arn'] });
    const join = machine().Properties.DefinitionString['Fn::Join'] as [string, unknown[]];
    expect(
      join[1].filter((p) => typeof p !== 'string').every((p) => JSON.stringify(p) === fnArn || JSON.stringify(p).includes('AWS::')),
    ).toBe(true);
  });

  test('a failure of any step is recorded on the run before the execution fails', () => {
    const { States } = asl();
    for (const name of ['Plan', 'Shards', 'Report'])
      expect(States[name].Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' }]);
    expect(States.RecordFailure.Parameters).toMatchObject({ step: 'failed', 'input.$': '$$.Execution.Input', 'error.$': '$.error' });
    expect(States.RecordFailure.Next).toBe('Failed');
    expect(States.Failed.Type).toBe('Fail');
  });

  test('logged without execution data to an encrypted group, traced; only the staff payments route may start it', () => {
    const props = machine().Properties;
    expect(props.StateMachineType).toBe('STANDARD');
    expect(props.LoggingConfiguration.Level).toBe('ALL');
    expect(props.LoggingConfiguration.IncludeExecutionData).toBe(false);
    expect(props.TracingConfiguration).toEqual({ Enabled: true });
    const id = Object.entries(template.findResources('AWS::StepFunctions::StateMachine')).find(([, m]) => m === machine())![0];
    const starters = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[]).filter((pol) =>
      (pol.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).some(
        (st) => [st.Action].flat().includes('states:StartExecution') && JSON.stringify(st.Resource) === JSON.stringify({ Ref: id }),
      ),
    );
    const roles = starters.flatMap((pol) => (pol.Properties.Roles as { Ref: string }[]).map((r) => r.Ref));
    // The payments function's role, the Scheduler's role and its own (the Distributed Map's child executions); no
    // other function.
    expect(roles).toHaveLength(3);
    expect(roles.some((r) => r.startsWith('ReconciliationWorkflowStateMachineRole'))).toBe(true);
    expect(roles.some((r) => r.startsWith('StaffPaymentsFunction'))).toBe(true);
    expect(roles.some((r) => r.startsWith('SchedulerRoleForTarget'))).toBe(true);
    const env = (template.findResources('AWS::Lambda::Function')[functionId(FUNCTIONS.staffPayments as FunctionDefinition)] as Resource)
      .Properties.Environment.Variables;
    expect(env.RECONCILIATION_STATE_MACHINE_ARN).toEqual({ Ref: id });
  });
});

describe('staff sign-in', () => {
  test('a Cognito user pool without self sign-up, MFA required, one group per role (the field coordinator too)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup'))
      .map((g) => (g as Resource).Properties.GroupName)
      .sort();
    expect(groups).toEqual(['admin', 'approver', 'coordinator', 'finance', 'supervisor', 'verifier']);
  });
  test("the staff API verifies the pool's tokens (issuer, JWKS and client from the stack) and signs browsers in at the hosted UI", () => {
    const fn = template.findResources('AWS::Lambda::Function')[functionId(FUNCTIONS.staffApi as FunctionDefinition)] as Resource;
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_CLIENT_ID', 'STAFF_AUTH_URL']),
    );
    // Every function that verifies staff tokens can send a signed-out browser to the hosted sign-in page.
    for (const [name, definition] of DEFINITIONS.filter(([, d]) => d.staffAuth)) {
      const vars = (template.findResources('AWS::Lambda::Function')[functionId(definition)] as Resource).Properties.Environment.Variables;
      expect([name, JSON.stringify(vars.STAFF_AUTH_URL)]).toEqual([name, expect.stringContaining('amazoncognito.com')]);
    }
  });

  test('the hosted UI: a Cognito domain, and an app client with the code flow whose only callback and logout URLs are this site', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient')) as Resource[];
    const props = client!.Properties;
    expect(props).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      SupportedIdentityProviders: ['COGNITO'],
      GenerateSecret: false,
    });
    expect(props.CallbackURLs).toHaveLength(1);
    expect(props.LogoutURLs).toHaveLength(1);
    // The site's own URL (the distribution, or the API), then the path: never an example.com placeholder.
    expect(JSON.stringify(props.CallbackURLs)).toMatch(/\/staff\/auth\/callback"\]/);
    expect(JSON.stringify(props.LogoutURLs)).toMatch(/\/staff\/claims"\]/);
    expect(JSON.stringify(props)).not.toContain('example.com');
  });
});

describe('operations: dashboard and alarms', () => {
  const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
  const topicId = () => {
    const topics = Object.keys(template.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    return topics[0] as string;
  };
  const alarmNamed = (name: string) => {
    const found = alarms().filter((a) => a.Properties.AlarmName === name);
    expect([name, found.length]).toEqual([name, 1]);
    return found[0]!;
  };

  test('one alarm topic, encrypted with its own rotated key that CloudWatch may use, reachable over TLS only', () => {
    const topic = template.findResources('AWS::SNS::Topic')[topicId()] as Resource;
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')) as Resource[];
    expect(JSON.stringify(policies)).toContain('aws:SecureTransport');
    const key = Object.values(template.findResources('AWS::KMS::Key')).find((k) =>
      JSON.stringify(k).includes('cloudwatch.amazonaws.com'),
    ) as Resource;
    expect(key).toMatchObject({ Properties: { EnableKeyRotation: true } });
  });

  test.each([
    ['santunan-claim-workflow-failed', 'ExecutionsFailed', 'AWS/States'],
    ['santunan-claim-workflow-timed-out', 'ExecutionsTimedOut', 'AWS/States'],
    ['santunan-reconciliation-failed', 'ExecutionsFailed', 'AWS/States'],
    ['santunan-reconciliation-timed-out', 'ExecutionsTimedOut', 'AWS/States'],
    ['santunan-dead-letters-not-empty', 'ApproximateNumberOfMessagesVisible', 'AWS/SQS'],
    ['santunan-dead-letters-not-empty2', 'ApproximateNumberOfMessagesVisible', 'AWS/SQS'],
    ['santunan-api5xx', '5xx', 'AWS/ApiGateway'],
  ])('%s: %s of %s at 1 or more, to the topic on alarm and on recovery, quiet periods not a breach', (name, metric, namespace) => {
    const alarm = alarmNamed(name);
    expect(alarm.Properties).toMatchObject({
      MetricName: metric,
      Namespace: namespace,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topicId() }],
      OKActions: [{ Ref: topicId() }],
    });
  });

  test('approvals near their deadline: the escalations the decision task counts (claims and tranches), to the topic', () => {
    const alarm = alarmNamed('santunan-approvals-near-deadline');
    expect(alarm.Properties).toMatchObject({ Threshold: 1, AlarmActions: [{ Ref: topicId() }] });
    const metrics = (
      alarm.Properties.Metrics as { MetricStat?: { Metric: { MetricName: string; Namespace: string; Dimensions: unknown[] } } }[]
    )
      .filter((m) => m.MetricStat)
      .map((m) => m.MetricStat!.Metric);
    expect(metrics.map((m) => [m.Namespace, m.MetricName])).toEqual([
      ['Santunan', 'ApprovalsEscalated'],
      ['Santunan', 'ApprovalsEscalated'],
    ]);
    // The function that asks for decisions records that metric (functions/approval/await-decision.ts).
    expect(readFileSync(FUNCTIONS.awaitDecision.entry, 'utf8')).toContain("'ApprovalsEscalated'");
  });

  test('every alarm is on the dashboard, with the workflow, API, function error and reconciliation graphs', () => {
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const title of [
      'Alarms',
      'Claim workflow executions',
      'API: requests, 4xx, 5xx',
      'Function errors',
      'Reconciliation runs and dead letters',
    ])
      expect(body).toContain(title);
    // Four workflow alarms, two dead-letter queues, the API's 5xx and the approvals near their deadline.
    expect(alarms().length).toBe(8);
  });
});

describe('checks', () => {
  // cdk-nag 3 is a policy validation plugin, not an Aspect, and reports through the validation report rather than
  // annotations; validateScope runs the same rules (honouring Validations.of().acknowledge) on the construct tree.
  // infra/app.ts registers both packs, so `cdk synth` fails on what fails here.
  test.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST 800-53 rev 5', () => new NIST80053R5Checks()],
  ])('cdk-nag %s: no unacknowledged errors or warnings', (_pack, pack) => {
    // The app: the application stack and the edge stack with the web ACL.
    const report = pack().validateScope(app);
    const findings = (severity: string) =>
      report.violations
        .filter((v) => v.severity === severity)
        .map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings('error')).toEqual([]);
    expect(findings('warning')).toEqual([]);
    expect(report.success).toBe(true);
  });

  test('every cdk-nag acknowledgement carries a reason', () => {
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === 'aws:cdk:acknowledged-rules')
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledged) {
      expect(id).toMatch(/^(Annotation::)?(AwsSolutions|NIST\.800\.53\.R5)-/);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  test('CDK reports no errors or warnings on the stack', () => {
    for (const s of [stack, edge]) {
      expect(Annotations.fromStack(s).findError('*', Match.anyValue())).toEqual([]);
      expect(Annotations.fromStack(s).findWarning('*', Match.anyValue())).toEqual([]);
    }
  });
});

import { Aws, type CfnElement, CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { DEFAULT_CROSS_STACK_REFERENCES, S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import type { Construct } from 'constructs';
import { ENV } from '../shared/composition/env';
import { ClaimWorkflow, type WorkflowTask } from './constructs/claim-workflow';
import { ClaimsDistribution } from './constructs/claims-distribution';
import { ClaimsHttpApi } from './constructs/claims-http-api';
import { DataTables } from './constructs/data-tables';
import { DocumentsBucket } from './constructs/documents-bucket';
import { LogsKey } from './constructs/logs-key';
import { OperationsMonitoring } from './constructs/operations-monitoring';
import { ReconciliationSchedule } from './constructs/reconciliation-schedule';
import { ReconciliationWorkflow } from './constructs/reconciliation-workflow';
import { SantunanFunction } from './constructs/santunan-function';
import { StaffDirectory } from './constructs/staff-directory';
import { FUNCTIONS, type FunctionDefinition, type FunctionName } from './definitions/functions';
import { ROUTES } from './definitions/routes';
import { SCHOLARSHIP_REMINDER_SCHEDULE } from './definitions/schedules';
import { CLAIMS_TABLE, TABLES } from './definitions/tables';

export interface SantunanStackProps extends StackProps {
  /**
   * Origin of the page that hosts the claim form (a custom domain), the only one allowed to upload to the documents
   * bucket (CORS). Default: the HTTP API's own endpoint.
   */
  formOrigin?: string;
  /** Repository root, for function entry files and package-lock.json. Default: the working directory. */
  projectRoot?: string;
  /** Sender of notification emails (an SES-verified identity). */
  mailFrom?: string;
  /** Staff mailing lists by role, comma-separated addresses. */
  staffEmails?: Partial<Record<'approver' | 'supervisor' | 'finance' | 'admin', string>>;
  /** The disbursement service's base URL. */
  bankApiUrl?: string;
  /** An HTTP SMS gateway for family notifications (optional: without it, SMS are logged as not sent). */
  smsGatewayUrl?: string;
  /** The Cognito hosted UI's domain prefix (default `santunan-staff-<account>`; global per region). */
  staffAuthDomainPrefix?: string;
  /**
   * The CLOUDFRONT-scoped AWS WAF web ACL (SantunanEdgeStack). With it, a CloudFront distribution with that ACL
   * fronts the HTTP API and is the site's public URL; without it (the twin's synth) there is no distribution.
   */
  webAclArn?: string;
}

export class SantunanStack extends Stack {
  readonly functions: Record<FunctionName, SantunanFunction>;
  readonly tables: DataTables;
  readonly documents: DocumentsBucket;
  readonly httpApi: ClaimsHttpApi;
  readonly edge?: ClaimsDistribution;
  /** The site's public URL: the distribution when there is one, else the API endpoint. */
  readonly publicUrl: string;
  readonly workflow: ClaimWorkflow;
  readonly staff: StaffDirectory;
  readonly reconciliation: ReconciliationSchedule;
  readonly reconciliationWorkflow: ReconciliationWorkflow;
  readonly scholarshipReminder: ReconciliationSchedule;
  readonly monitoring: OperationsMonitoring;

  constructor(scope: Construct, id: string, props: SantunanStackProps = {}) {
    super(scope, id, props);
    // Deliver S3 access logs by bucket policy instead of the legacy LogDeliveryWrite ACL, so the log bucket can keep
    // ACLs disabled (BucketOwnerEnforced). Set here, before any child exists, so tests and `cdk synth` agree.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    // The web ACL's ARN comes from the edge stack (us-east-1) by a cross-region reference. Strong: CloudFormation
    // refuses to delete or replace the ACL while this stack uses it.
    this.node.setContext(DEFAULT_CROSS_STACK_REFERENCES, 'strong');

    const projectRoot = props.projectRoot ?? process.cwd();
    const dataKey = new kms.Key(this, 'DataKey', {
      alias: 'alias/santunan-data',
      description: 'Santunan claims data: DynamoDB tables and the documents bucket',
      enableKeyRotation: true,
    });

    const logsKey = new LogsKey(this, 'LogsKey').key;

    // The disbursement bank's API key: set after deploy (docs/deploy.md), never in the repository or an environment
    // variable; the paying function reads it once per cold start.
    const bankApiKey = new secretsmanager.Secret(this, 'BankApiKey', {
      description: 'Santunan: the disbursement bank API key (set with put-secret-value after deploy)',
      encryptionKey: dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const id of ['AwsSolutions-SMG4', 'NIST.800.53.R5-SecretsManagerRotationEnabled'])
      Validations.of(bankApiKey).acknowledge({
        id,
        reason: 'The bank issues this key; it is rotated with the bank by hand (put-secret-value), there is no rotation Lambda to write.',
      });

    // The keys that sign the family's status links (emails and SMS carry a signed token, not the NIK): generated at
    // deploy, so nobody types or sees them. Rotation is by hand: put a new key first and keep the old one after it
    // (the secret holds keys newest first) until the links signed with the old one have expired (docs/operations.md).
    const statusLinkKey = new secretsmanager.Secret(this, 'StatusLinkKey', {
      description: 'Santunan: the keys that sign status links in family emails and SMS (newest first, whitespace-separated)',
      encryptionKey: dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    for (const id of ['AwsSolutions-SMG4', 'NIST.800.53.R5-SecretsManagerRotationEnabled'])
      Validations.of(statusLinkKey).acknowledge({
        id,
        reason:
          'Rotating the key at once would break every link already sent to families; it is rotated by hand, the new key first and the old one kept until its links expire (docs/operations.md).',
      });

    // Every table in TABLES, including those no function uses yet (Members: the roster for seeding and imports).
    this.tables = new DataTables(this, 'Tables', { definitions: TABLES, encryptionKey: dataKey });
    this.documents = new DocumentsBucket(this, 'DocumentsBucket', { encryptionKey: dataKey });
    const bucket = this.documents.bucket;

    this.staff = new StaffDirectory(this, 'Staff', { domainPrefix: props.staffAuthDomainPrefix });
    const mailFrom = props.mailFrom ?? 'santunan@kemensos.go.id';
    const build = (name: FunctionName, definition: FunctionDefinition): SantunanFunction => {
      const fn = new SantunanFunction(this, `${name[0]?.toUpperCase()}${name.slice(1)}Function`, {
        entry: definition.entry,
        description: definition.description,
        memorySize: definition.memorySize,
        timeoutSeconds: definition.timeoutSeconds,
        projectRoot,
        logsKey,
        // Browsers upload to this origin: the form page allows it in its Content-Security-Policy.
        // SANTUNAN_FUNCTION names the function in the template: the twin maps state machine tasks by it.
        environment: { [ENV.uploadOrigin]: `https://${bucket.bucketRegionalDomainName}`, SANTUNAN_FUNCTION: name },
      });
      for (const { table, access } of definition.tables) fn.bindTable(table, this.tables.table(table), access);
      if (definition.lookupCounters) fn.bindLookupCounters(this.tables.table(CLAIMS_TABLE));
      if (definition.documents) fn.bindDocuments(bucket, definition.documents.access, definition.documents.prefix);
      if (definition.notifies) fn.bindNotifications(mailFrom, props.staffEmails ?? {});
      if (definition.notifies && props.smsGatewayUrl) fn.function.addEnvironment(ENV.smsGatewayUrl, props.smsGatewayUrl);
      if (definition.bank) fn.bindBank(props.bankApiUrl ?? 'https://disbursement.example.invalid', bankApiKey);
      if (definition.statusLinks) fn.bindStatusLinks(statusLinkKey);
      if (definition.staffAuth) fn.bindStaffAuth(this.staff.issuer, this.staff.client.userPoolClientId, this.staff.signInUrl);
      if (definition.staffDirectory) fn.bindStaffDirectory(this.staff, this.tables.table(CLAIMS_TABLE), CLAIMS_TABLE);
      return fn;
    };
    // One function per definition, wired from the data: adding a function to FUNCTIONS adds it here.
    const definitions: Record<FunctionName, FunctionDefinition> = FUNCTIONS;
    const names = Object.keys(definitions) as FunctionName[];
    this.functions = Object.fromEntries(names.map((name) => [name, build(name, definitions[name])])) as Record<
      FunctionName,
      SantunanFunction
    >;

    const tasks: WorkflowTask[] = [
      'verifyClaim',
      'awaitDocuments',
      'awaitDecision',
      'payClaim',
      'awaitPayoutRetry',
      'handleWorkflowFailure',
    ];
    this.workflow = new ClaimWorkflow(this, 'ClaimWorkflow', {
      functions: Object.fromEntries(tasks.map((t) => [t, this.functions[t].function])) as Record<
        WorkflowTask,
        SantunanFunction['function']
      >,
      logsKey,
    });
    for (const name of names) {
      const modes = (definitions[name].workflow ?? []) as ('start' | 'respond')[];
      if (modes.includes('start')) this.functions[name].bindWorkflowStart(this.workflow.stateMachine);
      if (modes.includes('respond')) this.functions[name].bindWorkflowResponse(this.workflow.stateMachineArnByName);
    }

    this.httpApi = new ClaimsHttpApi(this, 'HttpApi', {
      routes: ROUTES,
      functionFor: (name) => this.functions[name].function,
      logsKey,
    });
    // The origin header CloudFront adds, which the functions require (ORIGIN_VERIFY): the stack's own GUID, in no
    // repository and no public answer, so a request straight to the execute-api host (around the WAF) is a 403.
    const originVerify = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    if (props.webAclArn)
      this.edge = new ClaimsDistribution(this, 'Edge', { api: this.httpApi.api, webAclArn: props.webAclArn, originVerify });
    this.publicUrl = this.edge?.url ?? this.httpApi.url;
    // Staff browsers sign in through the hosted UI and come back to this site only.
    this.staff.allowBrowserSignIn(this.publicUrl);
    // Browsers may upload from the form's own origin only. The API resource itself depends on nothing (its routes
    // and integrations depend on the functions), and the distribution only on it, so the bucket can name either
    // without a dependency cycle.
    this.documents.allowUploadsFrom(props.formOrigin ?? this.publicUrl);
    // Behind CloudFront every link a function writes (emails, redirects) and the staff same-origin check must use
    // the distribution, not the API's own host name that API Gateway reports.
    if (this.edge) for (const name of names) this.functions[name].function.addEnvironment(ENV.publicBaseUrl, this.publicUrl);
    if (this.edge)
      for (const name of new Set(ROUTES.map((r) => r.function)))
        this.functions[name].function.addEnvironment(ENV.originVerify, originVerify);

    // The premium reconciliation, sharded: a state machine with a Distributed Map over the shards of each month, every
    // step an invocation of the premium jobs function. The schedule and the on-demand runs start it.
    const premiumJobs = this.functions.reconcilePremiums.function;
    this.reconciliationWorkflow = new ReconciliationWorkflow(this, 'ReconciliationWorkflow', { function: premiumJobs, logsKey });
    // The daily run; its emails link to the API's report pages.
    this.reconciliation = new ReconciliationSchedule(this, 'Reconciliation', { target: this.reconciliationWorkflow.stateMachine });
    for (const name of names)
      if (definitions[name].scheduled && !this.edge) this.functions[name].function.addEnvironment(ENV.publicBaseUrl, this.publicUrl);
    // Imports from storage are asynchronous invocations of the premium jobs function: retried twice by Lambda, then
    // sent to the reconciliation's dead-letter queue.
    premiumJobs.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.reconciliation.deadLetterQueue),
    });
    // Premium jobs: the staff API invokes reconcilePremiums asynchronously for an import, and starts the
    // reconciliation state machine for an on-demand run, and nothing else.
    for (const name of names) {
      if (!definitions[name].startsPremiumJobs) continue;
      this.functions[name].function.addEnvironment(ENV.reconcileFunctionName, premiumJobs.functionName);
      premiumJobs.grantInvoke(this.functions[name].role);
      Validations.of(this.functions[name].role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(premiumJobs.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'grantInvoke: invoke the reconciliation function and its versions, nothing else.',
      });
      if (!definitions[name].startsReconciliation) continue;
      const machine = this.reconciliationWorkflow.stateMachine;
      this.functions[name].function.addEnvironment(ENV.reconciliationStateMachineArn, machine.stateMachineArn);
      machine.grantStartExecution(this.functions[name].role);
    }
    // The yearly scholarship reminder to families, before the school year starts.
    this.scholarshipReminder = new ReconciliationSchedule(this, 'ScholarshipReminder', {
      target: this.functions.remindScholarships.function,
      definition: SCHOLARSHIP_REMINDER_SCHEDULE,
      scheduleId: 'Yearly',
      description: 'Santunan: remind families to send proof of schooling for the scholarship',
    });
    // The Scheduler's execution role (one per stack, made by the LambdaInvoke target) may invoke the function and its versions.
    for (const name of ['remindScholarships'] as const) {
      const target = this.functions[name].function.node.defaultChild as CfnElement;
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(target)}.Arn>:*]`,
        reason: 'The schedule target grant: invoke the scheduled function and its versions, nothing else.',
      });
    }
    // The Scheduler's execution roles are created by the LambdaInvoke target at the stack's root (one per target).
    for (const role of this.node.children.filter((c) => c.node.id.startsWith('SchedulerRoleForTarget-')))
      Validations.of(role).acknowledge({
        id: 'NIST.800.53.R5-IAMNoInlinePolicy',
        reason:
          "The Scheduler execution role's policy is written by the schedule target grant for this role alone and lives and dies with it.",
      });

    // What operators watch: the dashboard and the alarms, to one topic (an email subscription from the `alarmEmail` context).
    this.monitoring = new OperationsMonitoring(this, 'Operations', {
      claimWorkflow: this.workflow.stateMachine,
      reconciliationWorkflow: this.reconciliationWorkflow.stateMachine,
      deadLetterQueues: [this.reconciliation.deadLetterQueue, this.scholarshipReminder.deadLetterQueue],
      httpApi: this.httpApi.api,
      functions: Object.fromEntries(names.map((name) => [name, this.functions[name].function])),
      alarmEmail: this.node.tryGetContext('alarmEmail') as string | undefined,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.monitoring.topic.topicArn,
      description: 'Operations alarms (SNS): subscribe the on-call',
    });

    new CfnOutput(this, 'BankApiKeySecretArn', {
      value: bankApiKey.secretArn,
      description: 'Set the bank API key here after deploy: aws secretsmanager put-secret-value --secret-id <this> --secret-string <key>',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.publicUrl, description: 'Claim form and API base URL' });
    if (this.edge) new CfnOutput(this, 'ApiOriginUrl', { value: this.httpApi.url, description: 'The HTTP API behind CloudFront (no WAF)' });
    for (const { definition, table } of this.tables.all) {
      new CfnOutput(this, `${definition}TableName`, { value: table.tableName });
    }
    new CfnOutput(this, 'DocumentsBucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'ReconciliationStateMachineArn', { value: this.reconciliationWorkflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.staff.userPool.userPoolId });
  }
}

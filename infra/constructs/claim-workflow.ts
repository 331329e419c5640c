import { ArnFormat, type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { STATE_MACHINE_NAME } from '../definitions/state-machines';

export type WorkflowTask = 'verifyClaim' | 'awaitDocuments' | 'awaitDecision' | 'payClaim' | 'awaitPayoutRetry' | 'handleWorkflowFailure';

export interface ClaimWorkflowProps {
  functions: Record<WorkflowTask, lambda.IFunction>;
  /** The key of the stack's log groups (LogsKey). */
  logsKey: kms.IKey;
}

/**
 * Errors worth retrying: Lambda's own transient faults, and AWS throttling or service errors surfacing from the
 * function (its SDK already retried them a few times). Everything else is a bug or a business outcome.
 */
export const TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'WriteConflictError',
];

/** Full jitter spreads retries of many claims hitting the same fault (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
export const transientRetry: sfn.RetryProps = {
  errors: TRANSIENT_ERRORS,
  interval: Duration.seconds(2),
  backoffRate: 2,
  maxAttempts: 4,
  maxDelay: Duration.seconds(30),
  jitterStrategy: sfn.JitterType.FULL,
};

/**
 * The claim workflow: one Step Functions Standard state machine (Express cannot wait for task tokens), JSONPath
 * only. Each Task is a thin Lambda over pure domain code; every wait is a `waitForTaskToken` whose token is stored
 * on the claim. The verification task routes by the claim's stored status, so an execution restarted for a claim
 * (the twin does this after a restart) continues where the claim is. Happy path: Verify, RouteClaim, AwaitDecision,
 * RouteDecision, Pay, Done: six state transitions.
 */
export class ClaimWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;
  /** The state machine's ARN computed from its name (no reference to the resource). */
  readonly stateMachineArnByName: string;

  constructor(scope: Construct, id: string, props: ClaimWorkflowProps) {
    super(scope, id);
    const f = props.functions;
    const claimInput = { reference: sfn.JsonPath.stringAt('$.reference'), baseUrl: sfn.JsonPath.stringAt('$.baseUrl') };
    // Every state after Verify has `tranche` (Verify's output names it: `T1` for the first payment), so the tasks
    // there act on the tranche of their execution. RecordFailure may follow a failed Verify, before it exists.
    const trancheInput = { ...claimInput, tranche: sfn.JsonPath.stringAt('$.tranche') };
    const withToken = (extra: Record<string, unknown> = {}) =>
      sfn.TaskInput.fromObject({ ...claimInput, taskToken: sfn.JsonPath.taskToken, ...extra });
    const trancheWithToken = (extra: Record<string, unknown> = {}) =>
      sfn.TaskInput.fromObject({ ...trancheInput, taskToken: sfn.JsonPath.taskToken, ...extra });

    const done = new sfn.Succeed(this, 'Done');
    const failed = new sfn.Fail(this, 'Failed', {
      error: 'WorkflowFailed',
      cause: 'An unexpected error stopped the claim workflow; see the claim audit trail.',
    });
    const recordFailure = new tasks.LambdaInvoke(this, 'RecordFailure', {
      // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
      retryOnServiceExceptions: false,
      lambdaFunction: f.handleWorkflowFailure,
      payloadResponseOnly: true,
      payload: sfn.TaskInput.fromObject({
        ...claimInput,
        execution: sfn.JsonPath.stringAt('$$.Execution.Name'),
        error: sfn.JsonPath.objectAt('$.error'),
      }),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
    })
      .addRetry(transientRetry)
      .next(failed);
    const toFailure = { errors: ['States.ALL'], resultPath: '$.error' };

    const verify = new tasks.LambdaInvoke(this, 'Verify', {
      comment: 'Eligibility, coverage, documents and benefit; records the outcome and routes by the claim status.',
      // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
      retryOnServiceExceptions: false,
      lambdaFunction: f.verifyClaim,
      payloadResponseOnly: true,
      // No Parameters: the function gets the whole state, the execution input ({reference, baseUrl}, plus `tranche`
      // for a further payment's execution) or Verify's own last output when re-verifying after AwaitDocuments. A
      // Parameters path to `$.tranche` would fail the first payment's executions, whose input has none.
      // The default ResultPath ("$": the output replaces the state). Not written out: aws-local-stepfunctions 3.0
      // mishandles an explicit "ResultPath": "$".
      taskTimeout: sfn.Timeout.duration(Duration.seconds(30)),
    })
      .addRetry(transientRetry)
      .addCatch(recordFailure, toFailure);

    const awaitDocuments = new tasks.LambdaInvoke(this, 'AwaitDocuments', {
      comment:
        'Waits until the family has sent every missing document; re-verifies (and reminds them) 3 and 7 days after the claim started waiting, then every 14, or at the expiry date if sooner.',
      // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
      retryOnServiceExceptions: false,
      lambdaFunction: f.awaitDocuments,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: withToken(),
      resultPath: sfn.JsonPath.DISCARD,
      // Verify computes it: the next reminder (3, 7, 21, 35... days) or the claim's documentsDueBy, whichever comes first; the
      // Verify that follows the timeout reminds the family, or closes the claim as DOCUMENTS_EXPIRED.
      taskTimeout: sfn.Timeout.at('$.documentsTimeoutSeconds'),
    })
      .addRetry(transientRetry)
      .addCatch(verify, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD })
      .addCatch(recordFailure, toFailure);
    awaitDocuments.next(verify);

    const pay = new tasks.LambdaInvoke(this, 'Pay', {
      comment: 'Transfers the benefit (or the tranche) with its own idempotency key (reference, reference/T2); never twice.',
      // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
      retryOnServiceExceptions: false,
      lambdaFunction: f.payClaim,
      payloadResponseOnly: true,
      payload: sfn.TaskInput.fromObject(trancheInput),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.seconds(60)),
    })
      // Timeouts and 5xx from the bank: the same transfer again after a pause, with the same idempotency key.
      .addRetry({
        errors: ['BankUnavailableError', 'Sandbox.Timedout'],
        interval: Duration.seconds(10),
        backoffRate: 2,
        maxAttempts: 4,
        maxDelay: Duration.minutes(2),
        jitterStrategy: sfn.JitterType.FULL,
      })
      .addRetry(transientRetry);

    const awaitPayoutRetry = new tasks.LambdaInvoke(this, 'AwaitPayoutRetry', {
      comment: 'PAYOUT_FAILED: finance is notified and retries the payout from the claim page; reminded weekly.',
      // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
      retryOnServiceExceptions: false,
      lambdaFunction: f.awaitPayoutRetry,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: trancheWithToken({ error: sfn.JsonPath.objectAt('$.error') }),
      resultPath: sfn.JsonPath.DISCARD,
      taskTimeout: sfn.Timeout.duration(Duration.days(7)),
    }).addRetry(transientRetry);
    awaitPayoutRetry
      .addCatch(awaitPayoutRetry, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD })
      .addCatch(recordFailure, toFailure)
      .next(pay);
    pay
      .addCatch(awaitPayoutRetry, {
        errors: ['BankRejectedError', 'BankUnavailableError', 'Sandbox.Timedout', 'States.Timeout'],
        resultPath: '$.error',
      })
      .addCatch(recordFailure, toFailure)
      .next(done);

    const routeDecision = new sfn.Choice(this, 'RouteDecision')
      .when(sfn.Condition.stringEquals('$.decision.outcome', 'approved'), pay)
      .otherwise(done);

    const escalate = new tasks.LambdaInvoke(this, 'EscalateDecision', {
      comment: 'The approval deadline is near: supervisors are asked, and reminded daily.',
      // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
      retryOnServiceExceptions: false,
      lambdaFunction: f.awaitDecision,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: trancheWithToken({ escalated: true }),
      resultPath: '$.decision',
      taskTimeout: sfn.Timeout.duration(Duration.days(1)),
    }).addRetry(transientRetry);
    escalate
      .addCatch(escalate, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD })
      .addCatch(recordFailure, toFailure)
      .next(routeDecision);

    const awaitDecision = new tasks.LambdaInvoke(this, 'AwaitDecision', {
      comment: 'Approvers are emailed; times out before the legal deadline (working days, Indonesian holidays).',
      // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
      retryOnServiceExceptions: false,
      lambdaFunction: f.awaitDecision,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: trancheWithToken({ escalated: false }),
      resultPath: '$.decision',
      taskTimeout: sfn.Timeout.at('$.approvalTimeoutSeconds'),
    })
      .addRetry(transientRetry)
      .addCatch(escalate, { errors: ['States.Timeout'], resultPath: sfn.JsonPath.DISCARD })
      .addCatch(recordFailure, toFailure)
      .next(routeDecision);

    const routeClaim = new sfn.Choice(this, 'RouteClaim')
      .when(sfn.Condition.stringEquals('$.next', 'NEEDS_DOCUMENTS'), awaitDocuments)
      .when(sfn.Condition.stringEquals('$.next', 'AWAIT_DECISION'), awaitDecision)
      // A claim that was already escalated when its execution was restarted stays with the supervisors.
      .when(sfn.Condition.stringEquals('$.next', 'ESCALATE'), escalate)
      .when(sfn.Condition.stringEquals('$.next', 'PAY'), pay)
      .when(sfn.Condition.stringEquals('$.next', 'PAYOUT_FAILED'), awaitPayoutRetry)
      .otherwise(done);

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: props.logsKey });
    this.stateMachineArnByName = Stack.of(this).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: STATE_MACHINE_NAME,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: STATE_MACHINE_NAME,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(verify.next(routeClaim)),
      comment: 'Santunan claim verification, approval and payout',
      tracingEnabled: true,
      // Every state transition is logged, but not its input and output: they carry task tokens (whoever holds one can
      // answer a wait, e.g. approve a claim) and the claim's personal data. The claim's audit trail in DynamoDB records
      // what happened; execution data stays visible, with IAM, in the execution history.
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    acknowledgeTaskRole(this.stateMachine, Object.values(f));
  }
}

/**
 * The cdk-nag findings every Lambda-task state machine's role raises, acknowledged with their reasons: invoke on each
 * task function and its versions, its one inline policy, and the X-Ray and log delivery actions without resources.
 */
export const acknowledgeTaskRole = (machine: sfn.StateMachine, functions: readonly lambda.IFunction[]): void => {
  const role = machine.role;
  for (const fn of new Set(functions)) {
    const id = Stack.of(machine).getLogicalId(fn.node.defaultChild as CfnElement);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${id}.Arn>:*]`,
      reason: 'LambdaInvoke grants invoke on the task function and its versions/aliases (":*"), nothing else.',
    });
  }
  Validations.of(role).acknowledge({
    id: 'NIST.800.53.R5-IAMNoInlinePolicy',
    reason:
      "The state machine role's one policy is written by the task grants for this state machine alone and lives and dies with its role.",
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'X-Ray tracing and CloudWatch Logs delivery for Step Functions support no resource-level permissions.',
  });
};

import { type CfnElement, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { RECONCILIATION_STATE_MACHINE_NAME } from '../definitions/state-machines';
import { acknowledgeTaskRole, transientRetry } from './claim-workflow';

export interface ReconciliationWorkflowProps {
  /** The premium jobs function: it plans, reconciles one shard, and reports (by the payload's `step`). */
  function: lambda.IFunction;
  logsKey: kms.IKey;
  /** Shards reconciled at once (Distributed Map MaxConcurrency). Default 20. */
  maxConcurrency?: number;
}

/**
 * A month's premium reconciliation at national scale (docs/architecture.md "National scale"): `Plan` lists the
 * shards of each month to reconcile (domain/shards.ts), a **Distributed Map** runs one child execution per shard
 * (`ReconcileShard`: the shard's buckets of members and payments, its coverage written), and `Report` adds the
 * shards' counts into each month's report, records the run and emails finance once. A failure anywhere is recorded
 * on the run (`RecordFailure`) before the execution fails. The schedule and the on-demand runs start it; the twin
 * runs the same ASL with the Map inline.
 */
export class ReconciliationWorkflow extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ReconciliationWorkflowProps) {
    super(scope, id);
    const fn = props.function;
    const invoke = (stateId: string, payload: Record<string, unknown>, extra: Partial<tasks.LambdaInvokeProps> = {}) =>
      new tasks.LambdaInvoke(this, stateId, {
        lambdaFunction: fn,
        // Our own Retry covers Lambda's transient errors, with full jitter (the default retry has none).
        retryOnServiceExceptions: false,
        payloadResponseOnly: true,
        payload: sfn.TaskInput.fromObject(payload),
        taskTimeout: sfn.Timeout.duration(Duration.minutes(15)),
        ...extra,
      }).addRetry(transientRetry);

    const failed = new sfn.Fail(this, 'Failed', { error: 'ReconciliationFailed', cause: 'See the run record and the function logs.' });
    const recordFailure = invoke(
      'RecordFailure',
      { step: 'failed', input: sfn.JsonPath.objectAt('$$.Execution.Input'), error: sfn.JsonPath.objectAt('$.error') },
      { resultPath: sfn.JsonPath.DISCARD, taskTimeout: sfn.Timeout.duration(Duration.seconds(30)) },
    ).next(failed);
    const toFailure = { errors: ['States.ALL'], resultPath: '$.error' };

    // The default ResultPath ("$"): Plan's output is the state. Not written out: aws-local-stepfunctions 3.0
    // mishandles an explicit "ResultPath": "$".
    const plan = invoke(
      'Plan',
      { step: 'plan', input: sfn.JsonPath.objectAt('$') },
      { taskTimeout: sfn.Timeout.duration(Duration.seconds(60)) },
    );
    const reconcileShard = invoke('ReconcileShard', { step: 'shard', task: sfn.JsonPath.objectAt('$') });
    const shards = new sfn.DistributedMap(this, 'Shards', {
      comment: 'One child execution per shard of a month; their results are counts and sums, the items are in the table.',
      itemsPath: '$.tasks',
      maxConcurrency: props.maxConcurrency ?? 20,
      mapExecutionType: sfn.StateMachineType.STANDARD,
      resultPath: '$.results',
    });
    shards.itemProcessor(reconcileShard);
    const report = invoke('Report', {
      step: 'report',
      trigger: sfn.JsonPath.stringAt('$.trigger'),
      periods: sfn.JsonPath.listAt('$.periods'),
      reconciledAt: sfn.JsonPath.stringAt('$.reconciledAt'),
      run: sfn.JsonPath.objectAt('$.run'),
      results: sfn.JsonPath.listAt('$.results'),
    });
    plan.addCatch(recordFailure, toFailure);
    shards.addCatch(recordFailure, toFailure);
    report.addCatch(recordFailure, toFailure);

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: props.logsKey });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: RECONCILIATION_STATE_MACHINE_NAME,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(plan.next(shards).next(report)),
      comment: 'Santunan premium reconciliation, sharded by the last two digits of the NIK',
      tracingEnabled: true,
      // Inputs and outputs are periods, shard numbers and counts (no personal data), but the level stays as the
      // claim workflow's: every transition, without execution data.
      logs: { destination: this.logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    // The Distributed Map's own policy: start, stop and describe this state machine's child executions
    // (`execution:<name>:*` and `execution:<name>/*:*`), which the Map runs and no one else.
    const mapPolicy = this.stateMachine.node.tryFindChild('DistributedMapPolicy');
    if (mapPolicy) {
      const stack = Stack.of(this);
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
      const name = `{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${stack.getLogicalId(this.stateMachine.node.defaultChild as CfnElement)}"}]}]}`;
      for (const suffix of [':*', '/*:*'])
        Validations.of(mapPolicy).acknowledge({
          id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:${account}:execution:${name}${suffix}]`,
          reason: "The Distributed Map's child executions of this state machine only: their names are made by Step Functions at run time.",
        });
      Validations.of(mapPolicy).acknowledge({
        id: 'NIST.800.53.R5-IAMNoInlinePolicy',
        reason: "The Distributed Map's policy is written by CDK for this state machine alone and lives and dies with its role.",
      });
    }
    acknowledgeTaskRole(this.stateMachine, [fn]);
  }
}

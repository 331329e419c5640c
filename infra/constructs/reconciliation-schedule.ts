import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { RECONCILIATION_SCHEDULE } from '../definitions/schedules';

/** A scheduled job as infra/definitions/schedules.ts describes it. */
export interface JobScheduleDefinition {
  cron: { minute: string; hour: string; day?: string; month?: string };
  timeZone: string;
  event: Record<string, unknown>;
}

/**
 * A scheduled job (by default the daily premium reconciliation): an EventBridge Scheduler schedule in the
 * Asia/Jakarta time zone invoking the function, or starting the state machine, with `{ "trigger": "schedule" }`, retried on failure, with a
 * dead-letter queue for the events that still fail, so a missed run is visible rather than silent. The yearly
 * scholarship reminder is the same construct with its own definition.
 */
export class ReconciliationSchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(
    scope: Construct,
    id: string,
    props: { target: lambda.IFunction | sfn.IStateMachine; definition?: JobScheduleDefinition; scheduleId?: string; description?: string },
  ) {
    super(scope, id);
    const definition = props.definition ?? RECONCILIATION_SCHEDULE;
    // SQS-managed encryption: the Scheduler and Lambda's failure destination can write to it without a KMS grant
    // on the data key (the events hold a period and a trigger, no personal data).
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of a schedule.',
    });
    const targetProps = {
      input: scheduler.ScheduleTargetInput.fromObject(definition.event),
      deadLetterQueue: this.deadLetterQueue,
      maxEventAge: Duration.hours(6),
      retryAttempts: 3,
    };
    this.schedule = new scheduler.Schedule(this, props.scheduleId ?? 'Daily', {
      description: props.description ?? 'Santunan: reconcile premiums of the current and previous month',
      schedule: scheduler.ScheduleExpression.cron({
        ...definition.cron,
        timeZone: TimeZone.of(definition.timeZone),
      }),
      target:
        props.target instanceof lambda.Function
          ? new targets.LambdaInvoke(props.target, targetProps)
          : new targets.StepFunctionsStartExecution(props.target as sfn.IStateMachine, targetProps),
    });
    // The Scheduler invokes a function asynchronously: it retries and dead-letters only failures to invoke. A run
    // that fails inside the function is retried twice by Lambda and then sent to the same queue. (A state machine's
    // run records its own failure and fails its execution.)
    if (props.target instanceof lambda.Function)
      props.target.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        onFailure: new destinations.SqsDestination(this.deadLetterQueue),
      });
  }
}

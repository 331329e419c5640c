import { Duration, TimeZone, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RECONCILIATION_SCHEDULE } from '../definitions/schedules';

/**
 * The daily premium reconciliation: an EventBridge Scheduler schedule in the Asia/Jakarta time zone invoking the
 * reconciliation function with `{ "trigger": "schedule" }`, retried on failure, with a dead-letter queue for the
 * events that still fail, so a missed morning report is visible rather than silent.
 */
export class ReconciliationSchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: { target: lambda.IFunction }) {
    super(scope, id);
    // SQS-managed encryption: the Scheduler and Lambda's failure destination can write to it without a KMS grant
    // on the data key (the events hold a period and a trigger, no personal data).
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the reconciliation schedule.',
    });
    this.schedule = new scheduler.Schedule(this, 'Daily', {
      description: 'Santunan: reconcile premiums of the current and previous month',
      schedule: scheduler.ScheduleExpression.cron({
        ...RECONCILIATION_SCHEDULE.cron,
        timeZone: TimeZone.of(RECONCILIATION_SCHEDULE.timeZone),
      }),
      target: new targets.LambdaInvoke(props.target, {
        input: scheduler.ScheduleTargetInput.fromObject(RECONCILIATION_SCHEDULE.event),
        deadLetterQueue: this.deadLetterQueue,
        maxEventAge: Duration.hours(6),
        retryAttempts: 3,
      }),
    });
    // The Scheduler invokes asynchronously: it retries and dead-letters only failures to invoke. A run that fails
    // inside the function is retried twice by Lambda and then sent to the same queue.
    props.target.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
    });
  }
}

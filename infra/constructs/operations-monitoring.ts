import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** The CloudWatch namespace of the functions' business metrics (POWERTOOLS_METRICS_NAMESPACE) and their service. */
const NAMESPACE = 'Santunan';
const SERVICE = 'santunan';

export interface OperationsMonitoringProps {
  claimWorkflow: sfn.IStateMachine;
  reconciliationWorkflow: sfn.IStateMachine;
  /** Every dead-letter queue: each should stay empty. */
  deadLetterQueues: sqs.IQueue[];
  httpApi: apigwv2.HttpApi;
  functions: Record<string, lambda.IFunction>;
  /** Where the alarms are also emailed (the `alarmEmail` context value); the topic exists either way. */
  alarmEmail?: string;
}

/**
 * What the operators watch: one CloudWatch dashboard and the alarms that need a person, all sent to one SNS topic
 * (encrypted with its own key, which CloudWatch may use to publish):
 * - a claim workflow execution failed or timed out (a claim stuck, which the failure handler could not place);
 * - a reconciliation execution failed or timed out;
 * - a dead-letter queue holds a message (a scheduled run or an import that failed after its retries);
 * - the API answered a 5xx (never expected: a client's mistake is a 4xx);
 * - an approval passed its escalation point (`ApprovalsEscalated`: near the legal deadline, still undecided).
 * Alarms notify on ALARM and on OK, and a missing datapoint is not a breach (quiet days are normal).
 */
export class OperationsMonitoring extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationsMonitoringProps) {
    super(scope, id);
    const key = new kms.Key(this, 'AlarmsKey', {
      alias: 'alias/santunan-alarms',
      description: 'Santunan: the operations alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch publishes to an encrypted topic only with the key's use (AWS: "CloudWatch alarms and encrypted topics").
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Alarms', { displayName: 'Santunan operations alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const fiveMinutes = Duration.minutes(5);
    const alarm = (name: string, metric: cloudwatch.IMetric, description: string, threshold = 1) => {
      const created = new cloudwatch.Alarm(this, name, {
        alarmName: `santunan-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new actions.SnsAction(this.topic));
      created.addOkAction(new actions.SnsAction(this.topic));
      this.alarms.push(created);
      return created;
    };

    const claimFailed = props.claimWorkflow.metricFailed({ period: fiveMinutes, statistic: 'Sum' });
    const claimTimedOut = props.claimWorkflow.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' });
    const reconFailed = props.reconciliationWorkflow.metricFailed({ period: fiveMinutes, statistic: 'Sum' });
    const reconTimedOut = props.reconciliationWorkflow.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' });
    alarm(
      'ClaimWorkflowFailed',
      claimFailed,
      'A claim workflow execution failed: find it with ListExecutions --status-filter FAILED (docs/operations.md).',
    );
    alarm('ClaimWorkflowTimedOut', claimTimedOut, 'A claim workflow execution timed out (docs/operations.md).');
    alarm('ReconciliationFailed', reconFailed, 'A premium reconciliation run failed; finance has no report for it (docs/operations.md).');
    alarm('ReconciliationTimedOut', reconTimedOut, 'A premium reconciliation run timed out (docs/operations.md).');
    const dlqDepths = props.deadLetterQueues.map((q) =>
      q.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
    );
    dlqDepths.forEach((depth, i) => {
      const name = `DeadLettersNotEmpty${i === 0 ? '' : i + 1}`;
      alarm(name, depth, 'A scheduled run or an import failed after its retries and waits in the dead-letter queue (docs/operations.md).');
    });
    const server5xx = props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    alarm('Api5xx', server5xx, 'The API answered 5xx: a fault, never a client mistake (docs/operations.md).');
    const escalated = new cloudwatch.MathExpression({
      // Claims and further tranches alike: the metric carries a `kind` dimension.
      expression: `SUM(SEARCH('{${NAMESPACE},kind,service} MetricName="ApprovalsEscalated"', 'Sum', 3600))`,
      label: 'Approvals escalated',
      period: Duration.hours(1),
    });
    const escalatedClaims = new cloudwatch.Metric({
      namespace: NAMESPACE,
      metricName: 'ApprovalsEscalated',
      dimensionsMap: { service: SERVICE, kind: 'claim' },
      statistic: 'Sum',
      period: Duration.hours(1),
    });
    const escalatedTranches = escalatedClaims.with({ dimensionsMap: { service: SERVICE, kind: 'tranche' } });
    alarm(
      'ApprovalsNearDeadline',
      new cloudwatch.MathExpression({
        expression: 'FILL(claims, 0) + FILL(tranches, 0)',
        usingMetrics: { claims: escalatedClaims, tranches: escalatedTranches },
        label: 'Approvals escalated',
        period: Duration.hours(1),
      }),
      'An approval passed its escalation point, close to the legal deadline, and is still undecided: supervisors were asked (docs/operations.md).',
    );

    const fnErrors = Object.entries(props.functions).map(([name, fn]) =>
      fn.metricErrors({ period: fiveMinutes, statistic: 'Sum', label: name }),
    );
    const business = (metricName: string, label: string) =>
      new cloudwatch.MathExpression({
        expression: `SUM(SEARCH('{${NAMESPACE},service} MetricName="${metricName}"', 'Sum', 3600))`,
        label,
        period: Duration.hours(1),
      });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: 'Santunan-operations',
      defaultInterval: Duration.days(7),
    });
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 }));
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Claims: submitted, paid, approvals escalated (per hour)',
        left: [business('ClaimsSubmitted', 'Submitted'), business('ClaimsPaid', 'Paid'), escalated],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Claim workflow executions',
        left: [
          props.claimWorkflow.metricStarted({ period: fiveMinutes, statistic: 'Sum' }),
          props.claimWorkflow.metricSucceeded({ period: fiveMinutes, statistic: 'Sum' }),
          claimFailed,
          claimTimedOut,
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API: requests, 4xx, 5xx',
        left: [
          props.httpApi.metricCount({ period: fiveMinutes, statistic: 'Sum' }),
          props.httpApi.metricClientError({ period: fiveMinutes, statistic: 'Sum' }),
          server5xx,
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency (p50, p99)',
        left: [
          props.httpApi.metricLatency({ period: fiveMinutes, statistic: 'p50' }),
          props.httpApi.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Function errors', left: fnErrors, width: 12 }),
      new cloudwatch.GraphWidget({
        title: 'Reconciliation runs and dead letters',
        left: [reconFailed, reconTimedOut],
        right: dlqDepths,
        width: 12,
      }),
    );
  }
}

import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The customer-managed key for every CloudWatch log group of the stack. Function logs carry claim references and
 * error details, the access logs carry client IPs, so they are encrypted with a key the account controls (and can
 * revoke), separate from the data key. Its policy follows the AWS guide "Encrypt log data in CloudWatch Logs using
 * AWS KMS": the regional CloudWatch Logs service may use it, only for log groups of this account and region (the
 * encryption context names the log group). Writers need no KMS permission: CloudWatch Logs encrypts for them.
 */
export class LogsKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      alias: 'alias/santunan-logs',
      description: 'Santunan CloudWatch log groups: function logs, the claim workflow log, API access logs',
      enableKeyRotation: true,
    });
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsOfThisAccountAndRegion',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }
}

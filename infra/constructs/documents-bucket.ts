import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface DocumentsBucketProps {
  /** Customer-managed key for the documents (the access-log bucket cannot use it, see below). */
  encryptionKey: kms.IKey;
}

/**
 * The private bucket for claim documents (death certificates, family cards, bank books) and the bucket that
 * receives its server access logs. Families upload straight to the documents bucket with a presigned POST.
 */
export class DocumentsBucket extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: DocumentsBucketProps) {
    super(scope, id);

    // S3 server access logging only delivers to a bucket with SSE-S3 default encryption; SSE-KMS is not supported
    // for the target bucket, so this one uses S3-managed keys. The logs hold request metadata, not documents.
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // cdk-nag S1 (server access logs) is satisfied for this bucket because it is itself an access-log target.
    Validations.of(this.accessLogs).acknowledge({
      id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
      reason: 'S3 server access logging delivers only to a bucket with SSE-S3 default encryption; SSE-KMS targets are not supported.',
    });

    this.bucket = new s3.Bucket(this, 'Documents', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      // S3 Bucket Keys cut the KMS requests (and their cost and throttling) for every upload and HeadObject.
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        // Documents stay where they were uploaded (uploads/...) once a claim refers to them, so there is no
        // expiry rule on that prefix: it would delete the evidence of filed claims. Only half-finished multipart
        // uploads, which are invisible and billed, are cleaned up.
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    DocumentsBucket.noReplication(this.accessLogs);
    DocumentsBucket.noReplication(this.bucket);
  }

  /** Cross-region replication would copy claim documents out of Indonesia; see docs/security.md. */
  private static noReplication(bucket: s3.Bucket): void {
    Validations.of(bucket).acknowledge({
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason:
        'Claim data stays in Jakarta, the one AWS region in Indonesia, so no cross-region copy; versioning and retention on delete protect against loss within the region.',
    });
  }

  /**
   * The one site whose browsers may send uploads (CORS): the origin that serves the claim form. Set after the API
   * exists, since by default it is the API's own endpoint. CORS only decides which pages may send a browser
   * upload; every upload still needs a presigned POST.
   */
  allowUploadsFrom(origin: string): void {
    this.bucket.addCorsRule({
      // The form's script sends the file with the presigned POST; PUT is allowed for presigned PUT URLs.
      allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.PUT],
      allowedOrigins: [origin],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAge: 3600,
    });
  }
}

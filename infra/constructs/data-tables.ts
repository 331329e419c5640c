import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { KeyType, TableDefinition } from '../definitions/tables';

export interface DataTablesProps {
  /** The definitions to build (infra/definitions/tables.ts); the local twin builds its tables from the same list. */
  definitions: readonly TableDefinition[];
  /** Customer-managed key for encryption at rest. */
  encryptionKey: kms.IKey;
}

const attributeType = (type: KeyType): dynamodb.AttributeType =>
  type === 'N' ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING;

/**
 * One DynamoDB table per definition: on-demand, point-in-time recovery, encrypted with our key, never deleted with
 * the stack. Claims are legal records, so both RETAIN and deletion protection guard against a stray `cdk destroy`.
 */
export class DataTables extends Construct {
  private readonly tables = new Map<string, dynamodb.TableV2>();

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);
    for (const definition of props.definitions) {
      const table = new dynamodb.TableV2(this, definition.id, {
        partitionKey: { name: definition.partitionKey.name, type: attributeType(definition.partitionKey.type) },
        sortKey: { name: definition.sortKey.name, type: attributeType(definition.sortKey.type) },
        billing: dynamodb.Billing.onDemand(),
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: dynamodb.TableEncryptionV2.customerManagedKey(props.encryptionKey),
        timeToLiveAttribute: definition.timeToLiveAttribute,
        globalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
          indexName: index.indexName,
          partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
          sortKey: { name: index.sortKey.name, type: attributeType(index.sortKey.type) },
          // Items are small; projecting ALL saves a fetch-back to the base table for every item an index query returns.
          projectionType: dynamodb.ProjectionType.ALL,
        })),
        removalPolicy: RemovalPolicy.RETAIN,
        deletionProtection: true,
      });
      this.tables.set(definition.id, table);
    }
  }

  /** The table built for a definition; throws if the definition was not part of this construct. */
  table(definition: TableDefinition): dynamodb.TableV2 {
    const table = this.tables.get(definition.id);
    if (!table) throw new Error(`Table ${definition.id} is not defined in this stack`);
    return table;
  }

  get all(): readonly { definition: string; table: dynamodb.TableV2 }[] {
    return [...this.tables].map(([definition, table]) => ({ definition, table }));
  }
}

import { ENV, type EnvName } from '../../shared/composition/env';

/**
 * The DynamoDB tables as plain data. The CDK stack (infra/constructs/data-tables.ts) and the local twin
 * (infra/local/dynamodb.ts) both build their tables from this list, so the two cannot drift apart.
 * docs/data-model.md lists every item kind and access pattern.
 */
export type KeyType = 'S' | 'N';

export interface IndexDefinition {
  indexName: string;
  partitionKey: { name: string; type: KeyType };
  sortKey: { name: string; type: KeyType };
}

export interface TableDefinition {
  /** Construct id and local table name. */
  id: string;
  /** The variable that gives functions the table's name. */
  envVar: EnvName;
  partitionKey: { name: string; type: KeyType };
  sortKey: { name: string; type: KeyType };
  timeToLiveAttribute?: string;
  globalSecondaryIndexes: IndexDefinition[];
  /**
   * Partition-key prefixes of items that are written once and never changed: every role with access to the table is
   * denied UpdateItem, DeleteItem and BatchWriteItem on them (an IAM condition on dynamodb:LeadingKeys), and PartiQL
   * writes altogether. The claims' audit trail (`AUDIT#<reference>`).
   */
  appendOnlyPrefixes?: string[];
}

export const CLAIMS_TABLE: TableDefinition = {
  id: 'Claims',
  envVar: ENV.claimsTable,
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  timeToLiveAttribute: 'expiresAt',
  appendOnlyPrefixes: ['AUDIT#'],
  globalSecondaryIndexes: [
    { indexName: 'byStatus', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    // Sparse: claims whose member's district is known (verification, or a coordinator's filing) carry gsi2pk.
    { indexName: 'byDistrict', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
  ],
};

export const MEMBERS_TABLE: TableDefinition = {
  id: 'Members',
  envVar: ENV.membersTable,
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    { indexName: 'byProgram', partitionKey: { name: 'gsi1pk', type: 'S' }, sortKey: { name: 'gsi1sk', type: 'S' } },
    // Sparse: only coverage items that are not PAID carry gsi2pk, so a report reads its discrepancies directly.
    { indexName: 'discrepancies', partitionKey: { name: 'gsi2pk', type: 'S' }, sortKey: { name: 'gsi2sk', type: 'S' } },
    // Members by bucket (the NIK's last two digits): a shard of the reconciliation reads its members with a Query.
    { indexName: 'byShard', partitionKey: { name: 'gsi3pk', type: 'S' }, sortKey: { name: 'gsi3sk', type: 'S' } },
  ],
};

export const TABLES: readonly TableDefinition[] = [CLAIMS_TABLE, MEMBERS_TABLE];

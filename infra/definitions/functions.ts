import { CLAIMS_TABLE, MEMBERS_TABLE, type TableDefinition } from './tables';

/**
 * Every Lambda function: its entry file and what it may touch. The CDK stack grants exactly this access and sets
 * the matching environment variables; the local twin loads the same entry files.
 */
export interface FunctionDefinition {
  entry: string;
  description: string;
  tables: { table: TableDefinition; access: 'read' | 'readwrite' }[];
  documents?: 'read' | 'write' | 'readwrite';
  memorySize?: number;
}

export const FUNCTIONS = {
  claimForm: { entry: 'functions/claim-form.ts', description: 'GET / claim form and its script', tables: [] },
  createUpload: {
    entry: 'functions/create-upload.ts',
    description: 'POST /uploads presigned document upload',
    tables: [{ table: CLAIMS_TABLE, access: 'readwrite' }],
    documents: 'write',
  },
  submitClaim: {
    entry: 'functions/submit-claim.ts',
    description: 'POST /claims intake',
    tables: [{ table: CLAIMS_TABLE, access: 'readwrite' }],
    documents: 'read',
  },
  claimStatus: { entry: 'functions/claim-status.ts', description: 'GET /claims/{reference} status', tables: [{ table: CLAIMS_TABLE, access: 'read' }] },
} satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof FUNCTIONS;

/** Tables that hold no function yet still belong to the stack (the roster, used by the seed and later imports). */
export const STANDALONE_TABLES: readonly TableDefinition[] = [MEMBERS_TABLE];

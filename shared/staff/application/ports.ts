import type { StaffAccount } from '../domain/accounts';

/**
 * Staff accounts and their groups: Cognito's user pool in AWS (adapters/cognito-directory.ts), the twin's
 * Cognito-shaped endpoint locally (infra/local/cognito.ts) through the same adapter.
 */
export interface StaffDirectory {
  list(): Promise<StaffAccount[]>;
  get(username: string): Promise<StaffAccount | undefined>;
  /** Creates the account with these groups; ConflictError `USERNAME_TAKEN` when the username exists. */
  create(input: { username: string; email: string; groups: string[] }): Promise<void>;
  /** Adds and removes groups; a scope group that does not exist yet is created first. */
  changeGroups(username: string, add: readonly string[], remove: readonly string[]): Promise<void>;
  setEnabled(username: string, enabled: boolean): Promise<void>;
}

/** One change to a staff account: who made it, when, what was asked and the account before and after. */
export interface StaffAuditEvent {
  at: string;
  by: string;
  username: string;
  action: 'CREATED' | 'CHANGED';
  change: Record<string, unknown>;
  before?: Omit<StaffAccount, 'createdAt'>;
  after: Omit<StaffAccount, 'createdAt'>;
}

export interface StaffAuditLog {
  /** Written once, never changed (a conditional put). */
  record(event: StaffAuditEvent): Promise<void>;
  /** An account's changes, oldest first. */
  of(username: string): Promise<StaffAuditEvent[]>;
}

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError } from '../../kernel/errors';
import type { StaffDirectory } from '../application/ports';
import { accountOf, type StaffAccount } from '../domain/accounts';

const nameOf = (error: unknown): string => (error as { name?: string })?.name ?? '';
const attribute = (attributes: { Name?: string; Value?: string }[] | undefined, name: string) =>
  attributes?.find((a) => a.Name === name)?.Value ?? '';

/**
 * The staff directory on a Cognito user pool: accounts are users, roles and scopes are groups (access tokens carry
 * `cognito:groups`). Scope groups (`province:31`, `district:317301`) are created the first time an account needs one.
 * The twin answers the same calls (infra/local/cognito.ts).
 */
export class CognitoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  private async groupsOf(username: string): Promise<string[]> {
    const groups: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await this.client.send(
        new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username, NextToken, Limit: 60 }),
      );
      groups.push(...(out.Groups ?? []).map((g) => g.GroupName ?? ''));
      NextToken = out.NextToken;
    } while (NextToken);
    return groups;
  }

  private async toAccount(user: { username: string; email: string; enabled: boolean; createdAt?: Date }): Promise<StaffAccount> {
    return accountOf(
      {
        username: user.username,
        email: user.email,
        enabled: user.enabled,
        ...(user.createdAt ? { createdAt: user.createdAt.toISOString() } : {}),
      },
      await this.groupsOf(user.username),
    );
  }

  async list(): Promise<StaffAccount[]> {
    const users: UserType[] = [];
    let PaginationToken: string | undefined;
    do {
      const out = await this.client.send(new ListUsersCommand({ UserPoolId: this.userPoolId, PaginationToken, Limit: 60 }));
      users.push(...(out.Users ?? []));
      PaginationToken = out.PaginationToken;
    } while (PaginationToken);
    // A few staff accounts: their groups are read five at a time (Cognito's admin calls are rate-limited).
    const accounts: StaffAccount[] = [];
    for (let i = 0; i < users.length; i += 5)
      accounts.push(
        ...(await Promise.all(
          users.slice(i, i + 5).map((u) =>
            this.toAccount({
              username: u.Username ?? '',
              email: attribute(u.Attributes, 'email'),
              enabled: u.Enabled !== false,
              createdAt: u.UserCreateDate,
            }),
          ),
        )),
      );
    return accounts;
  }

  async get(username: string): Promise<StaffAccount | undefined> {
    try {
      const out = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      return this.toAccount({
        username: out.Username ?? username,
        email: attribute(out.UserAttributes, 'email'),
        enabled: out.Enabled !== false,
        createdAt: out.UserCreateDate,
      });
    } catch (error) {
      if (nameOf(error) === 'UserNotFoundException') return undefined;
      throw error;
    }
  }

  async create(input: { username: string; email: string; groups: string[] }): Promise<void> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: input.username,
          UserAttributes: [
            { Name: 'email', Value: input.email },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (error) {
      if (nameOf(error) === 'UsernameExistsException')
        throw new ConflictError('USERNAME_TAKEN', 'This username is taken.', { field: 'username' });
      throw error;
    }
    await this.changeGroups(input.username, input.groups, []);
  }

  private async addToGroup(username: string, group: string): Promise<void> {
    const add = () =>
      this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }));
    try {
      await add();
    } catch (error) {
      if (nameOf(error) !== 'ResourceNotFoundException') throw error;
      // The scope group does not exist yet: made now (another request may have made it meanwhile), then the user added.
      try {
        await this.client.send(
          new CreateGroupCommand({ UserPoolId: this.userPoolId, GroupName: group, Description: `Santunan scope ${group}` }),
        );
      } catch (created) {
        if (nameOf(created) !== 'GroupExistsException') throw created;
      }
      await add();
    }
  }

  async changeGroups(username: string, add: readonly string[], remove: readonly string[]): Promise<void> {
    for (const group of add) await this.addToGroup(username, group);
    for (const group of remove)
      await this.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }));
  }

  async setEnabled(username: string, enabled: boolean): Promise<void> {
    const input = { UserPoolId: this.userPoolId, Username: username };
    await this.client.send(enabled ? new AdminEnableUserCommand(input) : new AdminDisableUserCommand(input));
  }
}

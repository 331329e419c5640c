import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROLES } from '../../shared/staff/domain/roles';

/** The twin's user pool id (Cognito's `<region>_<id>` shape); STAFF_USER_POOL_ID names it to the functions. */
export const LOCAL_USER_POOL_ID = 'ap-southeast-3_SantunanLocal';

export interface LocalStaffUser {
  username: string;
  email: string;
  groups: string[];
  enabled: boolean;
  createdAt: string;
}

interface StoreFile {
  users: LocalStaffUser[];
  groups: string[];
}

/**
 * The twin's staff accounts, in the data directory (`staff-users.json`), so accounts an admin creates survive a restart.
 * The seeded users are put back on every start if missing (never changed if present: an admin may have changed them).
 * The Cognito stand-in below writes it; the twin's token issuer reads it (infra/local/auth.ts).
 */
export class LocalStaffStore {
  private data: StoreFile;
  private readonly file: string;

  constructor(dataDir: string, seeded: readonly { username: string; email: string; groups: string[] }[]) {
    this.file = join(dataDir, 'staff-users.json');
    this.data = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as StoreFile) : { users: [], groups: [] };
    const now = new Date().toISOString();
    for (const u of seeded)
      if (!this.find(u.username)) this.data.users.push({ ...u, groups: [...u.groups], enabled: true, createdAt: now });
    this.data.groups = [...new Set([...ROLES, ...this.data.groups, ...this.data.users.flatMap((u) => u.groups)])];
    this.save();
  }

  find(username: string): LocalStaffUser | undefined {
    return this.data.users.find((u) => u.username === username);
  }

  all(): readonly LocalStaffUser[] {
    return this.data.users;
  }

  hasGroup(name: string): boolean {
    return this.data.groups.includes(name);
  }

  addGroup(name: string): void {
    this.data.groups.push(name);
    this.save();
  }

  addUser(user: LocalStaffUser): void {
    this.data.users.push(user);
    this.save();
  }

  save(): void {
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.data, null, 1), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }
}

type Body = Record<string, unknown>;
class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const userType = (u: LocalStaffUser) => ({
  Username: u.username,
  Enabled: u.enabled,
  UserStatus: 'CONFIRMED',
  UserCreateDate: Math.floor(Date.parse(u.createdAt) / 1000),
  UserLastModifiedDate: Math.floor(Date.parse(u.createdAt) / 1000),
});
const attributes = (u: LocalStaffUser) => [
  { Name: 'email', Value: u.email },
  { Name: 'email_verified', Value: 'true' },
  { Name: 'sub', Value: `local-${u.username}` },
];

/** The Cognito user pool calls the staff directory makes (shared/staff/adapters/cognito-directory.ts), as AWS answers them. */
const operations = (store: LocalStaffStore): Record<string, (body: Body) => unknown> => {
  const user = (body: Body) => {
    const found = store.find(String(body.Username ?? ''));
    if (!found) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return found;
  };
  const group = (body: Body) => {
    const name = String(body.GroupName ?? '');
    if (!store.hasGroup(name)) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
    return name;
  };
  return {
    ListUsers: (body) => {
      const limit = Math.min(Number(body.Limit ?? 60) || 60, 60);
      const start = Number(body.PaginationToken ?? 0) || 0;
      const page = store.all().slice(start, start + limit);
      const next = start + limit < store.all().length ? String(start + limit) : undefined;
      return { Users: page.map((u) => ({ ...userType(u), Attributes: attributes(u) })), ...(next ? { PaginationToken: next } : {}) };
    },
    AdminGetUser: (body) => {
      const u = user(body);
      return { ...userType(u), UserAttributes: attributes(u) };
    },
    AdminListGroupsForUser: (body) => ({
      Groups: user(body).groups.map((g) => ({ GroupName: g, UserPoolId: LOCAL_USER_POOL_ID })),
    }),
    AdminCreateUser: (body) => {
      const username = String(body.Username ?? '');
      if (!username) throw new CognitoError('InvalidParameterException', 'Username is required.');
      if (store.find(username)) throw new CognitoError('UsernameExistsException', 'User account already exists.');
      const attrs = (body.UserAttributes ?? []) as { Name: string; Value: string }[];
      const created: LocalStaffUser = {
        username,
        email: attrs.find((a) => a.Name === 'email')?.Value ?? '',
        groups: [],
        enabled: true,
        createdAt: new Date().toISOString(),
      };
      store.addUser(created);
      return { User: { ...userType(created), Attributes: attributes(created) } };
    },
    CreateGroup: (body) => {
      const name = String(body.GroupName ?? '');
      if (store.hasGroup(name)) throw new CognitoError('GroupExistsException', 'A group with the name already exists.');
      store.addGroup(name);
      return { Group: { GroupName: name, UserPoolId: LOCAL_USER_POOL_ID } };
    },
    AdminAddUserToGroup: (body) => {
      const name = group(body);
      const u = user(body);
      if (!u.groups.includes(name)) u.groups.push(name);
      store.save();
      return {};
    },
    AdminRemoveUserFromGroup: (body) => {
      const name = group(body);
      const u = user(body);
      u.groups = u.groups.filter((g) => g !== name);
      store.save();
      return {};
    },
    AdminDisableUser: (body) => {
      user(body).enabled = false;
      store.save();
      return {};
    },
    AdminEnableUser: (body) => {
      user(body).enabled = true;
      store.save();
      return {};
    },
  };
};

/**
 * The twin's Cognito user pool endpoint (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER), in the AWS JSON 1.1 protocol the
 * SDK speaks: the admin calls on staff accounts and groups, on one pool. Any other call or pool is refused as AWS would.
 */
export const startCognitoEndpoint = async (store: LocalStaffStore): Promise<{ server: Server; url: string; stop: () => Promise<void> }> => {
  const ops = operations(store);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.startsWith('AWSCognitoIdentityProviderService.') ? ops[target.slice(target.indexOf('.') + 1)] : undefined;
      if (!op) return reply(400, { __type: 'UnknownOperationException' });
      let body: Body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Body;
      } catch {
        return reply(400, { __type: 'InvalidParameterException', message: 'The request body is not JSON' });
      }
      if (body.UserPoolId !== LOCAL_USER_POOL_ID)
        return reply(400, { __type: 'ResourceNotFoundException', message: `User pool ${String(body.UserPoolId)} does not exist.` });
      try {
        reply(200, op(body));
      } catch (error) {
        if (error instanceof CognitoError) reply(400, { __type: error.type, message: error.message });
        else reply(500, { __type: 'InternalErrorException', message: (error as Error).message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

import { ValidationError } from '../../kernel/errors';

/** A store's pagination cursor as an opaque URL-safe token for clients. */
export const encodePageToken = (cursor: Record<string, unknown> | undefined): string | undefined =>
  cursor ? Buffer.from(JSON.stringify(cursor)).toString('base64url') : undefined;

/** The cursor inside a token this API gave out; anything else is a 400 on `nextToken`. */
export const decodePageToken = (token: string | undefined): Record<string, unknown> | undefined => {
  if (!token) return undefined;
  try {
    const key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (key && typeof key === 'object' && !Array.isArray(key) && Object.values(key).every((v) => typeof v === 'string')) {
      return key as Record<string, unknown>;
    }
  } catch {
    // fall through: not a token of ours
  }
  throw new ValidationError([{ path: 'nextToken', code: 'invalid' }], 'nextToken is not one this API gave out.');
};

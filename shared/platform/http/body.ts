import { ValidationError } from '../../kernel/errors';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './errors';

export type BodyKind = 'json' | 'form' | 'csv';

const MEDIA: Record<BodyKind, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  csv: 'text/csv',
};

export const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Decodes the API Gateway body (plain or base64) and enforces the byte limit before anything parses it. */
export const decodeBody = (body: string | undefined, isBase64Encoded: boolean, maxBytes: number): string => {
  if (!body) return '';
  const bytes = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return bytes.toString('utf8');
};

export const bodyKindOf = (contentType: string | undefined, accepted: readonly BodyKind[]): BodyKind => {
  const media = mediaTypeOf(contentType);
  const kind = accepted.find((k) => MEDIA[k] === media);
  if (!kind) throw new UnsupportedMediaTypeError(accepted.map((k) => MEDIA[k]));
  return kind;
};

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([{ path: '', code: 'body.json' }], 'The body is not valid JSON.');
  }
};

const MAX_INDEX = 50;
const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/**
 * Form fields are named by their JSON path (`member.nik`, `documents[0].type`): rebuild the nested object.
 * Empty inputs are left out so that optional fields stay optional. Keys that could reach a prototype are refused.
 */
export const parseForm = (text: string): Record<string, unknown> => {
  const root: Record<string, unknown> = {};
  for (const [name, rawValue] of new URLSearchParams(text)) {
    const value = rawValue.trim();
    if (value === '') continue;
    const path: (string | number)[] = [];
    for (const m of name.matchAll(SEGMENT)) path.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
    if (
      path.length === 0 ||
      path.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype' || (typeof p === 'number' && p > MAX_INDEX))
    )
      continue;
    let node: Record<string | number, unknown> = root;
    path.forEach((segment, i) => {
      if (i === path.length - 1) {
        node[segment] = value;
        return;
      }
      const nextIsIndex = typeof path[i + 1] === 'number';
      if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = nextIsIndex ? [] : {};
      node = node[segment] as Record<string | number, unknown>;
    });
  }
  // Sparse arrays from forms (a document row left empty) become dense.
  const compact = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
    return v;
  };
  return compact(root) as Record<string, unknown>;
};

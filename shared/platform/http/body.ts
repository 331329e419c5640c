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

/** Deeper than any body of the contract (5 levels); a deeper one is refused before anything walks it recursively. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a parsed JSON value, walked without recursion (an array or object adds one level). */
const depthOf = (root: unknown): number => {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
};

export const parseJson = (text: string): unknown => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON, or nested so deep that the parser itself gives up.
    throw new ValidationError([{ path: '', code: 'body.json' }], 'The body is not valid JSON.');
  }
  if (depthOf(value) > MAX_JSON_DEPTH)
    throw new ValidationError([{ path: '', code: 'body.tooDeep' }], `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  return value;
};

const MAX_INDEX = 50;
/** The form's deepest field is `documents[0].uploadId` (3 segments); a name of more is not one of ours. */
const MAX_SEGMENTS = 8;
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
    for (const m of name.matchAll(SEGMENT)) {
      path.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
      if (path.length > MAX_SEGMENTS)
        throw new ValidationError([{ path: name.slice(0, 60), code: 'invalid' }], 'A form field name is nested too deep.');
    }
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

import type * as z from 'zod/mini';
import { type FieldError, ValidationError } from './errors';

/** JSON path as the form names its fields: `documents[0].uploadId`. */
export const pathString = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');

/** Parses with a schema or throws a ValidationError listing every field with its message code. */
export const validate = <S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.infer<S>;
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const path = pathString(issue.path);
    // One message per field is what a person can act on; the first is the most basic.
    if (seen.has(path)) continue;
    seen.add(path);
    const code = /^[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'invalid';
    fields.push({ path, code });
  }
  throw new ValidationError(fields);
};

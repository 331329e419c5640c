import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ValidationError } from '../../kernel/errors';
import { checkHeader, headerNames, type RowError, type RowResult } from '../domain/csv-line';

export interface RejectedLine {
  line: number;
  errors: RowError[];
}

export interface CsvImportResult {
  /** Data lines read (the header not counted). */
  lines: number;
  accepted: number;
  rejected: RejectedLine[];
}

/**
 * Characters no text CSV holds: C0 controls other than tab, newline and carriage return (and form feed, vertical tab),
 * and the replacement character a wrong encoding leaves behind. Matching control characters is the point here.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary content is what this pattern is for
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]/;

/** The separators a file may use: a comma, or a semicolon (what Excel saves as "CSV" with Indonesian settings). */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * The separator of a file, from its header line: the one of the two it uses more, outside quotes (the header names no
 * column with either in it). A header with neither is read as comma-separated, and its check then says which
 * separators are accepted.
 */
export const separatorOf = (headerLine: string): CsvSeparator => {
  let quoted = false;
  const counts = { ',': 0, ';': 0 };
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';')) counts[c] += 1;
  }
  return counts[';'] > counts[','] ? ';' : ',';
};

/** Reads a source up to its first line end (at most 64 KB), and gives the whole source back as a stream. */
const peekFirstLine = async (source: string | Buffer | Readable): Promise<{ firstLine: string; input: Readable }> => {
  if (typeof source === 'string' || Buffer.isBuffer(source)) {
    const text = (typeof source === 'string' ? source : source.subarray(0, 64 * 1024).toString('utf8')).slice(0, 64 * 1024);
    return { firstLine: text.split(/\r?\n/, 1)[0] ?? '', input: Readable.from([source]) };
  }
  const chunks = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    head.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a) || size >= 64 * 1024) break;
  }
  const firstLine =
    Buffer.concat(head)
      .subarray(0, 64 * 1024)
      .toString('utf8')
      .split(/\r?\n/, 1)[0] ?? '';
  const rest = async function* () {
    yield* head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  };
  return { firstLine, input: Readable.from(rest()) };
};

/** How many accepted rows are handed to the writer at once. */
const BATCH = 500;

/**
 * Streams a CSV (a string, a Buffer or a readable stream from storage) through csv-parse: the header is checked
 * first, then each line is validated on its own with its line number. A rejected line never stops the good ones;
 * accepted rows go to `write` in batches while the file is still being read. Lines whose key repeats an earlier
 * line of the same file are rejected as duplicates. A file that is not CSV at all (binary junk, a broken quote)
 * or has a wrong header is refused as a whole with a 400 naming the line.
 */
export const importCsv = async <T>(
  source: string | Buffer | Readable,
  options: {
    header: readonly string[];
    /** Columns a file may add after `header` (each at most once, in this order); its header row says which it has. */
    optionalHeader?: readonly string[];
    parseRow: (fields: Record<string, string>, today: string) => RowResult<T>;
    keyOf: (row: T) => string;
    write: (rows: T[]) => Promise<void>;
    today: string;
    /**
     * Batches handed to `write` and not finished yet while the file is read on (1: each batch is written before the
     * next line is read). More than one lets the file be parsed and the next batch read from the database while
     * the last one is written; `write` must then accept batches in any order (their keys never repeat).
     */
    writesInFlight?: number;
  },
): Promise<CsvImportResult> => {
  const { firstLine, input } = await peekFirstLine(source);
  const delimiter = separatorOf(firstLine);
  const parser = input.pipe(
    parse({ bom: true, delimiter, trim: true, skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: 64 * 1024 }),
  );
  const rejected: RejectedLine[] = [];
  const seen = new Map<string, number>();
  let header: string[] | undefined;
  let lines = 0;
  let accepted = 0;
  let batch: T[] = [];
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(1, options.writesInFlight ?? 1);
  let writeFailure: { error: unknown } | undefined;
  const flush = async () => {
    if (batch.length > 0) {
      const rows = batch;
      batch = [];
      const writing: Promise<void> = options.write(rows).then(
        () => void inFlight.delete(writing),
        (error: unknown) => {
          inFlight.delete(writing);
          writeFailure ??= { error };
        },
      );
      inFlight.add(writing);
    }
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    if (writeFailure) throw writeFailure.error;
  };
  /** Every batch handed over has finished (a failure of the file or of a write never leaves writes running). */
  const settle = async () => {
    await Promise.all(inFlight);
    if (writeFailure) throw writeFailure.error;
  };
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record: cells, info } = record;
      if (!header) {
        if (cells.some((c) => BINARY.test(c)))
          throw new ValidationError([
            { path: 'line 1', code: 'csv.binary', message: 'This is not a CSV text file (binary content on line 1).' },
          ]);
        const check = checkHeader(cells, options.header, options.optionalHeader);
        if (!check.ok) {
          // One cell holding the whole header: the file is separated by something else (a tab, a pipe).
          const separated = cells.length > 1 ? '' : ' Columns must be separated by a comma or a semicolon; this header has neither.';
          const message = `${check.message}${separated}`;
          throw new ValidationError([{ path: 'line 1', code: check.code, message }], `Wrong header: ${message}`);
        }
        // The file's own columns: the required ones, then whichever optional ones its header names.
        header = headerNames(cells);
        continue;
      }
      lines += 1;
      if (cells.some((c) => BINARY.test(c))) {
        rejected.push({
          line: info.lines,
          errors: [{ field: '*', code: 'csv.binary', message: 'The line holds binary or unreadable characters.' }],
        });
        continue;
      }
      if (cells.length !== header.length) {
        rejected.push({
          line: info.lines,
          errors: [{ field: '*', code: 'csv.columns', message: `Expected ${header.length} columns, found ${cells.length}.` }],
        });
        continue;
      }
      const fields = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
      const result = options.parseRow(fields, options.today);
      if (!result.ok) {
        rejected.push({ line: info.lines, errors: result.errors });
        continue;
      }
      const key = options.keyOf(result.value);
      const first = seen.get(key);
      if (first !== undefined) {
        rejected.push({
          line: info.lines,
          errors: [{ field: '*', code: 'csv.duplicate', message: `Same key as line ${first} of this file.` }],
        });
        continue;
      }
      seen.set(key, info.lines);
      accepted += 1;
      batch.push(result.value);
      if (batch.length >= BATCH) await flush();
    }
  } catch (error) {
    await Promise.all(inFlight);
    if (error instanceof ValidationError) throw error;
    // Any parser error is the file's fault, never ours: a 400 naming the line and the parser's code. Its message
    // quotes the offending field, which may hold personal data, so it is neither returned nor logged.
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? '?';
      throw new ValidationError(
        [
          {
            path: `line ${line}`,
            code: 'csv.invalid',
            message: `Not valid CSV on line ${line} (${error.code}). Save the file again as CSV (UTF-8, separated by commas or semicolons).`,
          },
        ],
        `The file is not valid CSV (line ${line}).`,
      );
    }
    throw error;
  }
  if (!header)
    throw new ValidationError([
      { path: 'line 1', code: 'csv.empty', message: `The file is empty: the first line must be the header ${options.header.join(',')}.` },
    ]);
  await flush();
  await settle();
  return { lines, accepted, rejected };
};

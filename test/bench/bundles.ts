import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { BUNDLING } from '../../infra/definitions/bundling';
import { FUNCTIONS, type FunctionName } from '../../infra/definitions/functions';
import { kb, median, ratio, verdict } from './stats';

/**
 * (a) Bundle size of every Lambda, built exactly as CDK builds it (infra/definitions/bundling.ts), against a
 * baseline bundle holding only the same AWS SDK clients and commands, built with the same settings.
 * (b) Cold import time of each bundle in a fresh Node process against its baseline, interleaved.
 */
const SIZE_TARGET = 1.15;
const IMPORT_TARGET = 1.1;
/** Odd, for a true median; 21 rather than 15 since the machines are shared and wall times scatter. */
const IMPORT_RUNS = 21;

interface Built {
  file: string;
  bytes: number;
  byPackage: [string, number][];
  /** Bytes of the composition root (shared/composition): what wiring use cases to adapters costs a bundle. */
  compositionBytes: number;
  metafile: Metafile;
}

const packageOf = (path: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1]! : 'santunan (our code)';
};

const bundle = async (entry: string, outfile: string): Promise<Built> => {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: BUNDLING.format,
    target: BUNDLING.target,
    platform: BUNDLING.platform,
    minify: BUNDLING.minify,
    sourcemap: false, // source maps are a separate file in Lambda; they do not load at import
    mainFields: BUNDLING.mainFields,
    banner: { js: BUNDLING.banner },
    external: BUNDLING.external,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const byPackage = new Map<string, number>();
  let compositionBytes = 0;
  for (const [path, input] of Object.entries(output.inputs)) {
    byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + input.bytesInOutput);
    if (path.startsWith('shared/composition/')) compositionBytes += input.bytesInOutput;
  }
  return {
    file: outfile,
    bytes: output.bytes,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    compositionBytes,
    metafile: result.metafile,
  };
};

/**
 * The baseline entry: the AWS SDK clients, commands and helpers this function's bundle contains (read from its
 * metafile), imported by name and the clients instantiated as the function does at cold start.
 */
const baselineEntry = async (metafile: Metafile): Promise<string | undefined> => {
  const inputs = Object.keys(Object.values(metafile.outputs)[0]!.inputs);
  const wanted = new Map<string, Set<string>>();
  for (const path of inputs) {
    const m = /node_modules\/(@aws-sdk\/(?:client-[^/]+|lib-dynamodb|s3-presigned-post))\/dist-es\/(?:commands\/)?(\w+)\.js$/.exec(path);
    if (!m) continue;
    const [, pkg, name] = m as unknown as [string, string, string];
    const exported = (await import(pkg)) as Record<string, unknown>;
    if (!(name in exported)) continue;
    if (!wanted.has(pkg)) wanted.set(pkg, new Set());
    wanted.get(pkg)!.add(name);
  }
  if (wanted.size === 0) return undefined;
  const lines: string[] = [];
  const keep: string[] = [];
  // Aliased per package: lib-dynamodb and client-dynamodb both export e.g. QueryCommand.
  const alias = (pkgIndex: number, name: string) => `p${pkgIndex}_${name}`;
  const ddbIndex = [...wanted.keys()].indexOf('@aws-sdk/client-dynamodb');
  [...wanted].forEach(([pkg, names], i) => {
    lines.push(`import { ${[...names].map((n) => `${n} as ${alias(i, n)}`).join(', ')} } from '${pkg}';`);
    for (const n of names) {
      if (n === 'DynamoDBDocumentClient' && ddbIndex >= 0) keep.push(`${alias(i, n)}.from(new ${alias(ddbIndex, 'DynamoDBClient')}({}))`);
      else if (/Client$/.test(n) && n !== 'DynamoDBDocumentClient') keep.push(`new ${alias(i, n)}({})`);
      else keep.push(alias(i, n));
    }
  });
  return `${lines.join('\n')}\nexport const keep = [${keep.join(', ')}];\n`;
};

/**
 * Milliseconds to import a module in a fresh Node process (the code a Lambda cold start runs before the handler):
 * the wall time, and the CPU time the process spent on it (all its threads). On a shared machine the wall time also
 * holds the time spent waiting for a core; the CPU time does not, so it shows the import's own cost more steadily.
 */
const importTime = (file: string, env: NodeJS.ProcessEnv): { wall: number; cpu: number } => {
  const script =
    'const c=process.cpuUsage();const t=performance.now();await import(process.argv[1]);const w=performance.now()-t;const u=process.cpuUsage(c);process.stdout.write(w+" "+(u.user+u.system)/1000)';
  try {
    const [wall, cpu] = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .toString()
      .split(' ')
      .map(Number);
    return { wall: wall!, cpu: cpu! };
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(
      `Importing ${file} failed: ${stderr
        .split('\n')
        .filter((l) => /Error/.test(l))
        .slice(0, 3)
        .join(' | ')
        .slice(0, 500)}`,
    );
  }
};

export interface BundleRow {
  name: FunctionName;
  bytes: number;
  baselineBytes?: number;
  importMs: number;
  baselineImportMs?: number;
  importCpuMs: number;
  baselineImportCpuMs?: number;
  byPackage: [string, number][];
  compositionBytes: number;
  baselineLabel: string;
}

export const benchBundles = async (): Promise<{ rows: BundleRow[]; markdown: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'santunan-bundles-'));
  const env = {
    ...process.env,
    CLAIMS_TABLE_NAME: 'bench-claims',
    MEMBERS_TABLE_NAME: 'bench-members',
    DOCUMENTS_BUCKET_NAME: 'bench-documents',
    STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:santunan-claims',
    MAIL_FROM: 'santunan@example.go.id',
    AUTH_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_bench',
    AUTH_JWKS_URL: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_bench/.well-known/jwks.json',
    BANK_API_URL: 'https://bank.example.invalid',
    BANK_API_KEY_SECRET: 'santunan/bank-api-key',
    RECONCILE_FUNCTION_NAME: 'santunan-reconcile-premiums',
    RECONCILIATION_STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:santunan-reconciliation',
    AWS_REGION: 'ap-southeast-3',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
  const rows: (BundleRow & { baselineFile?: string; file: string })[] = [];
  for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
    const built = await bundle(resolve(FUNCTIONS[name].entry), join(dir, `${name}.mjs`));
    const source = await baselineEntry(built.metafile);
    let baseline: Built | undefined;
    let label = 'no AWS SDK client';
    if (source) {
      const entry = join(process.cwd(), 'test', 'bench', `.baseline-${name}.mjs`);
      writeFileSync(entry, source);
      try {
        baseline = await bundle(entry, join(dir, `${name}.baseline.mjs`));
      } finally {
        (await import('node:fs')).rmSync(entry, { force: true });
      }
      label = [...source.matchAll(/import \{ ([^}]+) \} from '([^']+)'/g)]
        .map((m) => `${m[2]!.replace('@aws-sdk/', '')}: ${m[1]!.replace(/ as p\d+_\w+/g, '')}`)
        .join('; ');
    }
    rows.push({
      name,
      file: built.file,
      bytes: built.bytes,
      byPackage: built.byPackage,
      compositionBytes: built.compositionBytes,
      baselineFile: baseline?.file,
      baselineBytes: baseline?.bytes,
      importMs: 0,
      importCpuMs: 0,
      baselineLabel: label,
    });
  }
  // Interleave function and baseline imports so that machine noise hits both alike.
  const samples = new Map<string, { wall: number; cpu: number }[]>();
  const sample = (key: string, ms: { wall: number; cpu: number }) => samples.set(key, [...(samples.get(key) ?? []), ms]);
  for (let run = 0; run < IMPORT_RUNS; run += 1) {
    for (const row of rows) {
      sample(row.name, importTime(row.file, env));
      if (row.baselineFile) sample(`${row.name}:baseline`, importTime(row.baselineFile, env));
    }
  }
  for (const row of rows) {
    row.importMs = median(samples.get(row.name)!.map((x) => x.wall));
    row.importCpuMs = median(samples.get(row.name)!.map((x) => x.cpu));
    if (row.baselineFile) {
      row.baselineImportMs = median(samples.get(`${row.name}:baseline`)!.map((x) => x.wall));
      row.baselineImportCpuMs = median(samples.get(`${row.name}:baseline`)!.map((x) => x.cpu));
    }
  }

  const table = rows.map((r) => {
    const size = r.baselineBytes
      ? `${kb(r.bytes)} / ${kb(r.baselineBytes)} = **${ratio(r.bytes, r.baselineBytes)}** (${verdict(r.bytes / r.baselineBytes <= SIZE_TARGET)})`
      : `${kb(r.bytes)} (no SDK baseline)`;
    const imp = r.baselineImportMs
      ? `${r.importMs.toFixed(1)} / ${r.baselineImportMs.toFixed(1)} ms = **${ratio(r.importMs, r.baselineImportMs)}** (${verdict(r.importMs / r.baselineImportMs <= IMPORT_TARGET)})`
      : `${r.importMs.toFixed(1)} ms`;
    const cpu = r.baselineImportCpuMs
      ? `${r.importCpuMs.toFixed(1)} / ${r.baselineImportCpuMs.toFixed(1)} ms = **${ratio(r.importCpuMs, r.baselineImportCpuMs)}** (${verdict(r.importCpuMs / r.baselineImportCpuMs <= IMPORT_TARGET)})`
      : `${r.importCpuMs.toFixed(1)} ms`;
    return `| ${r.name} | ${size} | ${imp} | ${cpu} |`;
  });
  const breakdown = rows.map((r) => {
    const top = r.byPackage
      .slice(0, 10)
      .map(([p, b]) => `${p} ${kb(b)}`)
      .join(', ');
    const extra = r.baselineBytes ? ` Beyond the baseline: ${kb(r.bytes - r.baselineBytes)}.` : '';
    return `- **${r.name}** (${kb(r.bytes)}): ${top}.${extra} Composition root: ${kb(r.compositionBytes)}.\n  Baseline holds ${r.baselineLabel}.`;
  });
  const markdown = [
    '## Lambda bundles: size and cold import',
    '',
    `Each function is bundled with esbuild exactly as the CDK stack does (infra/definitions/bundling.ts: ESM, minified, target ${BUNDLING.target}, main fields ${BUNDLING.mainFields.join(',')}; source maps excluded since they are a separate file). ` +
      "The **baseline** for a function is a bundle built with the same settings from an entry that imports only the AWS SDK clients, commands and helpers found in that function's own esbuild metafile and instantiates the clients, as the function does at cold start. " +
      `Cold import is the time to \`import()\` the bundle in a fresh \`node\` process, median of ${IMPORT_RUNS} processes each, function and baseline interleaved: the wall time, and the CPU time the process spent importing (which, unlike the wall time, does not grow while the process waits for a core on a shared machine). A bundle meets the import target when both do.`,
    '',
    `Targets: size at most ${SIZE_TARGET}x and import at most ${IMPORT_TARGET}x the baseline.`,
    '',
    '| function | size (bundle / baseline = ratio) | cold import, wall (bundle / baseline = ratio) | cold import, CPU (bundle / baseline = ratio) |',
    '|---|---|---|---|',
    ...table,
    '',
    (() => {
      const worst = rows.reduce((m, r) => (r.compositionBytes / r.bytes > m.compositionBytes / m.bytes ? r : m), rows[0]!);
      return `The composition root (\`shared/composition\`, the only place adapters are built) is ${kb(Math.min(...rows.map((r) => r.compositionBytes)))} to ${kb(Math.max(...rows.map((r) => r.compositionBytes)))} of a bundle, at most ${((100 * worst.compositionBytes) / worst.bytes).toFixed(2)}% (${worst.name}); the ports are types and leave no code.`;
    })(),
    '',
    'Breakdown by package (bytes in the minified output, from the metafile):',
    '',
    ...breakdown,
  ].join('\n');
  return { rows, markdown };
};

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The layering of docs/architecture.md, checked on every import of the product code: no import runs upward.
 * Layers, lowest first: kernel and messages (generic, no dependencies) -> reference data -> each subject's domain
 * -> its schemas -> its application (use cases and ports) -> its adapters and web pages, and the platform's
 * technical building blocks -> the composition root -> functions/ (one entry file per Lambda) and infra/.
 */
const ROOT = join(__dirname, '..', '..');

const walk = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Every relative import of a file, resolved to a repository path (without extension). */
const importsOf = (file: string): string[] => {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((spec) => normalize(join(dirname(file), spec)).replace(/\.(ts|json)$/, ''));
};

const SUBJECTS = ['claims', 'premiums', 'reporting', 'staff'];
type Layer =
  | 'kernel'
  | 'messages'
  | 'reference-data'
  | 'domain'
  | 'schemas'
  | 'application'
  | 'adapters'
  | 'web'
  | 'platform'
  | 'composition';

const layerOf = (path: string): Layer | undefined => {
  const parts = path.split('/');
  if (parts[0] !== 'shared') return undefined;
  if (
    parts[1] === 'kernel' ||
    parts[1] === 'messages' ||
    parts[1] === 'reference-data' ||
    parts[1] === 'platform' ||
    parts[1] === 'composition'
  )
    return parts[1];
  if (SUBJECTS.includes(parts[1]!)) return parts[2] as Layer;
  return undefined;
};

/** What each layer may import (besides itself). */
const ALLOWED: Record<Layer, (target: string) => boolean> = {
  kernel: () => false,
  messages: () => false,
  'reference-data': (t) => ['kernel', 'messages'].includes(layerOf(t) ?? ''),
  domain: (t) => ['kernel', 'messages', 'reference-data', 'domain'].includes(layerOf(t) ?? ''),
  schemas: (t) => ['kernel', 'messages', 'reference-data', 'domain'].includes(layerOf(t) ?? ''),
  // Use cases log through the one observability module: logging is cross-cutting, not an adapter of the domain.
  application: (t) =>
    ['kernel', 'messages', 'reference-data', 'domain', 'schemas', 'application'].includes(layerOf(t) ?? '') ||
    t.startsWith('shared/platform/observability/'),
  adapters: (t) => layerOf(t) !== undefined && layerOf(t) !== 'composition',
  web: (t) =>
    ['kernel', 'messages', 'reference-data', 'domain', 'schemas', 'application', 'web'].includes(layerOf(t) ?? '') ||
    t.startsWith('shared/platform/web/'),
  platform: (t) => ['kernel', 'messages', 'reference-data', 'platform'].includes(layerOf(t) ?? ''),
  composition: (t) => t.startsWith('shared/'),
};

const sharedFiles = walk('shared');

describe('architecture: imports never run upward', () => {
  it('every file of shared/ lives in a known layer', () => {
    expect(sharedFiles.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it.each(sharedFiles)('%s imports only what its layer may', (file) => {
    const layer = layerOf(file)!;
    const bad = importsOf(file).filter((target) => !(layerOf(target) === layer || ALLOWED[layer](target)));
    expect(bad).toEqual([]);
  });

  it('functions import shared code only, never infra or another function', () => {
    const bad = walk('functions').flatMap((file) =>
      importsOf(file)
        .filter((t) => !t.startsWith('shared/'))
        .map((t) => `${file} -> ${relative(ROOT, join(ROOT, t))}`),
    );
    expect(bad).toEqual([]);
  });
});

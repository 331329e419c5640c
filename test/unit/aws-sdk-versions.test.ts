import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One AWS SDK version. The clients share their core (@aws-sdk/core, the @smithy/* packages) by semver range: clients
 * pinned at different versions are how two copies of that core end up in a bundle, or how the twin and Lambda end up
 * running different middleware. No services: this reads package.json and package-lock.json only.
 */
const ROOT = join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/**
 * Packages AWS publishes on a version line of their own rather than the clients' 3.1xxx line, so they cannot share
 * the clients' number. Each is still pinned exactly and installed once (checked against the lockfile below).
 */
const OWN_VERSION_LINE: Record<string, string> = {
  '@aws-sdk/util-dynamodb': 'published as 3.996.x; lib-dynamodb depends on it by range (^3.996.x), not by its own version',
};

type Dependencies = Record<string, string>;

/** The @aws-sdk/* dependencies of a package.json, runtime and dev alike. */
const sdkDependencies = (manifest: { dependencies?: Dependencies; devDependencies?: Dependencies }): [string, string][] =>
  Object.entries({ ...manifest.devDependencies, ...manifest.dependencies }).filter(([name]) => name.startsWith('@aws-sdk/'));

/** The versions in use when the SDK packages on the clients' line disagree, by package; empty when they agree. */
const versionMismatches = (deps: [string, string][]): Dependencies => {
  const lockstep = deps.filter(([name]) => !(name in OWN_VERSION_LINE));
  const versions = new Set(lockstep.map(([, version]) => version));
  return versions.size <= 1 ? {} : Object.fromEntries(lockstep);
};

const manifest = readJson('package.json');
type LockEntry = { version?: string; dependencies?: Dependencies; optionalDependencies?: Dependencies };
const lock = readJson('package-lock.json') as { packages: Record<string, LockEntry> };

/** Where Node finds `dep` when required from the package at lockfile path `from`: its own node_modules, then each parent's. */
const resolveFrom = (from: string, dep: string): string | undefined => {
  for (let base = from; ; base = base.slice(0, base.lastIndexOf('/node_modules/'))) {
    const candidate = `${base}/node_modules/${dep}`;
    if (lock.packages[candidate]) return candidate;
    if (!base.includes('/node_modules/')) return lock.packages[`node_modules/${dep}`] ? `node_modules/${dep}` : undefined;
  }
};

describe('AWS SDK versions (package.json and lockfile)', () => {
  it('pins every @aws-sdk/* dependency to an exact version', () => {
    // Arrange
    const deps = sdkDependencies(manifest);

    // Assert
    expect(deps.length).toBeGreaterThan(0);
    for (const [name, version] of deps) expect([name, version]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
  });

  it("gives every @aws-sdk/* dependency on the clients' version line one and the same version", () => {
    // Act
    const mismatches = versionMismatches(sdkDependencies(manifest));

    // Assert: on failure the diff lists each package with its version
    expect(mismatches).toEqual({});
  });

  it('reports two @aws-sdk/* dependencies that differ (the check above can fail)', () => {
    // Arrange
    const drifted = {
      dependencies: { '@aws-sdk/client-s3': '3.1164.0', '@aws-sdk/client-sfn': '3.1169.0', '@aws-sdk/util-dynamodb': '3.996.9', zod: '^4' },
    };

    // Act
    const mismatches = versionMismatches(sdkDependencies(drifted));

    // Assert
    expect(mismatches).toEqual({ '@aws-sdk/client-s3': '3.1164.0', '@aws-sdk/client-sfn': '3.1169.0' });
  });

  it('has the lockfile install exactly the pinned versions (npm install was run after the last pin change)', () => {
    for (const [name, version] of sdkDependencies(manifest)) {
      expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
    }
  });

  it('installs one copy of every package the @aws-sdk/* dependencies load (their @aws-sdk/* and @smithy/* core)', () => {
    // Act: walk the lockfile from each pinned SDK package, resolving as Node does (nearest node_modules first)
    const versions = new Map<string, Set<string>>();
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const entry = lock.packages[path];
      if (!entry) return;
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      versions.set(name, (versions.get(name) ?? new Set()).add(entry.version ?? '?'));
      for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        const resolved = resolveFrom(path, dep);
        if (resolved) visit(resolved);
      }
    };
    for (const [name] of sdkDependencies(manifest)) visit(`node_modules/${name}`);
    const duplicated = [...versions].filter(([, v]) => v.size > 1).map(([name, v]) => `${name}: ${[...v].join(', ')}`);

    // Assert
    expect(versions.get('@aws-sdk/core')?.size).toBe(1);
    expect(duplicated).toEqual([]);
  });
});

/**
 * How every Lambda bundle is built. The CDK function construct passes these to NodejsFunction's esbuild bundling
 * and the bundle benchmark (test/bench) builds with exactly the same settings, so the measured sizes are the
 * shipped sizes. ESM with `module,main` main fields is markedly smaller than CommonJS for the AWS SDK v3.
 */
export const BUNDLING = {
  format: 'esm' as const,
  target: 'node22',
  platform: 'node' as const,
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  /** ESM bundles of CommonJS dependencies may still call require(); give them one. */
  banner: "import { createRequire as __santunanCreateRequire } from 'node:module'; const require = __santunanCreateRequire(import.meta.url);",
  /** Lambda's nodejs runtime ships its own AWS SDK, but bundling it pins the version we tested (lockfile). */
  external: [] as string[],
};

/**
 * The Node.js major of the Lambda runtime (`Runtime.NODEJS_24_X` in infra/constructs/santunan-function.ts; the infra
 * test checks the two agree). One Node major for bundles and runtime: bundles are built for the Node that runs them.
 *
 * Local development stays on the machines' Node 20 (engines in package.json): tsx, jest and the twin load the
 * TypeScript sources, never these bundles. The one exception is the bundle benchmark (test/bench/bundles.ts), which
 * imports the shipped bundles in Node 20 to time cold imports. That works while no dependency ships syntax newer
 * than Node 20 parses: with a node24 target esbuild no longer lowers such syntax, and the benchmark's import then
 * fails loudly (it does not lower the target to hide it: it must measure the bundle Lambda runs).
 */
export const LAMBDA_NODE_MAJOR = 24;

/**
 * How every Lambda bundle is built. The CDK function construct passes these to NodejsFunction's esbuild bundling
 * and the bundle benchmark (test/bench) builds with exactly the same settings, so the measured sizes are the
 * shipped sizes. ESM with `module,main` main fields is markedly smaller than CommonJS for the AWS SDK v3.
 */
export const BUNDLING = {
  format: 'esm' as const,
  target: `node${LAMBDA_NODE_MAJOR}`,
  platform: 'node' as const,
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  /** ESM bundles of CommonJS dependencies may still call require(); give them one. */
  banner:
    "import { createRequire as __santunanCreateRequire } from 'node:module'; const require = __santunanCreateRequire(import.meta.url);",
  /** Lambda's nodejs runtime ships its own AWS SDK, but bundling it pins the version we tested (lockfile). */
  external: [] as string[],
};

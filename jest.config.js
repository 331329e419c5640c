/**
 * Jest runs TypeScript through SWC (fast); type-checking is a separate `tsc --noEmit` step. One project per test
 * tier: the unit tier needs no service (no Java, no synth) and runs on its own with `npm run test:unit`; the tiers
 * that need the twin (integration, workflow, e2e) share one twin, started by their global setup only when one of
 * their tests runs; the infra tier synthesizes the stack. The proof tier (issue 10: load, faults, hostile input) runs
 * for minutes and starts its own twins, which it stops, kills and restarts: `npm run test:proof`, never with
 * `npm test`.
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // middy 6 and a few other dependencies ship ESM only: let SWC turn them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|libphonenumber-js|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};

export default {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], setupFiles: ['<rootDir>/test/support/unit-env.ts'] },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
    {
      ...common,
      displayName: 'services',
      testMatch: ['<rootDir>/test/{integration,workflow,e2e}/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    { ...common, displayName: 'proof', testMatch: ['<rootDir>/test/proof/**/*.test.ts'] },
  ],
};

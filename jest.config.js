/** Jest runs TypeScript through SWC (fast) and type-checking is a separate `tsc --noEmit` step. */
export default {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // middy 6 and a few other dependencies ship ESM only: let SWC turn them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|libphonenumber-js|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};

/** Tests talk to a real PostgreSQL: see test/support/global-setup.ts. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // One process: the test databases and the embedded PostgreSQL are shared by the run.
  testMatch: ['**/*.test.ts'],
  // test/citus needs a Citus cluster (CITUS_URL, see .ci/run and docs/SCALING.md); npm test runs it only when one is given.
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.CITUS_URL ? [] : ['<rootDir>/test/citus/']),
    // The suites on Citus (npm run test:on-citus): each test file gets the cluster's one database, emptied. Two
    // files are about databases of a single server and have no meaning there: restoring a backup into a new
    // database, and several databases migrating at once (docs/SCALING.md).
    ...(process.env.INTROSAK_TEST_CITUS_URL ? ['<rootDir>/test/integration/backup.test.ts', '<rootDir>/test/integration/concurrent-migrations.test.ts'] : []),
  ],
  transform: {
    '^.+\\.(ts|js)$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
};

const { spawnSync } = require('node:child_process');

/** Jest runs TypeScript through SWC (fast, keeps decorator metadata for class-validator). */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // content-disposition 3 (under @fastify/static) ships ESM only. Node loads it with require(esm);
    // Jest's module runtime cannot on Node 20, so SWC turns it into CommonJS for the tests.
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  setupFiles: ['reflect-metadata'],
};

/** The test database, as test/support/postgres.ts reads it. */
function databaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { PGHOST = '127.0.0.1', PGPORT = '5432', PGUSER = 'postgres', PGDATABASE = 'test' } = process.env;
  return `postgres://${PGUSER}@${PGHOST}:${PGPORT}/${PGDATABASE}`;
}

/** Whether PostgreSQL answers; the e2e suite runs on it too when it does (and always in CI, where it must). */
function postgresAnswers() {
  if (process.env.CI === 'true') return true;
  const script = `const {Client}=require('pg');const c=new Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`;
  const probe = spawnSync(process.execPath, ['-e', script, databaseUrl()], { cwd: __dirname, timeout: 10000 });
  if (probe.status === 0) return true;
  console.warn(`PostgreSQL at ${databaseUrl()} did not answer: the e2e suite runs on SQLite only. Start PostgreSQL, or set DATABASE_URL or the PG* variables.`);
  return false;
}

module.exports = {
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'main', testMatch: ['**/*.spec.ts'], testPathIgnorePatterns: ['/node_modules/', '/test/browser/'] },
    // The web application in Debian's Chromium (test/browser/browser.ts says when it skips).
    { ...base, displayName: 'browser', testMatch: ['**/browser/**/*.browser.spec.ts'] },
    ...(postgresAnswers()
      ? [
          {
            ...base,
            displayName: 'e2e-postgres',
            testMatch: ['**/e2e/**/*.e2e.spec.ts'],
            // Already on PostgreSQL in the main project.
            testPathIgnorePatterns: ['/node_modules/', 'two-processes'],
            setupFiles: ['reflect-metadata', '<rootDir>/test/support/e2e-postgres.setup.js'],
          },
        ]
      : []),
  ],
};

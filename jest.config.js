/** Jest runs TypeScript through SWC (fast, keeps decorator metadata for class-validator). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // content-disposition 3 (under @fastify/static) ships ESM only. Node loads it with require(esm);
    // Jest's module runtime cannot on Node 20, so SWC turns it into CommonJS for the tests.
    '/node_modules/content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

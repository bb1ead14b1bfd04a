// The e2e-postgres Jest project: every e2e app runs on PostgreSQL (see test/e2e/support/test-app.ts).
process.env.E2E_STORE = 'postgres';

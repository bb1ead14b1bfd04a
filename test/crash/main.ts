import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { crashLoop } from './crash-loop';
import { databaseUrl, StoreKind } from './harness';
import { ROOT } from './server';

/**
 * `npm run test:crash [-- --short] [-- --store sqlite|postgres]`: the crash
 * scenarios against the real server. The short form (CI) kills 10 times per
 * store, the long one 30. Prints the figures and writes them to
 * dist-crash/results.json.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const short = args.includes('--short');
  const only = args.includes('--store') ? (args[args.indexOf('--store') + 1] as StoreKind) : undefined;
  const kills = args.includes('--kills') ? Number(args[args.indexOf('--kills') + 1]) : short ? 10 : 30;
  const stores: StoreKind[] = only ? [only] : ['sqlite', ...((await postgresAnswers()) ? (['postgres'] as const) : [])];
  // A hard bound on the whole run, whatever hangs.
  const watchdog = setTimeout(() => {
    console.error(`test:crash: still running after ${short ? 8 : 25} minutes; giving up`);
    process.exit(1);
  }, (short ? 8 : 25) * 60_000).unref();

  const results: Record<string, unknown> = { mode: short ? 'short' : 'long', at: new Date().toISOString() };
  for (const store of stores) {
    console.error(`crash loop on ${store}: 8 clients, ${kills} SIGKILLs`);
    const figures = await crashLoop(store, kills);
    results[`crash-${store}`] = figures;
    console.log(JSON.stringify({ scenario: 'crash', ...figures }));
  }
  clearTimeout(watchdog);
  mkdirSync(join(ROOT, 'dist-crash'), { recursive: true });
  writeFileSync(join(ROOT, 'dist-crash', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.error('test:crash passed');
}

/** PostgreSQL is required in CI (CI=true); elsewhere its scenarios are skipped with a message. */
async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    const why = `PostgreSQL at ${databaseUrl()} did not answer (${error instanceof Error ? error.message : String(error)})`;
    if (process.env.CI === 'true') throw new Error(`${why}: it is required in CI`);
    console.error(`Skipping the PostgreSQL scenarios: ${why}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`test:crash FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterCrash } from './after-crash';
import { soak } from './soak';
import { crashLoop } from './crash-loop';
import { drainOnSigterm } from './drain';
import { startUpOnDamagedFile } from './start-up';
import { databaseUrl, StoreKind } from './harness';
import { ROOT } from './server';

/**
 * `npm run test:crash [-- --short] [-- --store sqlite|postgres]`: the crash
 * scenarios against the real server. The short form (CI) kills 10 times per
 * store, the long one 30, and soaks for 1 minute instead of 3. Prints the
 * figures and writes them to dist-crash/results.json.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const short = args.includes('--short');
  const only = args.includes('--store') ? (args[args.indexOf('--store') + 1] as StoreKind) : undefined;
  const kills = args.includes('--kills') ? Number(args[args.indexOf('--kills') + 1]) : short ? 10 : 30;
  const soakSeconds = args.includes('--soak-seconds') ? Number(args[args.indexOf('--soak-seconds') + 1]) : short ? 60 : 180;
  // For diagnosis only: is it the dashboard that holds /health up? Never the default.
  const dashboard = !args.includes('--soak-without-dashboard');
  const stores: StoreKind[] = only ? [only] : ['sqlite', ...((await postgresAnswers()) ? (['postgres'] as const) : [])];
  // A hard bound on the whole run, whatever hangs.
  const watchdog = setTimeout(() => {
    console.error(`test:crash: still running after ${short ? 8 : 25} minutes; giving up`);
    process.exit(1);
  }, (short ? 8 : 25) * 60_000).unref();

  const chosen = args.includes('--scenario') ? args[args.indexOf('--scenario') + 1]!.split(',') : ['crash', 'drain', 'after-crash', 'start-up', 'soak'];
  const results: Record<string, unknown> = { mode: short ? 'short' : 'long', at: new Date().toISOString() };
  const run = async (name: string, title: string, scenario: () => Promise<unknown>) => {
    if (!chosen.includes(name.split(':')[0]!)) return;
    console.error(title);
    const figures = await scenario();
    results[name] = figures;
    console.log(JSON.stringify({ scenario: name, figures }));
  };
  for (const store of stores) {
    await run(`crash:${store}`, `crash loop on ${store}: 8 clients, ${kills} SIGKILLs`, () => crashLoop(store, kills));
    await run(`drain:${store}`, `SIGTERM under load on ${store}`, () => drainOnSigterm(store));
    await run(`after-crash:${store}`, `CLI and a new server right after a SIGKILL on ${store}`, () => afterCrash(store));
    await run(`soak:${store}`, `soak on ${store}: every role at once for ${soakSeconds} s`, () => soak(store, { seconds: soakSeconds, cases: short ? 400 : 800, dashboard }));
  }
  await run('start-up', 'a damaged SQLite file at start', () => startUpOnDamagedFile());
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

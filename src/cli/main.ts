import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config';
import { openSecretStore, openStorageAt, TargetError } from '../storage/open-storage';
import { jwtSecretKey, secretPath } from '../storage/secrets';
import type { Storage } from '../storage/storage.port';
import type { Role } from '../../domain/shared/codes';
import { issueToken } from '../privacy/tokens';
import { catchUpDirectory } from '../directory/directory-catch-up';
import { openEnvironment } from './environment';
import { backupTo, restoreFrom } from './backup';
import { migrateEvents } from './migrate';
import { applyRetention } from './retention';
import { DEFAULT_CARD_RETENTION_DAYS, shredDecidedCards } from '../referral-cards/card-retention';
import { progressBar } from './progress';
import { rebuildInWorker } from './rebuild';
import { replayCase } from './replay';
import { seed } from './seed/seed';
import { registerUserCommands } from './user';

/**
 * `npm run cli -- <command>`: reads the same environment as the server (DATA_DIR,
 * EVENT_STORE, ...). Results go to standard output, progress and logs to
 * standard error. Safe to run while the server runs: SQLite waits for the lock,
 * and the server notices the new events.
 */
const program = new Command('brobygger').description('Command line for the brobygger case-management core').showHelpAfterError();

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number');
  return n;
};

/** A calendar date, read as noon UTC: the seed takes the Copenhagen day it falls on. */
const asOfDate = (value: string): number => {
  const ms = Date.parse(`${value}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
  return ms;
};

program
  .command('token')
  .description('print a bearer token (alone, on the last line of standard output); never opens the store (on PostgreSQL it reads the signing key from the database)')
  .requiredOption('--role <role>', 'coordinator, visitor, manager, auditor or admin')
  .requiredOption('--sub <subject>', 'who the token is for (any string; recorded as the actor of their commands)')
  .option('--visitor <id>', "a visitor's visitor id (required for --role visitor)")
  .option('--ttl <duration>', 'lifetime, e.g. 8h, 30m, 7d', '8h')
  .action(async (options: { role: Role; sub: string; visitor?: string; ttl: string }) => {
    const config = loadConfig();
    const principal = { sub: options.sub, role: options.role, ...(options.visitor !== undefined && { visitorId: options.visitor.toLowerCase() }) };
    if (!/^\d+[smhd]?$/.test(options.ttl)) throw new InvalidArgumentError('--ttl must be a number of seconds, or one with s, m, h or d (e.g. 8h)');
    const ttl = /^\d+$/.test(options.ttl) ? Number(options.ttl) : options.ttl;
    if (config.jwtSecret !== undefined) return void console.log(issueToken(jwtSecretKey(config.jwtSecret), principal, ttl));
    const { secrets, inFiles, close } = openSecretStore(config);
    // A file store with no key yet under DATA_DIR: no server has run with it, so the one running likely has another DATA_DIR.
    const fresh = inFiles && !existsSync(secretPath(config.dataDir, 'jwt-signing'));
    try {
      console.log(issueToken(await secrets.secret('jwt-signing'), principal, ttl));
    } finally {
      await close();
    }
    if (fresh) {
      console.error(`brobygger: no server has run with DATA_DIR ${config.dataDir}: a new signing key was made there, and a server with another DATA_DIR (or JWT_SECRET) will refuse this token; export the server's`);
    }
  });

program
  .command('seed')
  .description('write realistic synthetic Danish cases through the real command path (deterministic for a seed)')
  .requiredOption('--cases <n>', 'how many cases', positiveInt)
  .option('--seed <s>', 'the random seed', positiveInt, 1)
  .option('--as-of <date>', "the world's today (YYYY-MM-DD): cases over the 18 months before it, next visits after it; default: today", asOfDate)
  .action(async ({ cases, seed: seedValue, asOf }: { cases: number; seed: number; asOf?: number }) => {
    const env = await openEnvironment(loadConfig());
    try {
      const bar = progressBar('cases', cases);
      const started = Date.now();
      const result = await seed(env.storage, { cases, seed: seedValue, ...(asOf !== undefined && { asOf }) }, () => bar.increment());
      bar.stop();
      const seconds = (Date.now() - started) / 1000;
      console.log(JSON.stringify({ ...result, events: await env.store.headPosition(), seconds: Math.round(seconds * 10) / 10, commandsPerSecond: Math.round(result.commands / seconds) }));
    } finally {
      await env.close();
    }
  });

program
  .command('rebuild')
  .description('rebuild read models from position 0 (aside, then swapped in)')
  .option('--projection <name...>', 'only these projections')
  .action(async ({ projection }: { projection?: string[] }) => {
    const config = loadConfig();
    const env = await openEnvironment(config);
    try {
      const known = env.projector.projections.map((p) => p.name);
      const unknown = (projection ?? []).filter((name) => !known.includes(name));
      if (unknown.length > 0) throw new InvalidArgumentError(`unknown projection ${unknown.join(', ')}; known: ${known.join(', ')}`);
      const bar = progressBar('events', await env.store.headPosition());
      // In a worker with a capped heap (./rebuild.ts); the old rows are out of sight once swapped, and deleting them is timed apart.
      const rebuilt = await rebuildInWorker(
        { ...(projection && { projections: projection }) },
        (position, head) => {
          bar.setTotal(head);
          bar.update(position);
        },
        (reason) => console.error(`brobygger: the rebuild needed more than its heap ceiling (${reason}); running it again without one`),
      );
      bar.stop();
      // The Directory is not one of the read models rebuilt, but a store filled around the command path lacks it: the server's next start would fold every event.
      const started = process.hrtime.bigint();
      const directory = await catchUpDirectory(env.store, env.storage.readModels);
      const directorySeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(
        JSON.stringify({
          projections: projection ?? known,
          events: rebuilt.head,
          seconds: Math.round(rebuilt.seconds * 100) / 100,
          eventsPerSecond: Math.round(rebuilt.head / rebuilt.seconds),
          reclaimedRows: rebuilt.reclaimedRows,
          reclaimSeconds: Math.round(rebuilt.reclaimSeconds * 100) / 100,
          directoryFolded: directory.folded,
          directorySeconds: Math.round(directorySeconds * 100) / 100,
          ...(rebuilt.uncapped && { heapCeilingExceeded: true }),
          peakRssMb,
        }),
      );
    } finally {
      await env.close();
    }
  });

program
  .command('replay')
  .description('print a case as it stood at a date: its timeline in Danish and Copenhagen time, and its status')
  .requiredOption('--case <id>', 'the case id')
  .option('--as-of <instant>', 'ISO 8601 date-time with an offset; default: now')
  .option('--time <axis>', 'occurred (what had happened) or recorded (what we knew)', 'occurred')
  .action(async (options: { case: string; asOf?: string; time: string }) => {
    if (options.time !== 'occurred' && options.time !== 'recorded') throw new InvalidArgumentError('--time must be occurred or recorded');
    const env = await openEnvironment(loadConfig());
    try {
      for (const line of await replayCase(env.store, options.case, options.asOf, options.time)) console.log(line);
    } finally {
      await env.close();
    }
  });

program
  .command('card-retention')
  .description('destroy the key of every referral card accepted or rejected more than REFERRAL_CARD_RETENTION_DAYS (default 30) ago; the server does it daily too')
  .option('--dry-run', 'only list the cards due')
  .action(async (options: { dryRun?: boolean }) => {
    const config = loadConfig();
    const env = await openEnvironment(config);
    try {
      const days = config.referralCardRetentionDays ?? DEFAULT_CARD_RETENTION_DAYS;
      console.log(JSON.stringify(await shredDecidedCards({ store: env.store, keys: env.storage.citizenKeys }, days, options.dryRun === true)));
    } finally {
      await env.close();
    }
  });

program
  .command('retention')
  .description('erase every citizen whose cases all closed more than RETENTION_DAYS ago (crypto-shredding)')
  .option('--dry-run', 'only list who is due')
  .action(async (options: { dryRun?: boolean }) => {
    const config = loadConfig();
    if (config.retentionDays === undefined) throw new InvalidArgumentError('set RETENTION_DAYS (a whole number of days) first');
    const env = await openEnvironment(config);
    try {
      console.log(JSON.stringify(await applyRetention(env.storage, config.retentionDays, options.dryRun === true)));
    } finally {
      await env.close();
    }
  });

program
  .command('backup')
  .description("copy the embedded store (and the secrets beside it) with SQLite's online backup, while the server runs")
  .requiredOption('--to <file>', 'where to write the backup')
  .action(async (options: { to: string }) => {
    const config = loadConfig();
    if (config.eventStore !== 'sqlite') throw new InvalidArgumentError('backup is for the embedded store; back PostgreSQL up with pg_dump (docs/operations.md)');
    console.log(JSON.stringify(await backupTo(config.dataDir, resolve(options.to))));
  });

program
  .command('restore')
  .description('bring a backup back as the embedded store under DATA_DIR (server stopped)')
  .requiredOption('--from <file>', 'the backup file')
  .option('--force', 'replace an existing store')
  .action((options: { from: string; force?: boolean }) => {
    const config = loadConfig();
    if (config.eventStore !== 'sqlite') throw new InvalidArgumentError('restore is for the embedded store');
    console.log(JSON.stringify(restoreFrom(config.dataDir, resolve(options.from), options.force === true)));
  });

program
  .command('migrate')
  .description('copy every event, in order, with the idempotency keys, into another store (resumable; safe to run twice)')
  .requiredOption('--to <url>', 'postgres://user@host:port/db, sqlite:/path/to/file.db, or kurrentdb://host:2113?tls=false')
  .option('--schema <name>', 'PostgreSQL schema of the target', 'brobygger')
  .option('--beside <url>', "for a kurrentdb target: the database for its read models, keys and idempotency records (postgres://... or sqlite:/path)")
  .action(async (options: { to: string; schema: string; beside?: string }) => {
    const config = loadConfig();
    const env = await openEnvironment(config);
    const target = await openTarget(options.to, options.schema, config.dataDir, options.beside);
    try {
      const total = (await env.storage.archive?.eventCount()) ?? 0;
      const bar = progressBar('events', total);
      const result = await migrateEvents(env.storage, target, (copied) => bar.update(copied));
      bar.update(total);
      bar.stop();
      console.log(JSON.stringify(result));
    } finally {
      await target.close();
      await env.close();
    }
  });

registerUserCommands(program);

/** The storage `migrate --to` names (src/storage/open-storage.ts); a wrong URL is the caller's mistake. */
async function openTarget(url: string, schema: string, dataDir: string, beside?: string): Promise<Storage> {
  try {
    return await openStorageAt(url, schema, dataDir, beside);
  } catch (error) {
    throw error instanceof TargetError ? new InvalidArgumentError(error.message) : error;
  }
}

// What the CLI creates (a store, backups, secrets, a restored file) is the service's user's alone.
process.umask(0o077);
program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`brobygger: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

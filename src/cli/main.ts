import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config';
import { openEnvironment } from './environment';
import { progressBar } from './progress';
import { replayCase } from './replay';
import { seed } from './seed/seed';

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

program
  .command('seed')
  .description('write realistic synthetic Danish cases through the real command path (deterministic for a seed)')
  .requiredOption('--cases <n>', 'how many cases', positiveInt)
  .option('--seed <s>', 'the random seed', positiveInt, 1)
  .action(async ({ cases, seed: seedValue }: { cases: number; seed: number }) => {
    const env = await openEnvironment(loadConfig());
    try {
      const bar = progressBar('cases', cases);
      const started = Date.now();
      const result = await seed(env.store, { cases, seed: seedValue }, () => bar.increment());
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
    const env = await openEnvironment(loadConfig());
    try {
      const known = env.projector.projections.map((p) => p.name);
      const unknown = (projection ?? []).filter((name) => !known.includes(name));
      if (unknown.length > 0) throw new InvalidArgumentError(`unknown projection ${unknown.join(', ')}; known: ${known.join(', ')}`);
      const head = await env.store.headPosition();
      const bar = progressBar('events', head);
      const started = process.hrtime.bigint();
      await env.projector.rebuild(projection, (position) => bar.update(position));
      bar.stop();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(JSON.stringify({ projections: projection ?? known, events: head, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(head / seconds), peakRssMb }));
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

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(`brobygger: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

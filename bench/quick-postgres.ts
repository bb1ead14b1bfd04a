/**
 * Quick measurement for the stores issue (the bench issue makes it W8): single-client
 * commands per second through the whole core on the PostgreSQL store, against raw `pg`
 * single-row inserts into a table of the same shape, same connection settings
 * (synchronous_commit as the server has it), in one run. Medians of 5 repetitions.
 *
 *   npm run bench:postgres     (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { CaseCommand } from '../domain/case/case.commands';
import { caseDecider } from '../domain/case/case.stream';
import { caseStreamId } from '../domain/shared/ids';
import { CommandHandler } from '../src/event-store/command-handler';
import { PostgresEventStore } from '../src/event-store/postgres/postgres.event-store';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 1000);
const REPS = 5;
const actor = { id: 'bench', role: 'coordinator' as const };

async function raw(schema: string): Promise<number> {
  const client = new Client({ connectionString: URL });
  await client.connect();
  await client.query(`CREATE TABLE "${schema}".raw (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, stream_id text, revision int, type text, data jsonb, metadata jsonb, recorded_at timestamptz DEFAULT clock_timestamp(), UNIQUE (stream_id, revision))`);
  const data = JSON.stringify({ instrument: 'ucla3', answers: [2, 2, 2], score: 6, scaleVersion: 'ucla3-v1', at: new Date().toISOString() });
  const meta = JSON.stringify({ eventId: randomUUID(), commandId: randomUUID(), actor });
  const started = process.hrtime.bigint();
  for (let i = 0; i < COMMANDS; i++) {
    await client.query(`INSERT INTO "${schema}".raw (stream_id, revision, type, data, metadata) VALUES ($1, $2, 'LonelinessAssessed', $3::jsonb, $4::jsonb)`, [`case-${i % 100}`, Math.floor(i / 100), data, meta]);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.end();
  return COMMANDS / seconds;
}

async function core(schema: string): Promise<number> {
  const store = await PostgresEventStore.open({ connectionString: URL, schema });
  const handler = new CommandHandler(store);
  const cases = Array.from({ length: 100 }, () => randomUUID());
  const run = (caseId: string, command: CaseCommand) =>
    handler.handle({ decider: caseDecider, streamId: caseStreamId(caseId), command, meta: { actor, commandId: randomUUID(), correlationId: randomUUID() }, context: async () => ({ caseId }), answer: (r) => r });
  for (const caseId of cases) {
    await run(caseId, {
      type: 'ReceiveReferral',
      data: { caseId, citizenId: randomUUID(), programme: 'care_visits', referredAt: '2026-03-02T09:15:00+01:00', referrer: { name: 'Jette Holm', role: 'home_nurse' }, citizen: { name: 'Karen Nielsen', address: 'Algade 12, 4180 Sorø' }, situation: {}, needs: ['loneliness_symptoms'], requestedTasks: [], consent: { given: true } },
    });
  }
  const started = process.hrtime.bigint();
  for (let i = 0; i < COMMANDS; i++) await run(cases[i % cases.length]!, { type: 'AssessLoneliness', data: { instrument: 'ucla3', answers: [2, 2, 2] } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return COMMANDS / seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const admin = new Client({ connectionString: URL });
  await admin.connect();
  const { rows } = await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
  const rawRates: number[] = [];
  const coreRates: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await admin.query(`CREATE SCHEMA "${schema}"`);
    try {
      rawRates.push(await raw(schema));
      coreRates.push(await core(schema));
    } finally {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    }
  }
  await admin.end();
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)}/s (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(`commands per repetition: ${COMMANDS}, repetitions: ${REPS}, synchronous_commit=${rows[0]!.synchronous_commit}`);
  console.log(`raw pg single-row inserts:                             ${fmt(rawRates)}`);
  console.log(`core single-client commands (read, fold, decide, append): ${fmt(coreRates)}`);
  console.log(`ratio core / raw: ${(median(coreRates) / median(rawRates)).toFixed(2)}`);
}

void main();

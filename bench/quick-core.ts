/**
 * Quick measurement for the core issue (the bench issue turns it into `npm run bench`):
 * single-client commands per second through the whole core (read → fold → decide →
 * append on SQLite, synchronous=FULL) against raw better-sqlite3 single-row inserts
 * at the same durability, in one run on one machine; then 32 concurrent clients,
 * to show that their commands share commits. Medians of 5 repetitions.
 *
 *   npm run bench:core          (BENCH_COMMANDS=5000 for more commands per repetition)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { caseDecider } from '../domain/case/case.stream';
import type { CaseCommand } from '../domain/case/case.commands';
import { caseStreamId } from '../domain/shared/ids';
import { CommandHandler } from '../src/event-store/command-handler';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite.event-store';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 2000);
const REPS = 5;
const actor = { id: 'bench', role: 'coordinator' as const };

function rawInserts(dir: string): number {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT, recorded_at TEXT, UNIQUE(stream_id, revision))');
  const insert = db.prepare('INSERT INTO events (stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?)');
  const data = JSON.stringify({ instrument: 'ucla3', answers: [2, 2, 2], score: 6, scaleVersion: 'ucla3-v1', at: new Date().toISOString() });
  const meta = JSON.stringify({ eventId: randomUUID(), commandId: randomUUID(), actor });
  const started = process.hrtime.bigint();
  for (let i = 0; i < COMMANDS; i++) insert.run(`case-${i % 200}`, Math.floor(i / 200), 'LonelinessAssessed', data, meta, new Date().toISOString());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return COMMANDS / seconds;
}

const CLIENTS = 32;

/** Commands per second, and how many appends shared each commit. */
async function core(dir: string, clients: number): Promise<{ perSecond: number; perCommit: number }> {
  const store = SqliteEventStore.open({ file: join(dir, `core-${clients}.db`), synchronous: 'FULL' });
  const handler = new CommandHandler(store);
  const cases = Array.from({ length: 200 }, () => randomUUID());
  const run = (caseId: string, command: CaseCommand) =>
    handler.handle({
      decider: caseDecider,
      streamId: caseStreamId(caseId),
      command,
      meta: { actor, commandId: randomUUID(), correlationId: randomUUID() },
      context: async () => ({ caseId }),
      answer: (r) => r,
    });
  const commandFor = (i: number): [string, CaseCommand] => {
    const caseId = cases[i % cases.length]!;
    const command: CaseCommand =
      i < cases.length
        ? {
            type: 'ReceiveReferral',
            data: {
              caseId,
              citizenId: randomUUID(),
              programme: 'care_visits',
              referredAt: '2026-03-02T09:15:00+01:00',
              referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd' },
              citizen: { name: 'Karen Nielsen', address: 'Algade 12, 4180 Sorø' },
              situation: {},
              needs: ['loneliness_symptoms'],
              requestedTasks: [],
              consent: { given: true },
            },
          }
        : { type: 'AssessLoneliness', data: { instrument: 'ucla3', answers: [2, 2, 2] } };
    return [caseId, command];
  };
  // The referrals first, so that every later command finds its case.
  for (let i = 0; i < cases.length; i++) await run(...commandFor(i));
  const before = store.stats();
  const started = process.hrtime.bigint();
  let next = cases.length;
  // Each client takes the next command; with 32 clients and 200 cases, no two clients share a case at once.
  const client = async () => {
    while (next < COMMANDS + cases.length) await run(...commandFor(next++));
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const after = store.stats();
  await store.close();
  return { perSecond: COMMANDS / seconds, perCommit: (after.appends - before.appends) / (after.flushes - before.flushes) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const raw: number[] = [];
  const full: number[] = [];
  const concurrent: number[] = [];
  const perCommit: number[] = [];
  for (let rep = 0; rep < REPS; rep++) {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-bench-'));
    try {
      raw.push(rawInserts(dir));
      full.push((await core(dir, 1)).perSecond);
      const many = await core(dir, CLIENTS);
      concurrent.push(many.perSecond);
      perCommit.push(many.perCommit);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)}/s (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(`commands per repetition: ${COMMANDS}, repetitions: ${REPS}`);
  console.log(`raw better-sqlite3 single-row inserts (WAL, synchronous=FULL): ${fmt(raw)}`);
  console.log(`core single-client commands (read, fold, decide, append):     ${fmt(full)}`);
  console.log(`ratio core / raw: ${(median(full) / median(raw)).toFixed(2)}`);
  console.log(`core with ${CLIENTS} concurrent clients:                         ${fmt(concurrent)}`);
  console.log(`ratio concurrent / raw: ${(median(concurrent) / median(raw)).toFixed(2)}; commands per commit: median ${median(perCommit).toFixed(1)}`);
}

void main();

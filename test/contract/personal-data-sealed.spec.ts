import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CASE_PERSONAL_DATA } from '../../domain/case/case.events';
import { CITIZEN_PERSONAL_DATA } from '../../domain/citizen/citizen.events';
import { VISITOR_PERSONAL_DATA } from '../../domain/visitor/visitor.events';
import { OFFER_PERSONAL_DATA } from '../../domain/offer/offer.events';
import { INTAKE_PERSONAL_DATA } from '../../domain/intake/intake.events';
import { SCREENING_PERSONAL_DATA } from '../../domain/screening/screening.events';
import type { EventStore } from '../../src/event-store/event-store.port';
import { rangeReaderOf } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { storageOf } from '../support/storage';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { appendSealed, openedStream } from '../support/sealing';

/**
 * Every event type of the catalogue, as its type declares it
 * (docs/event-catalogue.md, "Personal data"): a marker in every personal field,
 * a plain filler in every clear one. A new event type is in these declarations
 * or does not compile, so it is walked here without a line of this test changing.
 */
const STREAMS: Array<[category: string, declarations: Record<string, object>]> = [
  ['case', CASE_PERSONAL_DATA],
  ['citizen', CITIZEN_PERSONAL_DATA],
  ['visitor', VISITOR_PERSONAL_DATA],
  ['offer', OFFER_PERSONAL_DATA],
  ['intake', INTAKE_PERSONAL_DATA],
  ['screening', SCREENING_PERSONAL_DATA],
];

interface Sample {
  streamId: string;
  type: string;
  data: Record<string, unknown>;
}

function sampleData(classified: object, path: string, markers: string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, sensitivity] of Object.entries(classified)) {
    const at = path ? `${path}.${key}` : key;
    if (sensitivity === 'personal') {
      // A token no clear text, ciphertext or key could hold by chance; non-ASCII around it, as names have.
      const token = `MARK${randomBytes(8).toString('hex')}`;
      markers.push(token);
      data[key] = `Søren ${token} (${at})`;
    } else if (sensitivity === 'clear') data[key] = `clear ${at}`;
    else data[key] = sampleData(sensitivity as object, at, markers);
  }
  return data;
}

function samples(): { events: Sample[]; markers: string[] } {
  const markers: string[] = [];
  const events = STREAMS.flatMap(([category, declarations]) =>
    Object.entries(declarations).map(([type, classified]) => ({ streamId: `${category}-${randomUUID()}`, type, data: sampleData(classified, '', markers) })),
  );
  return { events, markers };
}

async function appendAll(store: EventStore, events: Sample[], citizenId: string): Promise<void> {
  for (const { streamId, type, data } of events) await appendSealed(store, streamId, [{ type, data }], citizenId);
}

/** Each event reads back equal once opened: from its stream, and through a rebuild's read where the store offers one. */
async function expectReadBackEqual(store: EventStore, events: Sample[]): Promise<void> {
  for (const { streamId, data } of events) expect(await openedStream(store, streamId)).toEqual([data]);
  const ranges = rangeReaderOf(store);
  if (ranges) {
    const read = await ranges.readRange(1, await store.headPosition(), new Set(events.map((e) => e.type)));
    const opened = await new PersonalDataCipher(storageOf(store).citizenKeys).reveal(read.map((e) => e.data));
    expect(opened).toEqual(events.map((e) => e.data));
  }
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

/** The markers found in clear in any byte of any file under the directory. */
const markersOnDisk = (dir: string, markers: string[]): string[] => {
  const bytes = filesUnder(dir).map((file) => readFileSync(file));
  return markers.filter((marker) => bytes.some((content) => content.includes(marker)));
};

describe('every personal field of every event type is sealed on disk (SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brobygger-markers-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given a marker in each personal field, appended through the command path: no marker in any file under DATA_DIR, and each reads back equal', async () => {
    const citizenId = randomUUID();
    const { events, markers } = samples();
    expect(markers.length).toBeGreaterThan(15);
    const store = SqliteEventStore.open({ file: join(dataDir, 'brobygger.db') });
    try {
      await appendAll(store, events, citizenId);
      // While open: the write-ahead log holds the new pages.
      expect(markersOnDisk(dataDir, markers)).toEqual([]);
      await expectReadBackEqual(store, events);
    } finally {
      await store.close();
    }
    expect(markersOnDisk(dataDir, markers)).toEqual([]);
  });
});

describePostgres('every personal field of every event type is sealed in the database (PostgreSQL)', () => {
  const schema = testSchema();
  afterAll(() => dropSchema(schema));

  it('given a marker in each personal field, appended through the command path: no marker in any row of the schema, and each reads back equal', async () => {
    const citizenId = randomUUID();
    const { events, markers } = samples();
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    try {
      await appendAll(store, events, citizenId);
      await expectReadBackEqual(store, events);
    } finally {
      await store.close();
    }
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`, [schema]);
      expect(tables.map((t) => t.name)).toContain('events');
      const rows: string[] = [];
      for (const { name } of tables) {
        const { rows: found } = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${schema}"."${name}" t`);
        rows.push(...found.map((r) => r.row));
      }
      expect(rows.join('\n')).toContain('clear ');
      expect(markers.filter((marker) => rows.some((row) => row.includes(marker)))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { migrateEvents } from '../../src/cli/migrate';
import { EventStore, rangeReaderOf, StoredEvent } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { storageOf } from '../support/storage';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { appendSealed, openedStream } from '../support/sealing';

/** Events sealed field by field (`enc:v1`), as stored before issue #16, with their key and plaintext (test/fixtures/events). */
const old = JSON.parse(readFileSync(join(__dirname, '../fixtures/events/sealed-v1.json'), 'utf8')) as {
  citizenId: string;
  key: string;
  plain: unknown[];
  events: StoredEvent[];
};
const streamId = old.events[0]!.streamId;

/** A visit recorded today on the same case: sealed as one envelope (`enc:v2`). */
const visit = { visitorId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', visitedAt: '2026-05-20T09:00:00.000Z', themes: ['barnebarnet', 'haven'], note: 'Glad for besøget' };

async function storeOldAndNew(store: EventStore): Promise<void> {
  const archive = storageOf(store).archive!;
  await archive.importCitizenKeys([{ citizenId: old.citizenId, key: Buffer.from(old.key, 'hex') }]);
  await archive.importEvents(old.events);
  await appendSealed(store, streamId, [{ type: 'VisitHeld', data: visit }], old.citizenId);
}

/** The old form is read through the upcaster as it was stored (each field opens alone), the new beside it; both open to their plaintext. */
async function expectBothForms(store: EventStore): Promise<void> {
  const read = await store.readStream(streamId);
  expect(read.slice(0, -1).map((e) => e.data)).toEqual(old.events.map((e) => e.data));
  expect((read.at(-1)!.data as { note: string }).note).toMatch(new RegExp(`^enc:v2:${old.citizenId}:2:`));
  expect(await openedStream(store, streamId)).toEqual([...old.plain, visit]);
  const ranges = rangeReaderOf(store);
  if (ranges) {
    const all = await ranges.readRange(1, await store.headPosition(), new Set(['ReferralReceived', 'VisitHeld']));
    expect(await new PersonalDataCipher(storageOf(store).citizenKeys).reveal(all.map((e) => e.data))).toEqual([old.plain[0], old.plain[3], visit]);
  }
}

/** The stored text of the new visit: its envelope once, the other fields as placeholders. */
function expectEnvelopeOnce(storedData: string): void {
  const sealed = JSON.parse(storedData) as { note: string; themes: string[] };
  const all = [...sealed.themes, sealed.note];
  const carrying = all.filter((value) => value.startsWith(`enc:v2:${old.citizenId}:`));
  expect(carrying).toHaveLength(1);
  expect(all.filter((value) => /^enc:v2:\d+$/.test(value))).toHaveLength(2);
  expect(storedData).not.toContain('Glad');
}

describe('sealed forms on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-sealed-forms-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a stored fixture of the old per-field form beside a new event, and stores the new envelope once', async () => {
    const file = join(dir, 'brobygger.db');
    const store = SqliteEventStore.open({ file });
    try {
      await storeOldAndNew(store);
      await expectBothForms(store);
    } finally {
      await store.close();
    }
    const raw = new Database(file, { readonly: true });
    try {
      expectEnvelopeOnce((raw.prepare(`SELECT data FROM events WHERE type = 'VisitHeld' ORDER BY position DESC LIMIT 1`).get() as { data: string }).data);
    } finally {
      raw.close();
    }
  });
});

describePostgres('sealed forms on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-sealed-forms-pg-'));
  const schemas = [testSchema(), testSchema()];
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const schema of schemas) await dropSchema(schema);
  });

  const rawVisit = async (schema: string): Promise<string> => {
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ data: string }>(`SELECT data::text AS data FROM "${schema}".events WHERE type = 'VisitHeld' ORDER BY position DESC LIMIT 1`);
      return rows[0]!.data;
    } finally {
      await client.end();
    }
  };

  it('reads a stored fixture of the old per-field form beside a new event, and stores the new envelope once', async () => {
    const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema: schemas[0]! });
    try {
      await storeOldAndNew(store);
      await expectBothForms(store);
    } finally {
      await store.close();
    }
    expectEnvelopeOnce(await rawVisit(schemas[0]!));
  });

  it('cli migrate carries both forms as they are stored: from SQLite to PostgreSQL, each opens there', async () => {
    const source = SqliteEventStore.open({ file: join(dir, `${randomUUID()}.db`) });
    const target = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema: schemas[1]! });
    try {
      await storeOldAndNew(source);
      await migrateEvents(storageOf(source), storageOf(target));
      await expectBothForms(target);
    } finally {
      await source.close();
      await target.close();
    }
    expectEnvelopeOnce(await rawVisit(schemas[1]!));
  });
});

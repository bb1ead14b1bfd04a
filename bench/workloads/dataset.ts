import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { seed } from '../../src/cli/seed/seed';
import { catchUpDirectory } from '../../src/directory/directory-catch-up';
import { sqliteFile } from '../../src/storage/open-storage';
import type { StoredEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { MemoryCitizenKeys } from '../../src/privacy/crypto/citizen-keys';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { SqliteStorage } from '../../src/storage/sqlite.storage';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export interface Dataset {
  dataDir: string;
  events: number;
  seededCases: number;
  copies: number;
  /** Case ids to ask for (W5), drawn from the whole store. */
  caseIds: string[];
}

/**
 * A DATA_DIR with about `events` realistic events, made in two steps:
 * 1. `baseCases` cases written by the CLI's seed through the real command path
 *    (decide, Directory lookups, sealing) into the server's SQLite file;
 * 2. further copies of those stories, each with every id fresh (cases,
 *    citizens, visitors, tasks, event and command ids), the personal data
 *    opened and sealed again under a new key per new citizen, bulk-loaded
 *    through the store's archive import (the path `cli migrate` uses), keys
 *    first, as the command path writes them; then, as `cli migrate` does, the
 *    persisted Directory is brought up to the head.
 * The seed step uses synchronous=NORMAL: it prepares data, it is not measured.
 */
export async function prepareDataset(dataDir: string, events: number, baseCases: number, log: (line: string) => void): Promise<Dataset> {
  mkdirSync(dataDir, { recursive: true });
  const store = SqliteEventStore.open({ file: sqliteFile(dataDir), synchronous: 'NORMAL' });
  let copies = 0;
  try {
    await seed(new SqliteStorage(store, dataDir), { cases: baseCases, seed: 7 }, () => undefined);
    const archive = store.archive();
    const base = await store.readAll(0, Number.MAX_SAFE_INTEGER);
    const ring = new MemoryCitizenKeys((await archive.citizenKeys()).map(({ citizenId, key }) => [citizenId, key] as const));
    const opened = await new PersonalDataCipher(ring).reveal(base.map(({ streamId, type, data, metadata, schemaVersion, revision }) => ({ streamId, type, data, metadata, schemaVersion, revision })));
    const citizenOf = new Map<string, string>();
    for (const event of opened) if (event.type === 'ReferralReceived') citizenOf.set(event.streamId, (event.data as { citizenId: string }).citizenId);
    const templates = opened.map((event) => JSON.stringify(event));
    log(`seeded ${baseCases} cases through the command path: ${base.length} events`);
    let count = base.length;
    while (count < events) {
      const fresh = new Map<string, string>();
      const renamed = (id: string) => fresh.get(id) ?? fresh.set(id, randomUUID()).get(id)!;
      // The copy's new citizens' keys, made as it is sealed, imported beside its events.
      const copyRing = new MemoryCitizenKeys();
      const sealer = new PersonalDataCipher(copyRing);
      const recordedAt = new Date().toISOString();
      const copy: StoredEvent[] = [];
      for (let i = 0; i < templates.length; i++) {
        const event = JSON.parse(templates[i]!.replace(UUID, renamed)) as Omit<StoredEvent, 'position' | 'recordedAt'>;
        const citizen = citizenOf.get(opened[i]!.streamId);
        const [sealed] = citizen ? await sealer.protect([event], renamed(citizen)) : [event];
        copy.push({ ...sealed!, position: 0, recordedAt });
      }
      await archive.importCitizenKeys([...copyRing.entries()].map(([citizenId, key]) => ({ citizenId, key })));
      await archive.importEvents(copy);
      count += copy.length;
      copies += 1;
    }
    log(`bulk-loaded ${copies} copies with fresh ids: ${count} events`);
    // As `cli migrate` does after its archive import: the persisted Directory brought up to the head.
    await catchUpDirectory(store, new SqliteStorage(store, dataDir).readModels);
  } finally {
    await store.close();
  }
  const db = new Database(sqliteFile(dataDir), { readonly: true });
  const caseIds = (db.prepare("SELECT stream_id FROM events WHERE revision = 0 AND stream_id LIKE 'case-%' ORDER BY random() LIMIT 500").all() as Array<{ stream_id: string }>).map((r) =>
    r.stream_id.slice('case-'.length),
  );
  const total = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  db.close();
  return { dataDir, events: total, seededCases: baseCases, copies, caseIds };
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from '../../domain/shared/errors';
import { appendToKurrent } from '../../src/event-store/kurrentdb/kurrentdb.append';
import { KurrentDbEventStore } from '../../src/event-store/kurrentdb/kurrentdb.event-store';
import { readStreamEvents } from '../../src/event-store/kurrentdb/kurrentdb.reads';
import { SqliteStorage } from '../../src/storage/sqlite.storage';
import { describeKurrentDb } from '../support/kurrentdb';
import { newEvent } from './event-store.contract';

/** What only KurrentDB does: its positions, its deduplication, its metadata. Runs where KURRENTDB_URL is set. */
describeKurrentDb('KurrentDB store specifics', (url) => {
  let dir: string;
  let client: KurrentDBClient;
  let store: KurrentDbEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-kurrentdb-'));
    client = KurrentDBClient.connectionString(url);
    store = await KurrentDbEventStore.open({ url, side: SqliteStorage.open({ file: join(dir, 'beside-kurrentdb.db') }, dir).side() });
  });
  afterEach(async () => {
    await store.close();
    await client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers with the position readAll gives the event: 2 × its commit position + 1", async () => {
    const id = `case-${randomUUID()}`;
    const start = (await store.headPosition()) + 1;
    const { position } = await store.append(id, [newEvent(), newEvent()], 'no_stream');
    const [first, second] = await store.readAll(start, 2);
    expect(first).toMatchObject({ streamId: id, revision: 0 });
    expect(second).toMatchObject({ streamId: id, revision: 1, position });
    expect(position % 2).toBe(1);
    let commit: bigint | undefined;
    for await (const { event } of client.readStream(id, { fromRevision: 1n, maxCount: 1 })) commit = event?.position?.commit;
    expect(position).toBe(Number(commit) * 2 + 1);
  });

  it('recognises a command sent again after a lost answer: same ids, same revision, written once', async () => {
    const id = `case-${randomUUID()}`;
    const command = randomUUID();
    const events = [newEvent(), newEvent()].map((e) => ({ ...e, metadata: { ...e.metadata, commandId: command } }));
    const first = await appendToKurrent(client, id, events, 'no_stream');
    const again = await appendToKurrent(client, id, events, 'no_stream');
    expect(again.map((e) => e.position)).toEqual(first.map((e) => e.position));
    expect(await readStreamEvents(client, id)).toHaveLength(2);
    // Another command at the same revision is refused as usual.
    await expect(appendToKurrent(client, id, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it("keeps our recorded time and KurrentDB's correlation names in the metadata", async () => {
    const id = `case-${randomUUID()}`;
    const event = newEvent();
    await store.append(id, [event], 'no_stream');
    for await (const { event: recorded } of client.readStream(id)) {
      expect(recorded?.metadata).toMatchObject({ ...event.metadata, schemaVersion: 1, $correlationId: event.metadata.correlationId, $causationId: event.metadata.causationId });
      expect((recorded?.metadata as { recordedAt: string }).recordedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    }
  });

  it('hears of events another process appends', async () => {
    const other = await KurrentDbEventStore.open({ url, side: SqliteStorage.open({ file: join(dir, 'other.db') }, dir).side() });
    try {
      const id = `case-${randomUUID()}`;
      let heard = false;
      store.onAppended((events) => (heard ||= events.some((e) => e.streamId === id)));
      // The subscription starts at the end of $all once it is up: the other process appends until one wakes this one.
      for (let revision = 0; revision < 20 && !heard; revision++) {
        await other.append(id, [newEvent()], revision === 0 ? 'no_stream' : revision - 1);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(heard).toBe(true);
    } finally {
      await other.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { CheckpointMovedError } from '../../src/read-model-store/read-model-store.port';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { newEvent } from './event-store.contract';

/**
 * Read-model commits skip their own disk sync (synchronous=NORMAL for that
 * transaction only): the events' commits keep the connection's setting, and a
 * batch's rows and checkpoint stay one transaction, so a crash can only lose
 * both together (and the projector applies them again).
 */
describe('SQLite read-model commits and the events’ synchronous setting', () => {
  let dir: string;
  let store: SqliteEventStore;
  let models: SqliteReadModelStore;
  const synchronous = () => store.connection().pragma('synchronous', { simple: true });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-model-sync-'));
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    models = new SqliteReadModelStore(store.connection());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given synchronous=FULL for the events, when a batch commits, then the connection is FULL again and the batch is there with its checkpoint', async () => {
    expect(synchronous()).toBe(2);
    await models.commit('caseload', new Map([['a', { n: 1 }]]), { position: 7, version: 1 }, 0);
    expect(synchronous()).toBe(2);
    // Seen from another connection: committed, rows and checkpoint together.
    const other = new Database(join(dir, 'brobygger.db'), { readonly: true });
    try {
      expect(other.prepare("SELECT doc FROM read_model_docs WHERE projection = 'caseload' AND key = 'a'").get()).toEqual({ doc: '{"n":1}' });
      expect(other.prepare("SELECT position FROM projection_checkpoints WHERE projection = 'caseload'").get()).toEqual({ position: 7 });
    } finally {
      other.close();
    }
    await store.append('case-1', [newEvent()], 'no_stream');
    expect(synchronous()).toBe(2);
  });

  it('given a batch refused (its checkpoint moved), then nothing of it is written and the connection is FULL again', async () => {
    await models.commit('caseload', new Map([['a', { n: 1 }]]), { position: 7, version: 1 }, 0);
    await expect(models.commit('caseload', new Map([['b', { n: 2 }]]), { position: 9, version: 1 }, 3)).rejects.toBeInstanceOf(CheckpointMovedError);
    expect(synchronous()).toBe(2);
    expect(await models.get('caseload', 'b')).toBeUndefined();
    expect((await models.checkpoint('caseload'))?.position).toBe(7);
  });

  it('given synchronous=NORMAL for the events (a bulk load), then a commit leaves it NORMAL', async () => {
    await store.close();
    store = SqliteEventStore.open({ file: join(dir, 'brobygger.db'), synchronous: 'NORMAL' });
    models = new SqliteReadModelStore(store.connection());
    await models.commit('caseload', new Map([['a', { n: 1 }]]), { position: 1, version: 1 }, 0);
    expect(synchronous()).toBe(1);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyKeyTakenError, type AppendResult } from '../../src/event-store/event-store.port';
import type { ClaimTable } from '../../src/event-store/side-database';
import { PostgresClaimTable } from '../../src/event-store/postgres/postgres.claims';
import { SqliteClaimTable } from '../../src/event-store/sqlite/sqlite.claims';
import { CLAIM_STALE_MS, KurrentIdempotency } from '../../src/event-store/kurrentdb/kurrentdb.idempotency';
import { MemoryEventStore } from '../../src/event-store/memory/memory.event-store';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';
import { newEvent } from './event-store.contract';

interface Beside {
  side: SqliteEventStore | PostgresEventStore;
  claims: ClaimTable;
  cleanup: () => Promise<void>;
}

/**
 * The idempotency records beside KurrentDB, in the database that holds the
 * read models (SQLite, PostgreSQL). Where the events go is a real store of the
 * port (memory here, KurrentDB in production): the keeper only asks it which
 * events a command left.
 */
function idempotencyBesideKurrentDb(name: string, open: () => Promise<Beside>): void {
  describe(`idempotency beside KurrentDB, on ${name}`, () => {
    let beside: Beside;
    let events: MemoryEventStore;
    let now: number;
    let keeper: KurrentIdempotency;

    beforeEach(async () => {
      beside = await open();
      events = new MemoryEventStore();
      now = Date.parse('2026-03-02T08:15:00.000Z');
      keeper = new KurrentIdempotency(
        beside.claims,
        beside.side,
        beside.side.archive(),
        async (streamId, commandId) => (await events.readStream(streamId)).filter((e) => e.metadata.commandId === commandId),
        () => now,
      );
    });

    afterEach(() => beside.cleanup());

    const request = (key = randomUUID()) => ({ key, subject: 'coordinator-1', route: 'POST /cases', bodyHash: 'h', answer: (r: AppendResult) => ({ caseId: 'c-1', ...r }) });

    it('lets one of two appends with the same key claim it', async () => {
      const key = request();
      const results = await Promise.allSettled([keeper.begin(key, 'case-a', 'cmd-a'), keeper.begin(key, 'case-b', 'cmd-b')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyTakenError);
    });

    it('writes the record once the events are durable, and refuses the key from then on', async () => {
      const key = request();
      const claim = await keeper.begin(key, 'case-a', 'cmd-a');
      await keeper.finish(claim, key.answer({ revision: 0, position: 7 }));
      expect(await keeper.find('coordinator-1', key.key)).toMatchObject({ route: 'POST /cases', bodyHash: 'h', answer: { caseId: 'c-1', revision: 0, position: 7 } });
      await expect(keeper.begin(key, 'case-c', 'cmd-c')).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
    });

    it('frees the key of an append that was refused', async () => {
      const key = request();
      await keeper.abandon(await keeper.begin(key, 'case-a', 'cmd-a'));
      expect(await keeper.find('coordinator-1', key.key)).toBeUndefined();
      await expect(keeper.begin(key, 'case-a', 'cmd-b')).resolves.toMatchObject({ streamId: 'case-a' });
    });

    it('waits for a claim still being written and answers with its record', async () => {
      const key = request();
      const claim = await keeper.begin(key, 'case-a', 'cmd-a');
      const found = keeper.find('coordinator-1', key.key);
      await keeper.finish(claim, key.answer({ revision: 2, position: 9 }));
      await expect(found).resolves.toMatchObject({ answer: { revision: 2, position: 9 } });
    });

    it('after a crash between the append and the record, answers from where the events landed', async () => {
      const key = request();
      const commandId = randomUUID();
      await keeper.begin(key, 'case-a', commandId);
      await events.append('case-a', [newEvent()], 'no_stream');
      const landed = await events.append('case-a', [{ ...newEvent(), metadata: { ...newEvent().metadata, commandId } }, { ...newEvent(), metadata: { ...newEvent().metadata, commandId } }], 0);
      // The process died here. Later, past the append's deadline, the client retries:
      now += CLAIM_STALE_MS + 1;
      expect(await keeper.find('coordinator-1', key.key)).toMatchObject({ answer: { caseId: 'c-1', revision: 2, position: landed.position } });
      await expect(keeper.begin(key, 'case-a', randomUUID())).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
    });

    it('after a crash before the events landed, frees the key so the command can run', async () => {
      const key = request();
      await keeper.begin(key, 'case-a', randomUUID());
      now += CLAIM_STALE_MS + 1;
      expect(await keeper.find('coordinator-1', key.key)).toBeUndefined();
      await expect(keeper.begin(key, 'case-a', randomUUID())).resolves.toBeDefined();
    });
  });
}

idempotencyBesideKurrentDb('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-kurrent-keys-'));
  const side = SqliteEventStore.open({ file: join(dir, 'beside-kurrentdb.db') });
  return {
    side,
    claims: new SqliteClaimTable(side.connection()),
    cleanup: async () => {
      await side.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describePostgres('idempotency beside KurrentDB on PostgreSQL', () => {
  idempotencyBesideKurrentDb('PostgreSQL', async () => {
    const schema = testSchema();
    const side = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    return {
      side,
      claims: await PostgresClaimTable.open(side.connection(), schema),
      cleanup: async () => {
        await side.close();
        await dropSchema(schema);
      },
    };
  });
});

describePostgres('the claims table beside KurrentDB on PostgreSQL', () => {
  it('is made once when several processes start together', async () => {
    const schema = testSchema();
    const side = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
    try {
      await Promise.all(Array.from({ length: 6 }, () => PostgresClaimTable.open(side.connection(), schema)));
    } finally {
      await side.close();
      await dropSchema(schema);
    }
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../../domain/shared/errors';
import { pagesThroughHead } from '../../src/event-store/read-through-head';
import { citizenKeysWithAppend, EventStore, IdempotencyKeyTakenError, NewEvent, StoreUnavailableError, StoredEvent } from '../../src/event-store/event-store.port';

export interface ContractSubject {
  store: EventStore;
  /** Closes the store and opens it again on the same storage (durable adapters only). */
  reopen?: () => Promise<EventStore>;
  cleanup: () => Promise<void>;
}

/** A new event as the command handler makes them. */
export const newEvent = (type = 'TaskOpened', data: unknown = { n: 1 }): NewEvent => ({
  type,
  data,
  metadata: {
    eventId: randomUUID(),
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'contract', role: 'coordinator' },
    occurredAt: '2026-03-02T08:15:00.000Z',
  },
});

const streamId = () => `case-${randomUUID()}`;
const idempotency = (key = randomUUID()) => ({ key, subject: 'contract', route: 'POST /cases', bodyHash: 'h', answer: (r: { revision: number; position: number }) => ({ ...r, caseId: 'c' }) });

/**
 * The event store contract: every adapter (memory, SQLite, and the stores issue's
 * PostgreSQL and KurrentDB) must pass it unchanged. Each test uses fresh streams,
 * so the suite also runs against a store that already holds events.
 */
export function eventStoreContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`${name}: the event store contract`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(() => subject.cleanup());

    describe('appending', () => {
      it('starts a stream at revision 0 and continues it at the revision the writer expects', async () => {
        const id = streamId();
        expect(await store.streamRevision(id)).toBe('no_stream');
        const first = await store.append(id, [newEvent(), newEvent()], 'no_stream');
        expect(first.revision).toBe(1);
        const second = await store.append(id, [newEvent()], 1);
        expect(second.revision).toBe(2);
        expect(second.position).toBeGreaterThan(first.position);
        expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(await store.streamRevision(id)).toBe(2);
      });

      it('refuses a stale expected revision with the actual one, and appends nothing', async () => {
        const id = streamId();
        await store.append(id, [newEvent(), newEvent()], 'no_stream');
        await expect(store.append(id, [newEvent()], 0)).rejects.toMatchObject({ constructor: ConcurrencyError, actual: 1, expected: 0 });
        await expect(store.append(id, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(streamId(), [newEvent()], 0)).rejects.toMatchObject({ actual: 'no_stream' });
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it("appends with 'any' whatever the stream's revision", async () => {
        const id = streamId();
        await store.append(id, [newEvent()], 'any');
        const result = await store.append(id, [newEvent()], 'any');
        expect(result.revision).toBe(1);
      });

      it('stores a citizen key with the events where the store keeps keys, and otherwise refuses the append and appends nothing', async () => {
        const id = streamId();
        const append = store.append(id, [newEvent()], 'no_stream', { citizenKey: { citizenId: randomUUID(), key: randomBytes(32) } });
        if (citizenKeysWithAppend(store)) await expect(append).resolves.toMatchObject({ revision: 0 });
        else {
          await expect(append).rejects.toThrow('does not write citizen keys');
          expect(await store.readStream(id)).toEqual([]);
        }
      });

      it('refuses an empty append', async () => {
        await expect(store.append(streamId(), [], 'any')).rejects.toThrow();
      });

      it('stores type, data, metadata, schema version and a recorded time', async () => {
        const id = streamId();
        const event = { ...newEvent('LonelinessAssessed', { score: 8, answers: [3, 3, 2], note: 'æøå ✓' }), schemaVersion: 2 };
        const before = Date.now();
        await store.append(id, [event], 'no_stream');
        const [stored] = await store.readStream(id);
        expect(stored).toMatchObject({ streamId: id, type: 'LonelinessAssessed', data: event.data, metadata: event.metadata, schemaVersion: 2, revision: 0 });
        expect(Date.parse(stored!.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(stored!.recordedAt).toMatch(/Z$/);
      });

      it('keeps what it stored from being changed by its callers', async () => {
        const id = streamId();
        const data = { themes: ['varmehjælp'] };
        await store.append(id, [newEvent('VisitHeld', data)], 'no_stream');
        data.themes.push('changed after append');
        const [read] = await store.readStream(id);
        (read!.data as typeof data).themes.push('changed after read');
        expect((await store.readStream(id))[0]!.data).toEqual({ themes: ['varmehjælp'] });
      });
    });

    describe('concurrent writers', () => {
      it('lets exactly one of ten appends with the same expected revision win', async () => {
        const id = streamId();
        await store.append(id, [newEvent()], 'no_stream');
        const results = await Promise.allSettled(Array.from({ length: 10 }, () => store.append(id, [newEvent()], 0)));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) expect(r.reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it("lets exactly one of ten 'no_stream' appends start a new stream (a new case appended without reading it first)", async () => {
        const id = streamId();
        const results = await Promise.allSettled(Array.from({ length: 10 }, (_, n) => store.append(id, [newEvent('TaskOpened', { n })], 'no_stream')));
        const won = results.filter((r): r is PromiseFulfilledResult<{ revision: number; position: number }> => r.status === 'fulfilled');
        expect(won).toHaveLength(1);
        expect(won[0]!.value.revision).toBe(0);
        for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) expect(r.reason).toMatchObject({ constructor: ConcurrencyError, actual: 0 });
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('takes 32 appends to distinct streams at once, with distinct positions', async () => {
        const ids = Array.from({ length: 32 }, streamId);
        const results = await Promise.all(ids.map((id) => store.append(id, [newEvent()], 'no_stream')));
        expect(new Set(results.map((r) => r.position)).size).toBe(32);
      });

      it('orders appends to one stream made together with any', async () => {
        const id = streamId();
        await Promise.all(Array.from({ length: 5 }, () => store.append(id, [newEvent()], 'any')));
        expect((await store.readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      });
    });

    describe('reading', () => {
      it('reads a stream from a revision, and as it was known at a recorded time', async () => {
        const id = streamId();
        await store.append(id, [newEvent(), newEvent(), newEvent()], 'no_stream');
        expect((await store.readStream(id, { fromRevision: 1 })).map((e) => e.revision)).toEqual([1, 2]);
        const [first] = await store.readStream(id);
        expect(await store.readStream(id, { recordedUntil: new Date(Date.parse(first!.recordedAt) - 1).toISOString() })).toEqual([]);
        expect(await store.readStream(id, { recordedUntil: first!.recordedAt })).toHaveLength(3);
        expect(await store.readStream(streamId())).toEqual([]);
      });

      it('reads all streams in global order from a position, a page at a time', async () => {
        const a = streamId();
        const b = streamId();
        const start = (await store.headPosition()) + 1;
        await store.append(a, [newEvent()], 'no_stream');
        await store.append(b, [newEvent(), newEvent()], 'no_stream');
        await store.append(a, [newEvent()], 0);
        // On PostgreSQL another test file's open transaction may hold the newest events back for a moment (readAll's horizon): read through the head.
        const all: StoredEvent[] = [];
        for await (const page of pagesThroughHead(store, 100)) all.push(...page.filter((e) => e.position >= start));
        expect(all.map((e) => [e.streamId, e.revision])).toEqual([[a, 0], [b, 0], [b, 1], [a, 1]]);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        expect(await store.readAll(positions[1]!, 2)).toEqual(all.slice(1, 3));
        expect(await store.headPosition()).toBe(positions[3]);
      });
    });

    describe('idempotency', () => {
      it('remembers the answer in the same transaction as the events', async () => {
        const key = idempotency();
        const result = await store.append(streamId(), [newEvent()], 'no_stream', { idempotency: key });
        const record = await store.findIdempotency('contract', key.key);
        expect(record).toMatchObject({ key: key.key, subject: 'contract', route: 'POST /cases', bodyHash: 'h', answer: { ...result, caseId: 'c' } });
        expect(await store.findIdempotency('someone else', key.key)).toBeUndefined();
      });

      it('lets one of two appends with the same key win and appends the other not at all', async () => {
        const key = idempotency();
        const [a, b] = [streamId(), streamId()];
        const results = await Promise.allSettled([a, b].map((id) => store.append(id, [newEvent()], 'no_stream', { idempotency: key })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyTakenError);
        expect((await store.readStream(a)).length + (await store.readStream(b)).length).toBe(1);
      });

      it('remembers no key for an append that was refused', async () => {
        const id = streamId();
        await store.append(id, [newEvent()], 'no_stream');
        const key = idempotency();
        await expect(store.append(id, [newEvent()], 'no_stream', { idempotency: key })).rejects.toBeInstanceOf(ConcurrencyError);
        expect(await store.findIdempotency('contract', key.key)).toBeUndefined();
      });
    });

    describe('subscribers', () => {
      it('hears of every committed event once, in order, until it unsubscribes', async () => {
        const heard: StoredEvent[] = [];
        const unsubscribe = store.onAppended((events) => heard.push(...events));
        const id = streamId();
        await Promise.all([store.append(id, [newEvent(), newEvent()], 'no_stream'), store.append(streamId(), [newEvent()], 'no_stream')]);
        await expect(store.append(id, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
        expect(heard).toHaveLength(3);
        const positions = heard.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        unsubscribe();
        await store.append(id, [newEvent()], 1);
        expect(heard).toHaveLength(3);
      });

      it('is not broken by a subscriber that throws', async () => {
        store.onAppended(() => {
          throw new Error('a buggy subscriber');
        });
        await expect(store.append(streamId(), [newEvent()], 'no_stream')).resolves.toMatchObject({ revision: 0 });
      });
    });

    describe('closing', () => {
      it('finishes appends already made, then refuses with StoreUnavailableError', async () => {
        const id = streamId();
        const pending = store.append(id, [newEvent()], 'no_stream');
        await store.close();
        await expect(pending).resolves.toMatchObject({ revision: 0 });
        await expect(store.append(streamId(), [newEvent()], 'no_stream')).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.readStream(id)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
        await store.close();
      });

      it('keeps every acknowledged event and key across a restart, where the adapter is durable', async () => {
        if (!subject.reopen) return; // the memory adapter keeps nothing by design
        const id = streamId();
        const key = idempotency();
        const acknowledged = await Promise.all([
          store.append(id, [newEvent(), newEvent()], 'no_stream', { idempotency: key }),
          store.append(streamId(), [newEvent()], 'no_stream'),
        ]);
        store = await subject.reopen();
        expect(await store.readStream(id)).toHaveLength(2);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(Math.max(...acknowledged.map((r) => r.position)));
        expect(await store.findIdempotency('contract', key.key)).toBeDefined();
      });
    });
  });
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseEvent } from '../../domain/case/case.events';
import { caseDecider } from '../../domain/case/case.stream';
import { fold } from '../../domain/shared/decider';
import type { StoredEvent } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres.event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { upcast } from '../../src/event-store/upcasters';
import { pagesThroughHead } from '../../src/event-store/read-through-head';
import { describePostgres, dropSchema, testDatabaseUrl, testSchema } from '../support/postgres';

/** Events stored in an older shape are read in the newest, from every store. */
const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/events/case-v1.json'), 'utf8')) as StoredEvent[];

describe('upcasting', () => {
  it('reads a v1 LonelinessAssessed (before `severe`) as v2, and leaves current events alone', () => {
    const [referral, v1] = fixture;
    expect(upcast(v1!)).toMatchObject({ schemaVersion: 2, data: { score: 8, severe: true } });
    expect(upcast({ ...v1!, data: { ...(v1!.data as object), score: 6 } })).toMatchObject({ data: { severe: false } });
    expect(upcast(referral!)).toBe(referral);
    const current = upcast(v1!);
    expect(upcast(current)).toBe(current);
  });

  const storedFixture = async (store: SqliteEventStore | PostgresEventStore) => {
    await store.archive().importEvents(fixture);
    const events = await store.readStream(fixture[0]!.streamId);
    expect(events.map((e) => [e.type, e.schemaVersion])).toEqual([
      ['ReferralReceived', 1],
      ['LonelinessAssessed', 2],
      ['ReferralDeclined', 2],
    ]);
    // Through the head: on PostgreSQL another test file's open transaction may hold the imported events back for a moment.
    const all: StoredEvent[] = [];
    for await (const page of pagesThroughHead(store, 10)) all.push(...page);
    expect(all[1]).toMatchObject({ data: { severe: true } });
    const state = fold(caseDecider, events.map((e) => ({ type: e.type, data: e.data }) as CaseEvent));
    // Issue #19: a decline stored with a closure reason reads as a decline reason, the old code kept.
    expect(events[2]!.data).toEqual({ reason: 'declined_by_citizen', formerReason: 'citizen_declined', at: '2026-03-03T09:00:00.000Z' });
    expect(state).toMatchObject({ status: 'Closed', declined: true, reason: 'declined_by_citizen', assessments: [{ score: 8 }] });
  };

  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-upcast-'));
    const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    try {
      await storedFixture(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describePostgres('on PostgreSQL', () => {
    it('reads the stored v1 fixture as v2', async () => {
      const schema = testSchema();
      const store = await PostgresEventStore.open({ connectionString: testDatabaseUrl(), schema });
      try {
        await storedFixture(store);
      } finally {
        await store.close();
        await dropSchema(schema);
      }
    });
  });
});

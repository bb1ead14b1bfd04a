import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../../src/cli/seed/seed';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { Projector } from '../../src/read-models/projector';
import { PROJECTIONS } from '../../src/read-models/projections';
import { SqliteReadModelStore } from '../../src/read-model-store/sqlite-read-model.store';
import { MapView, wants } from '../../projections/shared/projection';
import { sqliteStorage } from '../support/storage';

describe('a seeded service', () => {
  const dirs: string[] = [];
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'brobygger-seeded-'));
    dirs.push(dir);
    return SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** The events as a reader sees them: personal fields are sealed with each store's own keys, so open them first. */
  const contentOf = async (store: SqliteEventStore) =>
    new PersonalDataCipher(sqliteStorage(store).citizenKeys).reveal((await store.readAll(1, 1_000_000)).map(({ streamId, type, data, metadata }) => ({ streamId, type, data, occurredAt: metadata.occurredAt })));

  it('writes the same cases for the same seed (and the same day), and other cases for another', async () => {
    const asOf = Date.parse('2026-12-07T10:00:00+01:00');
    const [a, b, c] = [open(), open(), open()];
    await seed(sqliteStorage(a), { cases: 40, seed: 11, asOf }, () => undefined);
    await seed(sqliteStorage(b), { cases: 40, seed: 11, asOf }, () => undefined);
    await seed(sqliteStorage(c), { cases: 40, seed: 12, asOf }, () => undefined);
    const first = await contentOf(a);
    expect(first.length).toBeGreaterThan(200);
    // Stored sealed: every citizen's name is ciphertext in the store (visitors' names are staff data, in clear).
    const referrals = (await a.readAll(1, 1_000_000)).filter((e) => e.type === 'ReferralReceived');
    for (const e of referrals) expect((e.data as { citizen: { name: string } }).citizen.name).toMatch(/^enc:v2:/);
    expect(await contentOf(b)).toEqual(first);
    expect(await contentOf(c)).not.toEqual(first);
    const types = new Set(first.map((e) => e.type));
    for (const type of ['ReferralReceived', 'TriagedToProfessional', 'FirstVisitBooked', 'VisitHeld', 'VisitorDismissedButReturning', 'RelationEstablished', 'CaseClosed']) {
      expect(types).toContain(type);
    }
    await Promise.all([a, b, c].map((store) => store.close()));
  });

  it('hands each projection only the event types it declares, and that changes nothing it keeps', async () => {
    const store = open();
    await seed(sqliteStorage(store), { cases: 120, seed: 4 }, () => undefined);
    const events = await store.readAll(1, 1_000_000);
    for (const projection of PROJECTIONS) {
      const fold = (only: typeof events) => {
        const view = new MapView<unknown>();
        for (const event of only) projection.apply(event, view);
        return view.docs;
      };
      const wanted = events.filter((event) => wants(projection, event));
      expect(wanted.length).toBeLessThan(events.length);
      expect(fold(wanted)).toEqual(fold(events));
    }
    await store.close();
  });

  it('keeps live projections equal to a rebuild from position 0', async () => {
    const store = open();
    const models = new SqliteReadModelStore(store.connection());
    const projector = new Projector(store, models, PROJECTIONS);
    await projector.start();
    await seed(sqliteStorage(store), { cases: 150, seed: 3 }, () => undefined);
    const head = await store.headPosition();
    for (const { name } of PROJECTIONS) expect(await projector.waitFor(name, head, 10_000)).toBe(true);
    const live = await Promise.all(PROJECTIONS.map(({ name }) => models.list(name)));
    await projector.rebuild();
    expect(await Promise.all(PROJECTIONS.map(({ name }) => models.list(name)))).toEqual(live);
    await projector.stop();
    await store.close();
    // 150 seeded cases with ten live projections, then a rebuild: over 30 s in CI beside a loaded machine's other work.
  }, 120_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../../src/cli/seed/seed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { screeningFigures } from '../../projections/screenings/screening-figures';
import { ReferredCaseDoc, ScreeningDoc, ScreeningsDoc, screeningsProjection } from '../../projections/screenings/screenings';
import { MapView, wants } from '../../projections/shared/projection';
import { sqliteStorage } from '../support/storage';

/** Issue 22: `cli seed` writes screenings, some of which became the seeded referrals from home care. */
describe('seeded screenings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-seeded-screenings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('screens by unit over the last year, some lonely, and some referrals of home care come from a screening and are taken on', async () => {
    const asOf = Date.parse('2026-12-07T10:00:00+01:00');
    const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    const { refused } = await seed(sqliteStorage(store), { cases: 80, seed: 7, asOf }, () => undefined);
    expect(refused).toBe(0);
    const view = new MapView<ScreeningsDoc>();
    const events = await store.readAll(1, 1_000_000);
    for (const event of events) if (wants(screeningsProjection as never, event)) screeningsProjection.apply(event, view);
    const docs = [...view.docs.values()];
    const { rows, totals } = screeningFigures(docs.filter((d): d is ScreeningDoc => d.kind === 'screening'), docs.filter((d): d is ReferredCaseDoc => d.kind === 'case'), {});
    expect(totals.screened).toBeGreaterThanOrEqual(40);
    expect(totals.lonelyShare).toBeGreaterThan(0.2);
    expect(totals.lonelyShare).toBeLessThan(0.8);
    expect(totals.referrals).toBeGreaterThan(0);
    expect(totals.cases).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.unit)).size).toBeGreaterThanOrEqual(2);
    // Every referral made from a screening is recorded on the screening too.
    expect(events.filter((e) => e.type === 'ScreeningReferred')).toHaveLength(totals.referrals);
    await store.close();
  }, 120_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../../src/cli/seed/seed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { isShown } from '../../projections/outcomes/cells';
import { OutcomeFacts, outcomeFactsProjection } from '../../projections/outcomes/outcome-facts';
import { outcomes } from '../../projections/outcomes/outcomes';
import { MapView, wants } from '../../projections/shared/projection';
import { sqliteStorage } from '../support/storage';

/** Issue 22: on a fresh start, `cli seed` makes enough closed cases with scores, relations and follow-ups that the outcomes mean something. */
describe('seeded outcomes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-seeded-outcomes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('closes cases over the last year with paired UCLA-3 scores, relations and follow-ups held, and refuses none of its commands', async () => {
    const asOf = Date.parse('2026-12-07T10:00:00+01:00');
    const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    const result = await seed(sqliteStorage(store), { cases: 300, seed: 22, asOf }, () => undefined);
    expect(result.refused).toBe(0);
    const view = new MapView<OutcomeFacts>();
    for (const event of await store.readAll(1, 10_000_000)) if (wants(outcomeFactsProjection as never, event)) outcomeFactsProjection.apply(event, view);
    const closed = [...view.docs.entries()].filter(([key]) => key.startsWith('closed:')).map(([, doc]) => doc);
    const { all, byProgramme } = outcomes(closed, { from: '2025-12-08', to: '2026-12-07' });
    for (const cell of [all.cases, all.loneliness.paired, all.loneliness.meanChange, all.relations.shareEndedWithRelation, all.daysToFirstRelation.median, all.followUp.held, all.followUp.meanScore]) {
      expect(isShown(cell)).toBe(true);
    }
    expect(all.cases as number).toBeGreaterThan(40);
    expect(all.loneliness.paired as number).toBeGreaterThan(20);
    // Less lonely at the end, on average, as a course that helped reads.
    expect(all.loneliness.meanChange as number).toBeLessThan(0);
    expect(Object.keys(byProgramme).length).toBeGreaterThan(1);
    await store.close();
  }, 120_000);
});

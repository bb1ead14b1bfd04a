import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../../src/cli/seed/seed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { isShown } from '../../projections/outcomes/cells';
import { screeningFunnel } from '../../projections/outcomes/funnel';
import { OutcomeFacts, outcomeFactsProjection } from '../../projections/outcomes/outcome-facts';
import { outcomes } from '../../projections/outcomes/outcomes';
import { PartnerAliasDoc, PartnerKindDoc, partnerKindsOf } from '../../projections/outcomes/partner-kinds';
import { ReferredCaseDoc, ScreeningDoc, ScreeningsDoc, screeningsProjection } from '../../projections/screenings/screenings';
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
    const register = [...view.docs.entries()].filter(([key]) => /^(partner|alias):/.test(key)).map(([, doc]) => doc as unknown as PartnerKindDoc | PartnerAliasDoc);
    const year = { from: '2025-12-08', to: '2026-12-07' };
    const { all, byProgramme, byPartnerKind } = outcomes(closed, year, partnerKindsOf(register));
    for (const cell of [all.cases, all.loneliness.paired, all.loneliness.meanChange, all.relations.shareEndedWithRelation, all.daysToFirstRelation.median, all.followUp.held, all.followUp.meanScore]) {
      expect(isShown(cell)).toBe(true);
    }
    expect(all.cases as number).toBeGreaterThan(40);
    expect(all.loneliness.paired as number).toBeGreaterThan(20);
    // Less lonely at the end, on average, as a course that helped reads.
    expect(all.loneliness.meanChange as number).toBeLessThan(0);
    expect(Object.keys(byProgramme).length).toBeGreaterThan(1);
    // The seeded referrals name the register's partners in free text, linked by name: the split by partner kind has the register's kinds, home care shown.
    expect(isShown(byPartnerKind.hjemmepleje!.cases)).toBe(true);
    expect(Object.keys(byPartnerKind).filter((k) => !['not_in_register', 'self', 'relative'].includes(k)).length).toBeGreaterThan(2);
    // And the funnel from screening to relation: screenings, referrals from them, and at least 5 that came to a relation.
    const screenings = new MapView<ScreeningsDoc>();
    for (const event of await store.readAll(1, 10_000_000)) if (wants(screeningsProjection as never, event)) screeningsProjection.apply(event, screenings);
    const docs = [...screenings.docs.values()];
    const funnel = screeningFunnel(docs.filter((d): d is ScreeningDoc => d.kind === 'screening'), docs.filter((d): d is ReferredCaseDoc => d.kind === 'case'), year);
    const stage = (name: string) => funnel.stages.find((s) => s.stage === name)!.count;
    for (const name of ['screened', 'lonely', 'consented', 'referred', 'started', 'relation']) expect(isShown(stage(name))).toBe(true);
    await store.close();
  }, 120_000);
});

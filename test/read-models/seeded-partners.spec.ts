import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../../src/cli/seed/seed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import type { PartnersDoc } from '../../projections/partners/partner-docs';
import { partners, partnersProjection } from '../../projections/partners/partners';
import { MapView, wants } from '../../projections/shared/projection';
import { ReferralCardDoc, referralCards, referralCardsProjection } from '../../projections/referral-cards/referral-cards';
import { sqliteStorage } from '../support/storage';

/** Issue 21: `cli seed` writes a partner register with meetings, the seeded referrals count for its partners, and cards wait in the inbox. */
describe('a seeded partner register', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-seeded-partners-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers the partners the referrals name, with meetings, and counts their referrals', async () => {
    const asOf = Date.parse('2026-12-07T10:00:00+01:00');
    const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    await seed(sqliteStorage(store), { cases: 60, seed: 7, asOf }, () => undefined);
    const view = new MapView<PartnersDoc>();
    for (const event of await store.readAll(1, 1_000_000)) if (wants(partnersProjection as never, event)) partnersProjection.apply(event, view);
    const rows = partners(view.docs.values(), { silentDays: 90 }, new Date(asOf).toISOString());
    const registered = rows.filter((r) => r.partnerId !== null);
    expect(registered.length).toBe(9);
    expect(registered.every((r) => r.lastMeetingAt !== null)).toBe(true);
    // The referrals that named them in free text count for them, linked by alias.
    expect(registered.find((r) => r.organisation === 'Hjemmeplejen Syd')!.totalReferrals).toBeGreaterThan(0);
    expect(rows.filter((r) => r.organisation === 'Hjemmeplejen Syd')).toHaveLength(1);
    // Referral cards in the inbox: six new (some with a partner's code, counted for it), two rejected.
    const cards = new MapView<ReferralCardDoc>();
    for (const event of await store.readAll(1, 1_000_000)) if (wants(referralCardsProjection as never, event)) referralCardsProjection.apply(event, cards);
    const inbox = referralCards([...cards.docs.values()]);
    expect(inbox.filter((c) => c.status === 'new')).toHaveLength(6);
    expect(inbox.filter((c) => c.status === 'rejected')).toHaveLength(2);
    expect(new Set(inbox.map((c) => c.channel))).toEqual(new Set(['self', 'relative', 'partner']));
    expect(registered.reduce((sum, r) => sum + r.cards, 0)).toBe(inbox.filter((c) => c.partnerId !== undefined).length);
    expect(inbox.every((c) => c.citizen.name.startsWith('enc:v2:'))).toBe(true);
    await store.close();
  }, 120_000);
});

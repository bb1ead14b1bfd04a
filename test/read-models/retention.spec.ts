import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyRetention } from '../../src/cli/retention';
import { seed } from '../../src/cli/seed/seed';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { PersonalDataCipher } from '../../src/privacy/crypto/personal-data.cipher';
import { sqliteStorage } from '../support/storage';
import { appendSealed, openedStream } from '../support/sealing';

describe('cli retention', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brobygger-retention-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('erases exactly the citizens whose cases all closed before the cutoff, once', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'brobygger.db') });
    await seed(sqliteStorage(store), { cases: 80, seed: 9 }, () => undefined);
    // Seeded business times end on 2026-11-01: with a year's retention on 2027-06-01, cases closed before 2026-06-01 are due.
    const now = new Date('2027-06-01T12:00:00Z');
    // Issue 22: a screening with consent never referred, taken before the cutoff, and one taken after it.
    const unreferred = (screeningId: string, at: string) => ({
      type: 'LonelinessScreened',
      data: { screeningId, at, unit: 'Hjemmeplejen Syd', ucla3: [3, 3, 3], score: 9, lonely: true, scaleVersion: 'ucla3-v1', consentToRefer: true, citizen: { name: 'Aase Glemt' }, note: 'Ville tænke over det' },
    });
    const [old, fresh] = ['0f3c6f0e-2b1a-4c1e-9d7a-0a4b5c6d7e01', '0f3c6f0e-2b1a-4c1e-9d7a-0a4b5c6d7e02'];
    await appendSealed(store, `screening-${old}`, [unreferred(old, '2026-03-01T10:00:00.000Z')], old);
    await appendSealed(store, `screening-${fresh}`, [unreferred(fresh, '2026-10-01T10:00:00.000Z')], fresh);
    const dry = await applyRetention(sqliteStorage(store), 365, true, now);
    expect(dry.due.length).toBeGreaterThan(0);
    expect(dry.erased).toBe(0);
    const keys = sqliteStorage(store).citizenKeys;
    expect(await keys.get(dry.due[0]!)).toBeDefined();

    const done = await applyRetention(sqliteStorage(store), 365, false, now);
    expect(dry.screenings).toEqual([old]);
    expect(done).toMatchObject({ due: dry.due, erased: dry.due.length, screenings: [old], dryRun: false });
    expect(await openedStream(store, `screening-${old}`)).toMatchObject([{ citizen: { name: '[slettet]' }, note: '[slettet]', score: 9 }]);
    expect(await openedStream(store, `screening-${fresh}`)).toMatchObject([{ citizen: { name: 'Aase Glemt' } }]);
    for (const citizenId of dry.due) expect(await keys.get(citizenId)).toBeUndefined();
    // Their referrals now read [slettet]; everyone else's still read.
    const referrals = (await store.readAll(1, 100_000)).filter((e) => e.type === 'ReferralReceived');
    const opened = (await new PersonalDataCipher(keys).reveal(referrals.map((e) => e.data))) as Array<{ citizenId: string; citizen: { name: string } }>;
    for (const r of opened) expect(r.citizen.name === '[slettet]').toBe(dry.due.includes(r.citizenId));
    // Issue 22: the keys of the screenings their cases came from go with them, and only theirs.
    const screened = referrals.map((e) => e.data as { citizenId: string; screeningId?: string }).filter((r) => r.screeningId !== undefined);
    expect(screened.filter((r) => dry.due.includes(r.citizenId)).length).toBeGreaterThan(0);
    expect(screened.filter((r) => !dry.due.includes(r.citizenId)).length).toBeGreaterThan(0);
    for (const r of screened) expect((await keys.get(r.screeningId!)) === undefined).toBe(dry.due.includes(r.citizenId));

    expect((await applyRetention(sqliteStorage(store), 365, false, now)).due).toEqual([]);
    await store.close();
  });
});

import { MemoryStorage } from '../../src/storage/memory.storage';
import { seed } from '../../src/cli/seed/seed';
import { Directory } from '../../projections/directory/directory';
import { attention, volunteerView } from '../../projections/volunteers/volunteer-view';

/** Issue 20: `cli seed` shows volunteers at every stage, and the attention list has something of each kind to say. */
describe('the seeded volunteers', () => {
  const AS_OF = Date.parse('2026-12-07T10:00:00+01:00');
  const NOW = new Date(AS_OF).toISOString();
  const directory = new Directory();
  let refused = -1;

  beforeAll(async () => {
    const storage = new MemoryStorage('/nonexistent');
    ({ refused } = await seed(storage, { cases: 10, seed: 3, asOf: AS_OF }, () => undefined));
    for (const event of await storage.events.readAll(1, 1_000_000)) directory.apply(event);
    await storage.events.close();
  }, 60_000);

  it('are written without a refusal, at every status', () => {
    expect(refused).toBe(0);
    const statuses = new Set([...directory.visitors.values()].flatMap((v) => (v.standing ? [v.standing.status] : [])));
    expect([...statuses].sort()).toEqual(['active', 'applicant', 'declined', 'left', 'paused']);
  });

  it('give the coordinator something of every kind to attend to', () => {
    const reasons = new Set(attention(directory.visitors.values(), NOW).flatMap((row) => row.reasons.map((r) => r.reason)));
    expect([...reasons].sort()).toEqual(['interview_waiting', 'pause_overrun', 'supervision_overdue', 'vetting_expired', 'vetting_expiring']);
  });

  it('include a bookable volunteer with the volunteer lead `lone` as contact person', () => {
    const led = [...directory.visitors.values()].filter((v) => v.standing?.coordinatorSub === 'lone');
    expect(led).toHaveLength(1);
    expect(volunteerView(led[0]!, NOW)).toMatchObject({ status: 'active', missingVetting: [], missingTraining: [], supervision: { overdue: false } });
  });
});

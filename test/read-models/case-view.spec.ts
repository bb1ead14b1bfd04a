import { caseDecider } from '../../domain/case/case.stream';
import type { CaseEvent } from '../../domain/case/case.events';
import { caseView } from '../../projections/case-view/case-view';
import { seed } from '../../src/cli/seed/seed';
import type { MemoryEventStore } from '../../src/event-store/memory/memory.event-store';
import { MemoryStorage } from '../../src/storage/memory.storage';

/**
 * GET /cases/:caseId answered the decider's folded state until it got a view
 * of its own: on every case of a seeded store (every kind of event the seed's
 * stories write) the view is that same answer, field for field.
 */
describe('the case view on seeded cases', () => {
  it('answers what the decider state answered, with the revision', async () => {
    // The memory module keeps its secrets under DATA_DIR, which the seed never asks for.
    const storage = new MemoryStorage('/nonexistent');
    const store = storage.events;
    await seed(storage, { cases: 120, seed: 11 }, () => undefined);
    const byStream = new Map<string, Awaited<ReturnType<MemoryEventStore['readAll']>>>();
    for (const event of await store.readAll(0, 1_000_000)) {
      if (event.streamId.startsWith('case-')) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    }
    expect(byStream.size).toBe(120);
    const types = new Set<string>();
    for (const events of byStream.values()) {
      events.forEach((event) => types.add(event.type));
      const state = events.reduce((s, e) => caseDecider.evolve(s, { type: e.type, data: e.data } as CaseEvent), caseDecider.initialState());
      const view = JSON.parse(JSON.stringify(caseView(events)));
      // The one thing the view adds: a held follow-up's UCLA-3 score (issue #19), which the decider has no use for; the seed holds follow-ups since issue 22.
      for (const followUp of view.followUps ?? []) {
        const held = events.find((e) => e.type === 'FollowUpHeld' && (e.data as { followUpId: string }).followUpId === followUp.followUpId);
        expect(followUp.held?.score).toBe((held?.data as { score?: number } | undefined)?.score);
        if (followUp.held) delete followUp.held.score;
      }
      // And the referrals onward (issue #19), which the case page lists and the decider has no use for; the seed refers some onward since the seeded course.
      const onward = events.filter((e) => e.type === 'ReferredOnward').map((e) => e.data);
      expect(view.referredOnward ?? []).toEqual(onward);
      delete view.referredOnward;
      expect(view).toStrictEqual(JSON.parse(JSON.stringify({ ...state, revision: events.at(-1)!.revision })));
    }
    // The seed's stories reach every state: referred, waiting, active, closed (declined and not), with visits, tasks, risks and relations: every case event but VisitCancelled (in the unit spec).
    expect(types.size).toBeGreaterThanOrEqual(15);
    await store.close();
  });
});

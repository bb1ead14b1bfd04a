import type { Programme, VisitorKind } from '../../../domain/shared/codes';
import type { Town } from './danish-data';
import type { Wanted } from './case-story';

/** How often each programme is referred to, as in the seeds; helpers are registered in the same proportions. */
export const PROGRAMME_WEIGHTS: Readonly<Record<Programme, number>> = { care_visits: 45, visiting_friend: 30, community_guide: 15, companion: 10 };

/**
 * Who helps in each programme: parish care visits have employed care workers
 * (omsorgsmedarbejdere) beside volunteers; visiting friends and community
 * guides are volunteers, some with a professional background; companions
 * (bisiddere) often have one.
 */
export const HELPER_KINDS: Readonly<Record<Programme, Readonly<Record<VisitorKind, number>>>> = {
  care_visits: { volunteer: 45, volunteer_professional: 20, employee: 35 },
  visiting_friend: { volunteer: 80, volunteer_professional: 20, employee: 0 },
  community_guide: { volunteer: 80, volunteer_professional: 20, employee: 0 },
  companion: { volunteer: 55, volunteer_professional: 40, employee: 5 },
};

/**
 * The seed's own knowledge of its helpers (the service records neither a
 * visitor's programme nor where they live): each serves one programme in one
 * region, and takes only that programme's citizens living there.
 */
export class Team {
  private readonly byPlace = new Map<string, string[]>();

  add(visitorId: string, programme: Programme, towns: readonly Town[]): void {
    for (const [postcode] of towns) {
      const key = `${programme}:${postcode}`;
      const helpers = this.byPlace.get(key) ?? [];
      helpers.push(visitorId);
      this.byPlace.set(key, helpers);
    }
  }

  /** The helpers of the case's programme living in the citizen's region, in the order registered. */
  helpersFor({ programme, postcode }: Wanted): readonly string[] {
    return this.byPlace.get(`${programme}:${postcode}`) ?? [];
  }
}

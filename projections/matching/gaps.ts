import type { OfferOutcome } from '../../domain/case/case.events';
import { nearness } from '../../domain/matching/matching.area';
import { INTEREST_LABELS, OFFER_KIND_LABELS } from '../../domain/matching/matching.codes';
import type { Interest, OfferKind } from '../../domain/matching/matching.codes';
import type { Programme } from '../../domain/shared/codes';
import { copenhagenDay } from '../shared/copenhagen-day';
import type { MatchFacts } from './match-facts';

/**
 * Where offers are missing (seed 003: "Med koordinering mellem aktører bliver
 * det synligt, hvor der mangler tilbud, som kan iværksættes"): aggregates
 * only, for the manager. A case "found no offer" for an interest when no
 * active offer with that interest meets in its postcode or a neighbouring one.
 */

export interface GapsFilter {
  /** Referral days, Copenhagen time, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  programme?: Programme;
}

/** The catalogue as the gaps read it. */
export interface OfferInReach {
  postcode: string;
  interests: readonly Interest[];
  kind: OfferKind;
  active: boolean;
}

export interface Gaps {
  from?: string;
  to?: string;
  programme?: Programme;
  /** Cases in the period with wishes recorded. */
  casesWithWishes: number;
  /** Each interest wished for: by how many cases, and how many found no active offer with it in their area; most missing first. */
  interests: Array<{ interest: Interest; label: string; cases: number; withoutOffer: number }>;
  /** Each postcode with wishes: how many cases, how many found no active offer in their area for any interest they wished; most missing first. */
  postcodes: Array<{ postcode: string; cases: number; withoutOffer: number }>;
  /** Introductions by offer kind and how they went. */
  introductions: Array<{ kind: OfferKind; label: string; introduced: number; joined: number; triedNotForMe: number; droppedOut: number }>;
}

const OUTCOME_FIELD: Readonly<Record<OfferOutcome, 'joined' | 'triedNotForMe' | 'droppedOut'>> = { joined: 'joined', tried_not_for_me: 'triedNotForMe', dropped_out: 'droppedOut' };

export function gaps(facts: Iterable<MatchFacts>, offers: Iterable<OfferInReach>, filter: GapsFilter): Gaps {
  const active = [...offers].filter((o) => o.active);
  const inReach = (postcode: string | undefined, interest: Interest) =>
    postcode !== undefined && active.some((o) => o.interests.includes(interest) && nearness(postcode, o.postcode) !== 'far');
  const interests = new Map<Interest, { cases: number; withoutOffer: number }>();
  const postcodes = new Map<string, { cases: number; withoutOffer: number }>();
  const kinds = new Map<OfferKind, { introduced: number; joined: number; triedNotForMe: number; droppedOut: number }>();
  let casesWithWishes = 0;
  for (const f of facts) {
    if (filter.programme && f.programme !== filter.programme) continue;
    const day = copenhagenDay(f.referredAt);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) continue;
    for (const intro of f.introductions) {
      const row = kinds.get(intro.offerKind) ?? { introduced: 0, joined: 0, triedNotForMe: 0, droppedOut: 0 };
      row.introduced++;
      if (intro.outcome) row[OUTCOME_FIELD[intro.outcome]]++;
      kinds.set(intro.offerKind, row);
    }
    if (!f.interests) continue;
    casesWithWishes++;
    let foundAny = false;
    for (const interest of f.interests) {
      const found = inReach(f.postcode, interest);
      foundAny ||= found;
      const row = interests.get(interest) ?? { cases: 0, withoutOffer: 0 };
      row.cases++;
      if (!found) row.withoutOffer++;
      interests.set(interest, row);
    }
    const key = f.postcode ?? 'ukendt';
    const row = postcodes.get(key) ?? { cases: 0, withoutOffer: 0 };
    row.cases++;
    if (!foundAny) row.withoutOffer++;
    postcodes.set(key, row);
  }
  const byMissing = <T extends { withoutOffer: number; cases: number }>(a: T, b: T) => b.withoutOffer - a.withoutOffer || b.cases - a.cases;
  return {
    ...(filter.from && { from: filter.from }),
    ...(filter.to && { to: filter.to }),
    ...(filter.programme && { programme: filter.programme }),
    casesWithWishes,
    interests: [...interests].map(([interest, row]) => ({ interest, label: INTEREST_LABELS[interest], ...row })).sort(byMissing),
    postcodes: [...postcodes].map(([postcode, row]) => ({ postcode, ...row })).sort((a, b) => byMissing(a, b) || a.postcode.localeCompare(b.postcode)),
    introductions: [...kinds].map(([kind, row]) => ({ kind, label: OFFER_KIND_LABELS[kind], ...row })).sort((a, b) => b.introduced - a.introduced),
  };
}

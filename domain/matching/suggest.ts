import { PROFESSIONAL_CAPABLE } from '../shared/codes';
import type { Programme, VisitorKind } from '../shared/codes';
import { nearest, nearness, Nearness } from './matching.area';
import { INTEREST_LABELS, LANGUAGE_LABELS, WEEKDAY_LABELS } from './matching.codes';
import type { Interest, Language, Meeting, OfferKind, TimeSpan } from './matching.codes';
import type { CitizenWishes, VisitorProfile } from './matching.profile';

/**
 * Suggestions for a case (issue #18): which visitors, and which offers of the
 * catalogue, fit the citizen best, and why. Hard rules first: a candidate that
 * breaks one is not suggested at all. Then a score that is only the sum of its
 * reasons' points, so a coordinator can read off why one ranks above another:
 *
 * | reason | points |
 * | --- | --- |
 * | `shared_interest:<interest>` (each) | 3 |
 * | `language:<language>` (each shared language but Danish, which all speak) | 3 |
 * | `same_area` / `neighbouring_area` | 4 / 2 |
 * | `available_at_citizen_time` (a visitor's hours or an offer's meeting overlap the citizen's) | 2 |
 * | `preferred_gender` | 1 |
 * | `has_free_place` (visitors: 1 per free place, at most 2) | 1–2 |
 * | `accessible` (offers; 2 for a citizen with a walker) | 1–2 |
 *
 * Pure: the caller passes the case, the visitors and the offers.
 */

export const SUGGESTION_LIMIT = 10;

export const POINTS = {
  sharedInterest: 3,
  language: 3,
  sameArea: 4,
  neighbouringArea: 2,
  time: 2,
  preferredGender: 1,
  freePlaceEach: 1,
  freePlaceMax: 2,
  accessible: 1,
  accessibleForWalker: 2,
} as const;

export interface Reason {
  /** Stable: `shared_interest:walks`, `same_area`, `language:ar`, … */
  code: string;
  /** The same in Danish, for the chip the coordinator reads. */
  text: string;
  points: number;
}

/** What the suggestions need to know of the case. */
export interface CaseToMatch {
  programme: Programme;
  postcode?: string;
  /** Suicidal thoughts, or the professional track: only professional-capable visitors. */
  needsProfessional: boolean;
  wishes?: CitizenWishes;
  /** The case's visitor now, if any: not suggested again. */
  visitorId?: string;
  /** Offers already introduced: not suggested again. */
  introducedOfferIds: readonly string[];
}

export interface VisitorToMatch {
  visitorId: string;
  name: string;
  kind: VisitorKind;
  active: boolean;
  capacity: number;
  activeCases: number;
  profile?: VisitorProfile;
}

export interface OfferToMatch {
  offerId: string;
  name: string;
  kind: OfferKind;
  postcode: string;
  schedule: readonly Meeting[];
  interests: readonly Interest[];
  accessible: boolean;
  active: boolean;
}

export interface VisitorSuggestion {
  visitorId: string;
  name: string;
  score: number;
  reasons: Reason[];
  freePlaces: number;
}

export interface OfferSuggestion {
  offerId: string;
  name: string;
  kind: OfferKind;
  postcode: string;
  score: number;
  reasons: Reason[];
}

export interface Suggestions {
  visitors: VisitorSuggestion[];
  offers: OfferSuggestion[];
}

export function suggest(target: CaseToMatch, visitors: Iterable<VisitorToMatch>, offers: Iterable<OfferToMatch>): Suggestions {
  return { visitors: suggestVisitors(target, visitors), offers: suggestOffers(target, offers) };
}

/** Whether a visitor may take the case at all: active, a free place, the programme served, professional where it must be. */
export function visitorFits(target: CaseToMatch, visitor: VisitorToMatch): boolean {
  if (!visitor.active || visitor.visitorId === target.visitorId) return false;
  if (visitor.capacity - visitor.activeCases <= 0) return false;
  // A visitor with no profile yet serves every programme and goes anywhere (docs/api.md).
  if (visitor.profile && !visitor.profile.programmes.includes(target.programme)) return false;
  if (target.needsProfessional && !PROFESSIONAL_CAPABLE.includes(visitor.kind)) return false;
  // The postcodes a profile names are where the visitor will go.
  if (visitor.profile && visitor.profile.postcodes.length > 0 && target.postcode !== undefined && nearest(target.postcode, visitor.profile.postcodes) === 'far') return false;
  return true;
}

export function suggestVisitors(target: CaseToMatch, visitors: Iterable<VisitorToMatch>): VisitorSuggestion[] {
  const out: VisitorSuggestion[] = [];
  for (const visitor of visitors) {
    if (!visitorFits(target, visitor)) continue;
    const freePlaces = visitor.capacity - visitor.activeCases;
    const reasons: Reason[] = [];
    const profile = visitor.profile;
    const wishes = target.wishes;
    if (profile && wishes) {
      reasons.push(...interestReasons(wishes.interests, profile.interests));
      reasons.push(...languageReasons(wishes.languages, profile.languages));
    }
    if (profile) reasons.push(...areaReasons(nearest(target.postcode, profile.postcodes), target.postcode));
    if (profile && wishes) {
      const overlap = wishes.availability.find((span) => profile.availability.some((other) => overlaps(span, other)));
      if (overlap) reasons.push(timeReason(overlap));
      if (wishes.preferredGender !== undefined && profile.gender === wishes.preferredGender) {
        reasons.push({ code: 'preferred_gender', text: 'Det køn, borgeren foretrækker', points: POINTS.preferredGender });
      }
    }
    reasons.push({
      code: 'has_free_place',
      text: freePlaces === 1 ? '1 ledig plads' : `${freePlaces} ledige pladser`,
      points: Math.min(freePlaces * POINTS.freePlaceEach, POINTS.freePlaceMax),
    });
    out.push({ visitorId: visitor.visitorId, name: visitor.name, score: total(reasons), reasons, freePlaces });
  }
  return best(out, (a, b) => b.freePlaces - a.freePlaces || a.name.localeCompare(b.name, 'da'));
}

/** Whether an offer may be suggested: active, not already introduced, within reach (area, mobility). */
export function offerFits(target: CaseToMatch, offer: OfferToMatch): boolean {
  if (!offer.active || target.introducedOfferIds.includes(offer.offerId)) return false;
  if (target.wishes?.mobility === 'bedbound') return false;
  if (target.wishes?.mobility === 'wheelchair' && !offer.accessible) return false;
  return target.postcode === undefined || nearness(target.postcode, offer.postcode) !== 'far';
}

export function suggestOffers(target: CaseToMatch, offers: Iterable<OfferToMatch>): OfferSuggestion[] {
  const out: OfferSuggestion[] = [];
  const wishes = target.wishes;
  for (const offer of offers) {
    if (!offerFits(target, offer)) continue;
    const reasons: Reason[] = [];
    if (wishes) reasons.push(...interestReasons(wishes.interests, offer.interests));
    reasons.push(...areaReasons(nearness(target.postcode, offer.postcode), target.postcode));
    if (wishes) {
      const meeting = offer.schedule.find((m) => wishes.availability.some((span) => span.weekday === m.weekday && span.from <= m.time && m.time < span.to));
      if (meeting) reasons.push({ code: 'available_at_citizen_time', text: `Mødes ${WEEKDAY_LABELS[meeting.weekday]} kl. ${meeting.time}, når borgeren kan`, points: POINTS.time });
    }
    if (offer.accessible) {
      const walker = wishes?.mobility === 'walker';
      reasons.push({ code: 'accessible', text: 'Tilgængeligt uden trapper', points: walker ? POINTS.accessibleForWalker : POINTS.accessible });
    }
    out.push({ offerId: offer.offerId, name: offer.name, kind: offer.kind, postcode: offer.postcode, score: total(reasons), reasons });
  }
  return best(out, (a, b) => a.name.localeCompare(b.name, 'da'));
}

function interestReasons(wished: readonly Interest[], offered: readonly Interest[]): Reason[] {
  return wished.filter((i) => offered.includes(i)).map((i) => ({ code: `shared_interest:${i}`, text: `Fælles interesse: ${INTEREST_LABELS[i]}`, points: POINTS.sharedInterest }));
}

function languageReasons(wished: readonly Language[], spoken: readonly Language[]): Reason[] {
  return wished
    .filter((l) => l !== 'da' && spoken.includes(l))
    .map((l) => ({ code: `language:${l}`, text: `Taler ${LANGUAGE_LABELS[l]}`, points: POINTS.language }));
}

function areaReasons(near: Nearness, postcode: string | undefined): Reason[] {
  if (near === 'same') return [{ code: 'same_area', text: `Samme område (${postcode})`, points: POINTS.sameArea }];
  if (near === 'neighbouring') return [{ code: 'neighbouring_area', text: `Nabo-område til ${postcode}`, points: POINTS.neighbouringArea }];
  return [];
}

const timeReason = (span: TimeSpan): Reason => ({
  code: 'available_at_citizen_time',
  text: `Kan ${WEEKDAY_LABELS[span.weekday]} ${span.from}-${span.to}, når borgeren kan`,
  points: POINTS.time,
});

/** Two weekly spans overlap: the same weekday, and each starts before the other ends ("HH:MM" compares as text). */
export const overlaps = (a: TimeSpan, b: TimeSpan): boolean => a.weekday === b.weekday && a.from < b.to && b.from < a.to;

const total = (reasons: readonly Reason[]): number => reasons.reduce((sum, r) => sum + r.points, 0);

/** Highest score first, then the tie-break; at most SUGGESTION_LIMIT. */
function best<T extends { score: number }>(rows: T[], tie: (a: T, b: T) => number): T[] {
  return rows.sort((a, b) => b.score - a.score || tie(a, b)).slice(0, SUGGESTION_LIMIT);
}

import { PROFESSIONAL_ONLY_NEEDS } from '../../domain/shared/codes';
import type { CaseToMatch, Suggestions, VisitorToMatch } from '../../domain/matching/suggest';
import { suggestOffers, suggestVisitors } from '../../domain/matching/suggest';
import type { CaseView } from '../case-view/case-view';
import type { Directory } from '../directory/directory';
import { vettingGaps } from '../../domain/visitor/volunteer.standing';

/** What the suggestions know of a case, from its view: programme, area, wishes, the professional rule, what is already done. */
export function caseToMatch(view: CaseView): CaseToMatch {
  const professional = view.track === 'professional' || [...view.needs, ...view.riskFlags].some((need) => PROFESSIONAL_ONLY_NEEDS.includes(need));
  return {
    programme: view.programme,
    ...(view.postcode !== undefined && { postcode: view.postcode }),
    needsProfessional: professional,
    ...(view.wishes !== undefined && { wishes: view.wishes }),
    ...(view.status === 'Active' && view.visitorId !== undefined && { visitorId: view.visitorId }),
    introducedOfferIds: (view.introductions ?? []).map((i) => i.offerId),
  };
}

/** The visitors of the Directory as the scoring reads them (no copies of their profiles). */
function* visitorsOf(directory: Directory, view: CaseView, now: string | undefined): Iterable<VisitorToMatch> {
  const caseId = view.caseId;
  const settings = directory.programmeSettings();
  for (const v of directory.visitors.values()) {
    // Issue 20: a volunteer the booking would refuse for want of the programme's vetting is not suggested either.
    const vetted = now === undefined || vettingGaps(v.standing, view.programme, now, settings).length === 0;
    yield {
      visitorId: v.visitorId,
      name: v.name,
      kind: v.kind,
      active: v.active && vetted,
      capacity: v.capacity,
      activeCases: directory.activeCasesOf(v.visitorId, caseId),
      ...(v.profile && { profile: v.profile }),
    };
  }
}

/** `GET /cases/:caseId/suggestions`: visitors (unless `offersOnly`, for the case's visitor) and offers, best first; given `now`, volunteers without the programme's vetting are left out (issue 20). */
export function suggestionsFor(view: CaseView, directory: Directory, offersOnly: boolean, now?: string): Suggestions {
  const target = caseToMatch(view);
  return {
    visitors: offersOnly ? [] : suggestVisitors(target, visitorsOf(directory, view, now)),
    offers: suggestOffers(target, directory.offers.values()),
  };
}

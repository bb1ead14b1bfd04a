import { caseloadProjection } from '../../projections/caseload/caseload';
import { caseFactsProjection } from '../../projections/dashboard/case-facts';
import { followUpsProjection } from '../../projections/follow-ups/follow-ups';
import { partnersProjection } from '../../projections/partners/partners';
import type { Projection } from '../../projections/shared/projection';
import { waitingListProjection } from '../../projections/waiting-list/waiting-list';
import { matchFactsProjection } from '../../projections/matching/match-facts';
import { outcomeFactsProjection } from '../../projections/outcomes/outcome-facts';
import { referralCardsProjection } from '../../projections/referral-cards/referral-cards';
import { screeningsProjection } from '../../projections/screenings/screenings';
import { assessmentsProjection } from '../../projections/assessments/assessments';

/**
 * Every projection the service keeps. (The case history is folded from the
 * case's own stream when asked for: see projections/case-history.)
 */
export const PROJECTIONS: ReadonlyArray<Projection<unknown>> = [
  waitingListProjection,
  caseloadProjection,
  caseFactsProjection,
  partnersProjection,
  matchFactsProjection,
  followUpsProjection,
  outcomeFactsProjection,
  referralCardsProjection,
  // Issue 22.
  screeningsProjection,
  assessmentsProjection,
] as ReadonlyArray<Projection<unknown>>;

/** Read models no longer kept: `cli rebuild` drops what an older version left of them. */
export const RETIRED_PROJECTIONS: readonly string[] = ['case-history'];

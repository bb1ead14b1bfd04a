import type { Programme } from '../../domain/shared/codes';
import { copenhagenDate } from '../shared/time';
import type { ReferredCaseDoc, ScreeningDoc } from '../screenings/screenings';
import { Cell, count, share } from './cells';

/**
 * The funnel from screening to relation (issue 22: "funnels from screening
 * to relation"). It follows the screenings taken in a period, each stage a
 * part of the one before:
 *
 * 1. `screened`: a UCLA-3 taken before any referral (LonelinessScreened);
 * 2. `lonely`: it scored as lonely (UCLA-3 ≥ 7);
 * 3. `consented`: and the citizen consented to be referred;
 * 4. `referred`: and it became a referral (a case whose ReferralReceived names the screening);
 * 5. `started`: and the case was taken on (a first visit booked);
 * 6. `relation`: and a relation was established during the case;
 * 7. `stillConnected`: and the first follow-up held after the end found the citizen still connected.
 *
 * A screening referred without scoring as lonely is no part of stage 4 on; it
 * is counted apart in `referredNotLonely`. The funnel reads the cases as they
 * are now: a later answer about the same period may hold more in its later
 * stages. Every cell under the small-cell rule (./cells.ts): a stage's count
 * under 5 reads "< 5", and so does its share of the stage before when either
 * is under 5.
 */
export const FUNNEL_STAGES = ['screened', 'lonely', 'consented', 'referred', 'started', 'relation', 'stillConnected'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelStep {
  stage: FunnelStage;
  count: Cell;
  /** Of the stage before (the first stage: absent). */
  shareOfPrevious?: Cell;
}

export interface Funnel {
  /** The screenings of the period (Copenhagen dates of the screening, both included). */
  from: string;
  to: string;
  /** With a programme named, the stages from `referred` on count only that programme's cases; the first three count every screening (a screening has no programme). */
  programme: Programme | null;
  stages: FunnelStep[];
  /** Screenings that became a referral though they did not score as lonely. */
  referredNotLonely: Cell;
}

/** How far one screening got, in stages reached (1 = screened only). */
function reached(screening: ScreeningDoc, referred: ReferredCaseDoc | undefined): number {
  if (!screening.lonely) return 1;
  if (!screening.consentToRefer) return 2;
  if (!referred) return 3;
  if (!referred.started) return 4;
  if (!referred.relation) return 5;
  if (referred.followUp !== 'still_connected') return 6;
  return 7;
}

export function screeningFunnel(
  screenings: Iterable<ScreeningDoc>,
  cases: Iterable<ReferredCaseDoc>,
  range: { from: string; to: string; programme?: Programme },
): Funnel {
  const byScreening = new Map<string, ReferredCaseDoc>();
  for (const c of cases) {
    if (c.kind !== 'case') continue;
    // A second case made from the same screening (docs/api.md, "Referral in one step") counts once: the first.
    const known = byScreening.get(c.screeningId);
    if (!known || c.referredAt < known.referredAt) byScreening.set(c.screeningId, c);
  }
  const tally = FUNNEL_STAGES.map(() => 0);
  let referredNotLonely = 0;
  for (const s of screenings) {
    if (s.kind !== 'screening') continue;
    const day = copenhagenDate(s.at);
    if (day < range.from || day > range.to) continue;
    const found = byScreening.get(s.screeningId);
    const referred = found && (range.programme === undefined || found.programme === range.programme) ? found : undefined;
    if (referred && !s.lonely) referredNotLonely++;
    const stages = reached(s, referred);
    for (let i = 0; i < stages; i++) tally[i]!++;
  }
  return {
    from: range.from,
    to: range.to,
    programme: range.programme ?? null,
    stages: FUNNEL_STAGES.map((stage, i) => ({ stage, count: count(tally[i]!), ...(i > 0 && { shareOfPrevious: share(tally[i]!, tally[i - 1]!) }) })),
    referredNotLonely: count(referredNotLonely),
  };
}

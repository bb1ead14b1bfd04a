import { copenhagenDate, copenhagenMonth } from '../shared/time';
import type { ReferredCaseDoc, ScreeningDoc } from './screenings';

/** One unit's screenings in one Copenhagen month, and what they led to. */
export interface ScreeningFigures {
  month: string;
  unit: string;
  screened: number;
  /** UCLA-3 ≥ 7. */
  lonely: number;
  /** lonely / screened, rounded to two decimals. */
  lonelyShare: number;
  consentToRefer: number;
  /** Screenings that became a referral (a case in the coordinator's intake). */
  referrals: number;
  /** Of those, the cases taken on: a first visit booked. */
  cases: number;
  /** Of those, declined before any visit. */
  declined: number;
}

export interface ScreeningsAnswer {
  from: string | null;
  to: string | null;
  unit: string | null;
  rows: ScreeningFigures[];
  totals: Omit<ScreeningFigures, 'month' | 'unit'>;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100) / 100);

/**
 * `GET /dashboard/screenings`: per unit and Copenhagen month of the screening
 * (its business time), the screenings taken in [from, to] (Copenhagen dates,
 * both included), newest month first, then by unit. Aggregates only.
 */
export function screeningFigures(screenings: Iterable<ScreeningDoc>, cases: Iterable<ReferredCaseDoc>, filter: { from?: string; to?: string; unit?: string }): ScreeningsAnswer {
  const byScreening = new Map<string, ReferredCaseDoc>();
  for (const c of cases) if (c.kind === 'case') byScreening.set(c.screeningId, c);
  const rows = new Map<string, ScreeningFigures>();
  const totals = { screened: 0, lonely: 0, lonelyShare: 0, consentToRefer: 0, referrals: 0, cases: 0, declined: 0 };
  for (const s of screenings) {
    if (s.kind !== 'screening') continue;
    const day = copenhagenDate(s.at);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to) || (filter.unit && s.unit !== filter.unit)) continue;
    const month = copenhagenMonth(s.at);
    const key = `${month}\u0000${s.unit}`;
    const row = rows.get(key) ?? { month, unit: s.unit, screened: 0, lonely: 0, lonelyShare: 0, consentToRefer: 0, referrals: 0, cases: 0, declined: 0 };
    const referred = byScreening.get(s.screeningId);
    for (const figures of [row, totals]) {
      figures.screened++;
      if (s.lonely) figures.lonely++;
      if (s.consentToRefer) figures.consentToRefer++;
      if (referred) figures.referrals++;
      if (referred?.started) figures.cases++;
      if (referred?.declined) figures.declined++;
    }
    rows.set(key, row);
  }
  for (const figures of [...rows.values(), totals]) figures.lonelyShare = share(figures.lonely, figures.screened);
  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    unit: filter.unit ?? null,
    rows: [...rows.values()].sort((a, b) => b.month.localeCompare(a.month) || a.unit.localeCompare(b.unit, 'da')),
    totals,
  };
}

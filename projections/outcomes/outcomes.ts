import type { Programme } from '../../domain/shared/codes';
import { PARTNER_KINDS } from '../../domain/partner/partner.codes';
import type { PartnerKind } from '../../domain/partner/partner.codes';
import { copenhagenDay } from '../shared/copenhagen-day';
import { monthsBetween } from '../shared/time';
import { AGE_BANDS } from './case-outcome';
import { caseRow, CaseRow, outcomeFigures, OutcomeFigures } from './figures';
import type { OutcomeFacts } from './outcome-facts';

export interface OutcomeRange {
  /** Copenhagen dates, both included. */
  from: string;
  to: string;
  programme?: Programme;
}

/** `GET /outcomes`: aggregates only, every cell under the small-cell rule. */
export interface Outcomes {
  from: string;
  to: string;
  programme: Programme | null;
  all: OutcomeFigures;
  byProgramme: Record<string, OutcomeFigures>;
  byReferrerRole: Record<string, OutcomeFigures>;
  /** By the kind of the register's partner the referral names (PARTNER_KIND_GROUPS). */
  byPartnerKind: Record<string, OutcomeFigures>;
  byAgeBand: Record<string, OutcomeFigures>;
}

/**
 * The groups of the split by partner kind: the kinds of the partner register
 * (as the register has them now), then a professional's referral that names
 * no partner of the register (`not_in_register`), then the citizen's own and
 * a relative's referrals, which come through a channel rather than a partner.
 */
export const PARTNER_KIND_GROUPS = [...PARTNER_KINDS, 'not_in_register', 'self', 'relative'] as const;
export type PartnerKindGroup = (typeof PARTNER_KIND_GROUPS)[number];

/** A case's group in the split by partner kind; `kindOf` gives a registered partner's kind (undefined: not in the register). */
export function partnerKindGroupOf(facts: Pick<OutcomeFacts, 'referrerRole' | 'referrerPartnerId'>, kindOf: (partnerId: string) => PartnerKind | undefined): PartnerKindGroup {
  if (facts.referrerRole === 'self' || facts.referrerRole === 'relative') return facts.referrerRole;
  const kind = facts.referrerPartnerId === undefined ? undefined : kindOf(facts.referrerPartnerId);
  return kind ?? 'not_in_register';
}

/** The months whose `closed:` documents a range needs. */
export const monthsOfRange = (range: OutcomeRange): string[] => monthsBetween(range.from, range.to);

/**
 * The cases a range covers: closed (not declined at referral) on a Copenhagen
 * day from `from` to `to`, of the programme if one is named. Each case once,
 * however often it was read.
 */
export function closedIn(facts: Iterable<OutcomeFacts>, range: OutcomeRange): OutcomeFacts[] {
  const found = new Map<string, OutcomeFacts>();
  for (const f of facts) {
    if (!f.closure || f.closure.declined) continue;
    if (range.programme !== undefined && f.programme !== range.programme) continue;
    const day = copenhagenDay(f.closure.at);
    if (day >= range.from && day <= range.to) found.set(f.caseId, f);
  }
  return [...found.values()].sort((a, b) => (a.closure!.at < b.closure!.at ? -1 : a.closure!.at > b.closure!.at ? 1 : a.caseId < b.caseId ? -1 : 1));
}

function split(cases: readonly CaseRow[], keyOf: (row: CaseRow) => string, order?: readonly string[]): Record<string, OutcomeFigures> {
  const groups = new Map<string, CaseRow[]>();
  for (const row of cases) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const keys = order ? order.filter((k) => groups.has(k)) : [...groups.keys()].sort();
  return Object.fromEntries(keys.map((key) => [key, outcomeFigures(groups.get(key)!)]));
}

/** The outcomes of the cases closed in the range, overall and split by programme, referrer role, partner kind and age band (groups with no case left out). */
export function outcomes(facts: Iterable<OutcomeFacts>, range: OutcomeRange, kindOf: (partnerId: string) => PartnerKind | undefined = () => undefined): Outcomes {
  const cases = closedIn(facts, range).map(caseRow);
  return {
    from: range.from,
    to: range.to,
    programme: range.programme ?? null,
    all: outcomeFigures(cases),
    byProgramme: split(cases, (row) => row.facts.programme),
    byReferrerRole: split(cases, (row) => row.facts.referrerRole),
    byPartnerKind: split(cases, (row) => partnerKindGroupOf(row.facts, kindOf), PARTNER_KIND_GROUPS),
    byAgeBand: split(cases, (row) => row.outcome.ageBand, AGE_BANDS),
  };
}

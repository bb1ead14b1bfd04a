import type { Programme } from '../../domain/shared/codes';
import { copenhagenDay } from '../shared/copenhagen-day';
import { monthsBetween } from '../shared/time';
import { AGE_BANDS } from './case-outcome';
import { hideAll, SMALL_CELL } from './cells';
import { caseRow, CaseRow, outcomeFigures, OutcomeFigures } from './figures';
import type { OutcomeFacts } from './outcome-facts';
import { PARTNER_KIND_GROUPS, partnerKindGroupOf, PartnerKindOf } from './partner-kinds';

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
  /** By the kind of the register's partner the referral counts for (./partner-kinds.ts). */
  byPartnerKind: Record<string, OutcomeFigures>;
  byAgeBand: Record<string, OutcomeFigures>;
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
  const hidden = complements(keys.map((key) => ({ key, size: groups.get(key)!.length })));
  return Object.fromEntries(keys.map((key) => [key, hidden.has(key) ? hideAll(outcomeFigures(groups.get(key)!)) : outcomeFigures(groups.get(key)!)]));
}

/**
 * Complementary suppression: a group under 5 cases shows no figure, but the
 * whole period's figures less those of the groups shown would give it away
 * (six cases, a group of five shown: the sixth is the one left, its score
 * change the difference of the means). So while the groups not shown hold
 * 1 to 4 cases between them, the smallest group still shown is hidden too
 * (its cells read "skjult"; the small groups' own read "< 5").
 */
export function complements(groups: ReadonlyArray<{ key: string; size: number }>): Set<string> {
  const complement = new Set<string>();
  let hiddenCases = groups.filter(({ size }) => size < SMALL_CELL).reduce((sum, { size }) => sum + size, 0);
  const shown = groups.filter(({ size }) => size >= SMALL_CELL).sort((a, b) => a.size - b.size || (a.key < b.key ? -1 : 1));
  for (const { key, size } of shown) {
    if (hiddenCases === 0 || hiddenCases >= SMALL_CELL) break;
    complement.add(key);
    hiddenCases += size;
  }
  return complement;
}

/** The outcomes of the cases closed in the range, overall and split by programme, referrer role, partner kind and age band (groups with no case left out). */
export function outcomes(facts: Iterable<OutcomeFacts>, range: OutcomeRange, kindOf: PartnerKindOf = () => undefined): Outcomes {
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

import { copenhagenMonthOf } from '../shared/copenhagen-day';
import { caseOutcome } from './case-outcome';
import type { OutcomeFacts } from './outcome-facts';
import { partnerKindGroupOf, PartnerKindOf } from './partner-kinds';

/**
 * The evaluation data set (issue 22, docs/evaluation-codebook.md): one row
 * per closed case, the case named by a stable pseudonym, months rather than
 * dates, the age as a band; no name, citizen id, address, CPR or free text.
 * Empty cells are values that do not exist (no score, no relation).
 */
export const DATASET_COLUMNS = [
  'case',
  'programme',
  'referrer_role',
  'referrer_partner_kind',
  'age_band',
  'referred_month',
  'closed_month',
  'closure_reason',
  'days_to_first_visit',
  'ucla3_count',
  'ucla3_first',
  'ucla3_last',
  'ucla3_change',
  'severe_first',
  'severe_last',
  'relations',
  'relation_kinds',
  'days_to_first_relation',
  'ended_with_relation',
  'dismissals',
  'follow_up_outcome',
  'follow_up_ucla3',
  'follow_up_days_after_close',
] as const;

type Value = string | number | boolean | undefined;

/** One case's row, in the order of DATASET_COLUMNS; `kindOf` gives the register's partner kind (./partner-kinds.ts). */
export function datasetRow(facts: OutcomeFacts, pseudonym: string, kindOf: PartnerKindOf = () => undefined): Value[] {
  const o = caseOutcome(facts);
  const paired = o.scoreCount >= 2;
  return [
    pseudonym,
    facts.programme,
    facts.referrerRole,
    partnerKindGroupOf(facts, kindOf),
    o.ageBand,
    copenhagenMonthOf(facts.referredAt),
    facts.closure ? copenhagenMonthOf(facts.closure.at) : undefined,
    facts.closure?.reason,
    o.daysToFirstVisit,
    o.scoreCount,
    o.firstScore,
    o.lastScore,
    paired ? o.lastScore! - o.firstScore! : undefined,
    o.firstScore === undefined ? undefined : o.firstScore >= 7,
    o.lastScore === undefined ? undefined : o.lastScore >= 7,
    o.relations,
    [...new Set(facts.relations.map((r) => r.kind))].sort().join(';'),
    o.daysToFirstRelation,
    o.endedWithRelation,
    o.dismissals,
    o.followUp?.outcome,
    o.followUp?.score,
    o.followUp?.daysAfterClose,
  ];
}

/** A CSV cell: booleans as 1/0 (R and Excel read them as numbers), quoted only where needed. */
function cell(value: Value): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a header line, one line per case, CRLF line ends (RFC 4180). */
export function datasetCsv(cases: readonly OutcomeFacts[], pseudonymOf: (caseId: string) => string, kindOf: PartnerKindOf = () => undefined): string {
  const lines = [DATASET_COLUMNS.join(','), ...cases.map((facts) => datasetRow(facts, pseudonymOf(facts.caseId), kindOf).map(cell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

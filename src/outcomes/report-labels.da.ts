import type { FollowUpOutcome } from '../../domain/shared/course-codes';
import type { Programme, ReferrerRole } from '../../domain/shared/codes';
import { PARTNER_KIND_DA } from '../../domain/partner/partner.codes';
import type { AgeBand } from '../../projections/outcomes/case-outcome';
import type { FunnelStage } from '../../projections/outcomes/funnel';
import type { PartnerKindGroup } from '../../projections/outcomes/partner-kinds';
import { Cell, displayCell } from '../../projections/outcomes/cells';

/** The report's Danish words for the codes (as web/src/labels.ts and docs/glossary.md; the server does not import the web app). */
export const PROGRAMME_DA: Record<Programme, string> = { care_visits: 'Omsorgsbesøg', visiting_friend: 'Besøgsven', community_guide: 'Fællesskabsguide', companion: 'Bisidder' };

export const REFERRER_DA: Record<ReferrerRole, string> = {
  visitator: 'Visitator', prevention_worker: 'Forebygger', home_nurse: 'Hjemmesygeplejerske', group_leader: 'Gruppeleder',
  home_helper: 'Hjemmehjælper', social_worker: 'Socialrådgiver', occupational_therapist: 'Ergoterapeut', priest: 'Præst',
  parish_worker: 'Sognemedhjælper', patient_organisation: 'Interesseorganisation', church_organisation: 'Kirkelig organisation',
  general_practitioner: 'Egen læge', hospital: 'Hospital', relative: 'Pårørende', self: 'Borgeren selv', other: 'Andet',
};

export const RELATION_DA: Record<string, string> = {
  family: 'Familie', friend: 'Ven', volunteer_visitor: 'Frivillig besøgsven', network: 'Netværk af ligestillede', self_help_group: 'Selvhjælpsgruppe',
  activity: 'Aktivitet', social_cafe: 'Social café', practice_community: 'Øvefællesskab', community: 'Fællesskab via et tilbud', other: 'Andet',
};

export const CLOSURE_DA: Record<string, string> = {
  relation_established: 'Ny relation etableret', citizen_declined: 'Borgeren sagde nej tak undervejs', moved: 'Fraflyttet', deceased: 'Død',
  transferred_to_professionals: 'Overdraget til fagprofessionelle', consent_withdrawn: 'Samtykke trukket tilbage', other: 'Andet',
};

export const FOLLOW_UP_DA: Record<FollowUpOutcome, string> = { still_connected: 'Stadig i relationen', partly: 'Delvist', lost_touch: 'Har mistet kontakten', not_reached: 'Ikke truffet' };

export const AGE_BAND_DA: Record<AgeBand, string> = { under_50: 'Under 50 år', '50_64': '50-64 år', '65_74': '65-74 år', '75_84': '75-84 år', '85_plus': '85 år og derover', unknown: 'Alder ukendt' };

export const FUNNEL_DA: Record<FunnelStage, string> = {
  screened: 'Opsporet (UCLA-3 taget)', lonely: 'Scorede som ensom', consented: 'Sagde ja til henvisning', referred: 'Henvist',
  started: 'Forløb startet', relation: 'Ny relation etableret', stillConnected: 'Stadig i relationen ved opfølgning',
};

/** The split by partner kind: the register's kinds, then the referrals by no partner of the register. */
export const PARTNER_GROUP_DA: Record<PartnerKindGroup, string> = { ...PARTNER_KIND_DA, not_in_register: 'Fagperson uden for partnerregistret', self: 'Borgeren selv', relative: 'Pårørende' };

/** A number the Danish way: decimal comma. */
export const da = (n: number, decimals = 1): string => (Number.isInteger(n) ? String(n) : n.toFixed(decimals).replace('.', ','));
/** A cell as the report prints it: the number, or "< 5". */
export const num = (cell: Cell): string => displayCell(cell, (n) => da(n));
/** A share as a percentage ("83 %"), or "< 5". */
export const pct = (cell: Cell): string => displayCell(cell, (n) => `${Math.round(n * 100)} %`);
/** Days ("60 dage"), or "< 5". */
export const dage = (cell: Cell): string => displayCell(cell, (n) => `${da(n)} dage`);

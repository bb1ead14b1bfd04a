import type { DeclineReason, FollowUpOutcome, OnwardDestination } from '../../domain/shared/course-codes';
import type { ClosureReason, Need, Priority, Programme, ReferrerRole, RelationKind, Role, TaskKind, Track, VisitorKind } from '../../domain/shared/codes';

/** The Danish words for the code lists, as in docs/glossary.md. Codes stay the contract; these are for people. */
export const PROGRAMME: Record<Programme, string> = {
  care_visits: 'Omsorgsbesøg',
  visiting_friend: 'Besøgsven',
  community_guide: 'Fællesskabsguide',
  companion: 'Bisidder',
};

export const REFERRER_ROLE: Record<ReferrerRole, string> = {
  visitator: 'Visitator',
  prevention_worker: 'Forebygger',
  home_nurse: 'Hjemmesygeplejerske',
  group_leader: 'Gruppeleder',
  home_helper: 'Hjemmehjælper',
  social_worker: 'Socialrådgiver',
  occupational_therapist: 'Ergoterapeut',
  priest: 'Præst',
  parish_worker: 'Sognemedhjælper',
  patient_organisation: 'Interesseorganisation',
  church_organisation: 'Kirkelig organisation',
  general_practitioner: 'Egen læge',
  hospital: 'Hospital',
  relative: 'Pårørende',
  self: 'Borgeren selv',
  other: 'Andet',
};

export const NEED: Record<Need, string> = {
  loneliness_symptoms: 'Symptomer på ensomhed og isolation',
  stuck_problems: 'Problemer gået i hårdknude',
  existential_conversations: 'Eksistentielle samtaler',
  suicidal_thoughts: 'Selvmordstanker',
  contact_difficulties: 'Svært ved at få kontakt til andre',
  cannot_use_day_centre: 'Kan ikke benytte dagcenter eller daghjem',
  contact_authorities: 'Hjælp til at kontakte instanser',
  applications: 'Hjælp til ansøgninger',
  desperate_situation: 'Fortvivlet situation',
};

export const TASK: Record<TaskKind, string> = {
  health_supplement: 'Helbredstillæg',
  housing_benefit: 'Boligydelse',
  heating_aid: 'Varmehjælp',
  dental_care: 'Omsorgstandpleje',
  assistive_devices: 'Hjælpemidler',
  personal_supplement: 'Personligt tillæg',
  grant: 'Legat',
  contact_authority: 'Kontakt til læge, sygeplejerske eller sagsbehandler',
  treatment_follow_up: 'Opfølgning på behandling',
  housing_problem: 'Boligproblem',
  mediation: 'Mægling',
  other: 'Andet',
};

export const RELATION: Record<RelationKind, string> = {
  family: 'Familie',
  friend: 'Ven',
  volunteer_visitor: 'Frivillig besøgsven',
  network: 'Netværk af ligestillede',
  self_help_group: 'Selvhjælpsgruppe',
  activity: 'Aktivitet',
  social_cafe: 'Social café',
  practice_community: 'Øvefællesskab',
  community: 'Fællesskab via et tilbud',
  other: 'Andet',
};

export const CLOSURE: Record<ClosureReason, string> = {
  relation_established: 'Ny relation etableret',
  citizen_declined: 'Borgeren sagde nej tak undervejs',
  moved: 'Fraflyttet',
  deceased: 'Død',
  transferred_to_professionals: 'Overdraget til fagprofessionelle',
  consent_withdrawn: 'Samtykke trukket tilbage',
  other: 'Andet',
};

// After the end (issue #19): domain/shared/course-codes.ts, docs/glossary.md.
export const DECLINE: Record<DeclineReason, string> = {
  not_lonely: 'Ikke ensom',
  declined_by_citizen: 'Borgeren sagde nej tak til tilbuddet',
  no_capacity: 'Ingen ledige pladser',
  wrong_target_group: 'Uden for målgruppen',
  referred_elsewhere: 'Henvist til andet tilbud',
  deceased: 'Død',
  other: 'Andet',
};

export const FOLLOW_UP_OUTCOME: Record<FollowUpOutcome, string> = {
  still_connected: 'Stadig i relationen',
  partly: 'Delvist',
  lost_touch: 'Har mistet kontakten',
  not_reached: 'Ikke truffet',
};

export const ONWARD: Record<OnwardDestination, string> = {
  kommunal_brobygger: 'Kommunal brobygger',
  egen_laege: 'Egen læge',
  psykiatri: 'Psykiatrien',
  kommunens_visitation: 'Kommunens visitation',
  aeldreraad: 'Ældrerådet',
  andet: 'Andet',
};

export const VISITOR_KIND: Record<VisitorKind, string> = {
  volunteer: 'Frivillig',
  volunteer_professional: 'Frivillig med faglig baggrund',
  employee: 'Ansat',
};

export const TRACK: Record<Track, string> = { volunteer: 'Frivilligt spor', professional: 'Fagligt spor' };
/** The two stages of the waiting folder (GET /waiting-list `stage`). */
export const WAITING_STAGE: Record<'referred' | 'waiting', string> = { referred: 'Skal vurderes', waiting: 'Venter på en frivillig eller ansat' };
export const PRIORITY: Record<Priority, string> = { high: 'Høj', normal: 'Normal', low: 'Lav' };
/** `visitor` is anyone who visits, of every programme; a case names them after its programme (domain/shared/helper-words.ts). */
export const ROLE: Record<Role, string> = { coordinator: 'Koordinator', visitor: 'Frivillig eller ansat', manager: 'Leder', auditor: 'Evaluator', admin: 'Administrator', screener: 'Opsporingsmedarbejder', volunteer_lead: 'Frivillighedstovholder' };
export const STATUS: Record<string, string> = { Referred: 'Henvist', Waiting: 'I ventemappen', Active: 'Aktiv', Closed: 'Afsluttet' };

/** A code's Danish word, or the code itself if the list does not know it (a newer server). */
export const label = <K extends string>(list: Record<K, string>, code: string | undefined): string => (code === undefined ? '–' : (list[code as K] ?? code));

/**
 * The code lists (docs/glossary.md, "Code lists"). Codes are English
 * snake_case and stable; the Danish words are for the user interface.
 */
export const PROGRAMMES = ['care_visits', 'visiting_friend', 'community_guide', 'companion'] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const REFERRER_ROLES = [
  'visitator',
  'prevention_worker',
  'home_nurse',
  'group_leader',
  'home_helper',
  'social_worker',
  'occupational_therapist',
  'priest',
  'parish_worker',
  'patient_organisation',
  'church_organisation',
  'general_practitioner',
  'hospital',
  'relative',
  'self',
  'other',
] as const;
export type ReferrerRole = (typeof REFERRER_ROLES)[number];

export const NEEDS = [
  'loneliness_symptoms',
  'stuck_problems',
  'existential_conversations',
  'suicidal_thoughts',
  'contact_difficulties',
  'cannot_use_day_centre',
  'contact_authorities',
  'applications',
  'desperate_situation',
] as const;
export type Need = (typeof NEEDS)[number];

export const TASK_KINDS = [
  'health_supplement',
  'housing_benefit',
  'heating_aid',
  'dental_care',
  'assistive_devices',
  'personal_supplement',
  'grant',
  'contact_authority',
  'treatment_follow_up',
  'housing_problem',
  'mediation',
  'other',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const RELATION_KINDS = [
  'family',
  'friend',
  'volunteer_visitor',
  'network',
  'self_help_group',
  'activity',
  'social_cafe',
  'practice_community',
  // A community joined through an offer of the catalogue (issue #18, seed 003's goal).
  'community',
  'other',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const CLOSURE_REASONS = [
  'relation_established',
  'citizen_declined',
  'moved',
  'deceased',
  'transferred_to_professionals',
  'consent_withdrawn',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const VISITOR_KINDS = ['volunteer', 'volunteer_professional', 'employee'] as const;
export type VisitorKind = (typeof VISITOR_KINDS)[number];

export const TRACKS = ['volunteer', 'professional'] as const;
export type Track = (typeof TRACKS)[number];

export const PRIORITIES = ['high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CANCELLED_BY = ['citizen', 'visitor'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

/** `volunteer_lead` (issue 20): a frivillighedstovholder (seed 001), who reads their own volunteers' standing and caseload counts, nothing of citizens. */
export const ROLES = ['coordinator', 'visitor', 'manager', 'auditor', 'admin', 'screener', 'volunteer_lead'] as const;
export type Role = (typeof ROLES)[number];

/** Risks that bar a plain volunteer: only an employee or a volunteer with a professional background may take the case. */
export const PROFESSIONAL_ONLY_NEEDS: readonly Need[] = ['suicidal_thoughts'];

/** Visitor kinds that may take a case on the professional track. */
export const PROFESSIONAL_CAPABLE: readonly VisitorKind[] = ['employee', 'volunteer_professional'];

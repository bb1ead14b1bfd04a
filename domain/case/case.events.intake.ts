import type { ClosureReason, Need, Priority, Programme, ReferrerRole, TaskKind } from '../shared/codes';
import type { DeclineReason } from '../shared/course-codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

// The case stream's events, the referral comes in, is corrected, triaged or declined (seed 000). Their
// contract: domain/case/case.events.ts.

export interface Referrer {
  /** personal */
  name: string;
  role: ReferrerRole;
  /** The partner organisation (e.g. "Hjemmeplejen Syd"); kept in clear for the partners view. */
  organisation?: string;
  /** personal; `+45` and 8 digits */
  phone?: string;
  /** Issue 21: the partner in the register who referred, when it is there (the free-text organisation stays). */
  partnerId?: string;
}

export interface CitizenDetails {
  /** personal */
  name: string;
  /** personal */
  address: string;
  /** personal; `+45` and 8 digits */
  phone?: string;
  /** personal; `DDMMYY-SSSS` */
  cpr?: string;
}

export interface Situation {
  /** personal: fysiske oplysninger */
  physical?: string;
  /** personal: psykiske oplysninger */
  psychological?: string;
  /** personal: sociale oplysninger */
  social?: string;
}

export interface Consent {
  given: boolean;
  /** personal: who recorded the citizen's acceptance */
  recordedBy?: string;
  at?: string;
}

export type ReferralReceived = Message<
  'ReferralReceived',
  {
    caseId: string;
    citizenId: string;
    programme: Programme;
    referredAt: string;
    referrer: Referrer;
    /** Present when the citizen is new to us; absent when referred again by `citizenId`. */
    citizen?: CitizenDetails;
    /** Derived from the address, in clear for statistics. */
    postcode?: string;
    /** Derived from the CPR, in clear for statistics. */
    birthYear?: number;
    situation: Situation;
    needs: Need[];
    requestedTasks: TaskKind[];
    consent: Consent;
  }
>;

/**
 * The coordinator corrects the referral ("sjældent dækkende for det reelle behov",
 * seed 000): only the parts that changed are present. `situation` carries the
 * changed circumstances only; `postcode` is derived from a new address.
 */
export type ReferralCorrected = Message<
  'ReferralCorrected',
  {
    situation?: Situation;
    needs?: Need[];
    requestedTasks?: TaskKind[];
    citizen?: { address?: string; phone?: string };
    /** Derived from a new address, in clear for statistics. */
    postcode?: string;
    referrer?: Referrer;
  }
>;

/** `at`: when the triage happened (business time); absent in events written before it was recorded. */
export type TriagedToVolunteer = Message<'TriagedToVolunteer', { reason: string; priority: Priority; by: string; at?: string }>;

export type TriagedToProfessional = Message<'TriagedToProfessional', { reason: string; priority: Priority; by: string; at?: string }>;

/**
 * Schema version 2 (issue #19): `reason` is a decline reason. A version 1 event
 * (a closure reason) is read through an upcaster that keeps the old code as `formerReason`.
 */
export type ReferralDeclined = Message<'ReferralDeclined', { reason: DeclineReason; at: string; formerReason?: ClosureReason }>;

export type IntakeEvent =
  | ReferralReceived
  | ReferralCorrected
  | TriagedToVolunteer
  | TriagedToProfessional
  | ReferralDeclined;

/** The personal part of each event above, field by field (see CASE_PERSONAL_DATA). */
export const INTAKE_PERSONAL_DATA: PersonalParts<IntakeEvent> = {
  ReferralReceived: {
    caseId: 'clear', citizenId: 'clear', programme: 'clear', referredAt: 'clear',
    referrer: { name: 'personal', role: 'clear', organisation: 'clear', phone: 'personal', partnerId: 'clear' },
    citizen: { name: 'personal', address: 'personal', phone: 'personal', cpr: 'personal' },
    postcode: 'clear', birthYear: 'clear',
    situation: { physical: 'personal', psychological: 'personal', social: 'personal' },
    needs: 'clear', requestedTasks: 'clear',
    consent: { given: 'clear', recordedBy: 'personal', at: 'clear' },
  },
  ReferralCorrected: {
    situation: { physical: 'personal', psychological: 'personal', social: 'personal' },
    needs: 'clear', requestedTasks: 'clear',
    citizen: { address: 'personal', phone: 'personal' },
    postcode: 'clear',
    referrer: { name: 'personal', role: 'clear', organisation: 'clear', phone: 'personal', partnerId: 'clear' },
  },
  TriagedToVolunteer: { reason: 'personal', priority: 'clear', by: 'clear', at: 'clear' },
  TriagedToProfessional: { reason: 'personal', priority: 'clear', by: 'clear', at: 'clear' },
  ReferralDeclined: { reason: 'clear', at: 'clear', formerReason: 'clear' },
};

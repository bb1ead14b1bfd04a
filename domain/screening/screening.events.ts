import type { Programme } from '../shared/codes';
import type { Message } from '../shared/decider';
import type { PersonalParts } from '../shared/personal';

/**
 * The screening stream `screening-<screeningId>` (issue 22): one UCLA-3 taken
 * by home care or a preventive home visit before any referral, seed 001's
 * "systematisk opsporing af ensomhed". Without consent to refer it holds no
 * personal data at all: only the unit, the time and the score.
 */

/** Who was screened: only kept when the citizen consents to be referred. */
export interface ScreenedCitizen {
  /** personal */
  name: string;
  /** personal; `+45` and 8 digits */
  phone?: string;
  /** personal; `DDMMYY-SSSS` */
  cpr?: string;
}

export type LonelinessScreened = Message<
  'LonelinessScreened',
  {
    screeningId: string;
    at: string;
    /** The unit that screened ("Hjemmeplejen Syd", "Forebyggende hjemmebesøg"): staff, in clear. */
    unit: string;
    ucla3: [number, number, number];
    score: number;
    /** UCLA-3 ≥ 7, as `severe` on LonelinessAssessed. */
    lonely: boolean;
    scaleVersion: 'ucla3-v1';
    consentToRefer: boolean;
    /** Only with consent to refer. */
    citizen?: ScreenedCitizen;
    /** personal; only with consent to refer. */
    note?: string;
  }
>;

/** The screening became a referral: the case `caseId` (whose ReferralReceived names this screening). */
export type ScreeningReferred = Message<'ScreeningReferred', { caseId: string; programme: Programme; at: string }>;

export type ScreeningEvent = LonelinessScreened | ScreeningReferred;
export type ScreeningEventType = ScreeningEvent['type'];

export const SCREENING_EVENT_TYPES: readonly ScreeningEventType[] = ['LonelinessScreened', 'ScreeningReferred'];

/** The citizen and the note are sealed under the screening's own key (its id), as a case's are under the citizen's. */
export const SCREENING_PERSONAL_DATA: PersonalParts<ScreeningEvent> = {
  LonelinessScreened: {
    screeningId: 'clear', at: 'clear', unit: 'clear', ucla3: 'clear', score: 'clear', lonely: 'clear', scaleVersion: 'clear', consentToRefer: 'clear',
    citizen: { name: 'personal', phone: 'personal', cpr: 'personal' },
    note: 'personal',
  },
  ScreeningReferred: { caseId: 'clear', programme: 'clear', at: 'clear' },
};

/** Business time: when the screening was taken, when the referral was made. */
export const screeningOccurredAt = (event: ScreeningEvent): string => event.data.at;

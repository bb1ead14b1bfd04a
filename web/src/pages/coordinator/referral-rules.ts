import { parseCpr } from '../../../../domain/shared/danish';
import type { Need, Programme, ReferrerRole, TaskKind } from '../../../../domain/shared/codes';
import { fromLocalInput, now, DateTime } from '../../format';

/** The referral form's values, as typed. */
export interface ReferralForm {
  programme: Programme | '';
  referredAt: string;
  referrerName: string;
  referrerRole: ReferrerRole | '';
  referrerOrganisation: string;
  referrerPhone: string;
  /** Issue 21: the partner in the register, when chosen (the organisation stays free text). */
  referrerPartnerId?: string;
  citizenName: string;
  citizenAddress: string;
  citizenPhone: string;
  citizenCpr: string;
  physical: string;
  psychological: string;
  social: string;
  needs: Need[];
  requestedTasks: TaskKind[];
  consentGiven: boolean;
  consentRecordedBy: string;
  consentAt: string;
}

const PHONE = /^(\+45)?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}$/;
const PHONE_MESSAGE = 'Skriv et dansk telefonnummer: 8 cifre, gerne med +45 foran.';

/** The same rules the server applies, checked before sending, with a Danish message per field. */
export function referralErrors(form: ReferralForm, knownCitizen = false): Partial<Record<keyof ReferralForm, string>> {
  const errors: Partial<Record<keyof ReferralForm, string>> = {};
  if (!form.programme) errors.programme = 'Vælg hvilken ordning borgeren henvises til.';
  const referredAt = fromLocalInput(form.referredAt);
  if (!referredAt) errors.referredAt = 'Skriv dato og tidspunkt for henvisningen.';
  else if (DateTime.fromISO(referredAt) > now().plus({ hours: 24 })) errors.referredAt = 'Henvisningen kan ikke ligge mere end et døgn ude i fremtiden.';
  if (!form.referrerName.trim()) errors.referrerName = 'Skriv navnet på den, der henviser.';
  if (!form.referrerRole) errors.referrerRole = 'Vælg henviserens rolle.';
  if (form.referrerPhone.trim() && !PHONE.test(form.referrerPhone.trim())) errors.referrerPhone = PHONE_MESSAGE;
  // A known citizen chosen from the lookup is referred by id: their details are not typed again.
  if (!knownCitizen) {
    if (!form.citizenName.trim()) errors.citizenName = 'Skriv borgerens navn.';
    if (!form.citizenAddress.trim()) errors.citizenAddress = 'Skriv borgerens adresse med postnummer og by.';
    if (form.citizenPhone.trim() && !PHONE.test(form.citizenPhone.trim())) errors.citizenPhone = PHONE_MESSAGE;
    if (form.citizenCpr.trim() && !parseCpr(form.citizenCpr.trim())) errors.citizenCpr = 'Skriv CPR-nummeret som DDMMÅÅ-XXXX, med en rigtig fødselsdato.';
  }
  if (form.referrerRole !== 'self' && !form.consentGiven) errors.consentGiven = 'Borgeren skal have sagt ja til henvisningen (medmindre borgeren selv henvender sig).';
  if (form.consentAt) {
    const at = fromLocalInput(form.consentAt);
    if (!at) errors.consentAt = 'Skriv en gyldig dato og tid.';
    else if (DateTime.fromISO(at) > now().plus({ hours: 24 })) errors.consentAt = 'Samtykket kan ikke ligge i fremtiden.';
  }
  return errors;
}

/** The server's field names (`citizen.phone`) for the form's. */
export const SERVER_FIELDS: Record<string, keyof ReferralForm> = {
  programme: 'programme',
  referredAt: 'referredAt',
  'referrer.name': 'referrerName',
  'referrer.role': 'referrerRole',
  'referrer.organisation': 'referrerOrganisation',
  'referrer.phone': 'referrerPhone',
  'referrer.partnerId': 'referrerPartnerId',
  'citizen.name': 'citizenName',
  'citizen.address': 'citizenAddress',
  'citizen.phone': 'citizenPhone',
  'citizen.cpr': 'citizenCpr',
  'situation.physical': 'physical',
  'situation.psychological': 'psychological',
  'situation.social': 'social',
  'consent.given': 'consentGiven',
  'consent.recordedBy': 'consentRecordedBy',
  'consent.at': 'consentAt',
};

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The body of POST /cases: the citizen's details, or the id of a known citizen chosen from the lookup. */
export function referralBody(form: ReferralForm, knownCitizenId?: string): unknown {
  return {
    programme: form.programme,
    referredAt: fromLocalInput(form.referredAt),
    referrer: {
      name: form.referrerName.trim(),
      role: form.referrerRole,
      organisation: optional(form.referrerOrganisation),
      phone: optional(form.referrerPhone),
      ...(form.referrerPartnerId && { partnerId: form.referrerPartnerId }),
    },
    ...(knownCitizenId
      ? { citizenId: knownCitizenId }
      : { citizen: { name: form.citizenName.trim(), address: form.citizenAddress.trim(), phone: optional(form.citizenPhone), cpr: optional(form.citizenCpr) } }),
    situation: { physical: optional(form.physical), psychological: optional(form.psychological), social: optional(form.social) },
    needs: form.needs,
    requestedTasks: form.requestedTasks,
    consent: { given: form.consentGiven, recordedBy: optional(form.consentRecordedBy), at: form.consentAt ? fromLocalInput(form.consentAt) : undefined },
  };
}

import { normalisePhone, parseCpr, postcodeFromAddress } from '../shared/danish';
import { IllegalStateError, ValidationError } from '../shared/errors';
import { sameName } from '../shared/names';
import { FieldChecks } from '../shared/time';
import type { CaseContext, DeclineReferral, ReceiveReferral, TriageCase } from './case.commands';
import type { CitizenDetails, ReferralReceived, ReferralDeclined, TriagedToProfessional, TriagedToVolunteer } from './case.events';
import { wishesChecks } from '../matching/matching.checks';
import type { WishesRecorded } from './case.events';
import { needsProfessional, professionalRequired, requireNotBefore, requireOpen } from './case.rules';
import type { CaseState } from './case.state';

/** A referral comes in: a new case for a new citizen, or for one known from an earlier case. */
export function receiveReferral({ data }: ReceiveReferral, state: CaseState, context: CaseContext): Array<ReferralReceived | WishesRecorded> {
  if (state.status !== 'None') throw new IllegalStateError('case_exists', `case ${data.caseId} already exists`);
  const checks = new FieldChecks(context.now);
  const referredAt = checks.happened('referredAt', data.referredAt);
  const consentAt = data.consent?.at === undefined ? undefined : checks.happened('consent.at', data.consent.at);
  const referrerPhone = phone(checks, 'referrer.phone', data.referrer.phone);
  const citizen = data.citizen && citizenDetails(checks, data.citizen);
  checks.check();

  if (context.citizen) {
    if (context.citizen.erased) throw new IllegalStateError('citizen_erased', `citizen ${data.citizenId} has been erased`);
    const byCpr = context.citizen.knownByCpr;
    if (byCpr) {
      // The CPR number named a known citizen: the referral joins them, unless the name is clearly someone else's.
      if (!data.citizen || !sameName(data.citizen.name, byCpr.name)) {
        throw new IllegalStateError('cpr_name_mismatch', 'the CPR number belongs to a known citizen with another name: check the CPR number and the name');
      }
    } else if (data.citizen) {
      throw new IllegalStateError('citizen_details_given', 'a known citizen is referred by citizenId alone');
    }
  } else if (!data.citizen) {
    throw new ValidationError([{ field: 'citizen', message: 'citizen is required unless citizenId names a citizen already known' }]);
  }
  // Issue 21: a referral names a partner of the register, or none (the free-text organisation stays for the others).
  if (data.referrer.partnerId !== undefined && context.partnerKnown === false) {
    throw new IllegalStateError('partner_unknown', `no partner ${data.referrer.partnerId} in the register`, { partnerId: data.referrer.partnerId });
  }
  // Consent is implied when the citizen refers themself; anyone else must have it given.
  const selfReferral = data.referrer.role === 'self';
  if (data.consent ? !data.consent.given : !selfReferral) {
    throw new IllegalStateError('consent_required', 'the citizen must have given consent to the referral');
  }

  const cpr = citizen?.cpr === undefined ? undefined : parseCpr(citizen.cpr);
  const postcode = citizen && postcodeFromAddress(citizen.address);
  const referrer = { ...data.referrer, ...(referrerPhone !== undefined && { phone: referrerPhone }) };
  const consent = data.consent ? { ...data.consent, ...(consentAt !== undefined && { at: consentAt }) } : { given: true };
  // Wishes told at intake are recorded as at any later time (issue #18).
  const wishes: WishesRecorded[] = data.wishes ? [{ type: 'WishesRecorded', data: wishesChecks(data.wishes, 'wishes.') }] : [];
  return [
    {
      type: 'ReferralReceived',
      data: {
        caseId: data.caseId,
        citizenId: data.citizenId,
        programme: data.programme,
        referredAt,
        referrer,
        ...(citizen && { citizen }),
        ...(postcode !== undefined && { postcode }),
        ...(cpr && { birthYear: cpr.birthYear }),
        situation: data.situation,
        needs: data.needs,
        requestedTasks: data.requestedTasks,
        consent,
        ...(data.screeningId !== undefined && { screeningId: data.screeningId }),
      },
    },
    ...wishes,
  ];
}

/** The coordinator judges who must take the case; it goes into the waiting folder. */
export function triage({ data }: TriageCase, state: CaseState, context: CaseContext): Array<TriagedToVolunteer | TriagedToProfessional> {
  const open = requireOpen(state, context.caseId);
  if (open.status !== 'Referred') throw new IllegalStateError('case_not_referred', `the case is already triaged (${open.status})`);
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at ?? context.now);
  checks.check();
  requireNotBefore(at, open.referredAt, 'before_referral', 'the referral was received');
  if (data.track === 'volunteer' && needsProfessional(open)) throw professionalRequired();
  const type = data.track === 'volunteer' ? 'TriagedToVolunteer' : 'TriagedToProfessional';
  return [{ type, data: { reason: data.reason, priority: data.priority, by: context.actor.id, at } }];
}

/** A referral is declined before any visit; an active case is closed instead. */
export function declineReferral({ data }: DeclineReferral, state: CaseState, context: CaseContext): ReferralDeclined[] {
  const open = requireOpen(state, context.caseId);
  if (open.status === 'Active') throw new IllegalStateError('case_active', 'the case has started; close it instead of declining it');
  const checks = new FieldChecks(context.now);
  const at = checks.happened('at', data.at ?? context.now);
  checks.check();
  return [{ type: 'ReferralDeclined', data: { reason: data.reason, at } }];
}

function citizenDetails(checks: FieldChecks, citizen: CitizenDetails): CitizenDetails {
  if (citizen.cpr !== undefined && !parseCpr(citizen.cpr)) {
    checks.fail('citizen.cpr', 'citizen.cpr must be DDMMYY-SSSS with a real date');
  }
  const citizenPhone = phone(checks, 'citizen.phone', citizen.phone);
  return { ...citizen, ...(citizenPhone !== undefined && { phone: citizenPhone }) };
}

function phone(checks: FieldChecks, field: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const normalised = normalisePhone(raw);
  if (!normalised) checks.fail(field, `${field} must be a Danish phone number: +45 and 8 digits`);
  return normalised;
}

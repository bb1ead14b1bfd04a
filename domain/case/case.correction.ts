import { PROFESSIONAL_ONLY_NEEDS } from '../shared/codes';
import { normalisePhone, postcodeFromAddress } from '../shared/danish';
import { IllegalStateError, ValidationError } from '../shared/errors';
import { FieldChecks } from '../shared/time';
import type { CaseContext, CorrectReferral } from './case.commands';
import type { ReferralCorrected, Situation } from './case.events';
import { requireOpen } from './case.rules';
import type { CaseCore, CaseState } from './case.state';

/**
 * The referral is corrected: seed 000 says the referrer's description is
 * "sjældent dækkende for det reelle behov", so the coordinator puts right what
 * the first visit or a call showed. Only what differs from the referral as it
 * stands goes into the event; a correction that changes nothing is refused.
 * The personal parts as they stand come opened in `context.referral` (the
 * state holds them sealed).
 */
export function correctReferral({ data }: CorrectReferral, state: CaseState, context: CaseContext): ReferralCorrected[] {
  const open = requireOpen(state, context.caseId);
  if (Object.values(data).every((part) => part === undefined)) {
    throw new ValidationError([{ field: 'body', message: 'give at least one of situation, needs, requestedTasks, citizen, referrer' }]);
  }
  const checks = new FieldChecks(context.now);
  const citizenPhone = phone(checks, 'citizen.phone', data.citizen?.phone);
  const referrerPhone = phone(checks, 'referrer.phone', data.referrer?.phone);
  checks.check();

  const now = context.referral;
  const corrected: ReferralCorrected['data'] = {};

  const situation: Situation = {};
  for (const part of ['physical', 'psychological', 'social'] as const) {
    const value = data.situation?.[part];
    if (value !== undefined && value !== now?.situation[part]) situation[part] = value;
  }
  if (Object.keys(situation).length > 0) corrected.situation = situation;

  if (data.needs && !sameSet(data.needs, open.needs)) {
    // A risk found after triage moves the case to the professional track: that is a risk flag, not a correction.
    const added = data.needs.filter((need) => !open.needs.includes(need));
    if (open.status !== 'Referred' && added.some((need) => PROFESSIONAL_ONLY_NEEDS.includes(need))) {
      throw new IllegalStateError('flag_risk_instead', 'the case is triaged: flag the risk (POST /cases/:caseId/risks) so the track follows it');
    }
    corrected.needs = [...data.needs];
  }
  if (data.requestedTasks && !sameSet(data.requestedTasks, open.requestedTasks)) corrected.requestedTasks = [...data.requestedTasks];

  if (data.citizen && (data.citizen.address !== undefined || citizenPhone !== undefined)) {
    // A citizen referred again by id has their details on the case that first referred them.
    if (!open.citizen) throw new IllegalStateError('citizen_details_elsewhere', "the citizen's details are on the case that first referred them: correct them there");
    const citizen: { address?: string; phone?: string } = {};
    if (data.citizen.address !== undefined && data.citizen.address !== now?.citizen?.address) citizen.address = data.citizen.address;
    if (citizenPhone !== undefined && citizenPhone !== now?.citizen?.phone) citizen.phone = citizenPhone;
    if (Object.keys(citizen).length > 0) {
      corrected.citizen = citizen;
      const postcode = citizen.address === undefined ? undefined : postcodeFromAddress(citizen.address);
      if (postcode !== undefined) corrected.postcode = postcode;
    }
  }

  if (data.referrer) {
    // The referrer is given whole, as they should read: an organisation or phone left out is removed.
    const referrer = { ...data.referrer, ...(referrerPhone !== undefined && { phone: referrerPhone }) };
    const differs =
      referrer.name !== now?.referrer.name ||
      referrer.phone !== now?.referrer.phone ||
      referrer.role !== open.referrerRole ||
      referrer.organisation !== open.referrerOrganisation;
    if (differs) corrected.referrer = referrer;
  }

  if (Object.keys(corrected).length === 0) throw new IllegalStateError('referral_unchanged', 'the correction changes nothing: the referral already reads so');
  return [{ type: 'ReferralCorrected', data: corrected }];
}

/** What a correction changes in a case's core (the decider's state and the case view alike). */
export function correctedCore<T extends CaseCore>(core: T, data: ReferralCorrected['data']): T {
  const next: T = { ...core };
  if (data.situation) next.situation = { ...core.situation, ...data.situation };
  if (data.needs) next.needs = data.needs;
  if (data.requestedTasks) next.requestedTasks = data.requestedTasks;
  if (data.citizen && core.citizen) next.citizen = { ...core.citizen, ...data.citizen };
  if (data.referrer) {
    const { name, role, organisation, phone } = data.referrer;
    Object.assign(next, { referrerName: name, referrerRole: role });
    delete next.referrerOrganisation;
    delete next.referrerPhone;
    if (organisation !== undefined) next.referrerOrganisation = organisation;
    if (phone !== undefined) next.referrerPhone = phone;
  }
  return next;
}

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

function phone(checks: FieldChecks, field: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const normalised = normalisePhone(raw);
  if (!normalised) checks.fail(field, `${field} must be a Danish phone number: +45 and 8 digits`);
  return normalised;
}

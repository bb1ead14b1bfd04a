import type { CaseContext } from '../../../domain/case/case.commands';
import type { CaseState } from '../../../domain/case/case.state';
import type { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';

/**
 * For a correction: the referral's personal parts as they stand, opened, so
 * the decider can tell what the correction changes (the state holds them sealed).
 */
export async function referralAsItStands(state: CaseState, cipher: PersonalDataCipher): Promise<Pick<CaseContext, 'referral'>> {
  if (state.status === 'None') return {};
  const sealed = {
    situation: state.situation,
    ...(state.citizen && { citizen: { address: state.citizen.address, ...(state.citizen.phone !== undefined && { phone: state.citizen.phone }) } }),
    referrer: {
      name: state.referrerName,
      role: state.referrerRole,
      ...(state.referrerOrganisation !== undefined && { organisation: state.referrerOrganisation }),
      ...(state.referrerPhone !== undefined && { phone: state.referrerPhone }),
    },
  };
  return { referral: await cipher.reveal(sealed) };
}

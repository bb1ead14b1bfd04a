import type { ReceiveReferral } from '../case/case.commands';
import type { Referrer, Situation } from '../case/case.events';
import type { Need, Programme, ReferrerRole, TaskKind } from '../shared/codes';
import { ValidationError } from '../shared/errors';
import type { ReferralCardSubmitted } from './intake.events';

/** What the coordinator adds when taking a card in (POST /referral-cards/:cardId/accept). */
export interface CardAcceptance {
  programme: Programme;
  /** A citizen already known (found by the coordinator): the case joins them. */
  citizenId?: string;
  /** Known from the phone call: a known CPR number joins the citizen, as any referral does. */
  cpr?: string;
  /** The citizen's address, where the card has none (or it was wrong). */
  address?: string;
  /** For a card from a partner: the sender's role (default `other`). */
  referrerRole?: ReferrerRole;
  /** Default: the card's message as the social situation. */
  situation?: Situation;
  needs?: Need[];
  requestedTasks?: TaskKind[];
}

/**
 * The card as an ordinary referral, for ReceiveReferral: the card's data
 * opened (the runner opens it), the coordinator's additions over it. The
 * citizen refers themself (consent implied, as for any self-referral); a
 * relative or a partner's staff carries the consent the card's tick gave.
 */
export function referralFromCard(card: ReferralCardSubmitted['data'], acceptance: CardAcceptance, ids: { caseId: string; citizenId: string }): ReceiveReferral['data'] {
  const address = acceptance.address ?? cardAddress(card.citizen);
  if (acceptance.citizenId === undefined && address === undefined) {
    throw new ValidationError([{ field: 'address', message: 'the card gives no address: give the citizen\'s address (adresse mangler)' }]);
  }
  return {
    caseId: ids.caseId,
    citizenId: acceptance.citizenId ?? ids.citizenId,
    programme: acceptance.programme,
    referredAt: card.submittedAt,
    referrer: referrerOf(card, acceptance.referrerRole),
    ...(acceptance.citizenId === undefined && {
      citizen: { name: card.citizen.name, address: address!, phone: card.citizen.phone, ...(acceptance.cpr !== undefined && { cpr: acceptance.cpr }) },
    }),
    situation: acceptance.situation ?? { social: card.message },
    needs: acceptance.needs ?? [],
    requestedTasks: acceptance.requestedTasks ?? [],
    ...(card.channel !== 'self' && { consent: { given: true, at: card.submittedAt, ...(card.sender && { recordedBy: card.sender.name }) } }),
  };
}

function referrerOf(card: ReferralCardSubmitted['data'], role: ReferrerRole | undefined): Referrer {
  const partnerId = card.partnerId === undefined ? {} : { partnerId: card.partnerId };
  if (card.channel === 'self' || !card.sender) return { name: card.citizen.name, role: 'self', phone: card.citizen.phone, ...partnerId };
  const { name, phone, organisation } = card.sender;
  return {
    name,
    role: card.channel === 'relative' ? 'relative' : (role ?? 'other'),
    ...(phone !== undefined && { phone }),
    ...(organisation !== undefined && { organisation }),
    ...partnerId,
  };
}

/** "Algade 12" and "4180" as one address line, as a referral writes it. */
function cardAddress(citizen: ReferralCardSubmitted['data']['citizen']): string | undefined {
  if (citizen.address === undefined) return undefined;
  if (citizen.postcode === undefined || citizen.address.includes(citizen.postcode)) return citizen.address;
  return `${citizen.address}, ${citizen.postcode}`;
}

import { normalisePhone } from '../shared/danish';
import { assertNever, Decider } from '../shared/decider';
import { FieldError, IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import type { IntakeCommand, IntakeContext, SubmitReferralCard } from './intake.commands';
import type { CardCitizen, CardSender, IntakeEvent, ReferralCardSubmitted } from './intake.events';

export type CardStatus = 'new' | 'accepted' | 'rejected';

export type IntakeState =
  | { status: 'None' }
  | { status: CardStatus; card: ReferralCardSubmitted['data']; caseId?: string; decidedAt?: string };

function evolve(state: IntakeState, event: IntakeEvent): IntakeState {
  switch (event.type) {
    case 'ReferralCardSubmitted':
      return state.status === 'None' ? { status: 'new', card: event.data } : state;
    case 'ReferralCardAccepted':
      return state.status === 'None' ? state : { ...state, status: 'accepted', caseId: event.data.caseId, decidedAt: event.data.at };
    case 'ReferralCardRejected':
      return state.status === 'None' ? state : { ...state, status: 'rejected', decidedAt: event.data.at };
    default:
      return assertNever(event);
  }
}

function decide(command: IntakeCommand, state: IntakeState, context: IntakeContext): IntakeEvent[] {
  if (command.type === 'SubmitReferralCard') return submit(command, state, context);
  if (state.status === 'None') throw new NotFoundError('referral card', context.cardId);
  if (state.status !== 'new') throw new IllegalStateError('card_decided', `the referral card is already ${state.status}`, { cardStatus: state.status });
  switch (command.type) {
    case 'AcceptReferralCard':
      return [{ type: 'ReferralCardAccepted', data: { ...command.data, at: context.now } }];
    case 'RejectReferralCard':
      return [{ type: 'ReferralCardRejected', data: { reason: command.data.reason, at: context.now } }];
    default:
      return assertNever(command);
  }
}

/**
 * A card from the open internet. The messages are Danish: the person filling
 * in /henvis reads them. Consent is required, whoever sends it; a relative or
 * someone at a partner says who they are; phones are Danish.
 */
function submit({ data }: SubmitReferralCard, state: IntakeState, context: IntakeContext): IntakeEvent[] {
  if (state.status !== 'None') throw new IllegalStateError('card_exists', `referral card ${data.cardId} already exists`);
  const errors: FieldError[] = [];
  if (data.consent !== true) errors.push({ field: 'consent', message: 'Borgeren skal have sagt ja til at blive kontaktet: sæt kryds ved samtykke.' });
  const citizenPhone = normalisePhone(data.citizen.phone);
  if (!citizenPhone) errors.push({ field: 'citizen.phone', message: 'Skriv et dansk telefonnummer med 8 cifre.' });
  if (data.message.trim() === '') errors.push({ field: 'message', message: 'Skriv kort, hvorfor I henvender jer.' });
  if (data.channel !== 'self' && !data.sender) errors.push({ field: 'sender', message: 'Skriv dit eget navn, når du henviser en anden.' });
  if (data.channel === 'self' && data.sender) errors.push({ field: 'sender', message: 'Når du henvender dig selv, skal afsender ikke udfyldes.' });
  const senderPhone = data.sender?.phone === undefined ? undefined : normalisePhone(data.sender.phone);
  if (data.sender?.phone !== undefined && !senderPhone) errors.push({ field: 'sender.phone', message: 'Skriv et dansk telefonnummer med 8 cifre.' });
  if (errors.length > 0) throw new ValidationError(errors);
  const { address, postcode } = data.citizen;
  const citizen: CardCitizen = { name: data.citizen.name.trim(), phone: citizenPhone!, ...(address !== undefined && { address }), ...(postcode !== undefined && { postcode }) };
  const sender: CardSender | undefined = data.sender && {
    name: data.sender.name.trim(),
    ...(senderPhone !== undefined && { phone: senderPhone }),
    ...(data.sender.organisation !== undefined && { organisation: data.sender.organisation }),
  };
  return [
    {
      type: 'ReferralCardSubmitted',
      data: {
        cardId: data.cardId,
        receipt: data.receipt,
        channel: data.channel,
        ...(data.partnerCode !== undefined && { partnerCode: data.partnerCode }),
        ...(context.partnerId !== undefined && { partnerId: context.partnerId }),
        ...(data.programme !== undefined && { programme: data.programme }),
        citizen,
        ...(sender && { sender }),
        message: data.message,
        submittedAt: context.now,
      },
    },
  ];
}

/** The intake stream `intake-<cardId>` as a decider. */
export const intakeDecider: Decider<IntakeCommand, IntakeEvent, IntakeState, IntakeContext> = {
  initialState: () => ({ status: 'None' }),
  evolve,
  decide,
};

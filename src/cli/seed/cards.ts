import { randomUUID } from 'node:crypto';
import type { SubmitReferralCard } from '../../../domain/intake/intake.commands';
import type { IntakeCommand } from '../../../domain/intake/intake.commands';
import { partnerCodeOf } from '../../../domain/intake/partner-code';
import { intakeDecider } from '../../../domain/intake/intake.stream';
import { intakeStreamId } from '../../../domain/shared/ids';
import { CommandHandler } from '../../event-store/command-handler';
import type { EventStore } from '../../event-store/event-store.port';
import type { PersonalDataCipher } from '../../privacy/crypto/personal-data.cipher';
import { FIRST_NAMES, LAST_NAMES, STREETS } from './danish-data';
import { Random } from './random';

const HOUR = 3_600_000;
const RECEIPT = 'ACDEFHJKLMNPQRTUVWXY3479';

const MESSAGES = {
  self: ['Jeg sidder meget alene efter min mand døde, og jeg vil gerne have en at snakke med.', 'Jeg har svært ved at komme ud og savner nogen at gå tur med.'],
  relative: ['Min mor har været syg længe og kommer ikke ud mere. Hun har sagt ja til, at I ringer.', 'Min far er blevet meget stille efter flytningen; han vil gerne have besøg.'],
  partner: ['Borgeren er ensom og har sagt ja til en besøgsven. Udfyldt sammen med hende i Center for Sundhed.', 'Han spørger ofte efter nogen at tale med; vi har talt om tilbuddet.'],
} as const;

/**
 * Referral cards for `cli seed` (issue 21): a handful from the public form in
 * the coordinator's inbox, from the last days (the citizen herself, a
 * relative, a partner's staff with the partner's code, so the card counts for
 * it), and two older ones already rejected. Sealed under each card's own key,
 * as the public route seals them. Its own random stream.
 */
export async function seedCards(store: EventStore, cipher: PersonalDataCipher, seed: number, anchor: number, partnerIds: readonly string[]): Promise<number> {
  const random = new Random(seed + 2103);
  let clock = anchor;
  const handler = new CommandHandler(store, () => new Date(clock));
  const actor = { id: 'henvis', role: 'system' as const };
  const person = () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const phone = () => `+45${random.int(2, 9)}${random.digits(7)}`;
  const receipt = () => Array.from({ length: 6 }, (_, i) => (i === 3 ? '-' : '') + RECEIPT[random.int(0, RECEIPT.length - 1)]).join('');
  let commands = 0;
  const act = async (cardId: string, command: IntakeCommand, at: number, partnerId?: string) => {
    clock = at;
    await handler.handle({
      decider: intakeDecider,
      streamId: intakeStreamId(cardId),
      command,
      meta: { actor: command.type === 'SubmitReferralCard' ? actor : { id: 'seed', role: 'coordinator' }, commandId: randomUUID(), correlationId: randomUUID() },
      context: async () => ({ cardId, ...(partnerId !== undefined && { partnerId }) }),
      protect: (events) => cipher.protect(events, cardId),
      answer: (r) => r,
    });
    commands += 1;
  };
  const channels = ['self', 'relative', 'partner', 'partner', 'relative', 'self', 'partner', 'partner'] as const;
  for (const [i, channel] of channels.entries()) {
    const cardId = random.uuid();
    const partnerId = channel === 'partner' && partnerIds.length > 0 ? random.pick(partnerIds) : undefined;
    const citizenName = person();
    const data: SubmitReferralCard['data'] = {
      cardId,
      receipt: receipt(),
      channel,
      ...(partnerId !== undefined && { partnerCode: partnerCodeOf(partnerId) }),
      ...(random.chance(0.6) && { programme: random.pick(['care_visits', 'visiting_friend', 'community_guide'] as const) }),
      citizen: { name: citizenName, phone: phone(), ...(random.chance(0.7) && { address: `${random.pick(STREETS)} ${random.int(1, 80)}`, postcode: '4180' }) },
      ...(channel === 'relative' && { sender: { name: `${random.pick(FIRST_NAMES)} ${citizenName.split(' ').pop()}`, phone: phone() } }),
      ...(channel === 'partner' && { sender: { name: person(), phone: phone(), organisation: 'Center for Sundhed' } }),
      message: random.pick(MESSAGES[channel]),
      consent: true,
    };
    // The last two are older, and were rejected; the others wait in the inbox, the newest a few hours old.
    const old = i >= channels.length - 2;
    const at = anchor - (old ? random.int(10, 20) * 24 : random.int(2, 120)) * HOUR;
    await act(cardId, { type: 'SubmitReferralCard', data }, at, partnerId);
    if (old) await act(cardId, { type: 'RejectReferralCard', data: { reason: 'Borgeren var allerede henvist af hjemmeplejen' } }, at + 20 * HOUR);
  }
  return commands;
}

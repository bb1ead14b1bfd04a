import { randomUUID } from 'node:crypto';
import type { PartnerKind, MeetingKind, Material } from '../../../domain/partner/partner.codes';
import type { PartnerCommand } from '../../../domain/partner/partner.commands';
import { partnerDecider } from '../../../domain/partner/partner.stream';
import { partnerStreamId } from '../../../domain/shared/ids';
import { CommandHandler } from '../../event-store/command-handler';
import type { EventStore } from '../../event-store/event-store.port';
import { FIRST_NAMES, LAST_NAMES } from './danish-data';
import { Random } from './random';

const DAY = 86_400_000;
const actor = { id: 'seed', role: 'coordinator' as const };

/** The organisations the seeded referrals name (danish-data.ts), as partners in the register, by kind. */
const REGISTER: ReadonlyArray<{ name: string; kind: PartnerKind; address: string; postcode: string }> = [
  { name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', address: 'Storgade 4, Sorø', postcode: '4180' },
  { name: 'Hjemmeplejen Nord', kind: 'hjemmepleje', address: 'Ringstedvej 20, Sorø', postcode: '4180' },
  { name: 'Hjemmesygeplejen Sorø', kind: 'hjemmepleje', address: 'Rådhusvej 8, Sorø', postcode: '4180' },
  { name: 'Visitationen, Sorø Kommune', kind: 'visitation', address: 'Rådhusvej 8, Sorø', postcode: '4180' },
  { name: 'Forebyggende hjemmebesøg', kind: 'forebyggende_hjemmebesog', address: 'Rådhusvej 8, Sorø', postcode: '4180' },
  { name: 'Sorø Sogn', kind: 'praest_sogn', address: 'Klosterkirken, Sorø', postcode: '4180' },
  { name: 'Lægehuset Algade', kind: 'egen_laege', address: 'Algade 30, Sorø', postcode: '4180' },
  { name: 'Slagelse Sygehus', kind: 'sygehus', address: 'Fælledvej 11, Slagelse', postcode: '4200' },
  { name: 'Dagcentret Solgården', kind: 'plejehjem', address: 'Solvej 2, Sorø', postcode: '4180' },
];

const MEETINGS: Readonly<Record<MeetingKind, number>> = { ledelse: 2, personalemøde: 5, temadag: 1, telefon: 3, besøg: 2 };

/**
 * A partner register for `cli seed` (issue 21): each partner with a leader, a
 * contact, its free-text name linked (so the seeded referrals count for it),
 * and outreach over the last 18 months: first the management, then staff
 * meetings (seed 002). Its own random stream, so the cases stay as they were.
 */
export async function seedPartners(store: EventStore, seed: number, anchor: number, registered: string[] = []): Promise<number> {
  const random = new Random(seed + 21);
  let clock = anchor;
  const handler = new CommandHandler(store, () => new Date(clock));
  let commands = 0;
  const person = () => `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  for (const partner of REGISTER) {
    const partnerId = random.uuid();
    registered.push(partnerId);
    const act = async (command: PartnerCommand, at: number) => {
      clock = at;
      await handler.handle({ decider: partnerDecider, streamId: partnerStreamId(partnerId), command, meta: { actor, commandId: randomUUID(), correlationId: randomUUID() }, answer: (r) => r });
      commands += 1;
    };
    let at = anchor - random.int(400, 560) * DAY;
    const contacts = [{ contactId: random.uuid(), name: person(), role: 'Kontaktperson for henvisninger', phone: `+45${random.int(2, 9)}${random.digits(7)}` }];
    await act({ type: 'RegisterPartner', data: { partnerId, ...partner, leader: { name: person(), phone: `+45${random.int(2, 9)}${random.digits(7)}` }, contacts } }, at);
    await act({ type: 'LinkPartnerAlias', data: { organisation: partner.name } }, at);
    // Outreach: a meeting every few months, the last one's next contact sometimes passed ("kontakt snart").
    let kind: MeetingKind = 'ledelse';
    for (let meeting = 0; ; meeting++) {
      at += random.int(40, 160) * DAY;
      if (at >= anchor - DAY) break;
      const materials: Material[] = kind === 'telefon' ? [] : random.chance(0.7) ? ['folder', 'henvisningskort'] : ['folder'];
      const next = at + random.int(60, 180) * DAY;
      await act(
        {
          type: 'RecordOutreachMeeting',
          data: { meetingId: random.uuid(), at: new Date(at).toISOString(), kind, attendees: kind === 'ledelse' ? random.int(1, 3) : kind === 'telefon' ? 1 : random.int(6, 25), materials, nextContactAt: new Date(next).toISOString() },
        },
        at,
      );
      if (meeting === 0) await act({ type: 'AssessPartner', data: { knowsUs: random.pick(['no', 'heard', 'yes'] as const), attitude: random.pick(['positive', 'neutral', 'sceptical'] as const) } }, at);
      kind = random.weighted(MEETINGS);
    }
  }
  return commands;
}

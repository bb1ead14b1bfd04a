import { randomUUID } from 'node:crypto';
import type { OfferCommand } from '../../domain/offer/offer.commands';
import { CommandTable, routesOf } from '../http/command-routes';
import { RegisterOfferDto, RetireOfferDto, UpdateOfferDto } from './offer-commands.dto';
import { OfferAnswer, OfferCommands } from './offer-commands';

const route = routesOf<OfferCommand, OfferAnswer>();

/** Who keeps the catalogue: the coordinators (the guides' sparring, seed 003), and the admin. */
const KEEPERS = ['coordinator', 'admin'] as const;

/** Every command on an offer of the catalogue, as src/cases/case-commands.table.ts does for cases. */
export const OFFER_COMMANDS: CommandTable<OfferCommand, OfferAnswer> = {
  name: 'OfferCommands',
  prefix: 'offers',
  tag: 'offers',
  runner: OfferCommands,
  routes: {
    register: route({
      path: '',
      allow: [...KEEPERS],
      body: RegisterOfferDto,
      summary: {
        en: 'A local community joins the catalogue of offers (aktivitetscenter, værested, forening, øvefællesskab, ...).',
        da: 'Opret et lokalt tilbud i kataloget (aktivitetscenter, værested, forening, øvefællesskab, ...).',
      },
      command: (b) => ({
        type: 'RegisterOffer',
        data: {
          offerId: randomUUID(),
          name: b.name,
          kind: b.kind,
          organisation: b.organisation,
          address: b.address,
          postcode: b.postcode,
          schedule: b.schedule.map(({ weekday, time }) => ({ weekday, time })),
          interests: [...b.interests],
          ...(b.targetGroup !== undefined && { targetGroup: b.targetGroup }),
          accessible: b.accessible,
          contact: { name: b.contact.name, ...(b.contact.phone !== undefined && { phone: b.contact.phone }) },
        },
      }),
      location: (answer) => `/offers/${answer.offerId}`,
      answer: { description: '{ offerId, revision, position }' },
    }),
    update: route({
      path: ':offerId/update',
      allow: [...KEEPERS],
      body: UpdateOfferDto,
      summary: { en: 'Some of the offer\'s details change; the event holds what changed.', da: 'Ret tilbuddets oplysninger; hændelsen rummer det, der er ændret.' },
      command: (b) => {
        const data: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(b)) if (value !== undefined) data[key] = value;
        if (b.schedule) data.schedule = b.schedule.map(({ weekday, time }) => ({ weekday, time }));
        if (b.contact) data.contact = { name: b.contact.name, ...(b.contact.phone !== undefined && { phone: b.contact.phone }) };
        return { type: 'UpdateOffer', data };
      },
      answer: { description: '{ offerId, revision, position }' },
    }),
    retire: route({
      path: ':offerId/retire',
      allow: [...KEEPERS],
      body: RetireOfferDto,
      summary: { en: 'The offer has ended: no citizen is introduced to it any more.', da: 'Luk tilbuddet: ingen borger introduceres til det fremover.' },
      command: (b) => ({ type: 'RetireOffer', data: { at: b.at, reason: b.reason } }),
      answer: { description: '{ offerId, revision, position }' },
    }),
  },
};

import { CommandTable, routesOf } from '../http/command-routes';
import { AcceptReferralCardDto, RejectReferralCardDto } from './referral-card.dto';
import { CardAnswer, CardRequest, ReferralCardCommands } from './referral-card-commands';

const route = routesOf<CardRequest, CardAnswer>();

/** The coordinator's inbox of referral cards (issue 21). The public POST /referral-cards is not here: see public-referral-card.controller.ts. */
export const REFERRAL_CARD_COMMANDS: CommandTable<CardRequest, CardAnswer> = {
  name: 'ReferralCardCommands',
  prefix: 'referral-cards',
  tag: 'referral cards',
  runner: ReferralCardCommands,
  routes: {
    accept: route({
      path: ':cardId/accept',
      allow: ['coordinator'],
      body: AcceptReferralCardDto,
      summary: {
        en: 'The card is taken in: a case is made through the ordinary referral (a known citizen joined by citizenId or CPR number), and the card names it.',
        da: 'Tag henvisningskortet ind: der oprettes en sag som ved en almindelig henvisning, og kortet peger på sagen.',
      },
      command: (b) => ({
        type: 'TakeInReferralCard',
        data: {
          programme: b.programme,
          ...(b.citizenId !== undefined && { citizenId: b.citizenId.toLowerCase() }),
          ...(b.cpr !== undefined && { cpr: b.cpr }),
          ...(b.address !== undefined && { address: b.address }),
          ...(b.referrerRole !== undefined && { referrerRole: b.referrerRole }),
          ...(b.situation !== undefined && { situation: { ...b.situation } }),
          ...(b.needs !== undefined && { needs: b.needs }),
        },
      }),
      answer: { description: '{ cardId, revision, position, caseId, citizenId, knownCitizen }' },
    }),
    reject: route({
      path: ':cardId/reject',
      allow: ['coordinator'],
      body: RejectReferralCardDto,
      summary: {
        en: "The card is not taken in; its personal data is destroyed REFERRAL_CARD_RETENTION_DAYS later (its key).",
        da: 'Afvis henvisningskortet; oplysningerne slettes efter opbevaringsperioden.',
      },
      command: (b) => ({ type: 'RejectReferralCard', data: { reason: b.reason } }),
    }),
  },
};

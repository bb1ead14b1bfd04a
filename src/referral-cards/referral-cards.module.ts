import type { Provider, Type } from '@nestjs/common';
import { commandController } from '../http/command-routes';
import { CardRetentionTimer } from './card-retention';
import { PublicReferralCardController } from './public-referral-card.controller';
import { ReferralCardCommands } from './referral-card-commands';
import { REFERRAL_CARD_COMMANDS } from './referral-card-commands.table';
import { ReferralCardsController } from './referral-cards.controller';

/** Issue 21's referral cards in one place for the application module: the public form's route, the inbox, its commands, the retention. */
export const referralCardControllers: Array<Type<unknown>> = [
  // GET /referral-cards/count before the table's POST /referral-cards/:cardId/...; methods differ, order only for reading.
  ReferralCardsController,
  PublicReferralCardController,
  commandController(REFERRAL_CARD_COMMANDS),
];

export const referralCardProviders: Provider[] = [ReferralCardCommands, CardRetentionTimer];

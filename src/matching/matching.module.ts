import type { Provider, Type } from '@nestjs/common';
import { commandController } from '../http/command-routes';
import { ListOffersController } from '../offers/list-offers.controller';
import { OfferCommands } from '../offers/offer-commands';
import { OFFER_COMMANDS } from '../offers/offer-commands.table';
import { VisitorProfileController } from '../visitors/visitor-profile.controller';
import { SuggestionsController } from './suggestions.controller';
import { GapsController } from './gaps.controller';

/**
 * Matching (issue #18) in one place for the application module: the
 * catalogue of offers, the suggestions and the gaps. Kept apart so the app
 * module gains two lines, not one per route.
 */
export const matchingControllers: Array<Type<unknown>> = [
  GapsController,
  // The list's `GET /offers/...` reads come before the command table's `POST /offers/:offerId/...`; their methods differ, so order is only for reading.
  ListOffersController,
  commandController(OFFER_COMMANDS),
  VisitorProfileController,
  SuggestionsController,
];

export const matchingProviders: Provider[] = [OfferCommands];

import type { FastifyInstance } from 'fastify';
import { PUBLIC_CARD_ROUTE } from './public-referral-card.controller';

/** A card is a few lines: the open route reads 16 kB at most (413 body_too_large), not the 1 MB of the others. */
export const CARD_BODY_LIMIT = 16 * 1024;

/**
 * Sets Fastify's own per-route `bodyLimit` on POST /referral-cards as Nest
 * registers it (an `onRoute` hook, installed before the routes are): a
 * larger Content-Length is refused before a byte is read, a longer chunked
 * body as soon as it passes the limit.
 */
export function limitCardBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url === PUBLIC_CARD_ROUTE && methods.includes('POST')) route.bodyLimit = CARD_BODY_LIMIT;
  });
}

import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/shared/decider';

/**
 * Until the privacy issue brings tokens, every request acts as one local
 * coordinator. This is the only place that decides who the actor is: the auth
 * guard will set `request.actor` from the token instead.
 */
export const LOCAL_ACTOR: Actor = { id: 'local-coordinator', role: 'coordinator' };

export type RequestWithActor = FastifyRequest & { actor?: Actor };

export const actorOf = (request: RequestWithActor): Actor => request.actor ?? LOCAL_ACTOR;

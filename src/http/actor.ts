import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/shared/decider';

/** The auth guard (src/privacy/auth.guard.ts) sets the actor from the token; nothing else decides who acts. */
export type RequestWithActor = FastifyRequest & { actor?: Actor };

export const actorOf = (request: RequestWithActor): Actor => {
  // A route that records an actor always sits behind the guard; reaching here without one is our bug.
  if (!request.actor) throw new Error('no actor on the request: the route has no policy');
  return request.actor;
};

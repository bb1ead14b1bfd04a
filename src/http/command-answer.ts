import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '../event-store/command-handler';

/**
 * Sets what every command answer carries: `ETag` with the new revision (usable at
 * once as `If-Match`), `Location` on a create, and `Idempotent-Replayed` when a
 * repeated Idempotency-Key got the first answer again.
 */
export function commandAnswer<A extends { revision: number }>(
  reply: FastifyReply,
  outcome: CommandOutcome<A>,
  created?: { location: string },
): A {
  void reply.header('etag', `"${outcome.answer.revision}"`);
  if (created) void reply.status(201).header('location', created.location);
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  return outcome.answer;
}

import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';

/**
 * The drain on close (SIGTERM). Node stops accepting connections and closes
 * the idle keep-alive ones, but a connection busy with a request when the
 * signal came stays open after its answer until its keep-alive timeout (72 s),
 * and the process with it. So from the close on every answer says
 * `Connection: close`, and a request that arrives on an open connection is
 * refused with a 503 problem (Fastify's own 503 would be plain JSON): nothing
 * of it was written, and the client may send it again.
 */
export function drainOnClose(fastify: FastifyInstance): void {
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done();
    const detail = 'The service is shutting down; nothing of this request was written. Send it again in a moment';
    void reply.status(503).header('content-type', PROBLEM_CONTENT_TYPE).header('retry-after', '1').send(problem(503, 'shutting_down', detail, request.url.split('?')[0] ?? ''));
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every answer (helmet's defaults, with a CSP that lets the
 * OpenAPI page at /docs use its inline styles and scripts; nothing else is
 * served as HTML). CORS stays closed: Nest enables none unless told to.
 */
export const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
  },
};

export function installSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

/**
 * The headers helmet's middleware sets, found once by running it on a recorder.
 * With these options they depend on nothing in the request (no nonces, no
 * function directives), so running its eleven middlewares on every request
 * (each a `setHeader` on the raw response, checked by node) did the same work
 * again each time.
 */
export function securityHeaders(): Record<string, string> {
  const middleware = helmet(HELMET_OPTIONS);
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => (failure = error));
  if (failure) throw failure;
  return headers;
}

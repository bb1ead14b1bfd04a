import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';

/**
 * The API's answers are JSON, never a page: nothing in them may load, run or
 * frame anything, so their content policy forbids all. Helmet's other defaults
 * (nosniff, HSTS, …) stay; framing is denied outright.
 */
export const API_HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  frameguard: { action: 'deny' },
};

/** The OpenAPI page at /docs (Swagger UI) needs its inline styles and scripts: this policy is for /docs alone. */
export const DOCS_HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
  },
};

/**
 * Every answer may hold people's data (a 404 about a citizen is personal too),
 * so none may be kept by a browser or a proxy. The few that may be kept say so
 * themselves: the web application's hashed files and its page (src/web/web-app.ts).
 */
export const NO_STORE = { 'cache-control': 'no-store' } as const;

/** Whether a request is for the OpenAPI page or its files (`/docs`, `/docs/…`, `/docs-json`, `/docs-yaml`), by the route it matched. */
export const isDocsRoute = (route: string | undefined): boolean => route !== undefined && /^\/docs(?:$|\/|-json$|-yaml$)/.test(route);

/**
 * helmet's middleware on every answer, as its documentation has it (with the
 * raw request and response), the API's or the OpenAPI page's by the route.
 * Run per request it costs 13–14 µs of server CPU, under 3 % of a command's
 * ~500 µs (docs/performance.md, "The command tables, without library patches"):
 * too little to keep a copy of its output instead.
 */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  const api = helmet(API_HELMET_OPTIONS);
  const docs = helmet(DOCS_HELMET_OPTIONS);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(NO_STORE);
    (isDocsRoute(routeOf(request)) ? docs : api)(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}

const routeOf = (request: FastifyRequest): string | undefined => request.routeOptions.url;

let madeApiHeaders: Record<string, string> | undefined;

/**
 * The API's headers for the answers written where no hook runs and there is
 * no response object, only a socket (src/http/edge-errors.ts): helmet's
 * middleware run once on a recorder. With these options they depend on
 * nothing in the request (no nonces, no function directives).
 */
export const apiHeaders = (): Record<string, string> => (madeApiHeaders ??= { ...securityHeaders(API_HELMET_OPTIONS), ...NO_STORE });

/** The headers helmet's middleware sets with these options, recorded once. */
export function securityHeaders(options: Parameters<typeof helmet>[0] = API_HELMET_OPTIONS): Record<string, string> {
  const middleware = helmet(options);
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

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem';

/**
 * The content policy of the web application's page: stricter than the one the
 * rest of the service gets (which lets /docs run its inline scripts), since the
 * app's build has no inline script or style at all.
 */
export const APP_CONTENT_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The project's root: where package.json is, whether this runs from src/ (tests) or dist/src/ (npm start). */
function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
  return dir;
}

export const webBuildDir = (): string => join(projectRoot(), 'dist', 'web');

/**
 * Serves the built web application (dist/web, from `npm run build`): its page
 * at / and /app/* (the app routes in the browser), its hashed files under
 * /assets/. Every other path stays the API's, and an unknown one is its 404
 * problem. The files are public: the API behind them asks for a token.
 */
export async function serveWebApp(app: NestFastifyApplication, dir = webBuildDir()): Promise<void> {
  // Hashed names: a file under /assets/ never changes, so browsers may keep it.
  // Source maps are not built (web/vite.config.mts); one left in the folder is not served either.
  await app.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
    allowedPath: (path) => !path.endsWith('.map'),
  });
  let page: string | undefined;
  const index = (request: FastifyRequest, reply: FastifyReply): void => {
    try {
      page ??= readFileSync(join(dir, 'index.html'), 'utf8');
    } catch {
      void reply
        .status(503)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem(503, 'web_app_not_built', 'The web application is not built: run npm run build (npm start builds it when missing)', request.url.split('?')[0] ?? ''));
      return;
    }
    void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', APP_CONTENT_POLICY).send(page);
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', index);
  fastify.get('/app', index);
  fastify.get('/app/*', index);
  // Issue 21: the public referral card, for citizens and relatives (no sign-in).
  fastify.get('/henvis', index);
}

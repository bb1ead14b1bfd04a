import { ConsoleLogger, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { installAnswerPrivacy } from './privacy/answer-privacy';
import { PersonalDataCipher } from './privacy/crypto/personal-data.cipher';
import { AccessLogService } from './privacy/access-log.service';
import { Pseudonymiser } from './privacy/pseudonymiser';
import type { AppConfig } from './config/config';
import { drainOnClose } from './http/drain';
import { BODY_LIMIT, installJsonBodyParser } from './http/json-body';
import { installSecurityHeaders } from './http/security-headers';
import { LoopDelay } from './http/loop-delay';
import { answerClientError, answerFrameworkError, limitUrlLength } from './http/edge-errors';
import { installIdempotencyKeys } from './http/idempotency-keys';
import { SERVICE_SECRETS, ServiceSecrets } from './storage/secrets';
import { STORAGE, Storage } from './storage/storage.port';
import { inspectDataDir, warnAboutWideEntries } from './privacy/data-dir';
import { ProblemFilter } from './http/problem.filter';
import { createValidationPipe } from './http/validation';
import { serveWebApp } from './web/web-app';
import { limitCardBodies } from './referral-cards/card-body-limit';

/**
 * TRUST_PROXY as Fastify takes it. A hop count (docs/operations.md: one proxy in front,
 * reached by nothing else) is handed over as the function it always meant, since
 * Fastify 5.12 treats a bare number as trusting no proxy at all.
 */
function fastifyTrustProxy(setting: boolean | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the application on Fastify, ready to listen. Used by main.ts and by the
 * e2e tests, so the tests exercise exactly what runs in production.
 */
export async function createApp(config: AppConfig, options: { logs?: boolean } = {}): Promise<NestFastifyApplication> {
  // Looked at before the store opens (and narrows its own files); told once the logger is set up.
  const wideEntries = inspectDataDir(config.dataDir);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    // Prototype poisoning is refused by our own parser too; keep Fastify's guard on.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    // A request that arrives while closing gets a 503 problem from http/drain.ts.
    return503OnClosing: false,
    // Errors of Fastify's router and of node's HTTP parser never reach Nest's filter: answered as problems in http/edge-errors.ts.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // request.ip behind a reverse proxy (TRUST_PROXY, docs/operations.md): the sign-in limits count per address.
    trustProxy: fastifyTrustProxy(config.trustProxy ?? false),
    // Request logs are our own (below): Fastify's would print URLs with query strings.
    logger: false,
  });
  const logger = options.logs === false ? false : jsonLogger(config.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger,
    bufferLogs: false,
    // A failure at start (an unusable database file) reaches main.ts, which says what and where and exits 1.
    abortOnError: false,
    // Our own JSON parser (http/json-body.ts) is the only one.
    bodyParser: false,
  });
  warnAboutWideEntries(wideEntries);
  const fastify = app.getHttpAdapter().getInstance();
  installSecurityHeaders(fastify);
  limitUrlLength(fastify);
  installJsonBodyParser(fastify);
  // Before Nest registers the routes: POST /referral-cards reads 16 kB at most.
  limitCardBodies(fastify);
  drainOnClose(fastify);
  await installIdempotencyKeys(fastify, app.get<symbol, ServiceSecrets>(SERVICE_SECRETS).idempotencySecret, app.get<symbol, Storage>(STORAGE).archive);
  const accessLog = app.get(AccessLogService);
  const cipher = app.get(PersonalDataCipher);
  const pseudonymiser = app.get(Pseudonymiser);
  installAnswerPrivacy(fastify, {
    recordRead: (of, request, body) => accessLog.recordRead(of, request, body),
    reveal: (body) => cipher.reveal(body),
    pseudonymise: (body) => pseudonymiser.answer(body),
  });
  // The request line is at level `log`: below it (LOG_LEVEL=warn) there is nothing to build per request.
  if (options.logs !== false && LEVELS.indexOf(config.logLevel) >= LEVELS.indexOf('log')) logRequests(fastify);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  mountOpenApi(app);
  // The web application at /, /app/* and /assets/ (built into dist/web by npm run build).
  await serveWebApp(app);
  await app.init();
  await fastify.ready();
  return app;
}

function jsonLogger(level: AppConfig['logLevel']): ConsoleLogger {
  return new ConsoleLogger({ json: true, logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1) });
}

/**
 * One structured line per request: method, route pattern, status, time as the
 * client saw it (the event loop's delay when the request was read, and the
 * handling after; docs/operations.md). Never a body or a query string.
 */
function logRequests(fastify: ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance'] extends () => infer F ? F : never): void {
  const logger = new Logger('HTTP');
  const loop = new LoopDelay();
  const metOnArrival = new WeakMap<object, number>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    metOnArrival.set(request, loop.now());
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const loopDelayMs = metOnArrival.get(request) ?? 0;
    logger.log({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      ms: Math.round(loopDelayMs + reply.elapsedTime),
      loopDelayMs: Math.round(loopDelayMs),
      handlingMs: Math.round(reply.elapsedTime),
      requestId: request.id,
    });
    done();
  });
  fastify.addHook('onClose', (_instance, done) => {
    loop.stop();
    done();
  });
}

/** The document is made at the first request for /docs or /docs-json (scanning every route takes ~100 ms at start). */
function mountOpenApi(app: NestFastifyApplication): void {
  const document = () =>
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('brobygger')
        .setDescription('Case management for loneliness interventions: referrals, triage, the waiting folder, visits, tasks and relations.')
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'npm run cli -- token --role R --sub S' })
        .addSecurityRequirements('bearer')
        .build(),
    );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

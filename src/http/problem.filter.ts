import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConcurrencyError, IllegalStateError, NotFoundError, ValidationError } from '../../domain/shared/errors';
import { danishMessage } from '../../domain/shared/messages.da';
import { CitizenKeyTakenError, IdempotencyKeyTakenError, IdempotencyMismatchError, StoreUnavailableError } from '../event-store/event-store.port';
import { isStorageFailure } from '../event-store/storage-failure';
import { AuthenticationError, BusyError, ForbiddenError, ProjectionUnavailableError, RequestValidationError } from './errors';
import { PROBLEM_CONTENT_TYPE, Problem, problem, problemCode } from './problem';

/**
 * The one place where errors become HTTP answers: every error, ours, Nest's or
 * Fastify's, leaves as application/problem+json. Nothing a client sends may
 * produce a 500; a 500 here is our bug and is logged (never with request data).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const storage = error instanceof StoreUnavailableError || isStorageFailure(error);
    const body = this.toProblem(error, instanceOf(request));
    if (body.status >= 500 && !storage && !(error instanceof ProjectionUnavailableError) && !lostEveryRace(error)) {
      this.logger.error({ msg: 'unhandled error', error: describe(error) });
    }
    if (error instanceof ProjectionUnavailableError) void reply.header('retry-after', '1');
    if (error instanceof AuthenticationError) void reply.header('www-authenticate', 'Bearer realm="brobygger"');
    if (error instanceof BusyError) void reply.header('retry-after', String(error.retryAfterSeconds));
    if (lostEveryRace(error)) {
      this.logger.warn({ msg: 'write contention', error: error instanceof Error ? error.name : 'unknown' });
      void reply.header('retry-after', '1');
    }
    if (storage) {
      this.logger.warn({ msg: 'store unavailable', error: describe(error) });
      void reply.header('retry-after', '5');
    }
    if (error instanceof ConcurrencyError && typeof error.actual === 'number') {
      void reply.header('etag', `"${error.actual}"`);
    }
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(error: unknown, instance: string): Problem {
    if (error instanceof RequestValidationError && error.userMessage) {
      return problem(400, 'validation_failed', error.message, instance, { errors: error.errors, userMessage: error.userMessage });
    }
    if (error instanceof RequestValidationError || error instanceof ValidationError) {
      return problem(400, 'validation_failed', error.message, instance, { errors: error.errors });
    }
    if (error instanceof NotFoundError) {
      return problem(404, `${error.resource}_not_found`, error.message, instance);
    }
    if (error instanceof IllegalStateError) {
      return problem(409, error.code, error.message, instance, { ...error.details, userMessage: danishMessage(error.code, error.details) });
    }
    if (error instanceof ConcurrencyError) {
      return problem(412, error.code, error.message, instance, {
        currentRevision: error.actual === 'no_stream' ? null : error.actual,
        userMessage: 'Sagen er ændret af en anden — opdatér',
      });
    }
    if (error instanceof AuthenticationError) {
      return problem(401, 'unauthenticated', error.message, instance);
    }
    if (error instanceof ForbiddenError) {
      return problem(403, 'forbidden', error.message, instance);
    }
    if (error instanceof IdempotencyMismatchError) {
      return problem(422, 'idempotency_key_reused', error.message, instance);
    }
    if (error instanceof ProjectionUnavailableError) {
      const code = error.failed ? 'projection_failed' : 'projection_behind';
      return problem(503, code, error.message, instance, { position: error.position, wanted: error.wanted });
    }
    if (error instanceof BusyError) {
      return problem(503, error.code, error.message, instance);
    }
    if (lostEveryRace(error)) {
      // The command handler retries these races itself; only a run of them (five in a row) gets here.
      const detail = 'Other requests for the same citizen or Idempotency-Key were written at the same moment, several times in a row; nothing was written. Send it again';
      return problem(503, 'write_contention', detail, instance);
    }
    if (error instanceof StoreUnavailableError || isStorageFailure(error)) {
      // Not "nothing was written": a connection lost during COMMIT leaves that unknown. A retry with the key is safe.
      const detail = 'The event store cannot take the request right now. Send it again in a moment: with the same Idempotency-Key a command that did get through is never applied twice';
      return problem(503, 'store_unavailable', detail, instance);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return problem(status, problemCode(status), httpDetail(error), instance);
    }
    const fastify = fastifyError(error);
    if (fastify) return problem(fastify.status, fastify.code, fastify.detail, instance);
    return problem(500, 'internal_error', 'An unexpected error occurred; it has been logged', instance);
  }
}

/** A new citizen key or an Idempotency-Key that lost its race on every attempt: nothing was appended. */
function lostEveryRace(error: unknown): boolean {
  return error instanceof CitizenKeyTakenError || error instanceof IdempotencyKeyTakenError;
}

/** The path without the query string: queries may carry personal data (a name search). */
function instanceOf(request: FastifyRequest | undefined): string {
  const url = request?.url ?? '';
  return url.split('?')[0] ?? '';
}

function httpDetail(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

/** Errors raised by Fastify itself (body parsing, limits, URLs) carry a 4xx statusCode and an FST_ code. */
function fastifyError(error: unknown): { status: number; code: string; detail: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, code, message } = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) {
    // A SyntaxError from a body parser has no statusCode on some paths.
    if (error instanceof SyntaxError) return { status: 400, code: 'malformed_json', detail: 'The body is not valid JSON' };
    return undefined;
  }
  const codes: Record<string, string> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
    FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
    FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
    FST_ERR_BAD_URL: 'malformed_url',
  };
  const mapped = typeof code === 'string' ? codes[code] : undefined;
  const detail = typeof message === 'string' ? message : 'The request could not be read';
  return { status: statusCode, code: mapped ?? problemCode(statusCode), detail };
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { value: String(error) };
}

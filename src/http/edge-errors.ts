import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, problemCode } from './problem';
import { apiHeaders } from './security-headers';

/**
 * Requests refused before Nest sees them get the same problem+json, headers and
 * documented codes as every other error: node's HTTP parser (a malformed request
 * line or header, CR or LF in a header value, two Content-Lengths, headers over
 * node's 16 KB), Fastify's router (an undecodable URL, a parameter over
 * `maxParamLength`), and a URL longer than we read.
 */

/** Longer URLs get 414 before routing; the longest real one (a name search) is far shorter, and node's header limit (16 KB) would answer 431. */
export const MAX_URL_LENGTH = 4096;

/** Fixed words: the messages of Fastify's errors repeat the URL, which may carry personal data. */
const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not valid percent-encoded UTF-8',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is longer than any id',
};

const pathOf = (url: string | undefined): string => (url ?? '').split('?')[0] ?? '';

/** Fastify's `frameworkErrors` option: errors of its router, before any hook runs. */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const code = error.code === 'FST_ERR_BAD_URL' ? 'malformed_url' : problemCode(status);
  const detail = FRAMEWORK_DETAILS[error.code] ?? 'The request could not be routed';
  void reply
    .status(status)
    .headers(apiHeaders())
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem(status, code, detail, status === 414 ? '' : pathOf(request.url)));
}

/** Refuses a URL over MAX_URL_LENGTH with 414 before anything reads it. */
export function limitUrlLength(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.length <= MAX_URL_LENGTH) return done();
    const detail = `The URL is longer than ${MAX_URL_LENGTH} characters`;
    void reply.status(414).header('content-type', PROBLEM_CONTENT_TYPE).send(problem(414, problemCode(414), detail, ''));
  });
}

/** What node's parser errors mean to a client (node's `clientError` codes). */
function clientProblem(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, detail: 'The request line and headers are larger than 16 KB' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, detail: 'The request did not arrive in time' };
  return { status: 400, detail: 'The request is not well-formed HTTP/1.1 (its request line, a header, or its framing, such as conflicting Content-Length headers)' };
}

/**
 * Fastify's `clientErrorHandler` option (node's `clientError` event): the
 * request never became one, so the answer is written to the socket as it is,
 * then the connection is closed (node's own handling, with our body).
 * There is no path: the request line may be what was wrong.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, detail } = clientProblem(error.code);
    const body = JSON.stringify(problem(status, problemCode(status), detail, ''));
    const headers: Record<string, string | number> = { ...apiHeaders(), 'content-type': PROBLEM_CONTENT_TYPE, 'content-length': Buffer.byteLength(body), connection: 'close' };
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`);
  }
  socket.destroy(error);
}

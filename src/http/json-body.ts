import type { FastifyInstance } from 'fastify';
import sjson from 'secure-json-parse';
import { RequestValidationError } from './errors';
import { REFUSED_TEXT_USER_MESSAGE, refusedText } from './input-text';

/** Bodies up to 1 MB are read; larger ones get 413 (docs/api.md, "Errors": 413 `body_too_large`). */
export const BODY_LIMIT = 1024 * 1024;
/** Deeper JSON than this is refused before parsing, so no later recursion can overflow the stack. */
export const MAX_JSON_DEPTH = 32;

class BodyError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Replace Fastify's body parsers with one JSON parser: other media types get 415,
 * `__proto__` and `constructor.prototype` keys are refused (prototype poisoning),
 * nesting is bounded before JSON.parse sees the text, and text no client may
 * send (input-text.ts) is refused as a validation problem, naming the field.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    const text = utf8(body as Buffer);
    if (text === undefined) return done(new BodyError(400, 'FST_ERR_CTP_INVALID_JSON_BODY', 'The body is not valid UTF-8'), undefined);
    if (text.trim() === '') return done(new BodyError(400, 'FST_ERR_CTP_EMPTY_JSON_BODY', 'The body is empty; send a JSON object'), undefined);
    if (depthOf(text) > MAX_JSON_DEPTH) {
      return done(new BodyError(400, 'FST_ERR_CTP_INVALID_JSON_BODY', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    }
    let parsed: unknown;
    try {
      parsed = sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      const forbidden = error instanceof SyntaxError && /prototype/i.test(error.message);
      const message = forbidden ? 'The body has a forbidden key (__proto__ or constructor.prototype)' : 'The body is not valid JSON';
      return done(new BodyError(400, 'FST_ERR_CTP_INVALID_JSON_BODY', message), undefined);
    }
    const refused = refusedText(parsed);
    if (refused.length > 0) return done(new RequestValidationError(refused, undefined, REFUSED_TEXT_USER_MESSAGE), undefined);
    done(null, parsed);
  });
}

/**
 * The body as text, or undefined where it is not UTF-8 (RFC 8259 §8.1): read as a
 * string, an invalid byte would become U+FFFD, silently changing what was sent.
 * A byte-order mark is kept, so JSON.parse refuses it as before.
 */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function utf8(body: Buffer): string | undefined {
  try {
    return decoder.decode(body);
  } catch {
    return undefined;
  }
}

/** The deepest nesting of arrays and objects in a JSON text, ignoring brackets inside strings. */
export function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) max = depth;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return max;
}

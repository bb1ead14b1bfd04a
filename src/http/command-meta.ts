import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CommandMeta } from '../event-store/command-handler';
import { canonicalJson } from '../shared/canonical-json';
import { actorOf, RequestWithActor } from './actor';
import { RequestValidationError } from './errors';
import './idempotency-keys';

const IF_MATCH = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A W3C trace context `traceparent`: version, 32-hex trace id (not all zeros), parent id, flags. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
const TRACE_ID = /^[0-9a-f]{32}$/;

/** Reads a command's headers (If-Match, Idempotency-Key, X-Correlation-Id) and actor into CommandMeta. */
export function commandMetaOf(request: RequestWithActor): CommandMeta {
  const commandId = randomUUID();
  const meta: CommandMeta = {
    actor: actorOf(request),
    commandId,
    correlationId: correlationIdOf(request) ?? commandId,
  };
  const ifMatch = header(request, 'if-match');
  if (ifMatch !== undefined) {
    const match = IF_MATCH.exec(ifMatch);
    if (!match) throw new RequestValidationError([{ field: 'If-Match', message: 'If-Match must be a revision in quotes, e.g. "3"' }]);
    meta.expectedRevision = Number(match[1]);
  }
  const key = header(request, 'idempotency-key');
  if (key !== undefined) {
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new RequestValidationError([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }]);
    }
    const path = request.url.split('?')[0];
    const bodyHash = createHash('sha256').update(`${path}\n${canonicalJson(request.body ?? null)}`).digest('hex');
    // Only the keyed hash goes further: no store ever holds the client's key (it may hold a name).
    meta.idempotency = { key: request.server.idempotencyKeys.digest(key), route: `${request.method} ${request.routeOptions.url ?? path}`, bodyHash };
  }
  return meta;
}

/**
 * The correlation id is written into every event's metadata and shown to
 * auditors, so it may only be an id: a UUID, or a W3C trace id (32 hex
 * digits, alone or as the trace id of a whole `traceparent` value).
 */
function correlationIdOf(request: RequestWithActor): string | undefined {
  const value = header(request, 'x-correlation-id')?.trim();
  if (value === undefined) return undefined;
  if (UUID.test(value)) return value.toLowerCase();
  const lower = value.toLowerCase();
  const traceId = TRACE_ID.test(lower) ? lower : TRACEPARENT.exec(lower)?.[1];
  if (traceId !== undefined && !/^0+$/.test(traceId)) return traceId;
  throw new RequestValidationError([
    { field: 'X-Correlation-Id', message: 'X-Correlation-Id must be a UUID or a W3C trace id (32 hex digits, or a traceparent header value)' },
  ]);
}

function header(request: RequestWithActor, name: string): string | undefined {
  const value = request.headers[name];
  if (Array.isArray(value)) throw new RequestValidationError([{ field: name, message: `${name} may be given once` }]);
  if (typeof value === 'string' && value.length > 1000) throw new RequestValidationError([{ field: name, message: `${name} is too long` }]);
  return value;
}

/** `@Meta() meta: CommandMeta` in a controller. */
export const Meta = createParamDecorator((_data: unknown, ctx: ExecutionContext) => commandMetaOf(ctx.switchToHttp().getRequest()));

import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CommandMeta } from '../event-store/command-handler';
import { canonicalJson } from '../shared/canonical-json';
import { actorOf, RequestWithActor } from './actor';
import { RequestValidationError } from './errors';

const IF_MATCH = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Reads a command's headers (If-Match, Idempotency-Key, X-Correlation-Id) and actor into CommandMeta. */
export function commandMetaOf(request: RequestWithActor): CommandMeta {
  const commandId = randomUUID();
  const meta: CommandMeta = {
    actor: actorOf(request),
    commandId,
    correlationId: header(request, 'x-correlation-id') ?? commandId,
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
    meta.idempotency = { key, route: `${request.method} ${request.routeOptions.url ?? path}`, bodyHash };
  }
  return meta;
}

function header(request: RequestWithActor, name: string): string | undefined {
  const value = request.headers[name];
  if (Array.isArray(value)) throw new RequestValidationError([{ field: name, message: `${name} may be given once` }]);
  if (typeof value === 'string' && value.length > 1000) throw new RequestValidationError([{ field: name, message: `${name} is too long` }]);
  return value;
}

/** `@Meta() meta: CommandMeta` in a controller. */
export const Meta = createParamDecorator((_data: unknown, ctx: ExecutionContext) => commandMetaOf(ctx.switchToHttp().getRequest()));

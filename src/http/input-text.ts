import type { FieldError } from '../../domain/shared/errors';

/** How a sealed value begins (src/privacy/crypto/personal-data.cipher.ts): only the service writes such text. */
const SEALED_PREFIX = 'enc:v1:';

/**
 * Text no client may send, in any string of a JSON body, by dotted path:
 * - U+0000: PostgreSQL refuses it in text and jsonb, so it would fail in the
 *   store (a 503, or worse) instead of at the edge;
 * - a sealed value (`enc:v1:…`): a client could paste another citizen's
 *   ciphertext, or make a clear field read `[slettet]`.
 */
export function refusedText(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    const field = path || 'body';
    if (value.includes('\u0000')) return [{ field, message: `${field} must not contain the NUL character (U+0000)` }];
    if (value.startsWith(SEALED_PREFIX)) return [{ field, message: `${field} must not begin with "${SEALED_PREFIX}" (the service's own form for sealed personal data)` }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => refusedText(item, path ? `${path}.${i}` : String(i)));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => refusedText(item, path ? `${path}.${key}` : key));
  }
  return [];
}

import type { FieldError } from '../../domain/shared/errors';

/** How sealed values begin (src/privacy/crypto/sealed-form.ts): only the service writes such text. */
const SEALED_PREFIXES = ['enc:v1:', 'enc:v2:'] as const;
const sealedPrefixOf = (value: string) => (value.startsWith('enc:v') ? SEALED_PREFIXES.find((prefix) => value.startsWith(prefix)) : undefined);

/** Half of a UTF-16 pair with no other half: JSON may escape one (`"\ud800"`), but no UTF-8 store can keep it (it would become U+FFFD). */
const LONE_SURROGATE = /\p{Cs}/u;

/** The Danish words for a string refused here. */
export const REFUSED_TEXT_USER_MESSAGE = 'Teksten indeholder tegn, som ikke kan gemmes. Skriv teksten igen uden dem.';

/**
 * Text no client may send, in any string of a JSON body, by dotted path:
 * - a lone surrogate: it cannot be stored as sent, and would be changed silently;
 * - U+0000: PostgreSQL refuses it in text and jsonb, so it would fail in the
 *   store (a 503, or worse) instead of at the edge;
 * - a sealed value (`enc:v1:…`, `enc:v2:…`): a client could paste another citizen's
 *   ciphertext, or make a clear field read `[slettet]`.
 */
export function refusedText(value: unknown, path = ''): FieldError[] {
  const refused: FieldError[] = [];
  walk(value, path ? [path] : [], refused);
  return refused;
}

/** Depth first, keys in order; the path is joined only for a refused string, so a good body (all but a bad one) builds none. */
function walk(value: unknown, path: (string | number)[], refused: FieldError[]): void {
  if (typeof value === 'string') {
    const nul = value.includes('\u0000');
    const lone = !nul && LONE_SURROGATE.test(value);
    const sealed = !nul && !lone ? sealedPrefixOf(value) : undefined;
    if (!nul && !lone && !sealed) return;
    const field = path.join('.') || 'body';
    refused.push(
      nul
        ? { field, message: `${field} must not contain the NUL character (U+0000)` }
        : lone
          ? { field, message: `${field} must not contain a lone surrogate (an escape such as \\ud800 that is half of a character)` }
          : { field, message: `${field} must not begin with "${sealed}" (the service's own form for sealed personal data)` },
    );
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      path.push(i);
      walk(item, path, refused);
      path.pop();
    });
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      walk((value as Record<string, unknown>)[key], path, refused);
      path.pop();
    }
  }
}

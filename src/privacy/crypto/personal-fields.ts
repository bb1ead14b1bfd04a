import { CLOSURE_REASONS } from '../../../domain/shared/codes';

/**
 * Which string fields of an event hold personal data (DESIGN.md, "Personal
 * data"): every free-text field, the citizen's details, the situation, the
 * referrer's name and phone, and who recorded consent. A `reason` that is a
 * closure code is a code, not words about the person.
 */
const FREE_TEXT = new Set(['reason', 'assessment', 'description', 'note', 'themes', 'outcome']);
const WHOLE = new Set(['citizen', 'situation']);
const NESTED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['referrer', new Set(['name', 'phone'])],
  ['consent', new Set(['recordedBy'])],
]);

const CLOSURE_CODES: ReadonlySet<unknown> = new Set(CLOSURE_REASONS);

/** Whether the field `key` (holding `value`) of an event's data is personal. */
function isPersonal(key: string, value: unknown): boolean {
  if (WHOLE.has(key)) return true;
  if (NESTED.has(key)) return value !== null && typeof value === 'object';
  return FREE_TEXT.has(key) && !(key === 'reason' && CLOSURE_CODES.has(value));
}

/**
 * A copy of `data` with every personal string replaced by `seal(string)`;
 * `data` itself when no field of it is personal (most events: nothing to copy).
 */
export function mapPersonalFields(data: unknown, seal: (plain: string) => string): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const fields = data as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const value = fields[key];
    if (!isPersonal(key, value)) continue;
    // The first personal field: from here on a copy, with the fields before it as they were.
    out ??= { ...fields };
    const nested = WHOLE.has(key) ? undefined : NESTED.get(key);
    out[key] = nested ? sealKeys(value as Record<string, unknown>, nested, seal) : sealStrings(value, seal);
  }
  return out ?? data;
}

function sealKeys(value: Record<string, unknown>, keys: ReadonlySet<string>, seal: (plain: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = keys.has(k) ? sealStrings(v, seal) : v;
  return out;
}

function sealStrings(value: unknown, seal: (plain: string) => string): unknown {
  if (typeof value === 'string') return seal(value);
  if (Array.isArray(value)) return value.map((item) => sealStrings(item, seal));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = sealStrings(v, seal);
    return out;
  }
  return value;
}

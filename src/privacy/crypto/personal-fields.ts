import { CLOSURE_REASONS } from '../../../domain/shared/codes';

/**
 * Which string fields of an event hold personal data (DESIGN.md, "Personal
 * data"): every free-text field, the citizen's details, the situation, the
 * referrer's name and phone, and who recorded consent. A `reason` that is a
 * closure code is a code, not words about the person.
 */
const FREE_TEXT = new Set(['reason', 'assessment', 'description', 'note', 'themes', 'outcome']);
const WHOLE = new Set(['citizen', 'situation']);
const NESTED: Record<string, ReadonlySet<string>> = { referrer: new Set(['name', 'phone']), consent: new Set(['recordedBy']) };

/** A copy of `data` with every personal string replaced by `seal(string)`. */
export function mapPersonalFields(data: unknown, seal: (plain: string) => string): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (WHOLE.has(key)) out[key] = sealStrings(value, seal);
    else if (key in NESTED && value && typeof value === 'object') out[key] = sealKeys(value as Record<string, unknown>, NESTED[key]!, seal);
    else if (FREE_TEXT.has(key) && !(key === 'reason' && (CLOSURE_REASONS as readonly unknown[]).includes(value))) out[key] = sealStrings(value, seal);
    else out[key] = value;
  }
  return out;
}

function sealKeys(value: Record<string, unknown>, keys: ReadonlySet<string>, seal: (plain: string) => string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keys.has(k) ? sealStrings(v, seal) : v]));
}

function sealStrings(value: unknown, seal: (plain: string) => string): unknown {
  if (typeof value === 'string') return seal(value);
  if (Array.isArray(value)) return value.map((item) => sealStrings(item, seal));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sealStrings(v, seal)]));
  return value;
}

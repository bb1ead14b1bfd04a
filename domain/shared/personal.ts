import type { Message } from './decider';

/**
 * How each event declares its personal part (docs/event-catalogue.md, "Personal
 * data"). Every field of an event's `data` is classified, down to the fields of
 * its nested objects: `personal` (the citizen's data: sealed under their key,
 * with everything below it) or `clear` (codes, dates, ids, scores, staff data:
 * kept readable for the statistics). The types force an answer for every field,
 * so a new event, or a new field of one, does not compile until it is classified.
 */
export type Sensitivity = 'personal' | 'clear';

/** An object's fields each classified; an object field may be classified field by field. */
export type Classified<D> = {
  readonly [K in keyof D]-?: NonNullable<D[K]> extends readonly unknown[]
    ? Sensitivity
    : NonNullable<D[K]> extends object
      ? Sensitivity | Classified<NonNullable<D[K]>>
      : Sensitivity;
};

/** One classification per event type of a stream: a missing type, or a missing field of one, is a compile error. */
export type PersonalParts<E extends Message> = {
  readonly [T in E['type']]: Classified<Extract<E, { type: T }>['data']>;
};

/** A path to a personal field of an event's data, as keys from the top. */
export type PersonalPath = readonly string[];

/** The paths classified `personal`, in the order declared (an outer `personal` covers all below it). */
export function personalPaths(classified: object): PersonalPath[] {
  const paths: PersonalPath[] = [];
  const walk = (node: object, prefix: readonly string[]) => {
    for (const [key, value] of Object.entries(node)) {
      if (value === 'personal') paths.push([...prefix, key]);
      else if (value !== null && typeof value === 'object') walk(value as object, [...prefix, key]);
    }
  };
  walk(classified, []);
  return paths;
}

/**
 * How every sealed value begins (`enc:v1:` or `enc:v2:`; the forms are in
 * src/privacy/crypto/sealed-form.ts). The edge refuses input that begins so
 * (src/http/input-text.ts), so in an answer such a string is always sealed.
 */
export const SEALED_PREFIX = 'enc:v';

/** Whether a value is a sealed personal string, or a list holding one. */
export function isSealed(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(SEALED_PREFIX);
  return Array.isArray(value) && value.some(isSealed);
}

import { isDeepStrictEqual } from 'node:util';
import { plainToInstance } from 'class-transformer';

/**
 * When a body may become its DTO by a plain copy (`Object.assign(new Dto(),
 * body)`) instead of class-transformer's `plainToInstance`, which builds it
 * anew, key by key, at about a fifth of the ValidationPipe's cost per request
 * (docs/performance.md, "The command edge").
 *
 * Two conditions, both checked through public APIs only:
 * - the DTO has no class-transformer decorator that changes what it is given
 *   (`@Type`, `@Transform`, `@Exclude`, `@Expose`): found out once per class by
 *   building it both ways from probe bodies that such a decorator would change
 *   (a nested instance, a number or a date from a string, a trimmed or renamed
 *   field, a field left out);
 * - the body is JSON as `JSON.parse` makes it, without the keys Nest's pipe
 *   strips (`constructor`, `prototype`, `__proto__`) and without gaps in arrays
 *   (which Nest's pipe closes): anything else goes through Nest's pipe.
 *
 * test/unit/http/validation-pipe.spec.ts checks that both ways give the same
 * DTO or the same errors for every command table's DTO on generated bodies.
 */
const known = new WeakMap<object, boolean>();

export function copiesPlainly(type: new () => object): boolean {
  let plain = known.get(type);
  if (plain === undefined) {
    plain = probe(type);
    known.set(type, plain);
  }
  return plain;
}

/** Values a class-transformer decorator would turn into something else (made afresh for each use: `plainToInstance` may keep what it is given). */
const PROBES: Array<() => unknown> = [() => ' Probe Text ', () => '42', () => '2026-03-02T09:15:00+01:00', () => 7.5, () => true, () => ({ nested: ' x ' }), () => [{ item: ' y ' }, ' z '], () => null];

function probe(type: new () => object): boolean {
  let fields: string[];
  try {
    fields = Object.keys(new type());
  } catch {
    return false;
  }
  const bodyOf = (value: () => unknown) => Object.fromEntries(fields.map((field) => [field, value()]));
  return PROBES.every((value) => isDeepStrictEqual(plainToInstance(type, bodyOf(value)), Object.assign(new type(), bodyOf(value))));
}

const STRIPPED = new Set(['constructor', 'prototype', '__proto__']);

/** A body as `JSON.parse` makes it: plain objects without the stripped keys, arrays without gaps, strings, numbers, booleans, null. */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint' && value !== undefined;
  if (depth > 64) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i], depth + 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) if (STRIPPED.has(key) || !isPlainJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

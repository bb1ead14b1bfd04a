import { ClassTransformOptions, plainToInstance } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

// The storage class-transformer itself reads (its entry point does not export it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

/**
 * class-transformer's `plainToInstance` for what the ValidationPipe hands it:
 * the same result, built without its metadata look-ups (five per key, each a
 * walk over the class's ancestors) when the class has none of its decorators
 * (`@Type`, `@Transform`, `@Expose`, `@Exclude`), which is every DTO but the
 * referral's and the numeric queries'. Those, and anything that is not a
 * JSON value, go to class-transformer itself.
 *
 * What class-transformer does with no metadata and the pipe's options (the
 * defaults), kept here step for step: the class is constructed; every own key
 * is copied except `__proto__` and `constructor` and the keys the target
 * already has as a method or as a getter without a setter (on an object
 * below, Object.prototype's `toString`, `hasOwnProperty`…); arrays are copied
 * without their holes; nested objects become plain objects by the same rule;
 * primitives and null stay as they are. test/unit/http/dto-instance.spec.ts
 * compares the two on generated bodies.
 */
export function toDtoInstance<T>(cls: new () => T, value: unknown, options?: ClassTransformOptions): T {
  if (options !== undefined || !isPlainJsonObject(value) || !isPlainClass(cls)) return plainToInstance(cls, value, options);
  return copyInto(new cls() as object, value) as T;
}

const plainClasses = new WeakMap<object, boolean>();

/** Whether class-transformer has no metadata for the class or any of its ancestors (the DTO classes are all loaded before the first request). */
function isPlainClass(cls: object): boolean {
  let known = plainClasses.get(cls);
  if (known === undefined) {
    const storage = defaultMetadataStorage as unknown as Record<'_typeMetadatas' | '_transformMetadatas' | '_exposeMetadatas' | '_excludeMetadatas', Map<unknown, unknown>>;
    const maps = [storage._typeMetadatas, storage._transformMetadatas, storage._exposeMetadatas, storage._excludeMetadatas];
    known = maps.every((map) => map instanceof Map) && !lineage(cls).some((target) => maps.some((map) => map.has(target)));
    plainClasses.set(cls, known);
  }
  return known;
}

function lineage(cls: object): object[] {
  const chain: object[] = [];
  for (let target: object | null = cls; target && target !== Function.prototype; target = Object.getPrototypeOf(target) as object | null) chain.push(target);
  return chain;
}

function isPlainJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function copyInto(target: object, value: Record<string, unknown>): object {
  const proto = (target as { constructor: { prototype?: object } }).constructor.prototype;
  const into = target as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor') continue;
    if (proto) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if ((descriptor && !descriptor.set) || into[key] instanceof Function) continue;
    }
    into[key] = copy(value[key]);
  }
  return target;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    value.forEach((item) => items.push(copy(item)));
    return items;
  }
  if (typeof value === 'object' && value !== null) {
    // A JSON object's constructor is Object, unless it has a key of that name (the pipe deletes those first).
    if (value.constructor !== Object) return copyUnusual(value);
    return copyInto({}, value as Record<string, unknown>);
  }
  return value;
}

/** Not a plain JSON object: class-transformer decides (it builds the value's own constructor). */
function copyUnusual(value: object): unknown {
  return (plainToInstance(Object as never, { v: value }) as { v: unknown }).v;
}

import { isDeepStrictEqual } from 'node:util';
import { plainToInstance } from 'class-transformer';
import { validate, ValidatorOptions } from 'class-validator';

/**
 * Most reads come without a query string (`GET /cases/:caseId/history`), and
 * for such a query Nest's ValidationPipe builds the DTO with class-transformer
 * and validates it every time, with the same outcome every time: the value is
 * always `{}`. Whether that outcome is simply `new Dto()` is found out once
 * per class, through public APIs only: class-transformer makes of `{}` what
 * `new Dto()` is (no `@Expose` with a `@Transform` that fills a missing key),
 * and class-validator finds nothing wrong with it (no required field). A class
 * for which either fails takes Nest's pipe, so its errors are the pipe's.
 * (docs/performance.md, "W5a and W5b: the store read and the query".)
 */
const known = new WeakMap<object, boolean>();

/** `options`: the pipe's validator options, the same at every call (the answer is kept per class). */
export function emptyQueryIsNew(type: new () => object, options: ValidatorOptions): boolean | Promise<boolean> {
  const passes = known.get(type);
  if (passes !== undefined) return passes;
  return probe(type, options).then((found) => (known.set(type, found), found));
}

async function probe(type: new () => object, options: ValidatorOptions): Promise<boolean> {
  try {
    return isDeepStrictEqual(plainToInstance(type, {}), new type()) && (await validate(new type(), options)).length === 0;
  } catch {
    return false;
  }
}

/** A query object with no keys at all (own or inherited): what a request without a query string gives. */
export function isEmptyQuery(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  for (const _key in value) return false;
  return true;
}

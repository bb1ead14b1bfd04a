import 'reflect-metadata';
import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';
import { toDtoInstance } from '../../../src/http/dto-instance';
import { AssessLonelinessDto } from '../../../src/cases/assess-loneliness/assess-loneliness.dto';
import { CloseCaseDto } from '../../../src/cases/close-case/close-case.dto';
import { ReceiveReferralDto } from '../../../src/cases/receive-referral/receive-referral.dto';

/** A class with what class-transformer treats specially on the target: a method, a getter alone, a getter with a setter. */
class Awkward {
  @IsString() name!: string;
  @IsOptional() @IsString() note?: string;
  greet(): string {
    return 'hello';
  }
  get fixed(): string {
    return 'fixed';
  }
  get both(): string {
    return this.name;
  }
  set both(value: string) {
    this.name = value;
  }
}
class MoreAwkward extends Awkward {
  @IsString() extra!: string;
}

/** Everything about a value that the pipe and class-validator can see: prototype, own keys in order, values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return { array: value.map(shape), holes: value.length - Object.keys(value).length };
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
    return { proto: proto?.constructor?.name ?? 'null', own: Reflect.ownKeys(value).map((key) => [String(key), shape((value as Record<string | symbol, unknown>)[key])]) };
  }
  return { [typeof value]: value };
}

const outcome = (build: () => unknown) => {
  try {
    return { value: shape(build()) };
  } catch (error) {
    return { threw: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
};

const NASTY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then', 'length', '0'];
const KNOWN_KEYS = ['instrument', 'answers', 'at', 'reason', 'name', 'note', 'greet', 'fixed', 'both', 'extra'];
const key = fc.oneof(fc.constantFrom(...NASTY_KEYS, ...KNOWN_KEYS), fc.string({ maxLength: 6 }));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;
// A fresh copy for each side (structuredClone would build it in another realm, whose objects are not plain here).
const reparse = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
// As the body parser hands it over: JSON text parsed (JSON.parse makes `__proto__` an own key, as a body could).
const body = fc.dictionary(key, json, { maxKeys: 8 }).map((object) => JSON.parse(JSON.stringify(object)) as unknown);

describe('a DTO instance built without class-transformer', () => {
  const classes = [AssessLonelinessDto, CloseCaseDto, Awkward, MoreAwkward];

  it.each(classes.map((cls) => [cls.name, cls] as const))('is what plainToInstance builds for %s, on any JSON body', (_name, cls) => {
    fc.assert(
      fc.property(body, (value) => {
        const fromLibrary = outcome(() => plainToInstance(cls as new () => object, reparse(value)));
        const fromKept = outcome(() => toDtoInstance(cls as new () => object, reparse(value)));
        expect(fromKept).toEqual(fromLibrary);
      }),
      { numRuns: 400 },
    );
  });

  it('is what plainToInstance builds for JSON that is not an object (arrays, primitives, null)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(outcome(() => toDtoInstance(AssessLonelinessDto, reparse(value)))).toEqual(outcome(() => plainToInstance(AssessLonelinessDto, reparse(value))));
      }),
      { numRuns: 300 },
    );
  });

  it('copies a body\'s fields into the class, leaving out the names of its methods and of Object\'s', () => {
    const built = toDtoInstance(MoreAwkward, { extra: 'e', toString: 1, greet: 2 });
    expect(Object.keys(built)).toEqual(['name', 'note', 'extra']);
    expect(built.extra).toBe('e');
  });

  it('skips a method and a getter without setter of the class, and copies into a getter with a setter', () => {
    const built = toDtoInstance(Awkward, { name: 'a', greet: 'x', fixed: 'y', both: 'b' });
    expect(built).toBeInstanceOf(Awkward);
    expect(built.greet()).toBe('hello');
    expect(built.fixed).toBe('fixed');
    expect(built.name).toBe('b');
  });

  it('leaves a class with class-transformer decorators (the referral: @Type on nested parts) to class-transformer', () => {
    const built = toDtoInstance(ReceiveReferralDto, { referrer: { name: 'x' }, citizen: { name: 'y' } });
    expect(shape(built)).toEqual(shape(plainToInstance(ReceiveReferralDto, { referrer: { name: 'x' }, citizen: { name: 'y' } })));
    expect(Object.getPrototypeOf(built.referrer)).not.toBe(Object.prototype);
  });
});

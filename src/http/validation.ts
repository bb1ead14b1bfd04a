import { ValidationPipe } from '@nestjs/common';
import { classToPlain } from 'class-transformer';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { FieldError } from '../../domain/shared/errors';
import { toDtoInstance } from './dto-instance';
import { RequestValidationError } from './errors';
import { TEXT_USER_MESSAGES } from './human-text';
import { rememberValidationMetadata } from './validation-metadata';

/**
 * Nest's pipe closes the gaps of sparse arrays before validating (a copy made
 * by class-transformer would skip them): a walk that lists every array's keys
 * and every object's, on every request. A JSON body or a query string has no
 * sparse array, so a cheaper look says so first; anything it cannot vouch for
 * (a gap, a long array, deep nesting, a value that is not plain data) takes Nest's walk.
 */
class GapAwareValidationPipe extends ValidationPipe {
  protected override closeArrayGaps(value: unknown): void {
    if (!isGapless(value, 0)) super.closeArrayGaps(value);
  }
}

const LOOK_DEPTH = 40;
const LOOK_ITEMS = 10_000;

function isGapless(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > LOOK_DEPTH) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || value.length > LOOK_ITEMS) return false;
    for (let i = 0; i < value.length; i++) if (!Object.prototype.hasOwnProperty.call(value, i) || !isGapless(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key of Object.keys(value)) if (!isGapless((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * The one global ValidationPipe: DTOs are the input's shape; unknown fields are
 * refused (not silently dropped) so a typo in a field name is never lost data.
 */
export function createValidationPipe(): ValidationPipe {
  // What Nest's pipe looked up on every request is kept: the classes' rules
  // (validation-metadata.ts) and class-transformer's work on a class without
  // its decorators (dto-instance.ts); its walk for sparse arrays is taken only
  // where there may be one. Same steps, same answers.
  rememberValidationMetadata();
  return new GapAwareValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors), undefined, userMessageOf(errors)),
    transformerPackage: { plainToInstance: toDtoInstance as never, classToPlain },
  });
}

/** class-validator nests errors for nested objects; problems list them by dotted path. */
export function flatten(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: tidy(message, error.property, field) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The Danish words of the text rules that were broken (human-text.ts), if any. */
function userMessageOf(errors: ClassValidatorError[]): string | undefined {
  const broken = new Set<string>();
  const visit = (list: ClassValidatorError[]): void =>
    list.forEach((error) => {
      Object.keys(error.constraints ?? {}).forEach((name) => broken.add(name));
      visit(error.children ?? []);
    });
  visit(errors);
  const words = Object.entries(TEXT_USER_MESSAGES).filter(([rule]) => broken.has(rule)).map(([, message]) => message);
  return words.length > 0 ? words.join(' ') : undefined;
}

/** class-validator's messages start with the bare property name; use the whole path instead. */
function tidy(message: string, property: string, field: string): string {
  if (message.startsWith(`property ${property} should not exist`)) return `${field} is not a known field`;
  return message.startsWith(property) ? field + message.slice(property.length) : message;
}

import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { validate, ValidationError as ClassValidatorError, ValidatorOptions } from 'class-validator';
import type { FieldError } from '../../domain/shared/errors';
import { RequestValidationError } from './errors';
import { TEXT_USER_MESSAGES } from './human-text';
import { copiesPlainly, isPlainJson } from './plain-dto';
import { emptyQueryIsNew, isEmptyQuery } from './empty-query';

/** Unknown fields are refused (not silently dropped), so a typo in a field name is never lost data. */
export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

const refusal = (errors: ClassValidatorError[]) => new RequestValidationError(flatten(errors), undefined, userMessageOf(errors));

/**
 * The one global pipe: DTOs are the input's shape. Nest's ValidationPipe as
 * documented, except that a JSON body whose DTO needs no class-transformer
 * (./plain-dto.ts) is copied onto a new DTO and validated with class-validator's
 * `validate` directly: the same DTO and the same errors, at about half the
 * pipe's cost per command (docs/performance.md, "The command edge"); and an
 * empty query whose DTO is valid as `new Dto()` (./empty-query.ts) is that.
 */
@Injectable()
export class DtoValidationPipe implements PipeTransform {
  private readonly nest = new ValidationPipe({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory: refusal });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype as (new () => object) | undefined;
    if (metadata.type === 'query' && metadata.data === undefined && isDtoClass(type) && isEmptyQuery(value) && (await emptyQueryIsNew(type, VALIDATOR_OPTIONS))) return new type();
    if (metadata.type !== 'body' || !isDtoClass(type) || !isPlainBody(value) || !copiesPlainly(type)) return this.nest.transform(value, metadata);
    const dto = Object.assign(new type(), value);
    const errors = await validate(dto, VALIDATOR_OPTIONS);
    if (errors.length > 0) throw refusal(errors);
    return dto;
  }
}

export function createValidationPipe(): DtoValidationPipe {
  return new DtoValidationPipe();
}

/** What Nest's pipe validates: a class, not one of the built-in types it passes by. */
const PASSED_BY: unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];
const isDtoClass = (type: unknown): type is new () => object => typeof type === 'function' && !PASSED_BY.includes(type);

const isPlainBody = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value) && isPlainJson(value);

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

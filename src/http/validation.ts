import { ValidationPipe } from '@nestjs/common';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { FieldError } from '../../domain/shared/errors';
import { RequestValidationError } from './errors';
import { TEXT_USER_MESSAGES } from './human-text';

/**
 * The one global ValidationPipe: DTOs are the input's shape; unknown fields are
 * refused (not silently dropped) so a typo in a field name is never lost data.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors), undefined, userMessageOf(errors)),
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

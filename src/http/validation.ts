import { ValidationPipe } from '@nestjs/common';
import { classToPlain } from 'class-transformer';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { FieldError } from '../../domain/shared/errors';
import { toDtoInstance } from './dto-instance';
import { RequestValidationError } from './errors';
import { rememberValidationMetadata } from './validation-metadata';

/**
 * The one global ValidationPipe: DTOs are the input's shape; unknown fields are
 * refused (not silently dropped) so a typo in a field name is never lost data.
 */
export function createValidationPipe(): ValidationPipe {
  // What Nest's pipe looked up on every request is kept: the classes' rules
  // (validation-metadata.ts) and class-transformer's work on a class without
  // its decorators (dto-instance.ts). Same steps, same answers.
  rememberValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
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

/** class-validator's messages start with the bare property name; use the whole path instead. */
function tidy(message: string, property: string, field: string): string {
  if (message.startsWith(`property ${property} should not exist`)) return `${field} is not a known field`;
  return message.startsWith(property) ? field + message.slice(property.length) : message;
}

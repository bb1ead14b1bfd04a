import type { FieldError } from '../../domain/shared/errors';

/** The request's shape is wrong (DTO validation, a bad header or query). 400. */
export class RequestValidationError extends Error {
  constructor(
    readonly errors: FieldError[],
    message = 'The request is not valid',
  ) {
    super(message);
    this.name = 'RequestValidationError';
  }
}

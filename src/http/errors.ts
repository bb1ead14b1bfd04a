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

/** An `Idempotency-Key` was used before with another request. 422. */
export class IdempotencyMismatchError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used with another request`);
    this.name = 'IdempotencyMismatchError';
  }
}

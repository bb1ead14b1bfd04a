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

/** The projection cannot answer: behind the position asked for, or stopped by a reducer error. 503. */
export class ProjectionUnavailableError extends Error {
  constructor(
    readonly projection: string,
    readonly position: number,
    readonly wanted: number,
    readonly failed: boolean,
  ) {
    super(
      failed
        ? `the ${projection} read model stopped at position ${position} after an error; it must be rebuilt`
        : `the ${projection} read model is at position ${position}, not yet at ${wanted}; try again shortly`,
    );
    this.name = 'ProjectionUnavailableError';
  }
}

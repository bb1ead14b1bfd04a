import type { FieldError } from '../../domain/shared/errors';

/** The request's shape is wrong (DTO validation, a bad header or query). 400. */
export class RequestValidationError extends Error {
  constructor(
    readonly errors: FieldError[],
    message = 'The request is not valid',
    /** The rule in Danish, for the people using the service, where one fits (a refused text). */
    readonly userMessage?: string,
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

/** No token, or one that is not valid. 401, with `WWW-Authenticate: Bearer`. */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}

/** A valid token whose role (or visitor) may not do this. 403. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/** The server's bounded queue for this kind of request is full: 503 with `Retry-After`, at once rather than after a wait. */
export class BusyError extends Error {
  override name = 'BusyError';

  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

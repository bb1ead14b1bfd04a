/**
 * Typed domain errors. The HTTP layer maps each to one status code
 * (see src/http/problem.ts), so the domain never speaks HTTP.
 */

/** A field-level complaint, as shown in a problem's `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  /** Stable machine-readable code, e.g. `case_not_waiting`. */
  abstract readonly code: string;
}

/** The input is well-formed JSON but breaks a format rule (a CPR with no real date, a phone that is not Danish). 400. */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** A business rule refuses the command in the state the aggregate is in. 409. */
export class IllegalStateError extends DomainError {
  constructor(
    readonly code: string,
    message: string,
    /** What the refusal names (ids, a staff name), added to the problem as its own fields; never a citizen's data. */
    readonly details?: Readonly<Record<string, string | number | readonly string[]>>,
  ) {
    super(message);
    this.name = 'IllegalStateError';
  }
}

/** Something the command names does not exist (a case, a visitor, a citizen, a task). 404. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} was not found`);
    this.name = 'NotFoundError';
  }
}

/** The stream is not at the revision the writer expected (a stale `If-Match`, or a concurrent writer). 412. */
export class ConcurrencyError extends DomainError {
  readonly code = 'revision_mismatch';
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no_stream' | 'any',
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${expected}`);
    this.name = 'ConcurrencyError';
  }
}

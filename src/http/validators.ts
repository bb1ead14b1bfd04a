import { PipeTransform, Injectable } from '@nestjs/common';
import { registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';
import { isUuid } from '../../domain/shared/ids';
import { RequestValidationError } from './errors';

/**
 * A field that may be left out. Unlike class-validator's `IsOptional`, a
 * `null` is not "left out": it is checked like any other value and refused
 * with the field's own message. (`IsOptional` let `"phone": null` through to a
 * decider that reads an absent field as `undefined`: a 500, found by the fuzzer.)
 */
export const Optional = (options?: ValidationOptions): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined, options);

/** Limits on free text, so one field cannot fill the store. */
export const TEXT = { name: 200, short: 500, reason: 2000, note: 10_000, themes: 50 } as const;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with an offset or Z, naming a real instant (no 30 February). */
export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && INSTANT.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:15:00+01:00`, ...options },
      validator: { validate: isInstant },
    });
}

/** Route ids are UUIDs; anything else is malformed input (400), not an unknown case (404). */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw new RequestValidationError([{ field: this.field, message: `${this.field} must be a UUID` }]);
    return value.toLowerCase();
  }
}

export const CaseIdParam = new UuidParam('caseId');
export const VisitorIdParam = new UuidParam('visitorId');
export const TaskIdParam = new UuidParam('taskId');

import { ValidationError } from '../shared/errors';
import type { FieldError } from '../shared/errors';
import { CLOCK } from './matching.codes';
import type { TimeSpan } from './matching.codes';
import type { CitizenWishes, VisitorProfile } from './matching.profile';

/** A Danish postcode: four digits, 1000 to 9999. */
export const POSTCODE = /^[1-9]\d{3}$/;

/** Each span's times are HH:MM and `from` lies before `to` (a span over midnight is two spans). */
export function spanErrors(field: string, spans: readonly TimeSpan[]): FieldError[] {
  const errors: FieldError[] = [];
  spans.forEach((span, i) => {
    if (!CLOCK.test(span.from)) errors.push({ field: `${field}.${i}.from`, message: 'from must be HH:MM' });
    if (!CLOCK.test(span.to)) errors.push({ field: `${field}.${i}.to`, message: 'to must be HH:MM' });
    else if (CLOCK.test(span.from) && span.from >= span.to) errors.push({ field: `${field}.${i}.to`, message: 'to must lie after from' });
  });
  return errors;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The profile as it is kept, or a ValidationError naming every field at fault. */
export function profileChecks(profile: VisitorProfile, now: string): VisitorProfile {
  const errors = spanErrors('availability', profile.availability);
  if (profile.programmes.length === 0) errors.push({ field: 'programmes', message: 'a visitor serves at least one programme' });
  profile.postcodes.forEach((postcode, i) => {
    if (!POSTCODE.test(postcode)) errors.push({ field: `postcodes.${i}`, message: 'postcode must be a Danish postcode: four digits' });
  });
  const year = Number(now.slice(0, 4));
  if (profile.birthYear !== undefined && (!Number.isInteger(profile.birthYear) || profile.birthYear < year - 110 || profile.birthYear > year - 15)) {
    errors.push({ field: 'birthYear', message: `birthYear must be a year from ${year - 110} to ${year - 15}` });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    programmes: unique(profile.programmes),
    interests: unique(profile.interests),
    ...(profile.otherInterests !== undefined && { otherInterests: profile.otherInterests }),
    languages: unique(profile.languages),
    postcodes: unique(profile.postcodes),
    availability: profile.availability.map(({ weekday, from, to }) => ({ weekday, from, to })),
    ...(profile.gender !== undefined && { gender: profile.gender }),
    ...(profile.birthYear !== undefined && { birthYear: profile.birthYear }),
    ...(profile.note !== undefined && { note: profile.note }),
  };
}

/** The wishes as they are kept, or a ValidationError naming every field at fault. */
export function wishesChecks(wishes: CitizenWishes, prefix = ''): CitizenWishes {
  const errors = spanErrors(`${prefix}availability`, wishes.availability);
  if (errors.length > 0) throw new ValidationError(errors);
  return {
    interests: unique(wishes.interests),
    ...(wishes.otherInterests !== undefined && { otherInterests: wishes.otherInterests }),
    languages: unique(wishes.languages),
    ...(wishes.preferredGender !== undefined && { preferredGender: wishes.preferredGender }),
    availability: wishes.availability.map(({ weekday, from, to }) => ({ weekday, from, to })),
    mobility: wishes.mobility,
    ...(wishes.note !== undefined && { note: wishes.note }),
  };
}

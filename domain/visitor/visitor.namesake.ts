import { normalisePhone } from '../shared/danish';

/** A visitor as the registry knows them, for telling whether two registrations are the same person. */
export interface VisitorIdentity {
  visitorId: string;
  name: string;
  phone?: string | undefined;
  active: boolean;
}

/** Names compared as people type them: case, spacing and Unicode forms aside ("birthe  madsen" is "Birthe Madsen"). */
export const sameName = (a: string, b: string): boolean => comparable(a) === comparable(b);

const comparable = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/** Phones compared as numbers (`40 50 60 70` is `+4540506070`); no phone matches only no phone. */
const samePhone = (a: string | undefined, b: string | undefined): boolean => (a === undefined ? undefined : (normalisePhone(a) ?? a)) === (b === undefined ? undefined : (normalisePhone(b) ?? b));

/**
 * The other active visitor with this name and phone, if any: registering them
 * again would make two entries for one person (two caseloads, capacity counted twice).
 */
export function findNamesake(visitors: Iterable<VisitorIdentity>, wanted: { visitorId: string; name: string; phone?: string | undefined }): VisitorIdentity | undefined {
  for (const visitor of visitors) {
    if (visitor.visitorId !== wanted.visitorId && visitor.active && sameName(visitor.name, wanted.name) && samePhone(visitor.phone, wanted.phone)) return visitor;
  }
  return undefined;
}

/**
 * What the admin reads before an erasure and in the access log, in Danish, from
 * the API's answers (the art. 15 export, the access log's route codes).
 */

/** What each logged read route showed, in words an admin can tell the citizen. */
const READS: Record<string, string> = {
  'GET /cases': 'Sagslisten (navn og status)',
  'GET /cases/:caseId': 'Sagen',
  'GET /cases/:caseId/events': 'Sagens hændelser',
  'GET /cases/:caseId/history': 'Sagens tidslinje',
  'GET /cases/:caseId/replay': 'Sagen, som den stod på et tidspunkt',
  'GET /waiting-list': 'Ventemappen',
  'GET /visits/overdue': 'Besøg over tid',
  'GET /visitors/:visitorId/caseload': 'Besøgskortene (borgerne hos en frivillig eller ansat)',
  'GET /citizens/:citizenId/export': 'Indsigt: alt om borgeren (art. 15)',
  'GET /citizens': 'Søgning efter borgeren',
};

export const readWhat = (route: string): string => READS[route] ?? 'Andet opslag';

/**
 * The year of birth a CPR number gives, by its 7th digit (CPR-kontoret's
 * century rule); undefined for anything that is not a CPR number.
 */
export function birthYear(cpr: string | undefined): number | undefined {
  const match = /^(\d{2})(\d{2})(\d{2})-?(\d)\d{3}$/.exec(cpr?.trim() ?? '');
  if (!match) return undefined;
  const yy = Number(match[3]);
  const digit = Number(match[4]);
  if (digit <= 3) return 1900 + yy;
  if (digit === 4 || digit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

interface ExportedEvent {
  type: string;
  data: Record<string, unknown>;
}

/** GET /citizens/:citizenId/export, as far as the erasure's confirmation reads it. */
export interface CitizenExport {
  citizenId: string;
  cases: Array<{ caseId: string; events: ExportedEvent[] }>;
}

export interface WhoIsErased {
  name: string;
  birthYear?: number;
  openCases: number;
}

/** Whose data an erasure destroys: the name and CPR of the latest referral, and the cases still open. */
export function whoIsErased(exported: CitizenExport): WhoIsErased {
  let citizen: { name?: string; cpr?: string } = {};
  let openCases = 0;
  for (const { events } of exported.cases) {
    for (const event of events) if (event.type === 'ReferralReceived' && typeof event.data.citizen === 'object' && event.data.citizen) citizen = { ...citizen, ...(event.data.citizen as object) };
    if (!events.some((e) => e.type === 'CaseClosed' || e.type === 'ReferralDeclined')) openCases++;
  }
  const year = birthYear(citizen.cpr);
  return { name: citizen.name ?? '–', ...(year !== undefined && { birthYear: year }), openCases };
}

/** The name typed to confirm an erasure: the same letters, whatever the case and the spaces. */
export const sameName = (typed: string, name: string): boolean => {
  const plain = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
  return plain(typed) !== '' && plain(typed) === plain(name);
};

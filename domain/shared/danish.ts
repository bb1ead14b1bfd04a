/**
 * Danish formats (docs/event-catalogue.md, "Formats"). Pure functions:
 * each answers `undefined` for a value it cannot read, and the decider turns
 * that into a field error.
 */

const PHONE = /^(?:\+45)?(\d{8})$/;

/** `+45` and 8 digits; 8 digits alone (spaces allowed, as people write them) get `+45`. */
export function normalisePhone(raw: string): string | undefined {
  const digits = PHONE.exec(raw.replace(/\s+/g, ''));
  return digits ? `+45${digits[1]}` : undefined;
}

export interface CprDate {
  /** YYYY-MM-DD */
  birthDate: string;
  birthYear: number;
}

const CPR = /^(\d{2})(\d{2})(\d{2})-(\d)\d{3}$/;

/**
 * Reads the date in a CPR number `DDMMYY-SSSS`, with the century taken from the
 * 7th digit as the CPR office does. There is deliberately no modulus-11 check:
 * numbers without it have been issued since 2007.
 */
export function parseCpr(cpr: string): CprDate | undefined {
  const match = CPR.exec(cpr);
  if (!match) return undefined;
  const [, dd, mm, yy, seventh] = match as unknown as [string, string, string, string, string];
  const year = centuryOf(Number(seventh), Number(yy)) + Number(yy);
  const day = Number(dd);
  const month = Number(mm);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { birthDate: `${year}-${mm}-${dd}`, birthYear: year };
}

/** The CPR office's table: the 7th digit and the two-digit year give the century. */
function centuryOf(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800; // 5–8
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const POSTCODE = /(?:^|[\s,])(\d{4})\s+\p{L}/gu;

/**
 * The postcode of a Danish address ("Algade 12, 2. th, 4180 Sorø" → "4180"):
 * the last four-digit group followed by a town name. Kept in clear for
 * statistics, so erasing the address leaves the figures unchanged.
 */
export function postcodeFromAddress(address: string): string | undefined {
  let found: string | undefined;
  for (const match of address.matchAll(POSTCODE)) {
    const code = match[1]!;
    if (Number(code) >= 800) found = code;
  }
  return found;
}

/** UCLA-3 (the three-item loneliness scale): each answer 1–3, total 3–9. */
export const UCLA3 = { items: 3, min: 1, max: 3, severeFrom: 7, version: 'ucla3-v1' } as const;

/** The score, or undefined unless there are exactly three whole answers from 1 to 3. */
export function ucla3Score(answers: readonly unknown[]): number | undefined {
  if (answers.length !== UCLA3.items) return undefined;
  let score = 0;
  for (const answer of answers) {
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < UCLA3.min || answer > UCLA3.max) return undefined;
    score += answer;
  }
  return score;
}

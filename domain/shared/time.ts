import { DateTime } from 'luxon';
import { FieldError, ValidationError } from './errors';

/**
 * The time rules (docs/api.md, "Time rules"). Things that happened may be back-dated but may
 * not lie more than 24 hours ahead (clocks and time zones differ; a visit
 * recorded late in the evening is still "today"); things agreed may lie
 * anywhere. Every instant is stored as UTC ISO 8601, so stored instants compare
 * as strings.
 */

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * The last instants read, and their answers: a command reads the same few
 * values more than once (a field, then the rule comparing it with another, or
 * the state's next visit). `toUtc` is a pure function of its text, so a
 * remembered answer is the answer; the memory is emptied when it grows.
 */
const recent = new Map<string, string | undefined>();
const RECENT_MAX = 256;
/** Longer than any instant with nine fractional digits and an offset: such text is read, never remembered. */
const RECENT_LONGEST = 40;

/** The instant as UTC ISO 8601, or undefined unless it is a real date-time with an offset. */
export function toUtc(value: string): string | undefined {
  if (typeof value !== 'string' || value.length > RECENT_LONGEST) return readUtc(value);
  const known = recent.get(value);
  if (known !== undefined || recent.has(value)) return known;
  const utc = readUtc(value);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(value, utc);
  return utc;
}

function readUtc(value: string): string | undefined {
  if (typeof value === 'string' && value.length === 24 && isStoredUtc(value)) return value;
  if (!WITH_OFFSET.test(value)) return undefined;
  const plain = plainUtc(value);
  if (plain !== null) return plain;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toUTC().toISO()! : undefined;
}

const STORED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An instant already as stored (what `toISOString` writes, years 1001–9998,
 * a real date and time): it reads as itself. Most instants a command reads
 * are such (now, and times the service wrote); anything else takes the long way.
 */
function isStoredUtc(value: string): boolean {
  if (!STORED.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 1001 || year > 9998) return false;
  const ms = Date.parse(value);
  // Unchanged by the round trip: no 30 February, no hour 24, no second 60.
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}

/**
 * The everyday instant (a real calendar date in years 1001–9998, hours 0–23,
 * an offset within ±14:00) read without luxon, which costs tens of
 * microseconds per call on every command; the same answer as luxon's, as
 * test/unit/domain/time.spec.ts checks. Anything unusual answers null: luxon decides.
 */
function plainUtc(value: string): string | null {
  const m = PARTS.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (year < 1001 || year > 9998 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return null;
  // The date is real when the calendar gives it back unchanged (no 30 February).
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  // Milliseconds as luxon reads a fraction: its first three digits, the rest cut off.
  const millis = m[7] === undefined ? 0 : Math.floor(parseFloat(`0.${m[7]}`) * 1000);
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000).toISOString();
}

/** Collects field errors for one command (time rules and formats), so the client hears of every bad field at once. */
export class FieldChecks {
  private readonly errors: FieldError[] = [];
  private readonly nowMs: number;

  constructor(now: string) {
    this.nowMs = Date.parse(now);
  }

  /** Something that happened: at most 24 hours ahead of now. */
  happened(field: string, value: string): string {
    const utc = this.read(field, value);
    if (utc && Date.parse(utc) > this.nowMs + FUTURE_TOLERANCE_MS) {
      this.errors.push({ field, message: `${field} lies more than 24 hours in the future` });
    }
    return utc ?? value;
  }

  /** Something agreed (a visit time): past or future. */
  agreed(field: string, value: string): string {
    return this.read(field, value) ?? value;
  }

  /** `later` must come strictly after `earlier` (both already read). */
  after(field: string, later: string, earlierField: string, earlier: string): void {
    if (toUtc(later) && toUtc(earlier) && Date.parse(later) <= Date.parse(earlier)) {
      this.errors.push({ field, message: `${field} must come after ${earlierField}` });
    }
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** Throws one ValidationError naming every field at fault. */
  check(): void {
    if (this.errors.length > 0) throw new ValidationError(this.errors);
  }

  private read(field: string, value: string): string | undefined {
    const utc = toUtc(value);
    if (!utc) this.errors.push({ field, message: `${field} must be an ISO 8601 date-time with an offset` });
    return utc;
  }
}

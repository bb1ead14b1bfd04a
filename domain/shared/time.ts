import { DateTime } from 'luxon';
import { FieldError, ValidationError } from './errors';

/**
 * The time rules of DESIGN.md. Things that happened may be back-dated but may
 * not lie more than 24 hours ahead (clocks and time zones differ; a visit
 * recorded late in the evening is still "today"); things agreed may lie
 * anywhere. Every instant is stored as UTC ISO 8601, so stored instants compare
 * as strings.
 */

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The instant as UTC ISO 8601, or undefined unless it is a real date-time with an offset. */
export function toUtc(value: string): string | undefined {
  if (!WITH_OFFSET.test(value)) return undefined;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toUTC().toISO()! : undefined;
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

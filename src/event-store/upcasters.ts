import type { StoredEvent } from './event-store.port';
import { readForm } from '../privacy/crypto/sealed-form';
import { DECLINE_REASON_OF_CLOSURE, DECLINE_REASONS } from '../../domain/shared/course-codes';
import type { ClosureReason } from '../../domain/shared/codes';

/**
 * Stored events are never rewritten: an event whose shape changed is read
 * through upcasters, one per version step, so deciders and projections only
 * ever see the newest shape (docs/event-catalogue.md, "Changing an event safely").
 */
type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** `UPCASTERS[type][v]` turns version `v` of an event type's data into version `v + 1`. */
const UPCASTERS: Readonly<Record<string, Readonly<Record<number, Upcaster>>>> = {
  // v2 added `severe`: Danish practice reads a UCLA-3 score of 7 or more as severe loneliness.
  LonelinessAssessed: { 1: (data) => ({ ...data, severe: typeof data.score === 'number' && data.score >= 7 }) },
  // v2 (issue #19) declines with a decline reason; the closure reason a v1 event carried stays as `formerReason`.
  ReferralDeclined: {
    1: (data) => {
      const former = data.reason as ClosureReason;
      // Lenient: a reason that is already a decline reason (an event appended without its version) stays as it is.
      if ((DECLINE_REASONS as readonly string[]).includes(former) && !(former in DECLINE_REASON_OF_CLOSURE)) return data;
      return { ...data, reason: DECLINE_REASON_OF_CLOSURE[former] ?? 'other', formerReason: former };
    },
  },
};

/**
 * The event in its newest shape, its sealed personal part as the application
 * holds it (src/privacy/crypto/sealed-form.ts: v2 placeholders become
 * references; v1 per-field values stay as written, each opened on its own).
 * Events already current are returned as they are.
 */
export function upcast(event: StoredEvent): StoredEvent {
  const opened = readForm(event.type, event.data);
  if (opened !== event.data) event = { ...event, data: opened };
  const steps = UPCASTERS[event.type];
  if (!steps) return event;
  let { data, schemaVersion } = event;
  for (let step = steps[schemaVersion]; step; step = steps[schemaVersion]) {
    data = step(data as Record<string, unknown>);
    schemaVersion += 1;
  }
  return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
}

/** Whether events of this type may need upcasting (some version of it has an upcaster). */
export const upcastable = (type: string): boolean => UPCASTERS[type] !== undefined;

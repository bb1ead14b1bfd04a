import type { VisitorKind } from '../../domain/shared/codes';
import type { VisitorProfile } from '../../domain/matching/matching.profile';
import { VOLUNTEER_EVENT_TYPES, VolunteerEvent } from '../../domain/visitor/volunteer.events';
import { applyStanding, VolunteerStanding } from '../../domain/visitor/volunteer.standing';
import { copenhagenMonthOf } from '../shared/copenhagen-day';

/** The Directory's visitors (projections/directory/directory.ts): registration, the volunteer's lifecycle, capacity, visits by month. `touch` marks an entry changed. */

export interface VisitorEntry {
  visitorId: string;
  name: string;
  kind: VisitorKind;
  capacity: number;
  phone?: string;
  active: boolean;
  activeCaseIds: Set<string>;
  /** What the coordinator matches on (issue #18); absent until the first VisitorProfileUpdated. */
  profile?: VisitorProfile;
  /** The volunteer's lifecycle (issue 20), without notes; absent for a visitor registered directly until a vetting, course or supervision. */
  standing?: VolunteerStanding;
  /** Visits recorded and their minutes, by Copenhagen month `YYYY-MM` (issue 20: the volunteer's own view of hours). */
  visitsByMonth?: Record<string, { visits: number; minutes: number }>;
}

type Data = Record<string, unknown>;

export function countVisit(visitors: Map<string, VisitorEntry>, touch: (visitorId: string) => void, data: Data): void {
  const visitor = visitors.get(data.visitorId as string);
  if (!visitor || typeof data.visitedAt !== 'string') return;
  const month = copenhagenMonthOf(data.visitedAt);
  const counted = visitor.visitsByMonth?.[month] ?? { visits: 0, minutes: 0 };
  // A new object each time: a stored copy of the entry (directory-snapshot.ts) must not change after it was taken.
  visitor.visitsByMonth = { ...visitor.visitsByMonth, [month]: { visits: counted.visits + 1, minutes: counted.minutes + (typeof data.durationMinutes === 'number' ? data.durationMinutes : 0) } };
  touch(visitor.visitorId);
}

export function applyVisitor(visitors: Map<string, VisitorEntry>, touch: (visitorId: string) => void, type: string, data: Data, visitorId: string): void {
  touch(visitorId);
  if (type === 'VisitorRegistered') {
    visitors.set(visitorId, {
      visitorId,
      name: data.name as string,
      kind: data.kind as VisitorKind,
      capacity: data.capacity as number,
      phone: data.phone as string | undefined,
      active: true,
      activeCaseIds: new Set(),
    });
    return;
  }
  if (VOLUNTEER_EVENT_TYPES.has(type)) return applyVolunteer(visitors, { type, data } as VolunteerEvent, visitorId);
  const visitor = visitors.get(visitorId);
  if (!visitor) return;
  if (type === 'VisitorCapacityChanged') visitor.capacity = data.capacity as number;
  if (type === 'VisitorDeactivated') visitor.active = false;
  if (type === 'VisitorReactivated') visitor.active = true;
  if (type === 'VisitorDetailsChanged') {
    if (typeof data.name === 'string') visitor.name = data.name;
    if (typeof data.phone === 'string') visitor.phone = data.phone;
  }
  if (type === 'VisitorProfileUpdated') visitor.profile = data as unknown as VisitorProfile;
}

/** The lifecycle: an application makes an entry that takes no case until approved; pause and leaving take it off the list of who is free. */
function applyVolunteer(visitors: Map<string, VisitorEntry>, event: VolunteerEvent, visitorId: string): void {
  if (event.type === 'VisitorApplied') {
    if (visitors.has(visitorId)) return;
    const { name, phone } = event.data;
    visitors.set(visitorId, { visitorId, name, kind: 'volunteer', capacity: 0, phone, active: false, activeCaseIds: new Set(), standing: applyStanding(undefined, event)! });
    return;
  }
  const visitor = visitors.get(visitorId);
  if (!visitor) return;
  const standing = applyStanding(visitor.standing, event);
  if (standing) visitor.standing = standing;
  if (event.type === 'VisitorApproved') {
    visitor.capacity = event.data.capacity;
    visitor.active = true;
  }
  if (event.type === 'VisitorPaused' || event.type === 'VisitorLeft' || event.type === 'VisitorDeclined') visitor.active = false;
  if (event.type === 'VisitorResumed') visitor.active = true;
}

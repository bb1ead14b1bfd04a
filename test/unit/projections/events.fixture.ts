import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../domain/case/case.events';
import { occurredAtOf } from '../../../domain/case/case.events';
import type { VisitorEvent } from '../../../domain/visitor/visitor.events';
import type { PartnerEvent } from '../../../domain/partner/partner.events';
import type { IntakeEvent } from '../../../domain/intake/intake.events';
import type { ScreeningEvent } from '../../../domain/screening/screening.events';
import { MapView, ProjectedEvent, Projection, wants } from '../../../projections/shared/projection';
import { DashboardSummary, MonthDoc, MonthTotals, SUMMARY_KEY } from '../../../projections/dashboard/aggregate-docs';
import { dashboard, DashboardQuery, MonthFigures } from '../../../projections/dashboard/dashboard';

/** A log under construction: events of several streams in global order, as the store would give them. */
export class Log {
  readonly events: ProjectedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  /** Appends case events; `recordedAt` defaults to the business time (recorded as it happened). */
  case(caseId: string, events: CaseEvent[], recordedAt?: string): this {
    for (const event of events) {
      const occurredAt = occurredAtOf(event, recordedAt ?? '2026-03-02T08:00:00.000Z');
      this.push(`case-${caseId}`, event.type, event.data, occurredAt, recordedAt ?? occurredAt);
    }
    return this;
  }

  visitor(visitorId: string, events: VisitorEvent[]): this {
    for (const event of events) this.push(`visitor-${visitorId}`, event.type, event.data, '2026-01-01T08:00:00.000Z', '2026-01-01T08:00:00.000Z');
    return this;
  }

  /** Partner events (issue 21), recorded at `at`. */
  partner(partnerId: string, events: PartnerEvent[], at = '2026-01-01T08:00:00.000Z'): this {
    for (const event of events) this.push(`partner-${partnerId}`, event.type, event.data, at, at);
    return this;
  }

  /** Referral card events (issue 21), recorded at `at`. */
  intake(cardId: string, events: IntakeEvent[], at = '2026-01-01T08:00:00.000Z'): this {
    for (const event of events) this.push(`intake-${cardId}`, event.type, event.data, at, at);
    return this;
  }

  /** Screening events (issue 22), recorded at their business time. */
  screening(screeningId: string, events: ScreeningEvent[]): this {
    for (const event of events) this.push(`screening-${screeningId}`, event.type, event.data, event.data.at, event.data.at);
    return this;
  }

  /** Folds the log through a projection into a fresh view, holding it to the keys it declares it reads. */
  project<D>(projection: Projection<D>): MapView<D> {
    const view = new MapView<D>();
    // As the projector does: a projection sees only the event types it declares (if it declares any).
    for (const event of this.events.filter((e) => wants(projection as Projection<unknown>, e))) {
      const named = projection.keysRead(event);
      // And the keys the named documents lead to, as the projector fetches them in a second round.
      const through = named.flatMap((key) => {
        const doc = view.get(key);
        return doc !== undefined && projection.keysReadThrough ? projection.keysReadThrough(doc, event) : [];
      });
      const declared = new Set([...named, ...through]);
      const guarded = {
        get: (key: string) => {
          if (!declared.has(key)) throw new Error(`${projection.name} read ${key} without declaring it for ${event.type}`);
          return view.get(key);
        },
        put: (key: string, doc: D) => view.put(key, doc),
        delete: (key: string) => view.delete(key),
      };
      projection.apply(event, guarded);
    }
    return view;
  }

  private push(streamId: string, type: string, data: unknown, occurredAt: string, recordedAt: string): void {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    this.events.push({ streamId, type, data, revision, position: this.events.length + 1, recordedAt, metadata: { occurredAt, actor: { id: 'coordinator-1', role: 'coordinator' } } });
  }
}

export const referral = (overrides: Record<string, unknown> = {}): CaseEvent =>
  ({
    type: 'ReferralReceived',
    data: {
      caseId: randomUUID(),
      citizenId: randomUUID(),
      programme: 'care_visits',
      referredAt: '2026-03-02T08:15:00.000Z',
      referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd' },
      citizen: { name: 'Karen Nielsen', address: 'Algade 12, 4180 Sorø' },
      situation: {},
      needs: ['loneliness_symptoms'],
      requestedTasks: [],
      consent: { given: true },
      ...overrides,
    },
  }) as CaseEvent;

export const triaged = (priority: 'high' | 'normal' | 'low' = 'normal', track: 'volunteer' | 'professional' = 'volunteer'): CaseEvent => ({
  type: track === 'volunteer' ? 'TriagedToVolunteer' : 'TriagedToProfessional',
  data: { reason: 'r', priority, by: 'coordinator-1' },
});

export const booked = (visitorId: string, visitAt = '2026-03-09T09:00:00.000Z'): CaseEvent => ({
  type: 'FirstVisitBooked',
  data: { visitorId, visitorKind: 'volunteer', visitorName: 'Birthe Madsen', visitAt },
});

export const registered = (capacity = 3): VisitorEvent => ({ type: 'VisitorRegistered', data: { visitorId: randomUUID(), name: 'Birthe Madsen', kind: 'volunteer', capacity } });

/** The dashboard's answer from a folded view of its documents, as the controller reads them. */
export function answer(view: MapView<unknown>, query: DashboardQuery): MonthFigures[] {
  const stored = { totals: new Map<string, MonthTotals>(), days: new Map<string, MonthDoc>() };
  for (const [key, doc] of view.docs) {
    if (key.startsWith('month:')) stored.days.set(key.slice('month:'.length), doc as MonthDoc);
    if (key.startsWith('total:')) stored.totals.set(key.slice('total:'.length), doc as MonthTotals);
  }
  return dashboard(view.get(SUMMARY_KEY) as DashboardSummary | undefined, stored, query);
}

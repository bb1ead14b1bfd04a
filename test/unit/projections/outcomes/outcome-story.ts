import { OutcomeFacts, outcomeFactsProjection } from '../../../../projections/outcomes/outcome-facts';
import { MapView, ProjectedEvent } from '../../../../projections/shared/projection';

/** A closed case told as the events the outcome facts read (personal fields sealed, as the store holds them). */
export interface Story {
  id: string;
  programme?: string;
  role?: string;
  /** The register's partner the referral names (`referrer.partnerId`). */
  partnerId?: string;
  /** The referrer's organisation in free text. */
  organisation?: string;
  birthYear?: number;
  referredAt?: string;
  visitAt?: string;
  scores?: Array<[string, number]>;
  relations?: Array<[string, string]>;
  dismissals?: number;
  close?: { reason: string; at: string; declined?: boolean };
  followUp?: { outcome: string; at: string; score?: number };
}

let position = 0;
const event = (caseId: string, type: string, data: object): ProjectedEvent => ({
  streamId: `case-${caseId}`,
  type,
  data,
  metadata: { occurredAt: '2026-01-05T08:00:00.000Z', actor: { id: 'c', role: 'coordinator' } },
  revision: 0,
  position: ++position,
  recordedAt: '2026-08-10T08:00:00.000Z',
});

export function eventsOf(story: Story): ProjectedEvent[] {
  const { id } = story;
  const events = [
    event(id, 'ReferralReceived', {
      caseId: id,
      citizenId: `citizen-${id}`,
      programme: story.programme ?? 'community_guide',
      referredAt: story.referredAt ?? '2026-01-05T08:00:00.000Z',
      referrer: { name: 'enc:v2:sealed', role: story.role ?? 'relative', ...(story.partnerId !== undefined && { partnerId: story.partnerId }), ...(story.organisation !== undefined && { organisation: story.organisation }) },
      citizen: { name: 'enc:v2:sealed', address: 'enc:v2:sealed' },
      ...(story.birthYear !== undefined && { birthYear: story.birthYear }),
      situation: {},
      needs: ['loneliness_symptoms'],
      requestedTasks: [],
      consent: { given: true },
    }),
  ];
  if (story.visitAt) events.push(event(id, 'FirstVisitBooked', { visitorId: 'v', visitorKind: 'volunteer', visitorName: 'Birthe', visitAt: story.visitAt }));
  for (const [at, score] of story.scores ?? []) events.push(event(id, 'LonelinessAssessed', { instrument: 'ucla3', answers: [1, 1, 1], score, severe: score >= 7, scaleVersion: 'ucla3-v1', at }));
  for (let i = 0; i < (story.dismissals ?? 0); i++) events.push(event(id, 'VisitorDismissedButReturning', { visitorId: 'v', at: '2026-02-01T10:00:00.000Z', nextVisitAt: '2026-02-08T10:00:00.000Z', assessment: 'enc:v2:sealed' }));
  for (const [kind, at] of story.relations ?? []) events.push(event(id, 'RelationEstablished', { kind, description: 'enc:v2:sealed', at }));
  if (story.close) {
    const { reason, at, declined } = story.close;
    events.push(event(id, declined ? 'ReferralDeclined' : 'CaseClosed', { reason, at }));
    if (!declined) events.push(event(id, 'FollowUpScheduled', { followUpId: `f-${id}`, dueAt: '2026-08-04T08:00:00.000Z' }));
  }
  if (story.followUp) events.push(event(id, 'FollowUpHeld', { followUpId: `f-${id}`, ...story.followUp, note: 'enc:v2:sealed' }));
  return events;
}

/** A partner stream's event (the register, issue 21), as the store holds it. */
export const partnerEvent = (partnerId: string, type: string, data: object): ProjectedEvent => ({ ...event(partnerId, type, data), streamId: `partner-${partnerId}` });

/** The projection's documents after the stories' events (after `before`, partner events say), as the projector would apply them. */
export function project(stories: readonly Story[], before: readonly ProjectedEvent[] = []): MapView<OutcomeFacts> {
  const view = new MapView<OutcomeFacts>();
  for (const e of [...before, ...stories.flatMap(eventsOf)]) if (outcomeFactsProjection.eventTypes!.has(e.type)) outcomeFactsProjection.apply(e, view);
  return view;
}

/** The closed-case copies, as `GET /outcomes` lists them by month. */
export const closedDocs = (view: MapView<OutcomeFacts>): OutcomeFacts[] => [...view.docs.entries()].filter(([key]) => key.startsWith('closed:')).map(([, doc]) => doc);

/** Every leaf of an answer, with its path. */
export function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value === null || typeof value !== 'object') return [[path, value]];
  if ('suppressed' in value) return [[path, value]];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
}

import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../domain/case/case.events';
import { caseView } from '../../../projections/case-view/case-view';
import { booked, referral, triaged } from './events.fixture';

/** The events of one stream with their revisions, as the store reads them. */
const stream = (...events: CaseEvent[]) => events.map((event, revision) => ({ ...event, revision }));

describe('the case view (GET /cases/:caseId)', () => {
  it('given a referral, shows the referred case with its revision and no visit', () => {
    const view = caseView(stream(referral({ referrer: { name: 'Jette Holm', role: 'home_nurse' } })));
    expect(view).toMatchObject({ status: 'Referred', referrerRole: 'home_nurse', riskFlags: [], tasks: [], revision: 0 });
    expect(view).not.toHaveProperty('referrerOrganisation');
    expect(view).not.toHaveProperty('track');
  });

  it('given a booked case, shows the visitor and the visit card; then a visit recorded late does not move the card back', () => {
    const visitorId = randomUUID();
    const late = { type: 'VisitHeld', data: { visitorId, visitedAt: '2026-03-09T09:00:00.000Z', themes: ['gammel'] } } as CaseEvent;
    const held = { type: 'VisitHeld', data: { visitorId, visitedAt: '2026-03-16T09:00:00.000Z', nextVisitAt: '2026-03-23T09:00:00.000Z', themes: ['varmehjælp'] } } as CaseEvent;
    const view = caseView(stream(referral(), triaged('high'), booked(visitorId), held, late));
    expect(view).toMatchObject({
      status: 'Active',
      track: 'volunteer',
      priority: 'high',
      visitorId,
      visitorName: 'Birthe Madsen',
      firstVisitAt: '2026-03-09T09:00:00.000Z',
      lastVisitAt: '2026-03-16T09:00:00.000Z',
      nextVisitAt: '2026-03-23T09:00:00.000Z',
      lastThemes: ['varmehjælp'],
      revision: 4,
    });
  });

  it('given an active case, closing it keeps track, priority and the visitor id and drops the visit card', () => {
    const visitorId = randomUUID();
    const closed = { type: 'CaseClosed', data: { reason: 'relation_established', at: '2026-05-01T10:00:00.000Z' } } as CaseEvent;
    const view = caseView(stream(referral(), triaged('low', 'professional'), booked(visitorId), closed))!;
    expect(view).toMatchObject({ status: 'Closed', declined: false, reason: 'relation_established', closedAt: '2026-05-01T10:00:00.000Z', track: 'professional', priority: 'low', visitorId });
    for (const field of ['visitorName', 'visitorKind', 'firstVisitAt', 'nextVisitAt', 'lastThemes']) expect(view).not.toHaveProperty(field);
  });

  it('given an agreed visit, cancelling it clears the next visit and nothing else', () => {
    const cancelled = { type: 'VisitCancelled', data: { at: '2026-03-09T09:00:00.000Z', by: 'citizen', reason: 'syg' } } as CaseEvent;
    const view = caseView(stream(referral(), triaged(), booked(randomUUID()), cancelled))!;
    expect(view).toMatchObject({ status: 'Active', firstVisitAt: '2026-03-09T09:00:00.000Z', revision: 3 });
    expect(view).not.toHaveProperty('nextVisitAt');
  });

  it('given the visit plan (issue #17): a booking after a cancellation, the fixed time, a pause that drops the agreed visit, its end, and a close that drops them all', () => {
    const cancelled = { type: 'VisitCancelled', data: { at: '2026-03-09T09:00:00.000Z', by: 'visitor', reason: 'syg', citizenNotified: true } } as CaseEvent;
    const bookedNext = { type: 'NextVisitBooked', data: { visitAt: '2026-03-12T09:00:00.000Z', citizenNotified: true } } as CaseEvent;
    const slot = { type: 'VisitSlotAgreed', data: { weekday: 4, time: '10:00', everyWeeks: 1 } } as CaseEvent;
    const paused = { type: 'CasePaused', data: { reason: 'Indlagt', at: '2026-03-11T08:00:00.000Z', until: '2026-03-25T11:00:00.000Z', droppedVisitAt: '2026-03-12T09:00:00.000Z' } } as CaseEvent;
    const resumed = { type: 'CaseResumed', data: { at: '2026-03-24T09:00:00.000Z' } } as CaseEvent;
    const start = [referral(), triaged(), booked(randomUUID()), cancelled, bookedNext, slot];
    expect(caseView(stream(...start))).toMatchObject({ nextVisitAt: '2026-03-12T09:00:00.000Z', visitSlot: { weekday: 4, time: '10:00', everyWeeks: 1 } });
    const whilePaused = caseView(stream(...start, paused))!;
    expect(whilePaused).toMatchObject({ status: 'Active', pause: { reason: 'Indlagt', at: '2026-03-11T08:00:00.000Z', until: '2026-03-25T11:00:00.000Z' } });
    expect(whilePaused).not.toHaveProperty('nextVisitAt');
    expect(caseView(stream(...start, paused, resumed))).not.toHaveProperty('pause');
    const closed = caseView(stream(...start, paused, { type: 'CaseClosed', data: { reason: 'other', at: '2026-03-20T10:00:00.000Z' } } as CaseEvent))!;
    expect(closed).not.toHaveProperty('pause');
    expect(closed).not.toHaveProperty('visitSlot');
  });

  it('given a stream without its referral, shows no case', () => {
    expect(caseView([])).toBeUndefined();
  });
});

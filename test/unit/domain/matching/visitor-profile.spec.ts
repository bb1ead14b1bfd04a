import { randomUUID } from 'node:crypto';
import type { VisitorProfile } from '../../../../domain/matching/matching.profile';
import { IllegalStateError, ValidationError } from '../../../../domain/shared/errors';
import { visitorDecider } from '../../../../domain/visitor/visitor.stream';
import { deciderSpec } from '../../../support/decider-spec';
import { coordinator, NOW, referred, spec as caseSpec, triaged, visitor } from '../case.fixtures';

describe("a visitor's profile", () => {
  const visitorId = randomUUID();
  const spec = deciderSpec(visitorDecider, () => ({ now: NOW, actor: coordinator, visitorId }));
  const registered = { type: 'VisitorRegistered' as const, data: { visitorId, name: 'Birthe Madsen', kind: 'volunteer' as const, capacity: 3 } };
  const profile: VisitorProfile = {
    programmes: ['care_visits'],
    interests: ['walks', 'gardening'],
    languages: ['da', 'ar'],
    postcodes: ['4180', '4190'],
    availability: [{ weekday: 2, from: '10:00', to: '12:00' }],
    gender: 'female',
    birthYear: 1956,
  };

  it('records the whole profile of a registered visitor', () => {
    spec.given([registered]).when({ type: 'UpdateVisitorProfile', data: profile }).then([{ type: 'VisitorProfileUpdated', data: profile }]);
  });

  it('refuses a span that ends before it starts, a postcode that is not four digits and an unlikely birth year, naming each', () => {
    let thrown: ValidationError | undefined;
    try {
      spec
        .given([registered])
        .when({ type: 'UpdateVisitorProfile', data: { ...profile, postcodes: ['418'], availability: [{ weekday: 2, from: '12:00', to: '10:00' }], birthYear: 2020, programmes: [] } })
        .events();
    } catch (error) {
      thrown = error as ValidationError;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown!.errors.map((e) => e.field)).toEqual(['availability.0.to', 'programmes', 'postcodes.0', 'birthYear']);
  });

  it('keeps the profile in the state, where the last one counts', () => {
    const later = { ...profile, programmes: ['visiting_friend' as const] };
    const state = [registered, { type: 'VisitorProfileUpdated' as const, data: profile }, { type: 'VisitorProfileUpdated' as const, data: later }].reduce(
      visitorDecider.evolve,
      visitorDecider.initialState(),
    );
    expect(state).toMatchObject({ profile: later });
  });
});

describe('a booking only on a programme the visitor serves', () => {
  const waiting = [referred({ programme: 'care_visits' }), triaged()];
  const book = (v: ReturnType<typeof visitor>) => ({ type: 'BookFirstVisit' as const, data: { visitorId: v.visitorId, visitAt: '2026-03-09T10:00:00+01:00', at: '2026-03-04T10:00:00+01:00' } });

  it('refuses a visitor whose profile names other programmes: 409 visitor_not_in_programme', () => {
    const guide = visitor('volunteer', { programmes: ['community_guide'] });
    caseSpec.given(waiting).when(book(guide), { visitor: guide }).thenThrows(IllegalStateError, 'visitor_not_in_programme');
  });

  it('books a visitor whose profile names the programme, and one with no profile yet (who serves every programme)', () => {
    for (const v of [visitor('volunteer', { programmes: ['community_guide', 'care_visits'] }), visitor('volunteer')]) {
      expect(caseSpec.given(waiting).when(book(v), { visitor: v }).events()[0]).toMatchObject({ type: 'FirstVisitBooked', data: { visitorId: v.visitorId } });
    }
  });
});

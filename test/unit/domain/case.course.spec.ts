import type { CaseEvent } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { activeWith, booked, command, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * The course of a case (issue #19), after Frida in seed 003: "Fællesskabsguiden
 * mødes med Frida og hendes mor", "klare aftaler omkring forløbet", and the
 * guides "tilbyder at følges med borgerne de første gange og følger op".
 */

const guide = visitor('volunteer', { name: 'Lene Guide' });
const frida = () => referred({ programme: 'community_guide' });
const fridaActive = (): CaseEvent[] => [frida(), triaged(), booked(guide)];
const motherId = '7b1c1c9e-4a6f-4d57-9d3b-6a5b0d1e2f30';
const motherAdded: CaseEvent = {
  type: 'RelativeAdded',
  data: { relativeId: motherId, name: 'Hanne Jensen', relation: 'parent', phone: '+4520304050', involvement: ['goes_along', 'needs_relief'], needsRelief: true },
};
const fold = (events: CaseEvent[]) => events.reduce(caseDecider.evolve, caseDecider.initialState());

describe('relatives and network: "Inddrag borgerens netværk"', () => {
  const add = (overrides: object = {}) =>
    command('AddRelative', { relativeId: motherId, name: 'Hanne Jensen', relation: 'parent', phone: '+4520304050', involvement: ['goes_along', 'needs_relief', 'goes_along'], ...overrides });

  it('adds a relative from the referral on ("Fridas mor [...] udfylder et henvisningskort"), each way of taking part once', () => {
    spec.given([frida()]).when(add()).then([motherAdded]);
    spec.given(fridaActive()).when(add()).then([motherAdded]);
  });

  it('records "pårørende kan også have behov for aflastning" on the case', () => {
    const state = fold([...fridaActive(), motherAdded]);
    expect(state.status !== 'None' && state.relatives).toEqual([
      { relativeId: motherId, name: 'Hanne Jensen', relation: 'parent', phone: '+4520304050', involvement: ['goes_along', 'needs_relief'] },
    ]);
  });

  it('flags in clear only a relative who needs relief, for the dashboard to count (the involvement itself stays sealed)', () => {
    const informed = spec.given(fridaActive()).when(add({ involvement: ['informed'] })).events()[0]!;
    expect(informed.data).not.toHaveProperty('needsRelief');
    expect(spec.given(fridaActive()).when(add({ involvement: undefined })).events()[0]!.data).toMatchObject({ involvement: [] });
    expect(spec.given(fridaActive()).when(add()).events()[0]!.data).toMatchObject({ needsRelief: true });
  });

  it('adds each relative once (409 relative_exists) and none to a closed case (409 case_closed)', () => {
    spec.given([...fridaActive(), motherAdded]).when(add()).thenThrows(IllegalStateError, 'relative_exists');
    spec.given([frida(), { type: 'CaseClosed', data: { reason: 'moved', at: '2026-03-03T10:00:00.000Z' } }]).when(add()).thenThrows(IllegalStateError, 'case_closed');
  });

  it('removes a relative with a reason; one not on the case is not found (404)', () => {
    const remove = command('RemoveRelative', { relativeId: motherId, reason: 'Flyttet til Aarhus' });
    spec.given([...fridaActive(), motherAdded]).when(remove).then([{ type: 'RelativeRemoved', data: { relativeId: motherId, reason: 'Flyttet til Aarhus' } }]);
    spec.given(fridaActive()).when(remove).thenThrows(NotFoundError);
    spec.given([...fridaActive(), motherAdded, { type: 'RelativeRemoved', data: { relativeId: motherId, reason: 'x' } }]).when(remove).thenThrows(NotFoundError);
  });

  it('lists who took part in a visit, only relatives on the case (409 unknown_relative)', () => {
    const visit = (participants: string[]) => command('RecordVisit', { visitorId: guide.visitorId, visitedAt: '2026-03-09T10:00:00+01:00', participants });
    spec.given([...fridaActive(), motherAdded]).when(visit([motherId, motherId])).then([
      { type: 'VisitHeld', data: { visitorId: guide.visitorId, visitedAt: '2026-03-09T09:00:00.000Z', themes: [], participants: [motherId] } },
    ]);
    spec.given(fridaActive()).when(visit([motherId])).thenThrows(IllegalStateError, 'unknown_relative');
    // No one besides the citizen: no participants field.
    spec.given(fridaActive()).when(visit([])).then([{ type: 'VisitHeld', data: { visitorId: guide.visitorId, visitedAt: '2026-03-09T09:00:00.000Z', themes: [] } }]);
  });
});

describe('going along: "følges med borgerne de første gange"', () => {
  const along = (overrides: object = {}) =>
    command('RecordAccompaniment', { at: '2026-03-12T19:00:00+01:00', to: { offerId: 'offer-1', activity: 'Selvhjælpsgruppen' }, visitorId: guide.visitorId, firstTime: true, ...overrides });
  const alone = (at = '2026-03-26T19:00:00+01:00') => command('RecordWentAlone', { at, activity: 'Café Nygade' });

  it('records that the guide went along, and that the citizen went alone', () => {
    spec.given(fridaActive()).when(along()).then([
      { type: 'CitizenAccompanied', data: { at: '2026-03-12T18:00:00.000Z', to: { offerId: 'offer-1', activity: 'Selvhjælpsgruppen' }, visitorId: guide.visitorId, firstTime: true } },
    ]);
    spec.given(fridaActive()).when(alone()).then([{ type: 'CitizenWentAlone', data: { at: '2026-03-26T18:00:00.000Z', activity: 'Café Nygade' } }]);
  });

  it('counts the times accompanied and alone (going alone is progress)', () => {
    const events = [...fridaActive(), ...spec.given(fridaActive()).when(along()).events(), ...spec.given(fridaActive()).when(along({ at: '2026-03-19T19:00:00+01:00', firstTime: false })).events(), ...spec.given(fridaActive()).when(alone()).events()];
    const state = fold(events);
    expect(state.status !== 'None' && state.goingAlong).toEqual({ accompanied: 2, alone: 1, lastAccompaniedAt: '2026-03-19T18:00:00.000Z', lastAloneAt: '2026-03-26T18:00:00.000Z' });
  });

  it('lets only the case\'s own guide go along, on an active case, not while paused', () => {
    spec.given(fridaActive()).when(along({ visitorId: visitor().visitorId })).thenThrows(IllegalStateError, 'not_assigned_visitor');
    spec.given([frida(), triaged()]).when(along()).thenThrows(IllegalStateError, 'case_not_active');
    spec.given([...fridaActive(), { type: 'CasePaused', data: { reason: 'Indlagt', at: '2026-03-10T08:00:00.000Z' } }]).when(along()).thenThrows(IllegalStateError, 'case_paused');
  });

  it('refuses a time in the far future or not a time (400), and before the referral (409)', () => {
    spec.given(fridaActive()).when(along({ at: '2030-01-01T10:00:00Z' })).thenThrows(ValidationError);
    spec.given(fridaActive()).when(alone('soon')).thenThrows(ValidationError);
    spec.given(fridaActive()).when(alone('2026-01-01T10:00:00Z')).thenThrows(IllegalStateError, 'before_referral');
  });
});

describe('the agreement: "klare aftaler omkring forløbet"', () => {
  const agree = (overrides: object = {}) =>
    command('RecordAgreement', {
      goals: ['Komme i selvhjælpsgruppen', 'Gå selv i Café Nygade'],
      frequency: 'weekly',
      expectedEnd: '2026-06-30T12:00:00+02:00',
      endCriteria: 'Frida går selv i caféen',
      agreedWith: ['citizen', 'relative', 'visitor'],
      ...overrides,
    });
  const recorded: CaseEvent = {
    type: 'AgreementRecorded',
    data: { goals: ['Komme i selvhjælpsgruppen', 'Gå selv i Café Nygade'], frequency: 'weekly', expectedEnd: '2026-06-30T10:00:00.000Z', endCriteria: 'Frida går selv i caféen', agreedWith: ['citizen', 'relative', 'visitor'] },
  };

  it('records the agreement made with Frida and her mother', () => {
    spec.given([...fridaActive(), motherAdded]).when(agree()).then([recorded]);
  });

  it('replaces the agreement before it', () => {
    const second = spec.given([...fridaActive(), motherAdded, recorded]).when(agree({ frequency: 'fortnightly', agreedWith: ['citizen'] })).events();
    const state = fold([...fridaActive(), motherAdded, recorded, ...second]);
    expect(state.status !== 'None' && state.agreement).toMatchObject({ frequency: 'fortnightly', agreedWith: ['citizen'] });
  });

  it('is made with the citizen, names at least one goal, ends after the referral (400 naming each field)', () => {
    let thrown: unknown;
    try {
      spec.given([...fridaActive(), motherAdded]).when(agree({ goals: [], agreedWith: ['relative'], expectedEnd: '2025-01-01T10:00:00Z' })).events();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).errors.map((e) => e.field).sort()).toEqual(['agreedWith', 'expectedEnd', 'goals']);
  });

  it('names a relative as a party only when one is on the case (409 no_relative_recorded)', () => {
    spec.given(fridaActive()).when(agree()).thenThrows(IllegalStateError, 'no_relative_recorded');
  });

  it('keeps relatives, agreement and counts once the case closes', () => {
    const state = fold([...fridaActive(), motherAdded, recorded, { type: 'CaseClosed', data: { reason: 'relation_established', at: '2026-06-01T10:00:00.000Z' } }]);
    expect(state).toMatchObject({ status: 'Closed', relatives: [{ relativeId: motherId }], agreement: { frequency: 'weekly' } });
  });
});

it('leaves a care-visit case without a course as it was (no empty fields)', () => {
  const state = fold(activeWith(visitor()));
  expect(state).not.toHaveProperty('relatives');
  expect(state).not.toHaveProperty('agreement');
});

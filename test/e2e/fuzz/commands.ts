import fc from 'fast-check';

/** Well-formed bodies for every command on a case: in a random order most are refused by the rules (409), none may fail. */
export function commandArbitrary(visitors: [string, string]): fc.Arbitrary<{ path: string; body: unknown }> {
  const [visitor, other] = visitors;
  const at = fc.constantFrom('2026-03-09T10:00:00+01:00', '2026-03-16T10:05:00+01:00', '2026-04-02T14:00:00+02:00');
  return fc.oneof(
    fc.record({ track: fc.constantFrom('volunteer', 'professional'), priority: fc.constantFrom('high', 'normal', 'low') }).map((b) => ({ path: 'triage', body: { ...b, reason: 'Ensom' } })),
    fc.constant({ path: 'decline', body: { reason: 'citizen_declined' } }),
    at.map((visitAt) => ({ path: 'first-visit', body: { visitorId: visitor, visitAt } })),
    fc.record({ visitorId: fc.constantFrom(visitor, other), visitedAt: at }).map((b) => ({ path: 'visits', body: { ...b, nextVisitAt: '2026-05-01T10:00:00+02:00', themes: ['varmehjælp'] } })),
    fc.boolean().map((citizenNotified) => ({ path: 'visits/reschedule', body: { from: '2026-05-01T10:00:00+02:00', to: '2026-05-02T10:00:00+02:00', citizenNotified } })),
    at.map((when) => ({ path: 'visits/cancel', body: { at: when, by: 'citizen', reason: 'Syg' } })),
    at.map((when) => ({ path: 'dismissals', body: { visitorId: visitor, at: when, nextVisitAt: '2026-05-01T10:00:00+02:00', assessment: 'Kommer igen' } })),
    fc.constantFrom(visitor, other).map((toVisitorId) => ({ path: 'reassign', body: { toVisitorId, reason: 'Kontinuitet brudt' } })),
    fc.constant({ path: 'tasks', body: { kind: 'heating_aid', description: 'Ansøgning' } }),
    fc.constant({ path: 'tasks/:task/complete', body: { outcome: 'Bevilget' } }),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).map((answers) => ({ path: 'assessments', body: { instrument: 'ucla3', answers } })),
    at.map((when) => ({ path: 'relations', body: { kind: 'social_cafe', description: 'Kirkens café', at: when } })),
    at.map((when) => ({ path: 'risks', body: { risk: 'suicidal_thoughts', note: 'Taler om at give op', at: when } })),
    at.map((when) => ({ path: 'close', body: { reason: 'relation_established', at: when } })),
  );
}

import { sameTimeLater } from '../../../web/src/pages/visitor/next-visit';

/** "Samme tid om en uge" on the visit form: the citizen's agreed time, not the time the visit was recorded (issue #17). */
describe('the next visit at the same time', () => {
  // Agreed: Tuesday 17 March 2026 at 10.00 (winter time, +01:00).
  const agreed = '2026-03-17T10:00:00+01:00';

  it('proposes the agreed weekday and time a week on, whenever the visit is recorded', () => {
    // Recorded on the day, at 10.40 after the visit.
    expect(sameTimeLater(agreed, '2026-03-17T10:40:00+01:00', 1)).toBe('2026-03-24T10:00:00+01:00');
    expect(sameTimeLater(agreed, '2026-03-17T10:40:00+01:00', 2)).toBe('2026-03-31T10:00:00+02:00');
  });

  it('keeps 10.00 on the wall clock across the change to summer time (29 March 2026)', () => {
    // Recorded late, on Sunday 29 March (summer time began that night) at 09.59: the next Tuesday at 10.00, not a Sunday at 09.59.
    expect(sameTimeLater('2026-03-24T10:00:00+01:00', '2026-03-29T09:59:00+02:00', 1)).toBe('2026-03-31T10:00:00+02:00');
    // And back to winter time (25 October 2026).
    expect(sameTimeLater('2026-10-20T10:00:00+02:00', '2026-10-20T11:00:00+02:00', 1)).toBe('2026-10-27T10:00:00+01:00');
  });

  it('goes on from the agreed time until it lies after the visit recorded', () => {
    // Recorded nine days after the agreed time: the agreed time two weeks on.
    expect(sameTimeLater(agreed, '2026-03-26T18:00:00+01:00', 1)).toBe('2026-03-31T10:00:00+02:00');
    expect(sameTimeLater(agreed, '2026-03-26T18:00:00+01:00', 2)).toBe('2026-03-31T10:00:00+02:00');
  });

  it('takes the visit’s own time when no time was agreed', () => {
    expect(sameTimeLater(undefined, '2026-03-17T14:15:00+01:00', 1)).toBe('2026-03-24T14:15:00+01:00');
  });
});

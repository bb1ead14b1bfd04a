import { IllegalStateError, ValidationError } from '../../../domain/shared/errors';
import type { VolunteerStanding } from '../../../domain/visitor/volunteer.standing';
import { nextSupervisionDue, trainingGaps, vettingGaps } from '../../../domain/visitor/volunteer.standing';
import { activeWith, command, NOW, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * Issue 20: who may visit whom. A volunteer who came through an application is booked only once approved, and,
 * where the programme requires it (default: a straffeattest for every volunteer who visits in homes), with a
 * clear and unexpired vetting. Visitors registered directly (employed staff) are not held to it.
 */
describe('booking a volunteer from the lifecycle', () => {
  const standing = (overrides: Partial<VolunteerStanding> = {}): VolunteerStanding => ({
    status: 'active',
    appliedAt: '2024-11-20T10:00:00.000Z',
    approvedAt: '2024-12-10T10:00:00.000Z',
    programmes: ['care_visits'],
    provisos: [],
    vettings: [{ kind: 'straffeattest', checkedAt: '2024-06-01T10:00:00.000Z', expiresAt: '2027-06-01T10:00:00.000Z', result: 'clear' }],
    training: [],
    supervisions: 0,
    ...overrides,
  });
  const book = (visitorId: string) => command('BookFirstVisit', { visitorId, visitAt: '2026-12-01T10:00:00+01:00' });

  it('books an approved volunteer with a valid straffeattest', () => {
    const v = visitor('volunteer', { standing: standing() });
    const [event] = spec.given([referred(), triaged()]).when(book(v.visitorId), { visitor: v }).events();
    expect(event).toMatchObject({ type: 'FirstVisitBooked', data: { visitorId: v.visitorId } });
  });

  it('refuses an applicant (409 visitor_not_approved)', () => {
    const v = visitor('volunteer', { active: false, standing: standing({ status: 'applicant' }) });
    spec.given([referred(), triaged()]).when(book(v.visitorId), { visitor: v }).thenThrows(IllegalStateError, 'visitor_not_approved');
  });

  it.each([
    ['missing', []],
    ['expired', [{ kind: 'straffeattest' as const, checkedAt: '2023-06-01T10:00:00.000Z', expiresAt: '2026-06-01T10:00:00.000Z', result: 'clear' as const }]],
    ['with a remark', [{ kind: 'straffeattest' as const, checkedAt: '2025-06-01T10:00:00.000Z', result: 'remark' as const }]],
  ])('refuses a volunteer whose straffeattest is %s (409 vetting_required)', (_what, vettings) => {
    const v = visitor('volunteer', { standing: standing({ vettings }) });
    spec.given([referred(), triaged()]).when(book(v.visitorId), { visitor: v }).thenThrows(IllegalStateError, 'vetting_required');
  });

  it('holds a visitor registered directly (no application) to nothing new', () => {
    const v = visitor('employee', { standing: standing({ appliedAt: '', vettings: [] }) });
    const [event] = spec.given([referred(), triaged()]).when(book(v.visitorId), { visitor: v }).events();
    expect(event?.type).toBe('FirstVisitBooked');
  });

  it('knows what each programme requires', () => {
    const s = standing({ programmes: ['community_guide', 'companion'], vettings: [] });
    expect(vettingGaps(s, 'community_guide', NOW)).toEqual([]);
    expect(vettingGaps(s, 'companion', NOW)).toEqual(['straffeattest']);
    expect(trainingGaps(s, 'companion', NOW)).toEqual(['Introduktion', 'Samtale om selvmordstanker']);
    expect(trainingGaps({ ...s, training: [{ course: 'Introduktion', at: '2025-01-01T00:00:00.000Z' }] }, 'community_guide', NOW)).toEqual([]);
  });

  it('has supervision due 12 weeks after the last one (or after approval)', () => {
    expect(nextSupervisionDue(standing())).toBe('2025-03-04T10:00:00.000Z');
    expect(nextSupervisionDue(standing({ lastSupervisionAt: '2026-10-01T10:00:00.000Z' }))).toBe('2026-12-24T10:00:00.000Z');
  });

  it("records how long a visit lasted, for the volunteer's hours; a duration that is not 1 to 1440 minutes is refused (400)", () => {
    const v = visitor('volunteer');
    const visit = (durationMinutes: number) => command('RecordVisit', { visitorId: v.visitorId, visitedAt: '2026-11-20T10:00:00+01:00', durationMinutes });
    const [held] = spec.given(activeWith(v)).when(visit(90)).events();
    expect(held).toMatchObject({ type: 'VisitHeld', data: { durationMinutes: 90 } });
    spec.given(activeWith(v)).when(visit(0)).thenThrows(ValidationError);
    spec.given(activeWith(v)).when(visit(1.5)).thenThrows(ValidationError);
    spec.given(activeWith(v)).when(visit(1441)).thenThrows(ValidationError);
  });
});

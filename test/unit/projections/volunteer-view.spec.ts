import type { VolunteerStanding } from '../../../domain/visitor/volunteer.standing';
import { attention, volunteerView, VolunteerSource } from '../../../projections/volunteers/volunteer-view';

/** Issue 20: the volunteer's page and the coordinator's "Brug for opmærksomhed". */
describe("a volunteer's page and who needs attention", () => {
  const NOW = '2026-11-24T12:00:00.000Z';
  const DAY = 86_400_000;
  const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY).toISOString();
  const standing = (overrides: Partial<VolunteerStanding> = {}): VolunteerStanding => ({
    status: 'active',
    appliedAt: ago(400),
    interviewedAt: ago(390),
    approvedAt: ago(380),
    programmes: ['visiting_friend'],
    provisos: [],
    vettings: [{ kind: 'straffeattest', checkedAt: ago(400), expiresAt: ago(-400), result: 'clear' }],
    training: [{ course: 'Introduktion', at: ago(370) }],
    lastSupervisionAt: ago(10),
    supervisions: 3,
    ...overrides,
  });
  const volunteer = (s: VolunteerStanding | undefined, overrides: Partial<VolunteerSource> = {}): VolunteerSource => ({
    visitorId: 'v1',
    name: 'Birthe Madsen',
    kind: 'volunteer',
    capacity: 2,
    active: true,
    activeCaseIds: new Set(['c1']),
    ...(s && { standing: s }),
    ...overrides,
  });
  const reasonsOf = (s: VolunteerStanding) => attention([volunteer(s)], NOW).flatMap((row) => row.reasons.map((r) => r.reason));

  it('counts visits and hours of this Copenhagen month and year, to a tenth of an hour', () => {
    const view = volunteerView(volunteer(standing(), { visitsByMonth: { '2026-11': { visits: 3, minutes: 200 }, '2026-02': { visits: 2, minutes: 60 }, '2025-12': { visits: 9, minutes: 900 } } }), NOW);
    expect(view.visits).toEqual({ thisMonth: { visits: 3, hours: 3.3 }, thisYear: { visits: 5, hours: 4.3 } });
    expect(view).toMatchObject({ status: 'active', capacity: 2, activeCases: 1, supervision: { last: ago(10), count: 3, nextDue: new Date(Date.parse(ago(10)) + 84 * DAY).toISOString(), overdue: false } });
  });

  it('shows a visitor registered directly as active or inactive, held to no vetting', () => {
    expect(volunteerView(volunteer(undefined), NOW)).toMatchObject({ status: 'active', appliedAt: null, missingVetting: [], missingTraining: [], supervision: { nextDue: null } });
    expect(volunteerView(volunteer(undefined, { active: false }), NOW).status).toBe('inactive');
  });

  it('names nobody who is in order', () => {
    expect(attention([volunteer(standing())], NOW)).toEqual([]);
  });

  it('names an applicant waiting for an interview more than 14 days, not one who applied 10 days ago', () => {
    expect(reasonsOf(standing({ status: 'applicant', appliedAt: ago(15), interviewedAt: undefined, approvedAt: undefined }))).toEqual(['interview_waiting']);
    expect(reasonsOf(standing({ status: 'applicant', appliedAt: ago(10), interviewedAt: undefined, approvedAt: undefined }))).toEqual([]);
  });

  it('names a vetting expiring within 30 days, expired or missing', () => {
    expect(reasonsOf(standing({ vettings: [{ kind: 'straffeattest', checkedAt: ago(1000), expiresAt: ago(-29), result: 'clear' }] }))).toEqual(['vetting_expiring']);
    expect(reasonsOf(standing({ vettings: [{ kind: 'straffeattest', checkedAt: ago(1000), expiresAt: ago(-31), result: 'clear' }] }))).toEqual([]);
    expect(reasonsOf(standing({ vettings: [{ kind: 'straffeattest', checkedAt: ago(1000), expiresAt: ago(1), result: 'clear' }] }))).toEqual(['vetting_expired']);
    expect(reasonsOf(standing({ vettings: [] }))).toEqual(['vetting_missing']);
  });

  it('names supervision overdue, a missing course, and a pause past its end', () => {
    expect(reasonsOf(standing({ lastSupervisionAt: ago(85) }))).toEqual(['supervision_overdue']);
    expect(reasonsOf(standing({ programmes: ['companion'] }))).toEqual(['training_missing']);
    expect(reasonsOf(standing({ status: 'paused', pausedFrom: ago(30), pausedUntil: ago(1) }))).toEqual(['pause_overrun']);
    expect(reasonsOf(standing({ status: 'paused', pausedFrom: ago(30), pausedUntil: ago(-1) }))).toEqual([]);
  });

  it('leaves out who has left or was declined', () => {
    expect(reasonsOf(standing({ status: 'left', vettings: [] }))).toEqual([]);
    expect(reasonsOf(standing({ status: 'declined', vettings: [] }))).toEqual([]);
  });
});

import type { VolunteerStanding } from '../../../domain/visitor/volunteer.standing';
import { volunteerDashboard } from '../../../projections/volunteers/volunteer-dashboard';
import type { VolunteerSource } from '../../../projections/volunteers/volunteer-view';

/** Issue 20: the dashboard's volunteers: by status, the recruitment funnel, retention, supervision kept, hours given. */
describe("the dashboard's volunteer figures", () => {
  const NOW = '2026-11-24T12:00:00.000Z';
  const base: VolunteerStanding = { status: 'applicant', appliedAt: '2025-11-01T10:00:00.000Z', programmes: ['visiting_friend'], provisos: [], vettings: [], training: [], supervisions: 0 };
  const v = (id: string, standing?: Partial<VolunteerStanding>, visitsByMonth?: VolunteerSource['visitsByMonth']): VolunteerSource => ({
    visitorId: id,
    name: id,
    kind: 'volunteer',
    capacity: 2,
    active: true,
    activeCaseIds: new Set(),
    ...(standing && { standing: { ...base, ...standing } }),
    ...(visitsByMonth && { visitsByMonth }),
  });
  const approved = { interviewedAt: '2025-11-10T10:00:00.000Z', approvedAt: '2025-11-24T12:00:00.000Z' };
  const visitors = [
    v('staff', undefined, { '2026-11': { visits: 2, minutes: 120 }, '2025-10': { visits: 9, minutes: 999 } }),
    v('applicant', {}),
    v('declined', { status: 'declined', interviewedAt: '2025-11-10T10:00:00.000Z' }),
    v('active', { status: 'active', ...approved, lastSupervisionAt: '2026-11-01T10:00:00.000Z' }, { '2026-11': { visits: 1, minutes: 90 }, '2026-01': { visits: 1, minutes: 30 } }),
    v('overdue', { status: 'active', ...approved }),
    v('left', { status: 'left', ...approved, leftAt: '2026-05-24T12:00:00.000Z' }),
  ];

  it('counts by status and through the funnel', () => {
    const d = volunteerDashboard(visitors, NOW);
    expect(d.byStatus).toEqual({ registered: 1, applicant: 1, declined: 1, active: 2, left: 1 });
    expect(d.funnel).toEqual({ applied: 5, interviewed: 4, approved: 3, declined: 1 });
  });

  it('measures retention in months from approval to leaving or now, and supervision kept on time', () => {
    const d = volunteerDashboard(visitors, NOW);
    expect(d.retention).toMatchObject({ volunteers: 3, left: 1, medianMonths: 12 });
    expect(d.retention.averageMonths).toBeCloseTo(10, 0);
    expect(d.supervision).toEqual({ due: 2, onTime: 1 });
  });

  it('sums visits and hours per month over the last twelve, oldest first', () => {
    const d = volunteerDashboard(visitors, NOW);
    expect(d.hoursByMonth).toHaveLength(12);
    expect(d.hoursByMonth[0]).toEqual({ month: '2025-12', visits: 0, hours: 0 });
    expect(d.hoursByMonth[1]).toEqual({ month: '2026-01', visits: 1, hours: 0.5 });
    expect(d.hoursByMonth[11]).toEqual({ month: '2026-11', visits: 3, hours: 3.5 });
  });
});

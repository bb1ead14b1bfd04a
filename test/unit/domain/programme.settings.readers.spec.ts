import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../domain/case/case.events';
import { IllegalStateError } from '../../../domain/shared/errors';
import { DEFAULT_PROGRAMME_SETTINGS, ProgrammeSettings, ProgrammeSettingsTable } from '../../../domain/programme/programme.settings';
import type { VolunteerStanding } from '../../../domain/visitor/volunteer.standing';
import { nextSupervisionDue, trainingGaps } from '../../../domain/visitor/volunteer.standing';
import { activeWith, command, NOW, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * Where the deciders read a programme's settings (issues 19, 20): through their
 * context, the settings in force when the command is decided (the Directory's).
 * The fixtures' cases are of the care visits programme.
 */
const withCareVisits = (settings: Partial<ProgrammeSettings>): ProgrammeSettingsTable => ({
  ...DEFAULT_PROGRAMME_SETTINGS,
  care_visits: { ...DEFAULT_PROGRAMME_SETTINGS.care_visits, ...settings },
});

describe('closing with the programme\'s followUpMonths', () => {
  const v = visitor();
  const followUpId = randomUUID();
  const relation: CaseEvent = { type: 'RelationEstablished', data: { kind: 'activity', description: 'Strikkeklubben i Sorø', at: '2026-04-14T10:00:00.000Z' } };
  const close = command('CloseCase', { reason: 'relation_established', at: '2026-04-20T12:00:00+02:00', followUpId });

  it('schedules a new closing\'s follow-up that many months on (6: 20 October)', () => {
    const events = spec.given([...activeWith(v), relation]).when(close, { programmes: withCareVisits({ followUpMonths: 6 }) }).events();
    expect(events[1]).toEqual({ type: 'FollowUpScheduled', data: { followUpId, dueAt: '2026-10-20T10:00:00.000Z' } });
  });

  it('reads only its own programme\'s months: another programme\'s change leaves it at 3', () => {
    const programmes = { ...DEFAULT_PROGRAMME_SETTINGS, companion: { ...DEFAULT_PROGRAMME_SETTINGS.companion, followUpMonths: 12 } };
    const events = spec.given([...activeWith(v), relation]).when(close, { programmes }).events();
    expect(events[1]).toEqual({ type: 'FollowUpScheduled', data: { followUpId, dueAt: '2026-07-20T10:00:00.000Z' } });
  });

  it('uses the same months when the case is referred onward and closed', () => {
    const onward = command('ReferOnward', { to: 'kommunal_brobygger', reason: 'Brug for anden hjælp', at: '2026-04-20T12:00:00+02:00', close: true, followUpId });
    const events = spec.given(activeWith(v)).when(onward, { programmes: withCareVisits({ followUpMonths: 1 }) }).events();
    expect(events[2]).toEqual({ type: 'FollowUpScheduled', data: { followUpId, dueAt: '2026-05-20T10:00:00.000Z' } });
  });
});

describe('booking with the programme\'s requiredVetting', () => {
  const applicantApproved: VolunteerStanding = {
    status: 'active',
    appliedAt: '2024-11-20T10:00:00.000Z',
    approvedAt: '2024-12-10T10:00:00.000Z',
    programmes: ['care_visits'],
    provisos: [],
    vettings: [],
    training: [],
    supervisions: 0,
  };
  const v = visitor('volunteer', { standing: applicantApproved });
  const book = command('BookFirstVisit', { visitorId: v.visitorId, visitAt: '2026-12-01T10:00:00+01:00' });

  it('refuses a volunteer without a straffeattest while the programme requires one', () => {
    spec.given([referred(), triaged()]).when(book, { visitor: v, programmes: DEFAULT_PROGRAMME_SETTINGS }).thenThrows(IllegalStateError, 'vetting_required');
  });

  it('books them once the programme no longer requires it', () => {
    const [event] = spec.given([referred(), triaged()]).when(book, { visitor: v, programmes: withCareVisits({ requiredVetting: [] }) }).events();
    expect(event).toMatchObject({ type: 'FirstVisitBooked', data: { visitorId: v.visitorId } });
  });

  it('refuses them for a børneattest the programme came to require', () => {
    const vetted = visitor('volunteer', { standing: { ...applicantApproved, vettings: [{ kind: 'straffeattest', checkedAt: '2026-01-01T10:00:00.000Z', result: 'clear' }] } });
    const booking = command('BookFirstVisit', { visitorId: vetted.visitorId, visitAt: '2026-12-01T10:00:00+01:00' });
    spec.given([referred(), triaged()]).when(booking, { visitor: vetted }).events();
    spec
      .given([referred(), triaged()])
      .when(booking, { visitor: vetted, programmes: withCareVisits({ requiredVetting: ['straffeattest', 'børneattest'] }) })
      .thenThrows(IllegalStateError, 'vetting_required');
  });
});

describe('a volunteer\'s courses and supervision by the settings', () => {
  const s: VolunteerStanding = {
    status: 'active',
    appliedAt: '2024-11-20T10:00:00.000Z',
    approvedAt: '2024-12-10T10:00:00.000Z',
    programmes: ['care_visits', 'companion'],
    provisos: [],
    vettings: [],
    training: [{ course: 'Introduktion', at: '2025-01-01T00:00:00.000Z' }],
    supervisions: 1,
    lastSupervisionAt: '2026-10-01T10:00:00.000Z',
  };

  it('asks for the courses the programme now names', () => {
    expect(trainingGaps(s, 'care_visits', NOW)).toEqual([]);
    expect(trainingGaps(s, 'care_visits', NOW, withCareVisits({ requiredCourses: ['Introduktion', 'Førstehjælp'] }))).toEqual(['Førstehjælp']);
  });

  it('has supervision due after the shortest interval of the programmes served (8 weeks: 26 November)', () => {
    expect(nextSupervisionDue(s)).toBe('2026-12-24T10:00:00.000Z');
    expect(nextSupervisionDue(s, withCareVisits({ supervisionEveryWeeks: 8 }))).toBe('2026-11-26T10:00:00.000Z');
  });
});

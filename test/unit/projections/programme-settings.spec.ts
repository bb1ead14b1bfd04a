import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../../domain/case/case.events';
import type { ProgrammeEvent } from '../../../domain/programme/programme.events';
import { DEFAULT_PROGRAMME_SETTINGS, ProgrammeSettings } from '../../../domain/programme/programme.settings';
import type { VolunteerStanding } from '../../../domain/visitor/volunteer.standing';
import { assessmentsDue } from '../../../projections/assessments/assessments-due';
import { AssessmentCase, assessmentsProjection } from '../../../projections/assessments/assessments';
import { Directory } from '../../../projections/directory/directory';
import { programmeHistory } from '../../../projections/programmes/programme-history';
import { attention, volunteerView } from '../../../projections/volunteers/volunteer-view';
import { booked, Log, referral, triaged } from './events.fixture';

/**
 * The read side and the programme settings (issues 19, 20, 22): the Directory
 * folds the `programme-<code>` streams; what is due (UCLA-3, supervision,
 * courses) is computed when asked, with the settings in force then. A
 * follow-up already scheduled keeps its day (it is in its event).
 */
const changed = (programme: 'care_visits' | 'companion', settings: Partial<ProgrammeSettings>, at = '2026-06-01T08:00:00.000Z'): ProgrammeEvent => ({
  type: 'ProgrammeSettingsChanged',
  data: { programme, ...DEFAULT_PROGRAMME_SETTINGS[programme], ...settings, at },
});

describe('the Directory keeps the programmes\' settings', () => {
  const apply = (...events: ProgrammeEvent[]) => {
    const directory = new Directory();
    events.forEach((e, revision) => directory.apply({ streamId: `programme-${e.data.programme}`, type: e.type, data: e.data, revision }));
    return directory;
  };

  it('has the defaults for every programme until one is changed', () => {
    expect(new Directory().programmeSettings()).toEqual(DEFAULT_PROGRAMME_SETTINGS);
  });

  it('takes the latest change of a programme, and leaves the others at the defaults', () => {
    const d = apply(changed('care_visits', { followUpMonths: 6 }), changed('care_visits', { followUpMonths: 4, reassessEveryWeeks: 8 }, '2026-07-01T08:00:00.000Z'));
    expect(d.programmeSettings().care_visits).toEqual({ ...DEFAULT_PROGRAMME_SETTINGS.care_visits, followUpMonths: 4, reassessEveryWeeks: 8 });
    expect(d.programmeSettings().companion).toEqual(DEFAULT_PROGRAMME_SETTINGS.companion);
    expect(d.programmes.get('care_visits')?.changedAt).toBe('2026-07-01T08:00:00.000Z');
    expect([...d.touched]).toEqual(['programme:care_visits']);
  });

  it('ignores a stream whose code is no programme', () => {
    const d = new Directory();
    d.apply({ streamId: 'programme-bingo', type: 'ProgrammeSettingsChanged', data: { ...changed('care_visits', { followUpMonths: 9 }).data, programme: 'bingo' }, revision: 0 });
    expect(d.programmeSettings()).toEqual(DEFAULT_PROGRAMME_SETTINGS);
  });
});

describe('UCLA-3 due by the programme\'s reassessEveryWeeks', () => {
  const now = '2026-06-15T10:00:00.000Z';
  const visitorId = randomUUID();
  const assessed = (at: string): CaseEvent => ({ type: 'LonelinessAssessed', data: { instrument: 'ucla3', answers: [3, 2, 2], score: 7, severe: true, scaleVersion: 'ucla3-v1', at } });
  const caseId = randomUUID();
  const closedId = randomUUID();
  const log = new Log()
    .case(caseId, [referral(), triaged(), booked(visitorId, '2026-03-30T09:00:00.000Z'), assessed('2026-04-13T09:00:00.000Z')])
    .case(closedId, [
      referral(),
      triaged(),
      booked(visitorId, '2026-01-05T09:00:00.000Z'),
      { type: 'CaseClosed', data: { reason: 'relation_established', at: '2026-03-10T09:00:00.000Z' } },
      { type: 'FollowUpScheduled', data: { followUpId: 'f1', dueAt: '2026-06-10T09:00:00.000Z' } },
    ]);
  const cases = [...log.project(assessmentsProjection).docs.values()] as AssessmentCase[];
  const due = (settings = DEFAULT_PROGRAMME_SETTINGS) => assessmentsDue(cases, { withinDays: 0 }, now, settings).map((i) => [i.caseId, i.kind, i.dueAt]);

  it('is not yet due 9 weeks after the last measurement with the default 12 weeks', () => {
    expect(due()).toEqual([[closedId, 'follow_up', '2026-06-10T09:00:00.000Z']]);
  });

  it('is due after 8 weeks when the programme says 8, and the scheduled follow-up keeps its day when the months change', () => {
    const settings = { ...DEFAULT_PROGRAMME_SETTINGS, care_visits: { ...DEFAULT_PROGRAMME_SETTINGS.care_visits, reassessEveryWeeks: 8, followUpMonths: 6 } };
    expect(due(settings)).toEqual([
      [caseId, 'periodic', '2026-06-08T09:00:00.000Z'],
      [closedId, 'follow_up', '2026-06-10T09:00:00.000Z'],
    ]);
  });
});

describe('a volunteer\'s view by the settings in force', () => {
  const NOW = '2026-11-24T12:00:00.000Z';
  const standing: VolunteerStanding = {
    status: 'active',
    appliedAt: '2025-10-01T10:00:00.000Z',
    approvedAt: '2025-11-01T10:00:00.000Z',
    programmes: ['care_visits'],
    provisos: [],
    vettings: [],
    training: [{ course: 'Introduktion', at: '2025-11-01T10:00:00.000Z' }],
    lastSupervisionAt: '2026-09-15T10:00:00.000Z',
    supervisions: 4,
  };
  const v = { visitorId: 'v1', name: 'Birthe Madsen', kind: 'volunteer' as const, capacity: 2, active: true, activeCaseIds: new Set<string>(), standing };
  const settings = { ...DEFAULT_PROGRAMME_SETTINGS, care_visits: { ...DEFAULT_PROGRAMME_SETTINGS.care_visits, requiredVetting: [], requiredCourses: ['Introduktion', 'Førstehjælp'], supervisionEveryWeeks: 8 } };

  it('computes supervision due, missing vetting and courses from the current settings', () => {
    expect(volunteerView(v, NOW)).toMatchObject({ missingVetting: ['straffeattest'], missingTraining: [], supervision: { nextDue: '2026-12-08T10:00:00.000Z', overdue: false } });
    expect(volunteerView(v, NOW, settings)).toMatchObject({ missingVetting: [], missingTraining: ['Førstehjælp'], supervision: { nextDue: '2026-11-10T10:00:00.000Z', overdue: true } });
  });

  it('puts the volunteer on the attention list for what the settings now ask', () => {
    expect(attention([v], NOW)[0]!.reasons.map((r) => r.reason)).toEqual(['vetting_missing']);
    expect(attention([v], NOW, settings)[0]!.reasons.map((r) => r.reason)).toEqual(['supervision_overdue', 'training_missing']);
  });
});

describe('the programme\'s history', () => {
  it('labels each change in Danish and says what the settings became', () => {
    const [entry] = programmeHistory([{ type: 'ProgrammeSettingsChanged', data: changed('companion', { followUpMonths: 1, requiredVetting: [] }).data, revision: 0, recordedAt: '2026-06-01T08:00:01.000Z' }]);
    expect(entry).toMatchObject({
      at: '2026-06-01T08:00:00.000Z',
      label: 'Indstillinger ændret',
      summary: 'Opfølgning efter 1 måned; attester: ingen; kurser: Introduktion, Samtale om selvmordstanker; supervision hver 12 uger; UCLA-3 hver 12 uger',
    });
  });
});

import { count, days, mean, share, SUPPRESSED } from '../../../../projections/outcomes/cells';
import { ageBandOf, daysBetween } from '../../../../projections/outcomes/case-outcome';
import { calendarDaysBetween } from '../../../../projections/shared/time';
import { closedKey, outcomeCaseKey } from '../../../../projections/outcomes/outcome-facts';
import { complements, outcomes } from '../../../../projections/outcomes/outcomes';
import { closedDocs, leaves, project, Story } from './outcome-story';

const S = SUPPRESSED;
const MAY = { from: '2026-05-01', to: '2026-05-31' };

/**
 * Seed 003's Frida and five more community-guide cases, all referred on
 * 5 January 2026 and closed in May: "Fællesskabsguidernes rolle: Er at gøre
 * vejen fra ensomhed til deltagelse i et fællesskab så kort, overskuelig og
 * tryg som mulig". The figures below are worked out by hand in each comment.
 */
const frida: Story = {
  id: 'frida', role: 'relative', birthYear: 1995, visitAt: '2026-01-15T10:00:00.000Z',
  scores: [['2026-01-15T10:00:00.000Z', 8], ['2026-05-01T10:00:00.000Z', 5]],
  relations: [['self_help_group', '2026-02-04T10:00:00.000Z'], ['social_cafe', '2026-03-06T10:00:00.000Z']],
  close: { reason: 'relation_established', at: '2026-05-04T10:00:00.000Z' },
  followUp: { outcome: 'still_connected', at: '2026-08-04T10:00:00.000Z', score: 4 },
};
const six: Story[] = [
  frida,
  { id: 'c2', role: 'relative', birthYear: 1990, visitAt: '2026-01-25T10:00:00.000Z', dismissals: 1,
    scores: [['2026-01-25T10:00:00.000Z', 7], ['2026-05-01T10:00:00.000Z', 6]], relations: [['friend', '2026-03-06T10:00:00.000Z']],
    close: { reason: 'relation_established', at: '2026-05-06T10:00:00.000Z' }, followUp: { outcome: 'partly', at: '2026-08-06T10:00:00.000Z', score: 6 } },
  { id: 'c3', role: 'relative', birthYear: 1988, visitAt: '2026-01-10T10:00:00.000Z',
    scores: [['2026-01-10T10:00:00.000Z', 9], ['2026-05-01T10:00:00.000Z', 6]], relations: [['social_cafe', '2026-04-05T10:00:00.000Z']],
    close: { reason: 'relation_established', at: '2026-05-08T10:00:00.000Z' }, followUp: { outcome: 'still_connected', at: '2026-08-08T10:00:00.000Z', score: 5 } },
  { id: 'c4', role: 'relative', birthYear: 2000, visitAt: '2026-01-20T10:00:00.000Z',
    scores: [['2026-01-20T10:00:00.000Z', 6], ['2026-05-01T10:00:00.000Z', 4]], relations: [['self_help_group', '2026-01-25T10:00:00.000Z']],
    close: { reason: 'relation_established', at: '2026-05-12T10:00:00.000Z' }, followUp: { outcome: 'lost_touch', at: '2026-08-12T10:00:00.000Z', score: 7 } },
  { id: 'c5', role: 'hospital', birthYear: 1980, visitAt: '2026-02-04T10:00:00.000Z',
    scores: [['2026-02-04T10:00:00.000Z', 5], ['2026-05-06T10:00:00.000Z', 3]], relations: [['network', '2026-05-05T10:00:00.000Z']],
    close: { reason: 'relation_established', at: '2026-05-10T10:00:00.000Z' }, followUp: { outcome: 'still_connected', at: '2026-08-10T10:00:00.000Z', score: 3 } },
  { id: 'c6', role: 'hospital', birthYear: 1985, visitAt: '2026-01-12T10:00:00.000Z', dismissals: 2,
    scores: [['2026-01-12T10:00:00.000Z', 8]],
    close: { reason: 'moved', at: '2026-05-20T10:00:00.000Z' }, followUp: { outcome: 'not_reached', at: '2026-08-20T10:00:00.000Z' } },
];
/** Not in May: closed at 00:30 on 1 June in Copenhagen (still 31 May in UTC), declined in May, still open. */
const outside: Story[] = [
  { id: 'june', scores: [['2026-01-15T10:00:00.000Z', 9], ['2026-05-01T10:00:00.000Z', 3]], close: { reason: 'relation_established', at: '2026-05-31T22:30:00.000Z' } },
  { id: 'declined', close: { reason: 'not_lonely', at: '2026-05-10T10:00:00.000Z', declined: true } },
  { id: 'open', scores: [['2026-01-15T10:00:00.000Z', 9], ['2026-05-01T10:00:00.000Z', 3]] },
];

describe('outcomes of the cases closed in a period (issue 22)', () => {
  const view = project([...six, ...outside]);
  const answer = outcomes(closedDocs(view), MAY);

  it('keeps one document per case and a copy under the Copenhagen month of its closure, with no personal data', () => {
    expect(view.docs.has(outcomeCaseKey('open'))).toBe(true);
    expect(view.docs.has(closedKey('2026-06', 'june'))).toBe(true);
    expect(view.docs.has(closedKey('2026-05', 'frida'))).toBe(true);
    // The follow-up held after the closure is in the copy too.
    expect(view.docs.get(closedKey('2026-05', 'frida'))!.followUps).toEqual([{ at: '2026-08-04T10:00:00.000Z', outcome: 'still_connected', score: 4 }]);
    expect(JSON.stringify([...view.docs.values()])).not.toMatch(/enc:v2|citizen-|Birthe/);
  });

  it('counts only the cases closed in the period: not declined referrals, not a closure on 1 June in Copenhagen', () => {
    expect(answer.all.cases).toBe(6);
    expect(outcomes(closedDocs(view), { from: '2026-06-01', to: '2026-06-30' }).all.cases).toEqual(S);
  });

  it('compares the first and last UCLA-3 of the paired cases (seed 001: "registrering af og opfølgning på ensomhed")', () => {
    // Paired: frida 8→5, c2 7→6, c3 9→6, c4 6→4, c5 5→3 (c6 has one score). First 35/5, last 24/5, change −11/5.
    // Improved: all five. Severe at first (≥ 7): frida, c2, c3 = 3; no longer severe: all three; both under 5, so "< 5".
    expect(answer.all.loneliness).toEqual({
      paired: 5, meanFirst: 7, meanLast: 4.8, meanChange: -2.2, improved: 5, shareImproved: 1,
      severeAtFirst: S, noLongerSevere: S, shareNoLongerSevere: S,
    });
  });

  it('measures the time to the first relation from the referral, and the relations per case by kind', () => {
    // First relation after 30 (frida), 60 (c2), 90 (c3), 20 (c4), 120 (c5) days: sorted 20 30 60 90 120, median 60, p90 120.
    expect(answer.all.daysToFirstRelation).toEqual({ n: 5, median: 60, p90: 120, bands: { '0-30': S, '31-90': S, '91-180': S, '181+': S } });
    // Six relations over six cases; five with one, all five closed as relation_established: 5/6.
    expect(answer.all.relations).toMatchObject({ withRelation: 5, shareWithRelation: 0.833, perCase: 1, endedWithRelation: 5, shareEndedWithRelation: 0.833 });
    expect(answer.all.relations.byKind).toEqual({
      friend: { cases: S, relations: S }, network: { cases: S, relations: S },
      self_help_group: { cases: S, relations: S }, social_cafe: { cases: S, relations: S },
    });
  });

  it('reports the waiting before the first visit, the dismissed-but-returning cases (seed 000: "fyret ... men vi kommer alligevel") and the follow-ups', () => {
    // 10, 20, 5, 15, 30, 7 days: sorted 5 7 10 15 20 30, median (3rd) 10, p90 (6th) 30.
    expect(answer.all.daysToFirstVisit).toEqual({ n: 6, median: 10, p90: 30 });
    // c2 (ended with a relation) and c6 (moved): two cases.
    expect(answer.all.dismissedButReturning).toEqual({ cases: S, endedBy: { moved: S, relation_established: S }, shareEndedWithRelation: S });
    // Six held; five scored 4, 6, 5, 7, 3 (mean 5); change from the last score −1, 0, −1, +3, 0 (mean 0.2).
    expect(answer.all.followUp).toEqual({
      held: 6, byOutcome: { still_connected: S, partly: S, lost_touch: S, not_reached: S }, scored: 5, meanScore: 5, meanChangeFromLast: 0.2,
    });
  });

  it('splits by programme, referrer role and age band, leaving out groups with no case', () => {
    expect(Object.keys(answer.byProgramme)).toEqual(['community_guide']);
    expect(answer.byProgramme.community_guide).toEqual(answer.all);
    expect(Object.keys(answer.byReferrerRole)).toEqual(['hospital', 'relative']);
    expect(answer.byReferrerRole.relative!.cases).toEqual(S);
    // Born 1980–2000, referred in 2026: all under 50.
    expect(Object.keys(answer.byAgeBand)).toEqual(['under_50']);
    expect(outcomes(closedDocs(view), { ...MAY, programme: 'care_visits' }).all.cases).toEqual(S);
  });

  it('shows no figure about fewer than five cases anywhere: a group of four reads "< 5" in every cell', () => {
    const four = outcomes(closedDocs(project(six.slice(0, 4))), MAY);
    for (const [path, leaf] of leaves(four)) {
      if (['from', 'to', 'programme'].includes(path)) continue;
      expect([path, leaf]).toEqual([path, { suppressed: true, display: '< 5' }]);
    }
  });
});

describe('the small-cell rule', () => {
  it('suppresses counts, shares, means and days about fewer than five cases', () => {
    expect([count(0), count(4), count(5)]).toEqual([S, S, 5]);
    expect([share(4, 10), share(5, 9), share(5, 5)]).toEqual([S, 0.556, 1]);
    expect([mean([1, 2, 3, 4]), mean([1, 2, 3, 4, 6])]).toEqual([S, 3.2]);
    expect(days([1, 2, 3, 4])).toEqual({ n: S, median: S, p90: S });
    expect(days([9, 1, 5, 3, 7])).toEqual({ n: 5, median: 5, p90: 9 });
  });

  it('counts Copenhagen calendar days as the shared rule does, across summer time and midnight in UTC', () => {
    const pairs: Array<[string, string]> = [
      ['2026-03-28T23:30:00Z', '2026-03-29T22:30:00Z'], ['2026-10-24T22:30:00Z', '2026-10-25T23:30:00Z'],
      ['2026-01-05T08:00:00Z', '2026-05-05T10:00:00Z'], ['2026-05-31T22:30:00Z', '2026-05-31T21:30:00Z'], ['2025-12-31T23:00:00Z', '2026-12-31T22:59:00Z'],
    ];
    for (const [from, to] of pairs) expect([from, to, daysBetween(from, to)]).toEqual([from, to, calendarDaysBetween(from, to)]);
  });

  it('bands ages at the referral from the birth year', () => {
    expect(ageBandOf({ referredAt: '2026-01-05T08:00:00Z', birthYear: 1941 })).toBe('85_plus');
    expect(ageBandOf({ referredAt: '2026-01-05T08:00:00Z', birthYear: 1942 })).toBe('75_84');
    expect(ageBandOf({ referredAt: '2026-01-05T08:00:00Z', birthYear: 1961 })).toBe('65_74');
    expect(ageBandOf({ referredAt: '2026-01-05T08:00:00Z' })).toBe('unknown');
  });
});

describe('complementary suppression (the small-cell rule across a split)', () => {
  const groups = (sizes: Record<string, number>) => Object.entries(sizes).map(([key, size]) => ({ key, size }));

  it('given six cases, five in one programme and one in another, when split, then the five are hidden too: 6 − 5 would give the one away', () => {
    expect([...complements(groups({ community_guide: 5, care_visits: 1 }))]).toEqual(['community_guide']);
  });

  it('given small groups that hold five cases or more between them, when split, then no group shown is hidden', () => {
    expect([...complements(groups({ a: 3, b: 2, c: 9 }))]).toEqual([]);
  });

  it('given no small group, when split, then nothing is hidden', () => {
    expect([...complements(groups({ a: 5, b: 7 }))]).toEqual([]);
  });

  it('given one small group, when split, then the smallest group shown is hidden, the larger ones stay', () => {
    expect([...complements(groups({ a: 20, b: 6, c: 2, d: 11 }))]).toEqual(['b']);
  });
});

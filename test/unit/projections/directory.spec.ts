import type { CaseEvent } from '../../../domain/case/case.events';
import { evolveCase, initialCaseState } from '../../../domain/case/case.evolve';
import { NEEDS } from '../../../domain/shared/codes';
import { Directory, DirectoryEvent } from '../../../projections/directory/directory';
import { referred, triaged } from '../domain/case.fixtures';

/** Given events in global order, the Directory knows visitors' open cases and the citizens. */
describe('the directory', () => {
  let revision = 0;
  const event = (streamId: string, type: string, data: object = {}): DirectoryEvent => ({ streamId, type, data, revision: revision++ });
  const given = (...events: DirectoryEvent[]) => {
    const directory = new Directory();
    events.forEach((e) => directory.apply(e));
    return directory;
  };
  const referral = (caseId: string, citizenId: string, name?: string) =>
    event(`case-${caseId}`, 'ReferralReceived', {
      citizenId,
      programme: 'care_visits',
      referredAt: '2026-03-02T09:15:00+01:00',
      citizen: name ? { name, address: 'Algade 12, 4180 Sorø' } : undefined,
    });
  const registered = (visitorId: string, capacity = 2) =>
    event(`visitor-${visitorId}`, 'VisitorRegistered', { visitorId, name: 'Birthe', kind: 'volunteer', capacity });

  it('counts a visitor’s open cases from booking until the case closes', () => {
    const d = given(
      registered('v1'),
      referral('c1', 'p1', 'Karen'),
      event('case-c1', 'TriagedToVolunteer', { priority: 'normal' }),
      event('case-c1', 'FirstVisitBooked', { visitorId: 'v1' }),
    );
    expect(d.activeCasesOf('v1')).toBe(1);
    expect(d.activeCasesOf('v1', 'c1')).toBe(0);
    d.apply(event('case-c1', 'CaseClosed', { reason: 'moved' }));
    expect(d.activeCasesOf('v1')).toBe(0);
    expect(d.cases.get('c1')).toMatchObject({ status: 'Closed', visitorId: 'v1' });
  });

  it('moves the place from one visitor to the other on reassignment', () => {
    const d = given(
      registered('v1'),
      registered('v2'),
      referral('c1', 'p1'),
      event('case-c1', 'TriagedToProfessional', { priority: 'high' }),
      event('case-c1', 'FirstVisitBooked', { visitorId: 'v1' }),
      event('case-c1', 'VisitorReassigned', { fromVisitorId: 'v1', toVisitorId: 'v2' }),
    );
    expect([d.activeCasesOf('v1'), d.activeCasesOf('v2')]).toEqual([0, 1]);
    expect(d.cases.get('c1')).toMatchObject({ status: 'Active', track: 'professional', visitorId: 'v2' });
  });

  it('puts a waiting case on the professional track when suicidal thoughts are flagged', () => {
    const d = given(referral('c1', 'p1'), event('case-c1', 'TriagedToVolunteer', { priority: 'low' }), event('case-c1', 'RiskFlagged', { risk: 'suicidal_thoughts' }));
    expect(d.cases.get('c1')!.track).toBe('professional');
  });

  // Issue #17: GET /cases said `professional` after "Fortvivlet situation" while the case said `volunteer`.
  it.each(NEEDS)('gives the track the case itself has after the risk %s is flagged on a volunteer-track case', (risk) => {
    const d = given(referral('c1', 'p1'), event('case-c1', 'TriagedToVolunteer', { priority: 'normal' }), event('case-c1', 'RiskFlagged', { risk }));
    const state = [referred(), triaged('volunteer'), { type: 'RiskFlagged', data: { risk, note: 'n', at: '2026-03-05T09:00:00.000Z' } } as CaseEvent].reduce(evolveCase, initialCaseState());
    expect(state.status).toBe('Waiting');
    expect(d.cases.get('c1')!.track).toBe((state as { track: string }).track);
  });

  it('keeps the volunteer track when "Fortvivlet situation" is flagged: only suicidal thoughts need a professional', () => {
    const d = given(referral('c1', 'p1'), event('case-c1', 'TriagedToVolunteer', { priority: 'normal' }), event('case-c1', 'RiskFlagged', { risk: 'desperate_situation' }));
    expect(d.cases.get('c1')!.track).toBe('volunteer');
  });

  it('knows a citizen referred again by id, with the name from the first referral', () => {
    const d = given(referral('c1', 'p1', 'Frida'), referral('c2', 'p1'));
    expect(d.citizens.get('p1')!.caseIds).toEqual(['c1', 'c2']);
    expect(d.cases.get('c2')!.citizenName).toBe('Frida');
  });

  it('forgets the name of an erased citizen and remembers the erasure', () => {
    const d = given(referral('c1', 'p1', 'Frida'), event('citizen-p1', 'CitizenErased', {}));
    expect(d.citizens.get('p1')!.erased).toBe(true);
    expect(d.cases.get('c1')!.citizenName).toBeUndefined();
  });

  it('follows capacity changes and deactivation', () => {
    const d = given(registered('v1', 2), event('visitor-v1', 'VisitorCapacityChanged', { capacity: 4 }), event('visitor-v1', 'VisitorDeactivated', {}));
    expect(d.visitors.get('v1')).toMatchObject({ capacity: 4, active: false });
  });

  it('ignores events of a case it never saw referred', () => {
    const d = given(event('case-unknown', 'FirstVisitBooked', { visitorId: 'v1' }));
    expect(d.cases.size).toBe(0);
  });
});

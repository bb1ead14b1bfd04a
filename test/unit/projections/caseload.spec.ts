import { randomUUID } from 'node:crypto';
import { Assignment, assignmentPrefix, CaseCard, caseKey, caseload, caseloadProjection, VisitorLoad, visitorKey } from '../../../projections/caseload/caseload';
import { MapView } from '../../../projections/shared/projection';
import { booked, Log, referral, registered, triaged } from './events.fixture';

describe("a visitor's caseload", () => {
  const view = (log: Log) => log.project(caseloadProjection);
  const loadOf = (docs: MapView<unknown>, visitorId: string, now = '2026-03-12T12:00:00.000Z') => {
    const visitor = docs.get(visitorKey(visitorId)) as VisitorLoad;
    const assigned = [...docs.docs.keys()].filter((key) => key.startsWith(assignmentPrefix(visitorId))).map((key) => (docs.get(key) as Assignment).caseId);
    return caseload(visitor, assigned.map((id) => docs.get(caseKey(id)) as CaseCard), now);
  };

  it('shows active cases with the visit card, open tasks, themes to follow up and free places', () => {
    const visitor = registered(3);
    const { visitorId } = visitor.data as { visitorId: string };
    const caseId = randomUUID();
    const taskId = randomUUID();
    const log = new Log().visitor(visitorId, [visitor]).case(caseId, [
      referral(),
      triaged(),
      booked(visitorId),
      { type: 'VisitHeld', data: { visitorId, visitedAt: '2026-03-09T09:05:00.000Z', nextVisitAt: '2026-03-16T09:00:00.000Z', themes: ['varmehjælp'] } },
      { type: 'TaskOpened', data: { taskId, kind: 'heating_aid', description: 'Varmehjælp' } },
      { type: 'TaskOpened', data: { taskId: randomUUID(), kind: 'grant', description: 'Legat' } },
      { type: 'TaskCompleted', data: { taskId, outcome: 'Bevilget' } },
    ]);
    const load = loadOf(view(log), visitorId);
    expect(load).toMatchObject({ visitorId, capacity: 3, activeCases: 1, freePlaces: 2, overdue: 0 });
    expect(load.cases[0]).toMatchObject({ caseId, nextVisitAt: '2026-03-16T09:00:00.000Z', lastThemes: ['varmehjælp'], overdue: false });
    expect(load.cases[0]!.openTasks.map((t) => t.kind)).toEqual(['grant']);
  });

  it("puts the citizen's situation and the requested tasks on the visit card, for the visitor to read before going", () => {
    const visitor = registered();
    const { visitorId } = visitor.data as { visitorId: string };
    const situation = { physical: 'KOL, går dårligt på trapper', social: 'Enke, ingen børn i nærheden' };
    const log = new Log().visitor(visitorId, [visitor]).case(randomUUID(), [referral({ situation, requestedTasks: ['heating_aid', 'grant'] }), triaged(), booked(visitorId)]);
    expect(loadOf(view(log), visitorId).cases[0]).toMatchObject({ situation, requestedTasks: ['heating_aid', 'grant'] });
  });

  it('marks a visit overdue when the agreed time passed with no visit recorded', () => {
    const visitor = registered();
    const { visitorId } = visitor.data as { visitorId: string };
    const log = new Log().visitor(visitorId, [visitor]).case(randomUUID(), [referral(), triaged(), booked(visitorId, '2026-03-09T09:00:00.000Z')]);
    expect(loadOf(view(log), visitorId, '2026-03-10T09:00:00.000Z')).toMatchObject({ overdue: 1 });
    expect(loadOf(view(log), visitorId, '2026-03-08T09:00:00.000Z')).toMatchObject({ overdue: 0 });
  });

  it('moves a reassigned case from one visitor to the other, and frees the place when it closes', () => {
    const [first, second] = [registered(), registered()];
    const a = (first.data as { visitorId: string }).visitorId;
    const b = (second.data as { visitorId: string }).visitorId;
    const caseId = randomUUID();
    const log = new Log()
      .visitor(a, [first])
      .visitor(b, [second])
      .case(caseId, [
        referral({ needs: ['suicidal_thoughts'] }),
        triaged('high', 'professional'),
        booked(a),
        { type: 'VisitorReassigned', data: { fromVisitorId: a, toVisitorId: b, toVisitorKind: 'employee', toVisitorName: 'Anne', reason: 'ferie' } },
      ]);
    expect(loadOf(view(log), a).cases).toEqual([]);
    expect(loadOf(view(log), b).cases[0]).toMatchObject({ caseId, riskFlags: ['suicidal_thoughts'], track: 'professional' });
    log.case(caseId, [{ type: 'CaseClosed', data: { reason: 'moved', at: '2026-03-20T08:00:00.000Z' } }]);
    expect(loadOf(view(log), b)).toMatchObject({ activeCases: 0, freePlaces: 3 });
  });

  it('keeps the card of the latest visit when an earlier visit is recorded late', () => {
    const visitor = registered();
    const { visitorId } = visitor.data as { visitorId: string };
    const log = new Log().visitor(visitorId, [visitor]).case(randomUUID(), [
      referral(),
      triaged(),
      booked(visitorId),
      { type: 'VisitHeld', data: { visitorId, visitedAt: '2026-03-16T09:00:00.000Z', nextVisitAt: '2026-03-23T09:00:00.000Z', themes: ['boligydelse'] } },
      { type: 'VisitHeld', data: { visitorId, visitedAt: '2026-03-09T09:00:00.000Z', nextVisitAt: '2026-03-16T09:00:00.000Z', themes: ['varmehjælp'] } },
    ]);
    expect(loadOf(view(log), visitorId).cases[0]).toMatchObject({ nextVisitAt: '2026-03-23T09:00:00.000Z', lastThemes: ['boligydelse'] });
  });
  it("lists the companion's appointments still scheduled beside the visits, earliest first, and counts them (issue #19, seed 002)", () => {
    const visitor = registered();
    const { visitorId } = visitor.data as { visitorId: string };
    const [caseId, bank, doctor, jobcentre] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const scheduled = (appointmentId: string, what: 'bank' | 'egen_laege' | 'kommune_jobcenter', at: string) =>
      ({ type: 'AppointmentScheduled' as const, data: { appointmentId, with: what, purpose: `Møde ${what}`, at } });
    const log = new Log().visitor(visitorId, [visitor]).case(caseId, [
      referral(),
      triaged(),
      booked(visitorId),
      scheduled(jobcentre, 'kommune_jobcenter', '2026-03-20T09:00:00.000Z'),
      scheduled(doctor, 'egen_laege', '2026-03-18T09:00:00.000Z'),
      scheduled(bank, 'bank', '2026-03-25T09:00:00.000Z'),
      { type: 'AppointmentCancelled', data: { appointmentId: bank, reason: 'Banken ringede' } },
    ]);
    const load = loadOf(view(log), visitorId);
    expect(load.appointments).toBe(2);
    expect(load.cases[0]!.appointments).toEqual([
      { appointmentId: doctor, with: 'egen_laege', at: '2026-03-18T09:00:00.000Z', purpose: 'Møde egen_laege' },
      { appointmentId: jobcentre, with: 'kommune_jobcenter', at: '2026-03-20T09:00:00.000Z', purpose: 'Møde kommune_jobcenter' },
    ]);
    log.case(caseId, [
      { type: 'AppointmentAccompanied', data: { appointmentId: doctor, at: '2026-03-18T10:00:00.000Z', debrief: 'Godt møde' } },
    ]);
    expect(loadOf(view(log), visitorId)).toMatchObject({ appointments: 1, cases: [{ appointments: [{ appointmentId: jobcentre }] }] });
  });
});

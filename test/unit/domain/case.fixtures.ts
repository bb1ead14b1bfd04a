import { randomUUID } from 'node:crypto';
import type { CaseCommand, CaseContext, ReceiveReferral, VisitorSnapshot } from '../../../domain/case/case.commands';
import type { CaseEvent, FirstVisitBooked, ReferralReceived } from '../../../domain/case/case.events';
import { caseDecider } from '../../../domain/case/case.stream';
import type { VisitorKind } from '../../../domain/shared/codes';
import { deciderSpec } from '../../support/decider-spec';

/** Karen from the parish care visits (000), as the decider sees her; a fresh case and citizen id per call. */

export const NOW = '2026-11-24T12:00:00.000Z';
export const coordinator = { id: 'coordinator-1', role: 'coordinator' as const };

export const context = (overrides: Partial<CaseContext> = {}): CaseContext => ({ now: NOW, actor: coordinator, ...overrides });
export const spec = deciderSpec(caseDecider, context);

export function referral(overrides: Partial<ReceiveReferral['data']> = {}): ReceiveReferral {
  return {
    type: 'ReceiveReferral',
    data: {
      caseId: randomUUID(),
      citizenId: randomUUID(),
      programme: 'care_visits',
      referredAt: '2026-03-02T09:15:00+01:00',
      referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd', phone: '20304050' },
      citizen: { name: 'Karen Nielsen', address: 'Algade 12, 2. th, 4180 Sorø', phone: '+45 57 83 12 34', cpr: '120345-1234' },
      situation: { physical: 'KOL', psychological: 'trist, isoleret', social: 'enke' },
      needs: ['loneliness_symptoms', 'applications'],
      requestedTasks: ['heating_aid'],
      consent: { given: true, recordedBy: 'Jette Holm', at: '2026-03-01T14:00:00+01:00' },
      ...overrides,
    },
  };
}

/** The event a referral causes (run through the decider, so fixtures cannot drift from it). */
export const referred = (overrides: Partial<ReceiveReferral['data']> = {}): ReferralReceived =>
  spec.given([]).when(referral(overrides)).events()[0] as ReferralReceived;

export const visitor = (kind: VisitorKind = 'volunteer', overrides: Partial<VisitorSnapshot> = {}): VisitorSnapshot => ({
  visitorId: randomUUID(),
  name: 'Birthe Madsen',
  phone: '+4540506070',
  kind,
  capacity: 3,
  active: true,
  activeCases: 0,
  ...overrides,
});

export const triaged = (track: 'volunteer' | 'professional' = 'volunteer'): CaseEvent => ({
  type: track === 'volunteer' ? 'TriagedToVolunteer' : 'TriagedToProfessional',
  data: { reason: 'Ensom efter mandens død', priority: 'normal', by: coordinator.id },
});

/** `at`: when it was booked; left out, as in events written before bookings said. */
export const booked = (v: VisitorSnapshot, visitAt = '2026-03-09T09:00:00.000Z', at?: string): FirstVisitBooked => ({
  type: 'FirstVisitBooked',
  data: { visitorId: v.visitorId, visitorKind: v.kind, visitorName: v.name, visitorPhone: v.phone!, visitAt, ...(at !== undefined && { at }) },
});

/** A case that is Active with `v` as its visitor, first visit agreed at 2026-03-09 09:00 UTC. */
export const activeWith = (v: VisitorSnapshot, track: 'volunteer' | 'professional' = 'volunteer'): CaseEvent[] => [
  referred(),
  triaged(track),
  booked(v),
];

export const command = <T extends CaseCommand['type']>(type: T, data: Extract<CaseCommand, { type: T }>['data']): CaseCommand =>
  ({ type, data }) as CaseCommand;

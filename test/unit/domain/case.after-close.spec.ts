import { randomUUID } from 'node:crypto';
import { caseDecider } from '../../../domain/case/case.stream';
import type { CaseEvent } from '../../../domain/case/case.events';
import { fold } from '../../../domain/shared/decider';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { upcast } from '../../../src/event-store/upcasters';
import { activeWith, command, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * The end of a case and what comes after it (issue #19). Seed 003: the guides
 * "tilbyder at følges med borgerne de første gange og følger op"; and the goal
 * is "at undgå, at fællesskabsguiden forbliver den primære støtteperson".
 */
const v = visitor();
const followUpId = randomUUID();
const relation: CaseEvent = { type: 'RelationEstablished', data: { kind: 'activity', description: 'Strikkeklubben i Sorø', at: '2026-04-14T10:00:00.000Z' } };
const withRelation = [...activeWith(v), relation];
const close = (data: Partial<{ reason: 'relation_established' | 'moved' | 'deceased'; at: string; followUp: boolean; noFollowUpReason: string }> = {}) =>
  command('CloseCase', { reason: 'relation_established', at: '2026-04-20T12:00:00+02:00', followUpId, ...data });
const closed: CaseEvent = { type: 'CaseClosed', data: { reason: 'relation_established', at: '2026-04-20T10:00:00.000Z' } };
const scheduled: CaseEvent = { type: 'FollowUpScheduled', data: { followUpId, dueAt: '2026-07-20T10:00:00.000Z' } };

describe('closing a case', () => {
  it('needs a recorded relation to close with relation_established', () => {
    spec.given(activeWith(v)).when(close()).thenThrows(IllegalStateError, 'no_relation_recorded');
    spec.given([referred(), triaged()]).when(close()).thenThrows(IllegalStateError, 'no_relation_recorded');
  });

  it('schedules a follow-up three months after the end by default: "og følger op" (seed 003)', () => {
    spec.given(withRelation).when(close()).then([closed, scheduled]);
    expect(fold(caseDecider, [...withRelation, closed, scheduled])).toMatchObject({ status: 'Closed', followUps: [{ followUpId, dueAt: '2026-07-20T10:00:00.000Z' }] });
  });

  it('counts the three months on the Copenhagen calendar, across summer time', () => {
    const events = spec.given(withRelation).when(close({ at: '2026-01-15T10:00:00+01:00' })).events();
    // 10.00 in winter is 09.00 UTC; 10.00 on 15 April (summer time) is 08.00 UTC.
    expect(events[1]).toEqual({ type: 'FollowUpScheduled', data: { followUpId, dueAt: '2026-04-15T08:00:00.000Z' } });
  });

  it('leaves the follow-up out when asked, with a reason, and refuses that without one', () => {
    spec.given(activeWith(v)).when(close({ reason: 'moved', followUp: false, noFollowUpReason: 'Flyttet til Aalborg' })).then([
      { type: 'CaseClosed', data: { reason: 'moved', at: '2026-04-20T10:00:00.000Z', noFollowUp: 'Flyttet til Aalborg' } },
    ]);
    spec.given(activeWith(v)).when(close({ reason: 'moved', followUp: false })).thenThrows(ValidationError);
    spec.given(activeWith(v)).when(close({ reason: 'moved', noFollowUpReason: 'Flyttet' })).thenThrows(ValidationError);
  });

  it('schedules no follow-up after a death', () => {
    spec.given(activeWith(v)).when(close({ reason: 'deceased' })).then([{ type: 'CaseClosed', data: { reason: 'deceased', at: '2026-04-20T10:00:00.000Z' } }]);
  });
});

describe('declining a referral with its own reasons', () => {
  it('declines with a decline reason', () => {
    spec.given([referred()]).when(command('DeclineReferral', { reason: 'wrong_target_group', at: '2026-03-03T10:00:00+01:00' })).then([
      { type: 'ReferralDeclined', data: { reason: 'wrong_target_group', at: '2026-03-03T09:00:00.000Z' } },
    ]);
  });

  it('reads a decline stored before issue #19 (a closure reason) as a decline reason, keeping the old code', () => {
    const stored = (reason: string) => ({
      streamId: 'case-x', revision: 1, position: 2, type: 'ReferralDeclined', schemaVersion: 1,
      data: { reason, at: '2026-03-03T09:00:00.000Z' }, metadata: {}, recordedAt: '2026-03-03T09:00:00.000Z',
    });
    expect(upcast(stored('citizen_declined') as never)).toMatchObject({ schemaVersion: 2, data: { reason: 'declined_by_citizen', formerReason: 'citizen_declined' } });
    expect(upcast(stored('moved') as never).data).toEqual({ reason: 'other', formerReason: 'moved', at: '2026-03-03T09:00:00.000Z' });
    expect(upcast(stored('deceased') as never).data).toMatchObject({ reason: 'deceased' });
  });
});

describe('the follow-up after the end', () => {
  const afterEnd = [...withRelation, closed, scheduled];
  const hold = (data: Partial<{ at: string; outcome: 'still_connected' | 'partly' | 'lost_touch' | 'not_reached'; ucla3: number[]; note: string; followUpId: string }> = {}) =>
    command('HoldFollowUp', { followUpId, at: '2026-07-21T10:00:00+02:00', outcome: 'still_connected', ...data });

  it('records the follow-up with its outcome, a UCLA-3 and a note: a closed case takes follow-up events', () => {
    spec.given(afterEnd).when(hold({ ucla3: [1, 2, 1], note: 'Går stadig i strikkeklubben' })).then([
      { type: 'FollowUpHeld', data: { followUpId, at: '2026-07-21T08:00:00.000Z', outcome: 'still_connected', ucla3: [1, 2, 1], score: 4, note: 'Går stadig i strikkeklubben' } },
    ]);
  });

  it('takes a follow-up once, not before the end, and only one that was scheduled', () => {
    const held: CaseEvent = { type: 'FollowUpHeld', data: { followUpId, at: '2026-07-21T08:00:00.000Z', outcome: 'partly' } };
    expect(fold(caseDecider, [...afterEnd, held])).toMatchObject({ followUps: [{ followUpId, held: { at: '2026-07-21T08:00:00.000Z', outcome: 'partly' } }] });
    spec.given([...afterEnd, held]).when(hold()).thenThrows(IllegalStateError, 'follow_up_held');
    spec.given(afterEnd).when(hold({ at: '2026-04-19T10:00:00+02:00' })).thenThrows(IllegalStateError, 'before_closure');
    spec.given(afterEnd).when(hold({ followUpId: randomUUID() })).thenThrows(NotFoundError);
    spec.given(afterEnd).when(hold({ ucla3: [1, 4, 1] })).thenThrows(ValidationError);
  });

  it('comes after the end: an open case has no follow-up; a closed case takes nothing else', () => {
    spec.given(withRelation).when(hold()).thenThrows(IllegalStateError, 'case_not_closed');
    spec.given([]).when(hold()).thenThrows(NotFoundError);
    spec.given(afterEnd).when(command('AssessLoneliness', { instrument: 'ucla3', answers: [1, 1, 1] })).thenThrows(IllegalStateError, 'case_closed');
    spec.given(afterEnd).when(command('ReferOnward', { to: 'egen_laege', reason: 'r', at: '2026-07-21T10:00:00+02:00', followUpId: randomUUID() })).thenThrows(IllegalStateError, 'case_closed');
  });
});

describe('referred onward', () => {
  // Seed 003: "særligt i tilfælde hvor borgeren har brug for anden hjælp og behandling, end frivillige fællesskabsguider kan give".
  const onward = (close?: boolean) =>
    command('ReferOnward', { to: 'kommunal_brobygger', reason: 'Har brug for kommunens tilbud', at: '2026-05-04T10:00:00+02:00', followUpId, ...(close !== undefined && { close }) });
  const referredOnward: CaseEvent = { type: 'ReferredOnward', data: { to: 'kommunal_brobygger', reason: 'Har brug for kommunens tilbud', at: '2026-05-04T08:00:00.000Z' } };

  it('records where the citizen was sent; the case stays open', () => {
    spec.given(activeWith(v)).when(onward()).then([referredOnward]);
    expect(fold(caseDecider, [...activeWith(v), referredOnward])).toMatchObject({ status: 'Active' });
    spec.given([referred()]).when(onward(false)).then([referredOnward]);
  });

  it('may close the case as transferred to professionals, with its follow-up', () => {
    spec.given(activeWith(v)).when(onward(true)).then([
      referredOnward,
      { type: 'CaseClosed', data: { reason: 'transferred_to_professionals', at: '2026-05-04T08:00:00.000Z' } },
      { type: 'FollowUpScheduled', data: { followUpId, dueAt: '2026-08-04T08:00:00.000Z' } },
    ]);
  });

  it('cannot have happened before the referral', () => {
    spec.given(activeWith(v)).when(command('ReferOnward', { to: 'andet', reason: 'r', at: '2026-01-01T10:00:00+01:00', followUpId })).thenThrows(IllegalStateError, 'before_referral');
  });
});

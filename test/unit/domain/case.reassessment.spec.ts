import { caseDecider } from '../../../domain/case/case.stream';
import type { CaseEvent } from '../../../domain/case/case.events';
import { fold } from '../../../domain/shared/decider';
import { IllegalStateError } from '../../../domain/shared/errors';
import { activeWith, booked, command, context, NOW, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * Who assesses (issue #19). Seed 003: "Det er fællesskabsguiderne, der
 * vurderer, om de kan løse brobygningsopgaven, eller om borgerens situation
 * kræver hjælp fra fagprofessionelle."
 */
const guide = visitor('volunteer');
const asGuide = context({ actor: { id: 'anna@guide.dk', role: 'visitor' } });
const guideCase = (): CaseEvent[] => [referred({ programme: 'community_guide' }), triaged(), booked(guide)];
const met: CaseEvent = { type: 'VisitHeld', data: { visitorId: guide.visitorId, visitedAt: '2026-03-09T09:00:00.000Z', themes: [] } };
const reassess = (track: 'volunteer' | 'professional', needs?: Array<'suicidal_thoughts' | 'contact_difficulties'>) =>
  command('ReassessCase', { track, reason: 'Har brug for mere end en frivillig kan give', ...(needs && { needs }) });

describe('reassessing a case', () => {
  it('lets the guide reassess after the first meeting; to the professional track the case goes back to the waiting folder', () => {
    const events = spec.given([...guideCase(), met]).when(reassess('professional'), asGuide).events();
    expect(events).toEqual([
      { type: 'CaseReassessed', data: { track: 'professional', reason: 'Har brug for mere end en frivillig kan give', by: 'anna@guide.dk', at: NOW, handedBackFrom: guide.visitorId } },
    ]);
    const state = fold(caseDecider, [...guideCase(), met, ...events]);
    expect(state).toMatchObject({ status: 'Waiting', track: 'professional', priority: 'normal' });
    expect(state).not.toHaveProperty('visitorId');
  });

  it('refuses the guide before the first meeting', () => {
    spec.given(guideCase()).when(reassess('professional'), asGuide).thenThrows(IllegalStateError, 'first_meeting_pending');
  });

  it('leaves the assessment to the coordinator in the other programmes', () => {
    const v = visitor('volunteer');
    const careVisits = [...activeWith(v), { type: 'VisitHeld', data: { visitorId: v.visitorId, visitedAt: '2026-03-09T09:00:00.000Z', themes: [] } } as CaseEvent];
    spec.given(careVisits).when(reassess('professional'), context({ actor: { id: 'birthe@sogn.dk', role: 'visitor' } })).thenThrows(IllegalStateError, 'coordinator_assesses');
    const events = spec.given(careVisits).when(reassess('professional')).events();
    expect(events[0]).toMatchObject({ type: 'CaseReassessed', data: { track: 'professional', by: 'coordinator-1', handedBackFrom: v.visitorId } });
  });

  it('keeps a professional-capable helper on the case (continuity) and only changes the track', () => {
    const employee = visitor('employee');
    const events = spec.given(activeWith(employee)).when(reassess('professional')).events();
    expect(events[0]!.data).not.toHaveProperty('handedBackFrom');
    expect(fold(caseDecider, [...activeWith(employee), ...events])).toMatchObject({ status: 'Active', track: 'professional', visitorId: employee.visitorId });
  });

  it('holds the suicidal-thoughts rule everywhere: never to the volunteer track', () => {
    spec.given([...guideCase(), met]).when(reassess('volunteer', ['suicidal_thoughts']), asGuide).thenThrows(IllegalStateError, 'professional_required');
    spec.given([referred({ needs: ['suicidal_thoughts'] }), triaged('professional')]).when(reassess('volunteer')).thenThrows(IllegalStateError, 'professional_required');
  });

  it('adds the needs found since the referral, and moves a waiting case between tracks', () => {
    const events = spec.given([referred(), triaged()]).when(reassess('volunteer', ['contact_difficulties', 'contact_difficulties'])).events();
    expect(events[0]!.data).toMatchObject({ track: 'volunteer', needs: ['contact_difficulties'] });
    expect(fold(caseDecider, [referred(), triaged(), ...events])).toMatchObject({ status: 'Waiting', needs: ['loneliness_symptoms', 'applications', 'contact_difficulties'] });
  });

  it('needs a triage first', () => {
    spec.given([referred()]).when(reassess('volunteer')).thenThrows(IllegalStateError, 'triage_first');
  });
});

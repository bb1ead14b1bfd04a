import { CASE_PERSONAL_DATA } from '../../../domain/case/case.events';
import { CITIZEN_PERSONAL_DATA } from '../../../domain/citizen/citizen.events';
import type { Message } from '../../../domain/shared/decider';
import { PersonalParts, personalPaths } from '../../../domain/shared/personal';
import { VISITOR_PERSONAL_DATA } from '../../../domain/visitor/visitor.events';
import { OFFER_PERSONAL_DATA } from '../../../domain/offer/offer.events';
import { SCREENING_PERSONAL_DATA } from '../../../domain/screening/screening.events';

type NoteAdded = Message<'NoteAdded', { note: string; at: string; author?: { name: string; role: string } }>;
type NoteRemoved = Message<'NoteRemoved', { at: string }>;

describe('personal data declared by type (docs/event-catalogue.md, "Personal data")', () => {
  it('does not compile when an event type, or any field of one, is left unclassified (checked by tsc in `npm test`)', () => {
    const complete: PersonalParts<NoteAdded | NoteRemoved> = {
      NoteAdded: { note: 'personal', at: 'clear', author: { name: 'personal', role: 'clear' } },
      NoteRemoved: { at: 'clear' },
    };
    // @ts-expect-error a new event type with no declaration
    const typeLeftOut: PersonalParts<NoteAdded | NoteRemoved> = { NoteAdded: complete.NoteAdded };
    // @ts-expect-error a personal field not classified
    const fieldLeftOut: PersonalParts<NoteRemoved | NoteAdded> = { NoteRemoved: { at: 'clear' }, NoteAdded: { at: 'clear', author: 'clear' } };
    // @ts-expect-error a field of a nested object not classified
    const nestedLeftOut: PersonalParts<NoteAdded> = { NoteAdded: { note: 'personal', at: 'clear', author: { name: 'personal' } } };
    expect([typeLeftOut, fieldLeftOut, nestedLeftOut]).toHaveLength(3);
    expect(personalPaths(complete.NoteAdded)).toEqual([['note'], ['author', 'name']]);
  });

  it('lists the personal fields of the case stream as the catalogue does, none in the citizen stream, and only the notes about a volunteer in the visitor stream', () => {
    const personal = Object.fromEntries(
      Object.entries(CASE_PERSONAL_DATA)
        .map(([type, classified]) => [type, personalPaths(classified).map((path) => path.join('.'))] as const)
        .filter(([, paths]) => paths.length > 0),
    );
    expect(personal).toEqual({
      ReferralReceived: ['referrer.name', 'referrer.phone', 'citizen.name', 'citizen.address', 'citizen.phone', 'citizen.cpr', 'situation.physical', 'situation.psychological', 'situation.social', 'consent.recordedBy'],
      ReferralCorrected: ['situation.physical', 'situation.psychological', 'situation.social', 'citizen.address', 'citizen.phone', 'referrer.name', 'referrer.phone'],
      TriagedToVolunteer: ['reason'],
      TriagedToProfessional: ['reason'],
      VisitHeld: ['themes', 'note'],
      VisitorDismissedButReturning: ['assessment'],
      VisitCancelled: ['reason'],
      RiskFlagged: ['note'],
      VisitorReassigned: ['reason'],
      TaskOpened: ['description'],
      TaskCompleted: ['outcome'],
      RelationEstablished: ['description'],
      // Why visits pause: often a hospital stay, health information (issue #17).
      CasePaused: ['reason'],
      WishesRecorded: ['otherInterests', 'note'],
      OfferOutcomeRecorded: ['note'],
      // Issue #19: all of a relative but the relation code; where the citizen goes; the agreement's goals and end.
      RelativeAdded: ['name', 'phone', 'note', 'involvement'],
      RelativeRemoved: ['reason'],
      CitizenAccompanied: ['to.activity', 'note'],
      CitizenWentAlone: ['activity'],
      AgreementRecorded: ['goals', 'endCriteria'],
      // Issue #19, the companion: what the meeting is about, how it was prepared, the debrief, why it was cancelled.
      AppointmentScheduled: ['purpose', 'preparation'],
      AppointmentAccompanied: ['debrief'],
      AppointmentCancelled: ['reason'],
      // Issue #19: why no follow-up, the follow-up's note, why referred onward, why reassessed.
      CaseClosed: ['noFollowUp'],
      FollowUpHeld: ['note'],
      ReferredOnward: ['reason'],
      CaseReassessed: ['reason'],
    });
    expect(Object.values(CITIZEN_PERSONAL_DATA).flatMap((classified) => personalPaths(classified))).toEqual([]);
    // Issue 20: on a visitor's stream only the notes about a volunteer are personal (sealed under the visitor's own key).
    const visitor = Object.fromEntries(
      Object.entries(VISITOR_PERSONAL_DATA)
        .map(([type, classified]) => [type, personalPaths(classified).map((path) => path.join('.'))] as const)
        .filter(([, paths]) => paths.length > 0),
    );
    expect(visitor).toEqual({
      VisitorApplied: ['motivation'],
      VisitorInterviewed: ['note'],
      VisitorDeclined: ['reason'],
      SupervisionHeld: ['note'],
      VisitorPaused: ['reason'],
      VisitorLeft: ['reason'],
    });
  });

  it('seals only the contact person of an offer: an offer is not a citizen', () => {
    const personal = Object.fromEntries(Object.entries(OFFER_PERSONAL_DATA).map(([type, classified]) => [type, personalPaths(classified).map((path) => path.join('.'))]));
    expect(personal).toEqual({ OfferRegistered: ['contact.name', 'contact.phone'], OfferUpdated: ['changes.contact.name', 'changes.contact.phone'], OfferRetired: [] });
  });

  it('seals who was screened and the note, never the unit, time or score (issue 22)', () => {
    const personal = Object.fromEntries(Object.entries(SCREENING_PERSONAL_DATA).map(([type, classified]) => [type, personalPaths(classified).map((path) => path.join('.'))]));
    expect(personal).toEqual({ LonelinessScreened: ['citizen.name', 'citizen.phone', 'citizen.cpr', 'note'], ScreeningReferred: [] });
  });
});

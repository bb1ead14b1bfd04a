import { randomUUID } from 'node:crypto';
import type { ScreeningEvent } from '../../../domain/screening/screening.events';
import { screeningDecider } from '../../../domain/screening/screening.stream';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENING_HISTORY_LABELS } from '../../../projections/screenings/labels.da';
import { SCREENING_EVENT_TYPES } from '../../../domain/screening/screening.events';
import { deciderSpec } from '../../support/decider-spec';
import { NOW } from './case.fixtures';
import { referral, spec as caseSpec } from './case.fixtures';

/**
 * Issue 22: screening before any referral. Seed 001 (Sorø, "Det rigtige match")
 * wants home care to use an app "der fungerer som opsporingsværktøj, så det også
 * kan bruges til systematisk opsporing af ensomhed", and "tid og rum til
 * registrering af og opfølgning på ensomhed".
 */
describe('a loneliness screening', () => {
  const screener = { id: 'sosu@hjemmeplejen.dk', role: 'screener' as const };
  const screeningId = randomUUID();
  const spec = deciderSpec(screeningDecider, () => ({ now: NOW, actor: screener, screeningId }));
  const at = '2026-11-24T09:30:00.000Z';
  const base = { screeningId, at: '2026-11-24T10:30:00+01:00', unit: 'Hjemmeplejen Syd' };
  const consented: ScreeningEvent = {
    type: 'LonelinessScreened',
    data: {
      ...base, at, ucla3: [3, 2, 3], score: 8, lonely: true, scaleVersion: 'ucla3-v1', consentToRefer: true,
      citizen: { name: 'Karen Nielsen', phone: '+4557831234', cpr: '120345-1234' }, note: 'Sidder meget alene efter mandens død',
    },
  };

  describe('without consent to refer', () => {
    it('keeps only the unit, the time and the score: a score of 7 or more counts as lonely, as on a case', () => {
      spec
        .given([])
        .when({ type: 'RecordScreening', data: { ...base, ucla3: [2, 2, 3], consentToRefer: false } })
        .then([{ type: 'LonelinessScreened', data: { ...base, at, ucla3: [2, 2, 3], score: 7, lonely: true, scaleVersion: 'ucla3-v1', consentToRefer: false } }]);
      const [low] = spec.given([]).when({ type: 'RecordScreening', data: { ...base, ucla3: [1, 2, 3], consentToRefer: false } }).events();
      expect(low!.data).toMatchObject({ score: 6, lonely: false });
    });

    it('refuses a name or a note (400 naming the field): nothing about the person is kept without consent', () => {
      let thrown: unknown;
      try {
        spec.given([]).when({ type: 'RecordScreening', data: { ...base, ucla3: [3, 3, 3], consentToRefer: false, citizen: { name: 'Karen Nielsen' }, note: 'trist' } }).events();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).errors.map((e) => e.field)).toEqual(['citizen', 'note']);
      expect((thrown as ValidationError).errors[0]!.message).toMatch(/without consent to refer no personal data is kept/);
    });

    it('cannot become a referral', () => {
      const anonymous: ScreeningEvent = { type: 'LonelinessScreened', data: { ...base, at, ucla3: [3, 3, 3], score: 9, lonely: true, scaleVersion: 'ucla3-v1', consentToRefer: false } };
      spec.given([anonymous]).when({ type: 'ReferScreening', data: { caseId: randomUUID(), programme: 'visiting_friend', at: NOW } }).thenThrows(IllegalStateError, 'screening_without_consent');
    });
  });

  describe('with consent to refer', () => {
    it('keeps who the citizen is and the note (the phone normalised), to be referred in one step', () => {
      spec
        .given([])
        .when({ type: 'RecordScreening', data: { ...base, ucla3: [3, 2, 3], consentToRefer: true, citizen: { name: 'Karen Nielsen', phone: '57 83 12 34', cpr: '120345-1234' }, note: 'Sidder meget alene efter mandens død' } })
        .then([consented]);
    });

    it('needs at least a name, a real CPR date and a Danish phone', () => {
      spec.given([]).when({ type: 'RecordScreening', data: { ...base, ucla3: [3, 3, 3], consentToRefer: true } }).thenThrows(ValidationError);
      spec.given([]).when({ type: 'RecordScreening', data: { ...base, ucla3: [3, 3, 3], consentToRefer: true, citizen: { name: 'K', cpr: '320345-1234' } } }).thenThrows(ValidationError);
      spec.given([]).when({ type: 'RecordScreening', data: { ...base, ucla3: [3, 3, 3], consentToRefer: true, citizen: { name: 'K', phone: '123' } } }).thenThrows(ValidationError);
    });

    it('records the referral once, naming the case, and not before the screening', () => {
      const caseId = randomUUID();
      spec.given([consented]).when({ type: 'ReferScreening', data: { caseId, programme: 'visiting_friend', at: NOW } }).then([{ type: 'ScreeningReferred', data: { caseId, programme: 'visiting_friend', at: NOW } }]);
      const referred: ScreeningEvent = { type: 'ScreeningReferred', data: { caseId, programme: 'visiting_friend', at: NOW } };
      spec.given([consented, referred]).when({ type: 'ReferScreening', data: { caseId: randomUUID(), programme: 'visiting_friend', at: NOW } }).thenThrows(IllegalStateError, 'screening_referred');
      spec.given([consented]).when({ type: 'ReferScreening', data: { caseId, programme: 'visiting_friend', at: '2026-11-20T10:00:00Z' } }).thenThrows(IllegalStateError, 'before_screening');
    });
  });

  it('checks the three answers and the time as for a case, and is recorded once', () => {
    spec.given([]).when({ type: 'RecordScreening', data: { ...base, ucla3: [3, 4, 1], consentToRefer: false } }).thenThrows(ValidationError);
    spec.given([]).when({ type: 'RecordScreening', data: { ...base, ucla3: [3, 3], consentToRefer: false } }).thenThrows(ValidationError);
    spec.given([]).when({ type: 'RecordScreening', data: { ...base, at: '2026-11-30T10:00:00Z', ucla3: [1, 1, 1], consentToRefer: false } }).thenThrows(ValidationError);
    spec.given([consented]).when({ type: 'RecordScreening', data: { ...base, ucla3: [1, 1, 1], consentToRefer: false } }).thenThrows(IllegalStateError, 'screening_exists');
    spec.given([]).when({ type: 'ReferScreening', data: { caseId: randomUUID(), programme: 'visiting_friend', at: NOW } }).thenThrows(NotFoundError);
  });

  it('a case made from a screening remembers it on its ReferralReceived', () => {
    const [received] = caseSpec.given([]).when(referral({ screeningId })).events();
    expect(received).toMatchObject({ type: 'ReferralReceived', data: { screeningId } });
  });

  it('names each event in Danish as the event catalogue does', () => {
    const catalogue = readFileSync(join(__dirname, '../../../docs/event-catalogue.md'), 'utf8');
    for (const type of SCREENING_EVENT_TYPES) expect(catalogue).toContain(`| ${type} | ${SCREENING_HISTORY_LABELS[type]} |`);
  });
});

import { randomUUID } from 'node:crypto';
import { caseDecider } from '../../../domain/case/case.stream';
import type { CaseContext } from '../../../domain/case/case.commands';
import type { CaseEvent } from '../../../domain/case/case.events';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { caseView } from '../../../projections/case-view/case-view';
import { activeWith, command, referral, referred, spec, triaged, visitor } from './case.fixtures';

/**
 * Seed 000: "Henvisningen er sjældent dækkende for det reelle behov" — the
 * coordinator corrects what the first visit or a call showed. The decider sees
 * the referral's personal parts as they stand opened in `context.referral`.
 */
const asItStands = (event = referred()): Partial<CaseContext> => ({
  referral: {
    situation: event.data.situation,
    citizen: { address: event.data.citizen!.address, phone: event.data.citizen!.phone! },
    referrer: event.data.referrer,
  },
});

describe('correcting a referral', () => {
  it('records only what changed: a new physical note, the same psychological one left out', () => {
    const given = referred();
    spec
      .given([given])
      .when(command('CorrectReferral', { situation: { physical: 'KOL, iltapparat, kan ikke gå på trapper', psychological: 'trist, isoleret' } }), asItStands(given))
      .then([{ type: 'ReferralCorrected', data: { situation: { physical: 'KOL, iltapparat, kan ikke gå på trapper' } } }]);
  });

  it('records new needs and requested tasks, a new address with its postcode, a phone normalised', () => {
    const given = referred();
    spec
      .given([given])
      .when(
        command('CorrectReferral', {
          needs: ['loneliness_symptoms'],
          requestedTasks: ['heating_aid', 'housing_benefit'],
          citizen: { address: 'Storgade 3, 4200 Slagelse', phone: '57 83 12 34' },
        }),
        asItStands(given),
      )
      .then([
        {
          type: 'ReferralCorrected',
          data: { needs: ['loneliness_symptoms'], requestedTasks: ['heating_aid', 'housing_benefit'], citizen: { address: 'Storgade 3, 4200 Slagelse' }, postcode: '4200' },
        },
      ]);
  });

  it('takes the referrer whole: an organisation left out is removed', () => {
    const given = referred();
    const [event] = spec
      .given([given])
      .when(command('CorrectReferral', { referrer: { name: 'Jette Holm', role: 'home_nurse', phone: '20304050' } }), asItStands(given))
      .events();
    expect(event).toEqual({ type: 'ReferralCorrected', data: { referrer: { name: 'Jette Holm', role: 'home_nurse', phone: '+4520304050' } } });
  });

  it('refuses a correction that changes nothing (409 referral_unchanged), and one that gives nothing (400)', () => {
    const given = referred();
    spec
      .given([given])
      .when(command('CorrectReferral', { needs: ['applications', 'loneliness_symptoms'], situation: { social: 'enke' }, citizen: { phone: '+4557831234' } }), asItStands(given))
      .thenThrows(IllegalStateError, 'referral_unchanged');
    spec.given([given]).when(command('CorrectReferral', {}), asItStands(given)).thenThrows(ValidationError);
  });

  it('refuses a phone that is not Danish', () => {
    spec.given([referred()]).when(command('CorrectReferral', { citizen: { phone: '+46701234567' } })).thenThrows(ValidationError);
  });

  it('asks for a risk flag when a triaged case gains suicidal thoughts (so the track follows)', () => {
    spec
      .given([referred(), triaged()])
      .when(command('CorrectReferral', { needs: ['loneliness_symptoms', 'suicidal_thoughts'] }))
      .thenThrows(IllegalStateError, 'flag_risk_instead');
    // Before triage, the coordinator's triage takes the need into account.
    expect(spec.given([referred()]).when(command('CorrectReferral', { needs: ['suicidal_thoughts'] })).events()).toHaveLength(1);
  });

  it("sends the coordinator to the first case for a citizen referred again by id (that case holds the citizen's details)", () => {
    const citizenId = randomUUID();
    const again = spec.given([]).when(referral({ citizenId, citizen: undefined }), { citizen: { citizenId, erased: false } }).events();
    spec
      .given(again)
      .when(command('CorrectReferral', { citizen: { address: 'Storgade 3, 4200 Slagelse' } }))
      .thenThrows(IllegalStateError, 'citizen_details_elsewhere');
  });

  it('refuses on a closed case and on none', () => {
    const closed: CaseEvent = { type: 'CaseClosed', data: { reason: 'moved', at: '2026-04-01T10:00:00.000Z' } };
    spec.given([referred(), closed]).when(command('CorrectReferral', { needs: [] })).thenThrows(IllegalStateError, 'case_closed');
    spec.given([]).when(command('CorrectReferral', { needs: [] })).thenThrows(NotFoundError);
  });

  it('is what the state, and the case view, read afterwards', () => {
    const v = visitor();
    const [first, ...rest] = activeWith(v);
    const corrected: CaseEvent = {
      type: 'ReferralCorrected',
      data: { situation: { social: 'enke, søn i Aarhus' }, requestedTasks: ['housing_benefit'], citizen: { phone: '+4512345678' }, referrer: { name: 'Ole Berg', role: 'general_practitioner' } },
    };
    const state = [first!, ...rest, corrected].reduce(caseDecider.evolve, caseDecider.initialState());
    const view = caseView([first!, ...rest, corrected].map((event, revision) => ({ ...event, revision })))!;
    for (const read of [state, view] as const) {
      expect(read).toMatchObject({
        status: 'Active',
        situation: { physical: 'KOL', psychological: 'trist, isoleret', social: 'enke, søn i Aarhus' },
        requestedTasks: ['housing_benefit'],
        citizen: { name: 'Karen Nielsen', address: 'Algade 12, 2. th, 4180 Sorø', phone: '+4512345678' },
        referrerName: 'Ole Berg',
        referrerRole: 'general_practitioner',
      });
      expect(read).not.toHaveProperty('referrerOrganisation');
      expect(read).not.toHaveProperty('referrerPhone');
    }
  });
});

describe('a referral whose CPR number names a known citizen', () => {
  const known = (name: string) => ({ citizen: { citizenId: randomUUID(), erased: false, knownByCpr: { name } } });

  it('joins the known citizen, keeping the details given ("Karen Hansen" is "Karen Marie Hansen")', () => {
    const context = known('Karen Marie Hansen');
    const when = referral({ citizenId: context.citizen.citizenId, citizen: { name: 'Karen Hansen', address: 'Algade 12, 4180 Sorø', cpr: '120345-1234' } });
    const [event] = spec.given([]).when(when, context).events();
    expect(event).toMatchObject({ type: 'ReferralReceived', data: { citizenId: context.citizen.citizenId, citizen: { name: 'Karen Hansen' }, birthYear: 1945 } });
  });

  it('refuses a name that is clearly another person\'s (409 cpr_name_mismatch)', () => {
    const context = known('Karen Hansen');
    spec
      .given([])
      .when(referral({ citizenId: context.citizen.citizenId, citizen: { name: 'Poul Jensen', address: 'Algade 12, 4180 Sorø', cpr: '120345-1234' } }), context)
      .thenThrows(IllegalStateError, 'cpr_name_mismatch');
  });
});

import { randomUUID } from 'node:crypto';
import { IllegalStateError, NotFoundError, ValidationError } from '../../../domain/shared/errors';
import { occurredAtOf } from '../../../domain/case/case.events';
import { activeWith, command, context, NOW, referral, referred, spec, triaged, visitor } from './case.fixtures';

describe('receiving a referral', () => {
  it('records the referral with phones normalised, instants in UTC and statistics in clear', () => {
    const when = referral();
    spec.given([]).when(when).then([
      {
        type: 'ReferralReceived',
        data: {
          ...when.data,
          referredAt: '2026-03-02T08:15:00.000Z',
          referrer: { ...when.data.referrer, phone: '+4520304050' },
          citizen: { ...when.data.citizen!, phone: '+4557831234' },
          postcode: '4180',
          birthYear: 1945,
          consent: { given: true, recordedBy: 'Jette Holm', at: '2026-03-01T13:00:00.000Z' },
        },
      },
    ]);
  });

  it('refuses a referral without consent', () => {
    spec.given([]).when(referral({ consent: { given: false } })).thenThrows(IllegalStateError, 'consent_required');
    spec.given([]).when(referral({ consent: undefined })).thenThrows(IllegalStateError, 'consent_required');
  });

  // Issue 21: "Referrals name their partner: referrer.partnerId".
  it('refuses a referral naming a partner the register does not have, and takes one it has', () => {
    const partnerId = randomUUID();
    const fromPartner = referral({ referrer: { name: 'Mette Sørensen', role: 'home_nurse', partnerId } });
    spec.given([]).when(fromPartner, { partnerKnown: false }).thenThrows(IllegalStateError, 'partner_unknown');
    expect(spec.given([]).when(fromPartner, { partnerKnown: true }).events()[0]).toMatchObject({ data: { referrer: { partnerId } } });
  });

  it('takes a citizen who refers themself without a consent record', () => {
    const [event] = spec.given([]).when(referral({ referrer: { name: 'Karen Nielsen', role: 'self' }, consent: undefined })).events();
    expect(event).toMatchObject({ data: { consent: { given: true } } });
  });

  it('refers a known citizen again by id, without repeating their details', () => {
    const citizenId = randomUUID();
    const [event] = spec
      .given([])
      .when(referral({ citizenId, citizen: undefined }), { citizen: { citizenId, erased: false } })
      .events();
    expect(event).toMatchObject({ data: { citizenId } });
    expect(event!.data).not.toHaveProperty('citizen');
  });

  it('refuses to refer an erased citizen again', () => {
    const citizenId = randomUUID();
    spec
      .given([])
      .when(referral({ citizenId, citizen: undefined }), { citizen: { citizenId, erased: true } })
      .thenThrows(IllegalStateError, 'citizen_erased');
  });

  it('needs the citizen details for a new citizen', () => {
    spec.given([]).when(referral({ citizen: undefined })).thenThrows(ValidationError);
  });

  it.each([
    ['a CPR with no real date', { citizen: { name: 'A', address: 'B 1, 4180 Sorø', cpr: '310245-1234' } }],
    ['a foreign phone', { citizen: { name: 'A', address: 'B 1, 4180 Sorø', phone: '+46701234567' } }],
    ['a referral dated more than 24 hours ahead', { referredAt: '2026-11-26T12:00:00Z' }],
    ['a referral time without an offset', { referredAt: '2026-03-02T09:15:00' }],
  ])('refuses %s as invalid input', (_name, overrides) => {
    spec.given([]).when(referral(overrides)).thenThrows(ValidationError);
  });

  it('accepts a referral back-dated, or up to 24 hours ahead (clocks differ)', () => {
    expect(spec.given([]).when(referral({ referredAt: '2026-11-25T11:00:00Z' })).events()).toHaveLength(1);
  });

  it('refuses a second referral on the same case stream', () => {
    spec.given([referred()]).when(referral()).thenThrows(IllegalStateError, 'case_exists');
  });
});

describe('triage', () => {
  it('puts a referred case in the waiting folder on the volunteer track', () => {
    spec
      .given([referred()])
      .when(command('TriageCase', { track: 'volunteer', reason: 'Ensom', priority: 'high' }))
      .then([{ type: 'TriagedToVolunteer', data: { reason: 'Ensom', priority: 'high', by: 'coordinator-1', at: NOW } }]);
  });

  // Issue #17: replayed by business time, a case triaged on paper weeks ago still read "Referred".
  it('records when the triage happened: back-dated, at most 24 hours ahead, not before the referral', () => {
    spec
      .given([referred()])
      .when(command('TriageCase', { track: 'volunteer', reason: 'Ensom', priority: 'normal', at: '2026-03-03T10:00:00+01:00' }))
      .then([{ type: 'TriagedToVolunteer', data: { reason: 'Ensom', priority: 'normal', by: 'coordinator-1', at: '2026-03-03T09:00:00.000Z' } }]);
    spec.given([referred()]).when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'normal', at: '2026-11-25T12:00:01Z' })).thenThrows(ValidationError);
    spec.given([referred()]).when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'normal', at: 'i går' })).thenThrows(ValidationError);
    // Karen was referred 2 March 09:15 (+01:00): a triage at 09:00 that morning is before it.
    spec.given([referred()]).when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'normal', at: '2026-03-02T09:00:00+01:00' })).thenThrows(IllegalStateError, 'before_referral');
  });

  it('reads a triage when it happened, or (written before it said) when it was recorded', () => {
    const [event] = spec.given([referred()]).when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'low', at: '2026-03-03T10:00:00+01:00' })).events();
    expect(occurredAtOf(event!, NOW)).toBe('2026-03-03T09:00:00.000Z');
    expect(occurredAtOf({ type: 'TriagedToVolunteer', data: { reason: 'r', priority: 'low', by: 'c' } }, NOW)).toBe(NOW);
  });

  it('sends suicidal thoughts only to the professional track', () => {
    const given = [referred({ needs: ['suicidal_thoughts'] })];
    spec.given(given).when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'high' })).thenThrows(IllegalStateError, 'professional_required');
    spec
      .given(given)
      .when(command('TriageCase', { track: 'professional', reason: 'r', priority: 'high' }))
      .then([{ type: 'TriagedToProfessional', data: { reason: 'r', priority: 'high', by: 'coordinator-1', at: NOW } }]);
  });

  it('refuses the volunteer track once suicidal thoughts are flagged before triage', () => {
    spec
      .given([referred(), { type: 'RiskFlagged', data: { risk: 'suicidal_thoughts', note: 'n', at: '2026-03-03T10:00:00.000Z' } }])
      .when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'high' }))
      .thenThrows(IllegalStateError, 'professional_required');
  });

  it('triages a case once', () => {
    spec.given([referred(), triaged()]).when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'low' })).thenThrows(IllegalStateError, 'case_not_referred');
  });

  it('knows no case that was never referred', () => {
    spec.given([]).when(command('TriageCase', { track: 'volunteer', reason: 'r', priority: 'low' })).thenThrows(NotFoundError);
  });
});

describe('declining a referral', () => {
  it('closes a referred or waiting case as declined', () => {
    const decline = command('DeclineReferral', { reason: 'declined_by_citizen', at: '2026-03-03T10:00:00+01:00' });
    const then = [{ type: 'ReferralDeclined', data: { reason: 'declined_by_citizen', at: '2026-03-03T09:00:00.000Z' } }] as const;
    spec.given([referred()]).when(decline).then([...then]);
    spec.given([referred(), triaged()]).when(decline).then([...then]);
  });

  it('declines at the time of deciding when no time is given', () => {
    spec.given([referred()]).when(command('DeclineReferral', { reason: 'not_lonely' })).then([{ type: 'ReferralDeclined', data: { reason: 'not_lonely', at: context().now } }]);
  });

  it('refuses to decline a case that has started: it is closed instead', () => {
    spec.given(activeWith(visitor())).when(command('DeclineReferral', { reason: 'not_lonely' })).thenThrows(IllegalStateError, 'case_active');
  });
});

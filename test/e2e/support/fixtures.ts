/** Bodies from the seeds: Karen from the parish care visits (000), Frida from the community guides (003). */

export const karenReferral = (overrides: Record<string, unknown> = {}) => ({
  programme: 'care_visits',
  referredAt: '2026-03-02T09:15:00+01:00',
  referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd', phone: '+4520304050' },
  citizen: { name: 'Karen Nielsen', address: 'Algade 12, 2. th, 4180 Sorø', phone: '+4557831234', cpr: '120345-1234' },
  situation: { physical: 'KOL, går dårligt på trapper', psychological: 'trist, isoleret', social: 'enke, ingen børn i nærheden' },
  needs: ['loneliness_symptoms', 'applications'],
  requestedTasks: ['heating_aid'],
  consent: { given: true, recordedBy: 'Jette Holm', at: '2026-03-01T14:00:00+01:00' },
  ...overrides,
});

export const suicidalReferral = () =>
  karenReferral({
    citizen: { name: 'Poul Hansen', address: 'Storgade 3, 4180 Sorø', phone: '57831299' },
    needs: ['suicidal_thoughts', 'existential_conversations'],
  });

export const fridaReferral = () => ({
  programme: 'community_guide',
  referredAt: '2026-04-10T10:00:00+02:00',
  referrer: { name: 'Hanne Mortensen', role: 'relative' },
  citizen: { name: 'Frida Mortensen', address: 'Nørregade 8, 7500 Holstebro' },
  situation: { psychological: 'angst, overvældet i grupper', social: 'isoleret efter flytning' },
  needs: ['loneliness_symptoms', 'contact_difficulties'],
  consent: { given: true, recordedBy: 'Hanne Mortensen', at: '2026-04-09T18:00:00+02:00' },
});

export const visitor = (kind: 'volunteer' | 'volunteer_professional' | 'employee', capacity = 5, name = 'Birthe Madsen') => ({
  name,
  kind,
  capacity,
  phone: '+4540506070',
});

/** Seed 003's Café Nygade, an øvefællesskab in Holstebro, as an offer of the catalogue (issue #18). */
export const cafeNygade = (overrides: Record<string, unknown> = {}) => ({
  name: 'Café Nygade',
  kind: 'practice_community',
  organisation: 'Frivilligcenter Holstebro',
  address: 'Nygade 10, 7500 Holstebro',
  postcode: '7500',
  schedule: [{ weekday: 3, time: '14:00' }],
  interests: ['social_cafe', 'coffee_and_talk'],
  accessible: true,
  contact: { name: 'Lone Bech', phone: '97421234' },
  ...overrides,
});

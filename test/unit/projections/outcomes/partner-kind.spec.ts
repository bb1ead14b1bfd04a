import { SUPPRESSED } from '../../../../projections/outcomes/cells';
import { outcomeFactsProjection } from '../../../../projections/outcomes/outcome-facts';
import { outcomes } from '../../../../projections/outcomes/outcomes';
import { PartnerAliasDoc, partnerAliasKey, PartnerKindDoc, partnerKindKey, partnerKindGroupOf, partnerKindsOf } from '../../../../projections/outcomes/partner-kinds';
import { closedDocs, partnerEvent, project, Story } from './outcome-story';

const S = SUPPRESSED;
const MAY = { from: '2026-05-01', to: '2026-05-31' };

/**
 * Issue 22's split "by referrer kind", by the partner register (issue 21).
 * Seed 002 names the partners one meets: "hjemmeplejen, borgerservice,
 * visitationsteamet, osv". A referral that names a partner of the register
 * (`referrer.partnerId`), or whose organisation in free text is a name linked
 * to one (as the register counts it), counts under that partner's kind as the
 * register has it now; any other professional's referral counts as
 * `not_in_register`; the citizen's own and a relative's referrals are groups
 * of their own. Worked out by hand below.
 */
const closedCase = (id: string, more: Partial<Story>): Story => ({
  id,
  referredAt: '2026-01-05T08:00:00.000Z',
  scores: [['2026-01-10T10:00:00.000Z', 8], ['2026-05-01T10:00:00.000Z', 6]],
  close: { reason: 'relation_established', at: '2026-05-10T10:00:00.000Z' },
  ...more,
});
const partners = [
  partnerEvent('p-hjem', 'PartnerRegistered', { partnerId: 'p-hjem', name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', leader: { name: 'Lone' }, contacts: [] }),
  // Registered as "andet", then set right: the register's kind now counts, for cases referred before too.
  partnerEvent('p-vis', 'PartnerRegistered', { partnerId: 'p-vis', name: 'Visitationen', kind: 'andet', leader: { name: 'Per' }, contacts: [] }),
  partnerEvent('p-vis', 'PartnerUpdated', { kind: 'visitation' }),
  // An update that leaves the kind out keeps it.
  partnerEvent('p-vis', 'PartnerUpdated', { name: 'Visitationsteamet' }),
  partnerEvent('p-laege', 'PartnerRegistered', { partnerId: 'p-laege', name: 'Lægehuset Algade', kind: 'egen_laege', leader: { name: 'Ida' }, contacts: [] }),
];
const stories: Story[] = [
  // Hjemmeplejen: 6 cases, 5 ended with a relation, one moved (first 8, last 6 in all: change −2).
  ...[1, 2, 3, 4, 5].map((n) => closedCase(`hjem-${n}`, { role: 'home_helper', partnerId: 'p-hjem' })),
  closedCase('hjem-6', { role: 'home_nurse', partnerId: 'p-hjem', close: { reason: 'moved', at: '2026-05-12T10:00:00.000Z' } }),
  // Visitationen: 5 cases, first 9 and last 5 (change −4).
  ...[1, 2, 3, 4, 5].map((n) => closedCase(`vis-${n}`, { role: 'visitator', partnerId: 'p-vis', scores: [['2026-01-10T10:00:00.000Z', 9], ['2026-05-01T10:00:00.000Z', 5]] })),
  // Lægehuset Algade, named in free text as typed; its name is linked to the partner only after these referrals.
  ...[1, 2, 3, 4, 5].map((n) => closedCase(`laege-${n}`, { role: 'general_practitioner', organisation: n === 1 ? ' Lægehuset  ALGADE' : 'Lægehuset Algade' })),
  // A partner id the register does not know, a GP with no organisation, a name never linked: not in the register.
  closedCase('hosp-1', { role: 'hospital', partnerId: 'p-gone' }),
  closedCase('gp-1', { role: 'general_practitioner' }),
  closedCase('gp-2', { role: 'general_practitioner', organisation: 'Lægerne i Dianalund' }),
  // The channels.
  closedCase('rel-1', { role: 'relative', organisation: 'Lægehuset Algade' }),
  closedCase('rel-2', { role: 'relative' }),
  closedCase('self-1', { role: 'self' }),
];

describe('outcomes split by partner kind', () => {
  const view = project(stories, partners);
  outcomeFactsProjection.apply(partnerEvent('p-laege', 'PartnerAliasLinked', { organisation: 'Lægehuset Algade' }), view);
  const register = [...view.docs.entries()].filter(([key]) => /^(partner|alias):/.test(key)).map(([, doc]) => doc as unknown as PartnerKindDoc | PartnerAliasDoc);
  const answer = outcomes(closedDocs(view), MAY, partnerKindsOf(register));

  it('keeps each registered partner\'s kind as the register has it now, and the referral\'s partner on its facts', () => {
    expect(view.docs.get(partnerKindKey('p-vis'))).toEqual({ partnerId: 'p-vis', kind: 'visitation' });
    expect(view.docs.get(partnerKindKey('p-hjem'))).toEqual({ partnerId: 'p-hjem', kind: 'hjemmepleje' });
    expect(closedDocs(view).find((f) => f.caseId === 'hjem-1')!.referrerPartnerId).toBe('p-hjem');
    expect(closedDocs(view).find((f) => f.caseId === 'gp-1')!.referrerPartnerId).toBeUndefined();
    // A free-text name as the register compares it (trimmed, one space, lower case); a channel's is not kept.
    expect(closedDocs(view).find((f) => f.caseId === 'laege-1')!.referrerOrganisation).toBe('lægehuset algade');
    expect(closedDocs(view).find((f) => f.caseId === 'rel-1')!.referrerOrganisation).toBeUndefined();
    expect(view.docs.get(partnerAliasKey('lægehuset algade'))).toEqual({ alias: 'lægehuset algade', partnerId: 'p-laege' });
  });

  it('groups by the partner\'s kind, then not_in_register, self and relative, in that order', () => {
    expect(Object.keys(answer.byPartnerKind)).toEqual(['hjemmepleje', 'visitation', 'egen_laege', 'not_in_register', 'self', 'relative']);
    const hjem = answer.byPartnerKind.hjemmepleje!;
    expect(hjem.cases).toBe(6);
    expect(hjem.loneliness.meanChange).toBe(-2);
    expect(hjem.relations.endedWithRelation).toBe(5);
    expect(hjem.relations.shareEndedWithRelation).toBe(0.833); // 5 / 6
    const vis = answer.byPartnerKind.visitation!;
    expect(vis.cases).toBe(5);
    expect(vis.loneliness.meanFirst).toBe(9);
    expect(vis.loneliness.meanChange).toBe(-4);
    // The five free-text referrals count for Lægehuset Algade once its name is linked.
    expect(answer.byPartnerKind.egen_laege!.cases).toBe(5);
    // 3, 1 and 2 cases: every cell "< 5".
    expect(answer.byPartnerKind.not_in_register!.cases).toEqual(S);
    expect(answer.byPartnerKind.self!.cases).toEqual(S);
    expect(answer.byPartnerKind.relative!.loneliness.meanChange).toEqual(S);
    // The split by referrer role is still there, as before: the nurse at Hjemmeplejen counts under home_nurse.
    expect(Object.keys(answer.byReferrerRole)).toEqual(['general_practitioner', 'home_helper', 'home_nurse', 'hospital', 'relative', 'self', 'visitator']);
    expect(answer.byReferrerRole.general_practitioner!.cases).toBe(7);
  });

  it('puts a self or relative referral in its channel even when it names a partner', () => {
    const kindOf = partnerKindsOf([{ partnerId: 'p-hjem', kind: 'hjemmepleje' }]);
    expect(partnerKindGroupOf({ referrerRole: 'relative', referrerPartnerId: 'p-hjem' }, kindOf)).toBe('relative');
    expect(partnerKindGroupOf({ referrerRole: 'home_helper', referrerPartnerId: 'p-hjem' }, kindOf)).toBe('hjemmepleje');
    expect(partnerKindGroupOf({ referrerRole: 'home_helper', referrerPartnerId: 'p-other' }, kindOf)).toBe('not_in_register');
    expect(partnerKindGroupOf({ referrerRole: 'home_helper', referrerOrganisation: 'hjemmeplejen syd' }, kindOf)).toBe('not_in_register');
    expect(partnerKindGroupOf({ referrerRole: 'other' }, kindOf)).toBe('not_in_register');
  });

  it('without the register (no kinds known), every professional\'s referral is not_in_register', () => {
    expect(Object.keys(outcomes(closedDocs(view), MAY).byPartnerKind)).toEqual(['not_in_register', 'self', 'relative']);
  });
});

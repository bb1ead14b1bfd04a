import { birthYear, readWhat, sameName, whoIsErased } from '../../../web/src/pages/admin/citizen-facts';

/** What the admin reads before erasing a citizen and in the access log (issue #17, "What an admin needs"). */
describe("the admin's view of a citizen", () => {
  it('gives the year of birth by the CPR number’s century digit', () => {
    expect(birthYear('120345-1234')).toBe(1945);
    expect(birthYear('0101054321')).toBe(2005);
    expect(birthYear('010170-4321')).toBe(1970);
    expect(birthYear('010110-5123')).toBe(2010);
    expect(birthYear('010190-6123')).toBe(1890);
    expect(birthYear('010136-9123')).toBe(2036);
    expect(birthYear('[slettet]')).toBeUndefined();
    expect(birthYear(undefined)).toBeUndefined();
  });

  it('says whose data an erasure destroys: the name, the birth year and the cases still open', () => {
    const referral = (cpr?: string) => ({ type: 'ReferralReceived', data: { citizen: { name: 'Karen Nielsen', address: 'Algade 12', ...(cpr && { cpr }) } } });
    const exported = {
      citizenId: 'c',
      cases: [
        { caseId: 'a', events: [referral('120345-1234'), { type: 'TriagedToVolunteer', data: {} }] },
        { caseId: 'b', events: [referral(), { type: 'CaseClosed', data: { reason: 'moved' } }] },
        { caseId: 'd', events: [referral(), { type: 'ReferralDeclined', data: {} }] },
      ],
    };
    expect(whoIsErased(exported)).toEqual({ name: 'Karen Nielsen', birthYear: 1945, openCases: 1 });
  });

  it('takes the typed name as confirmation only when it is the same name', () => {
    expect(sameName('  karen   NIELSEN ', 'Karen Nielsen')).toBe(true);
    expect(sameName('Karen', 'Karen Nielsen')).toBe(false);
    expect(sameName('', '')).toBe(false);
    expect(sameName('Søren Ærø', 'søren ærø')).toBe(true);
  });

  it('names what each logged read showed in Danish', () => {
    expect(readWhat('GET /cases/:caseId/history')).toBe('Sagens tidslinje');
    expect(readWhat('GET /visitors/:visitorId/caseload')).toBe('Besøgskortene (borgerne hos en frivillig eller ansat)');
    expect(readWhat('GET /something/new')).toBe('Andet opslag');
  });
});

import { CASE_PERSONAL_DATA } from '../../../domain/case/case.events';
import { personalPaths } from '../../../domain/shared/personal';
import { pseudonymise } from '../../../projections/shared/pseudonymise';

const pseudonymOf = (citizenId: string) => `P-${citizenId.slice(0, 4)}`;
const citizenId = '7f6c1a2e-0000-4000-8000-000000000001';
const sealed = (n: number) => `enc:v2:${citizenId}:${n}:AAAA`;

describe('pseudonymising an answer for an auditor', () => {
  it('drops a sealed value whatever its field is called, so a new personal field needs no list of names', () => {
    // Given an answer with a personal field no one has listed by name (a future event's `diary`)
    const answer = { caseId: 'c1', citizenId, diary: sealed(0), visits: [{ at: '2026-03-02', mood: sealed(1) }] };
    // Then the auditor sees the codes and dates, the citizen as a pseudonym, and nothing sealed
    expect(pseudonymise(answer, pseudonymOf)).toEqual({ caseId: 'c1', citizen: 'P-7f6c', visits: [{ at: '2026-03-02' }] });
  });

  it('drops a list of sealed values as a whole (themes of a visit)', () => {
    expect(pseudonymise({ themes: [sealed(0), sealed(1)], visitedAt: '2026-03-02' }, pseudonymOf)).toEqual({ visitedAt: '2026-03-02' });
  });

  it('keeps what the declarations call clear: codes, scores, the referrer\'s role and organisation', () => {
    const answer = { referrer: { name: sealed(0), role: 'home_nurse', organisation: 'Hjemmeplejen Syd', phone: sealed(1) }, score: 7, severe: true };
    expect(pseudonymise(answer, pseudonymOf)).toEqual({ referrer: { role: 'home_nurse', organisation: 'Hjemmeplejen Syd' }, score: 7, severe: true });
  });

  it('leaves no declared personal field of any case event in the auditor\'s answer when every one is sealed', () => {
    // Every path the declarations call personal, filled with a sealed value, must be gone afterwards.
    for (const [type, classified] of Object.entries(CASE_PERSONAL_DATA)) {
      const data: Record<string, unknown> = {};
      personalPaths(classified).forEach((path, n) => {
        let node = data;
        for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
        node[path[path.length - 1]!] = sealed(n);
      });
      expect({ type, json: JSON.stringify(pseudonymise(data, pseudonymOf)) }).toEqual({ type, json: expect.not.stringContaining('enc:v') });
    }
  });
});

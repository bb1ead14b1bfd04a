import { randomBytes } from 'node:crypto';
import { DATASET_COLUMNS, datasetCsv } from '../../../../projections/outcomes/dataset';
import { partnerKindsOf } from '../../../../projections/outcomes/partner-kinds';
import { Pseudonyms } from '../../../../src/privacy/pseudonyms';
import { closedDocs, project, Story } from './outcome-story';

/** The evaluation data set (docs/evaluation-codebook.md): one row per closed case, worked out by hand for seed 003's Frida. */
describe('the evaluation data set', () => {
  const frida: Story = {
    id: 'frida', role: 'relative', birthYear: 1995, visitAt: '2026-01-15T10:00:00.000Z', dismissals: 1,
    scores: [['2026-01-15T10:00:00.000Z', 8], ['2026-03-01T10:00:00.000Z', 6], ['2026-05-01T10:00:00.000Z', 5]],
    relations: [['self_help_group', '2026-02-04T10:00:00.000Z'], ['social_cafe', '2026-03-06T10:00:00.000Z'], ['social_cafe', '2026-03-20T10:00:00.000Z']],
    close: { reason: 'relation_established', at: '2026-05-04T10:00:00.000Z' },
    followUp: { outcome: 'still_connected', at: '2026-08-04T10:00:00.000Z', score: 4 },
  };
  const quiet: Story = { id: 'quiet', role: 'self', close: { reason: 'moved', at: '2026-05-10T10:00:00.000Z' } };

  it('writes a header and one line per case: months not dates, an age band, empty where a value does not exist', () => {
    const csv = datasetCsv(closedDocs(project([frida, quiet])), (caseId) => `c-${caseId}`);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    expect(header!.split(',')).toEqual([...DATASET_COLUMNS]);
    const row = (id: string) => Object.fromEntries(DATASET_COLUMNS.map((column, i) => [column, rows.find((r) => r.startsWith(`c-${id},`))!.split(',')[i]]));
    // Referred 5 January, visit 15 January (10 days), scores 8 → 6 → 5 (three, change −3), relations after 30, 60 and 74 days,
    // closed 4 May with a relation, followed up 4 August (92 days) at 4.
    expect(row('frida')).toEqual({
      case: 'c-frida', programme: 'community_guide', referrer_role: 'relative', referrer_partner_kind: 'relative', age_band: 'under_50', referred_month: '2026-01', closed_month: '2026-05',
      closure_reason: 'relation_established', days_to_first_visit: '10', ucla3_count: '3', ucla3_first: '8', ucla3_last: '5', ucla3_change: '-3',
      severe_first: '1', severe_last: '0', relations: '3', relation_kinds: 'self_help_group;social_cafe', days_to_first_relation: '30', ended_with_relation: '1',
      dismissals: '1', follow_up_outcome: 'still_connected', follow_up_ucla3: '4', follow_up_days_after_close: '92',
    });
    expect(row('quiet')).toMatchObject({ referrer_partner_kind: 'self', age_band: 'unknown', days_to_first_visit: '', ucla3_count: '0', ucla3_first: '', ucla3_change: '', severe_first: '', relations: '0', relation_kinds: '', ended_with_relation: '0', follow_up_outcome: '' });
  });

  it('names the kind of the register\'s partner the referral counts for, by its id or its linked name (docs/evaluation-codebook.md)', () => {
    const nurse: Story = { id: 'nurse', role: 'home_nurse', partnerId: 'p-hjem', close: { reason: 'moved', at: '2026-05-10T10:00:00.000Z' } };
    const gp: Story = { id: 'gp', role: 'general_practitioner', organisation: 'Lægehuset Algade', close: { reason: 'moved', at: '2026-05-10T10:00:00.000Z' } };
    const other: Story = { id: 'other', role: 'general_practitioner', organisation: 'Lægerne i Dianalund', close: { reason: 'moved', at: '2026-05-10T10:00:00.000Z' } };
    const kindOf = partnerKindsOf([{ partnerId: 'p-hjem', kind: 'hjemmepleje' }, { partnerId: 'p-laege', kind: 'egen_laege' }, { alias: 'lægehuset algade', partnerId: 'p-laege' }]);
    const csv = datasetCsv(closedDocs(project([nurse, gp, other])), (caseId) => `c-${caseId}`, kindOf);
    const column = DATASET_COLUMNS.indexOf('referrer_partner_kind');
    const kinds = Object.fromEntries(csv.trimEnd().split('\r\n').slice(1).map((line) => [line.split(',')[0], line.split(',')[column]]));
    expect(kinds).toEqual({ 'c-nurse': 'hjemmepleje', 'c-gp': 'egen_laege', 'c-other': 'not_in_register' });
  });

  it('names each case by a stable keyed pseudonym that is neither its id nor a citizen pseudonym', () => {
    const secret = randomBytes(32);
    const pseudonyms = new Pseudonyms(secret);
    const caseId = '0b7e21c9-5d3f-4c1e-9a57-2f6d8c1b3e40';
    expect(pseudonyms.ofCase(caseId)).toMatch(/^c-[0-9a-f]{20}$/);
    expect(new Pseudonyms(secret).ofCase(caseId)).toBe(pseudonyms.ofCase(caseId));
    expect(new Pseudonyms(randomBytes(32)).ofCase(caseId)).not.toBe(pseudonyms.ofCase(caseId));
    expect(pseudonyms.ofCase(caseId).slice(2)).not.toBe(pseudonyms.of(caseId).slice(2));
  });
});

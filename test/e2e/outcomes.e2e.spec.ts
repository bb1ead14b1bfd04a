import { pdfText } from '../support/pdf-text';
import { fridaReferral, karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const MANAGER = { sub: 'leder@sogn.dk', role: 'manager' } as const;
const AUDITOR = { sub: 'evaluator@uni.dk', role: 'auditor' } as const;
const JUNE = 'from=2026-06-01&to=2026-06-30';
/** The screenings were taken in April: a period from April to June holds them and the closures. */
const SPRING = 'from=2026-04-01&to=2026-06-30';
const S = { suppressed: true, display: '< 5' };

/**
 * Outcomes and reports over HTTP (issue 22). Five of seed 003's Fridas and
 * seed 000's Karen, each closed in June 2026 with a relation, UCLA-3 before
 * and after, and a follow-up three months on. The Fridas were found by
 * Hjemmeplejen Øst, a partner of the register, in a screening (seed 001:
 * "systematisk opsporing af ensomhed") and referred from it; three more
 * screenings led nowhere. The figures are worked out by hand beside each
 * expectation.
 */
describe('outcomes and reports over HTTP', () => {
  let t: TestApp;
  let position = 0;
  const caseIds: string[] = [];
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    const guide = (await t.http.post('/visitors').send(visitor('volunteer', 20, 'Birthe Guide')).expect(201)).body.visitorId;
    const screener = () => t.as({ sub: 'sosu@hjemmeplejen.dk', role: 'screener' });
    const partnerId = (await t.http.post('/partners').send({ name: 'Hjemmeplejen Øst', kind: 'hjemmepleje', leader: { name: 'Lene Juhl' } }).expect(201)).body.partnerId as string;
    const screen = async (ucla3: number[], citizen?: object) =>
      (await screener().post('/screenings').send({ at: '2026-04-08T10:00:00+02:00', unit: 'Hjemmeplejen Øst', ucla3, consentToRefer: citizen !== undefined, ...(citizen && { citizen }) }).expect(201)).body.screeningId as string;
    const { programme, referredAt, situation, needs, citizen } = fridaReferral();
    const fromScreening = async () => {
      const screeningId = await screen([3, 3, 2], { name: citizen.name });
      const referrer = { name: 'Lone Sosu', role: 'home_helper', organisation: 'Hjemmeplejen Øst', partnerId };
      return (await screener().post(`/screenings/${screeningId}/refer`).send({ programme, referredAt, situation, needs, address: citizen.address, referrer }).expect(200)).body.caseId as string;
    };
    // Not lonely (5 and 4), and lonely (9) without consent to refer.
    await screen([2, 2, 1]);
    await screen([1, 2, 1]);
    await screen([3, 3, 3]);
    const story = async (referral: object | (() => Promise<string>), first: number[], last: number[]) => {
      const caseId = typeof referral === 'function' ? await referral() : ((await t.http.post('/cases').send(referral).expect(201)).body.caseId as string);
      caseIds.push(caseId);
      const post = (path: string, body: object) => t.http.post(`/cases/${caseId}${path}`).send(body).expect(200);
      await post('/triage', { track: 'volunteer', reason: 'Ensom', priority: 'normal' });
      await post('/first-visit', { visitorId: guide, visitAt: '2026-04-20T10:00:00+02:00' });
      await post('/assessments', { instrument: 'ucla3', answers: first, at: '2026-04-20T11:00:00+02:00' });
      await post('/relations', { kind: 'self_help_group', description: 'Selvhjælpsgruppen', at: '2026-05-10T10:00:00+02:00' });
      await post('/assessments', { instrument: 'ucla3', answers: last, at: '2026-05-25T11:00:00+02:00' });
      await post('/close', { reason: 'relation_established', at: '2026-06-01T12:00:00+02:00' });
      const followUpId = (await t.http.get(`/cases/${caseId}`).expect(200)).body.followUps[0].followUpId;
      position = (await post(`/follow-ups/${followUpId}/held`, { at: '2026-09-02T10:00:00+02:00', outcome: 'still_connected', ucla3: [2, 2, 2] })).body.position;
    };
    // Frida: 8 → 5, five times; Karen (referred 2 March, born 1945): 9 → 6.
    for (let i = 0; i < 5; i++) await story(fromScreening, [3, 3, 2], [2, 2, 1]);
    await story(karenReferral(), [3, 3, 3], [2, 2, 2]);
  });
  afterAll(() => t.close());

  it('GET /outcomes answers the manager and the auditor with aggregates, a group under five cases as "< 5"', async () => {
    const res = await t.as(MANAGER).get(`/outcomes?${JUNE}&minPosition=${position}`).expect(200);
    expect(res.headers['x-projection-position']).toBeDefined();
    const { all, byProgramme, byAgeBand } = res.body;
    expect(all.cases).toBe(6);
    // First (8·5 + 9)/6 = 8.17, last (5·5 + 6)/6 = 5.17, change −18/6 = −3; all six improved and no longer severe.
    expect(all.loneliness).toEqual({ paired: 6, meanFirst: 8.2, meanLast: 5.2, meanChange: -3, improved: 6, shareImproved: 1, severeAtFirst: 6, noLongerSevere: 6, shareNoLongerSevere: 1 });
    // The relation on 10 May: 30 days after Frida's referral (10 April), 69 after Karen's (2 March); median of 30 ×5, 69 is 30.
    expect(all.daysToFirstRelation).toMatchObject({ n: 6, median: 30, p90: 69 });
    expect(all.relations).toMatchObject({ withRelation: 6, shareWithRelation: 1, endedWithRelation: 6, perCase: 1 });
    // Every follow-up held with [2, 2, 2] = 6; the last scores 5 (×5) and 6: change (1·5 + 0)/6 = 0.83.
    expect(all.followUp).toMatchObject({ held: 6, scored: 6, meanScore: 6, meanChangeFromLast: 0.8, byOutcome: { still_connected: 6 } });
    // Karen's care visit is the one group under five; the Fridas' five would give her away (6 − 5), so they are hidden too.
    expect(byProgramme.care_visits.cases).toEqual({ suppressed: true, display: '< 5' });
    expect(byProgramme.community_guide.cases).toEqual({ suppressed: true, display: 'skjult' });
    expect(byProgramme.community_guide.loneliness.meanChange).toEqual({ suppressed: true, display: 'skjult' });
    expect(byProgramme.care_visits.loneliness.meanChange).toEqual({ suppressed: true, display: '< 5' });
    expect(Object.keys(byAgeBand)).toEqual(['75_84', 'unknown']);
    expect(JSON.stringify(res.body)).not.toMatch(/Frida|Karen|Nielsen|enc:|[0-9a-f]{8}-[0-9a-f]{4}-/);

    const auditor = await t.as(AUDITOR).get(`/outcomes?${JUNE}&programme=community_guide`).expect(200);
    expect(auditor.body).toMatchObject({ programme: 'community_guide', all: { cases: 5 } });
    expect((await t.as(MANAGER).get('/outcomes?from=2026-07-01&to=2026-07-31').expect(200)).body.all.cases).toEqual({ suppressed: true, display: '< 5' });
  });

  it('GET /outcomes splits by the kind of the register\'s partner, and follows the period\'s screenings to the relation', async () => {
    const res = await t.as(MANAGER).get(`/outcomes?${SPRING}&minPosition=${position}`).expect(200);
    const { byPartnerKind, funnel, all } = res.body;
    expect(all.cases).toBe(6);
    // The Fridas by Hjemmeplejen Øst (a partner of kind hjemmepleje); Karen by a home nurse who names no partner of the register.
    expect(Object.keys(byPartnerKind)).toEqual(['hjemmepleje', 'not_in_register']);
    expect(byPartnerKind.not_in_register.cases).toEqual(S);
    // Hidden as the complement of Karen's group of one: 6 − 5 would give her away.
    const HIDDEN = { suppressed: true, display: 'skjult' };
    expect(byPartnerKind.hjemmepleje).toMatchObject({ cases: HIDDEN, loneliness: { meanChange: HIDDEN }, relations: { shareEndedWithRelation: HIDDEN } });
    // 8 screenings in April: 6 lonely (the Fridas' 8 and one 9), 5 consented, referred, taken on, with a relation, still connected at the follow-up.
    expect(funnel).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      programme: null,
      stages: [
        { stage: 'screened', count: 8 },
        { stage: 'lonely', count: 6, shareOfPrevious: 0.75 },
        { stage: 'consented', count: 5, shareOfPrevious: 0.833 },
        { stage: 'referred', count: 5, shareOfPrevious: 1 },
        { stage: 'started', count: 5, shareOfPrevious: 1 },
        { stage: 'relation', count: 5, shareOfPrevious: 1 },
        { stage: 'stillConnected', count: 5, shareOfPrevious: 1 },
      ],
      referredNotLonely: S,
    });
    // No screening in June: every stage "< 5". Another programme: the referrals are not its.
    const june = (await t.as(AUDITOR).get(`/outcomes?${JUNE}`).expect(200)).body.funnel;
    expect(june.stages.map((s: { count: unknown }) => s.count)).toEqual(Array(7).fill(S));
    const care = (await t.as(MANAGER).get(`/outcomes?${SPRING}&programme=care_visits`).expect(200)).body.funnel;
    expect(care.stages.map((s: { count: unknown }) => s.count)).toEqual([8, 6, 5, S, S, S, S]);
    expect(JSON.stringify(res.body)).not.toMatch(/Frida|Mortensen|Hjemmeplejen|Lone Sosu|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it.each([
    ['from=2026-13-01', 'from'],
    ['from=2026-06-30&to=2026-06-01', 'to'],
    ['from=2016-01-01&to=2026-06-01', 'to'],
    ['programme=bingo', 'programme'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await t.as(MANAGER).get(`/outcomes?${query}`).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('GET /reports/period.pdf is a PDF that opens, in Danish, with the period\'s figures and no names', async () => {
    const res = await t.as(MANAGER).get(`/reports/period.pdf?${JUNE}`).responseType('blob').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="perioderapport-2026-06-01-2026-06-30.pdf"');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const parsed = pdfText(pdf);
    // The summary, the loneliness, the relations, the splits, the activity: a page each (more only where a table runs over).
    expect(parsed.pages).toBe(6);
    expect(parsed.text.split('-- 1 of 6 --')[0]).toMatch(/Sammenfatning[\s\S]*Afsluttede forløb i perioden\s+6/);
    const text = parsed.text.replace(/\s+/g, ' ');
    expect(text).toContain('Periode: 1. juni 2026 til 30. juni 2026');
    expect(text).toMatch(/Afsluttede forløb i perioden 6\b/);
    expect(text).toMatch(/Gennemsnitlig ændring \(negativ er mindre ensom\) -3\b/);
    expect(text).toMatch(/Gennemsnitlig UCLA-3 ved første måling 8,2/);
    expect(text).toMatch(/Andel afsluttet med en ny relation 100 %/);
    expect(text).toMatch(/Tid fra henvisning til første relation \(median\) 30 dage/);
    expect(text).toMatch(/Bisidder|Omsorgsbesøg < 5/);
    expect(text).not.toMatch(/Frida|Karen|Nielsen|Mortensen|Algade/);
    // The funnel's page: no screening in June, so "< 5" at every stage.
    expect(text).toMatch(/Fra opsporing til relation[\s\S]*Opsporet \(UCLA-3 taget\) < 5/);
  });

  it('GET /reports/period.pdf draws the funnel from screening to relation and splits by partner kind', async () => {
    const pdf = (await t.as(MANAGER).get(`/reports/period.pdf?${SPRING}`).responseType('blob').expect(200)).body as Buffer;
    const text = pdfText(pdf).text.replace(/\s+/g, ' ');
    expect(text).toMatch(/Opsporinger i perioden \(UCLA-3 før henvisning\) 8\b/);
    expect(text).toMatch(/Trin Antal Af trinnet før Opsporet \(UCLA-3 taget\) 8 Scorede som ensom 6 75 % Sagde ja til henvisning 5 83 % Henvist 5 100 % Forløb startet 5 100 % Ny relation etableret 5 100 % Stadig i relationen ved opfølgning 5 100 %/);
    expect(text).toMatch(/Henvist af \(partnertype\)[\s\S]*Hjemmepleje skjult skjult skjult skjult skjult/);
    expect(text).toMatch(/Fagperson uden for partnerregistret < 5/);
    expect(text).not.toMatch(/Frida|Mortensen|Øst|Lone Sosu/);
  });

  it('GET /reports/period.csv and GET /audit/dataset.csv give one pseudonymised row per case, the same pseudonyms in both', async () => {
    const csv = await t.as(MANAGER).get(`/reports/period.csv?${JUNE}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('case,programme,referrer_role,referrer_partner_kind,age_band,referred_month,closed_month,closure_reason,days_to_first_visit,ucla3_count,ucla3_first,ucla3_last,ucla3_change,severe_first,severe_last,relations,relation_kinds,days_to_first_relation,ended_with_relation,dismissals,follow_up_outcome,follow_up_ucla3,follow_up_days_after_close');
    expect(lines).toHaveLength(7);
    const karen = lines.find((l) => l.includes('care_visits'))!.split(',');
    // The Fridas: referred by Hjemmeplejen Øst, a partner of kind hjemmepleje.
    expect(lines.filter((l) => l.includes(',community_guide,home_helper,hjemmepleje,'))).toHaveLength(5);
    expect(karen.slice(1)).toEqual(['care_visits', 'home_nurse', 'not_in_register', '75_84', '2026-03', '2026-06', 'relation_established', '49', '2', '9', '6', '-3', '1', '0', '1', 'self_help_group', '69', '1', '0', 'still_connected', '6', '93']);
    expect(karen[0]).toMatch(/^c-[0-9a-f]{20}$/);
    for (const caseId of caseIds) expect(csv.text).not.toContain(caseId);
    expect(csv.text).not.toMatch(/Frida|Karen|Nielsen|120345|Algade/);

    const audit = await t.as(AUDITOR).get(`/audit/dataset.csv?${JUNE}`).expect(200);
    expect(audit.text).toBe(csv.text);
  });
});

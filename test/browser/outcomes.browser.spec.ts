import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { fridaReferral, karenReferral } from '../e2e/support/fixtures';
import { COORDINATOR, tokenFor } from '../e2e/support/test-app';
import { pdfPagePng, pdfText } from '../support/pdf-text';
import { browserAvailable, ConsoleWatch, expectAccessible, launchBrowser, newPage, shotsDir, startServer } from './browser';

/**
 * Issue 22 in the app: the manager opens "Effekt", sees what the work achieved
 * for the cases closed from April to June last year (five of seed 003's Fridas and
 * seed 000's Karen, each less lonely at the end, each with a relation and a
 * follow-up; the Fridas found in a screening by Hjemmeplejen Øst, a partner
 * of the register, among eight screenings in April), the funnel from
 * screening to relation, and downloads the period's report: a valid PDF with
 * the period's figures. The Overblik counts the screenings too.
 * SCREENSHOTS=docs/screenshots writes the page and the report's first page for the README.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORD = 'effekt-og-tal-22';
/** The story's year: last year, so that its April is always within the Overblik's "Seneste 24 måneder" and its follow-up in the past. */
const Y = new Date().getFullYear() - 1;

run('the outcomes in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();

  async function api<T = { caseId: string }>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${tokenFor(server.dataDir, COORDINATOR)}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    server = await startServer();
    await addUser(server.app.get<Storage>(STORAGE), { username: 'mette', role: 'manager', password: PASSWORD });
    const guide = (await api<{ visitorId: string }>('/visitors', { name: 'Hanne Holm', kind: 'volunteer', capacity: 20 })).visitorId;
    const partnerId = (await api<{ partnerId: string }>('/partners', { name: 'Hjemmeplejen Øst', kind: 'hjemmepleje', leader: { name: 'Lene Juhl' } })).partnerId;
    const screen = async (ucla3: number[], citizen?: object) =>
      (await api<{ screeningId: string }>('/screenings', { at: `${Y}-04-08T10:00:00+02:00`, unit: 'Hjemmeplejen Øst', ucla3, consentToRefer: citizen !== undefined, ...(citizen && { citizen }) })).screeningId;
    const { programme, situation, needs, citizen } = fridaReferral();
    // Frida's referral of seed 003, in the story's year.
    const referredAt = `${Y}-04-10T10:00:00+02:00`;
    const fromScreening = async () => {
      const screeningId = await screen([3, 3, 2], { name: citizen.name });
      const referrer = { name: 'Lone Sosu', role: 'home_helper', organisation: 'Hjemmeplejen Øst', partnerId };
      return api(`/screenings/${screeningId}/refer`, { programme, referredAt, situation, needs, address: citizen.address, referrer });
    };
    // Not lonely (5 and 4), and lonely (9) without consent to refer.
    for (const ucla3 of [[2, 2, 1], [1, 2, 1], [3, 3, 3]]) await screen(ucla3);
    const story = async (referral: object | (() => Promise<{ caseId: string }>), first: number[], last: number[]) => {
      const { caseId } = typeof referral === 'function' ? await referral() : await api('/cases', referral);
      await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal' });
      await api(`/cases/${caseId}/first-visit`, { visitorId: guide, visitAt: `${Y}-04-20T10:00:00+02:00` });
      await api(`/cases/${caseId}/assessments`, { instrument: 'ucla3', answers: first, at: `${Y}-04-20T11:00:00+02:00` });
      await api(`/cases/${caseId}/relations`, { kind: 'self_help_group', description: 'Selvhjælpsgruppen', at: `${Y}-05-10T10:00:00+02:00` });
      await api(`/cases/${caseId}/assessments`, { instrument: 'ucla3', answers: last, at: `${Y}-05-25T11:00:00+02:00` });
      await api(`/cases/${caseId}/close`, { reason: 'relation_established', at: `${Y}-06-01T12:00:00+02:00` });
      const { followUps } = await api<{ followUps: Array<{ followUpId: string }> }>(`/cases/${caseId}`);
      await api(`/cases/${caseId}/follow-ups/${followUps[0]!.followUpId}/held`, { at: `${Y}-09-02T10:00:00+02:00`, outcome: 'still_connected', ucla3: [2, 2, 2] });
    };
    for (let i = 0; i < 5; i++) await story(fromScreening, [3, 3, 2], [2, 2, 1]);
    await story(karenReferral({ referredAt: `${Y}-03-02T09:15:00+01:00` }), [3, 3, 3], [2, 2, 2]);
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  async function signIn(): Promise<Page> {
    const { page } = await newPage(browser, watch, { width: 1280, height: 1000 });
    await page.goto(server.url);
    await page.getByLabel('Brugernavn').fill('mette');
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('button', { name: 'Log ud' }).waitFor();
    return page;
  }

  it('counts the screenings on the Overblik, with a link to Opsporinger', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Overblik' }).click();
    await page.getByLabel('Periode', { exact: true }).selectOption('24');
    const section = page.getByRole('region', { name: 'Opsporing' });
    const figure = (name: string) => section.getByRole('group', { name }).locator('.figure-value');
    // 8 screenings in April last year: 6 lonely (75 %), 5 referred and taken on.
    await figure('Opsporinger i perioden').filter({ hasText: /^8$/ }).waitFor();
    expect(await figure('Tegn på ensomhed').textContent()).toBe('6 (75 %)');
    expect(await figure('Henvist fra opsporing').textContent()).toBe('5');
    expect(await figure('Sager i gang fra opsporing').textContent()).toBe('5');
    await section.getByRole('link', { name: 'Se opsporinger pr. enhed og måned' }).click();
    await page.getByRole('heading', { name: 'Opsporinger', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Hjemmeplejen Øst' }).waitFor();
    await page.context().close();
  });

  it('shows the outcomes of April to June last year, "< 5" for a group of one, the funnel from screening to relation, and downloads the report as a PDF with those figures', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Effekt' }).click();
    await page.getByRole('heading', { name: 'Effekt af indsatsen' }).waitFor();
    await page.getByLabel('Afsluttet fra').fill(`${Y}-04-01`);
    await page.getByLabel('Afsluttet til').fill(`${Y}-06-30`);
    const figure = (name: string) => page.getByRole('group', { name }).locator('.figure-value');
    await figure('Afsluttede forløb').filter({ hasText: /^6$/ }).waitFor();
    expect(await figure('Ændring i UCLA-3 (gennemsnit)').textContent()).toBe('-3');
    expect(await figure('Mindre ensomme ved sidste måling').textContent()).toBe('100 %');
    expect(await figure('Dage til første relation (median)').textContent()).toBe('30');
    // Karen is the only care-visits case: her programme's row says nothing about her.
    const careRow = page.locator('.card', { has: page.getByRole('heading', { name: 'Efter ordning' }) }).getByRole('row', { name: /Omsorgsbesøg/ });
    expect((await careRow.getByRole('cell').allTextContents()).slice(1)).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5']);
    // The funnel from screening to relation: a chart read out as its stages.
    const funnel = page.getByRole('figure', { name: /Fra opsporing til relation/ }).getByRole('img');
    expect(await funnel.getAttribute('aria-label')).toBe(
      'Opsporet (UCLA-3 taget): 8, Scorede som ensom: 6 (75 % af trinnet før), Sagde ja til henvisning: 5 (83 % af trinnet før), Henvist: 5 (100 % af trinnet før), ' +
        'Forløb startet: 5 (100 % af trinnet før), Ny relation etableret: 5 (100 % af trinnet før), Stadig i relationen ved opfølgning: 5 (100 % af trinnet før)',
    );
    // Drawn: the canvas holds the funnel's bars, in its green (#009E73, web/src/components/Chart.tsx).
    type Canvas = { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const green = await funnel.evaluate((element) => {
      const c = element as unknown as Canvas;
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 0 && data[i + 1] === 158 && data[i + 2] === 115) n++;
      return n;
    });
    expect(green).toBeGreaterThan(1000);
    // By partner kind: the Fridas' partner is of kind hjemmepleje; Karen's nurse names no partner of the register.
    const partnerCard = page.locator('.card', { has: page.getByRole('heading', { name: 'Efter samarbejdspartner (partnerregistret)' }) });
    expect((await partnerCard.getByRole('row', { name: /^Hjemmepleje/ }).getByRole('cell').allTextContents()).slice(1)).toEqual(['skjult', 'skjult', 'skjult', 'skjult', 'skjult']);
    expect((await partnerCard.getByRole('row', { name: /Fagperson uden for partnerregistret/ }).getByRole('cell').allTextContents()).slice(1)).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5']);
    await expectAccessible(page, 'effect');
    await page.screenshot({ path: join(SHOTS, 'effect.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent rapporten (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`perioderapport-${Y}-04-01-${Y}-06-30.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain(`Periode: 1. april ${Y} til 30. juni ${Y}`);
    expect(words).toMatch(/Afsluttede forløb i perioden 6\b/);
    expect(words).toMatch(/Gennemsnitlig UCLA-3 ved sidste måling 5,2/);
    expect(words).not.toMatch(/Frida|Karen|Nielsen|Mortensen|Lone Sosu/);
    // The funnel's figures, as on the page.
    expect(words).toMatch(/Opsporinger i perioden \(UCLA-3 før henvisning\) 8\b/);
    expect(words).toMatch(/Fra opsporing til relation[\s\S]*Opsporet \(UCLA-3 taget\) 8 Scorede som ensom 6 75 % Sagde ja til henvisning 5 83 % Henvist 5 100 % Forløb startet 5 100 % Ny relation etableret 5 100 % Stadig i relationen ved opfølgning 5 100 %/);
    writeFileSync(join(SHOTS, 'report-page-1.png'), pdfPagePng(pdf, 1));
    await page.context().close();
  });
});

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
 * for the cases closed in June 2026 (five of seed 003's Fridas and seed 000's
 * Karen, each less lonely at the end, each with a relation and a follow-up),
 * and downloads the period's report: a valid PDF with the period's figures.
 * SCREENSHOTS=docs/screenshots writes the page and the report's first page for the README.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORD = 'effekt-og-tal-22';

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
    const story = async (referral: object, first: number[], last: number[]) => {
      const { caseId } = await api('/cases', referral);
      await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal' });
      await api(`/cases/${caseId}/first-visit`, { visitorId: guide, visitAt: '2026-04-20T10:00:00+02:00' });
      await api(`/cases/${caseId}/assessments`, { instrument: 'ucla3', answers: first, at: '2026-04-20T11:00:00+02:00' });
      await api(`/cases/${caseId}/relations`, { kind: 'self_help_group', description: 'Selvhjælpsgruppen', at: '2026-05-10T10:00:00+02:00' });
      await api(`/cases/${caseId}/assessments`, { instrument: 'ucla3', answers: last, at: '2026-05-25T11:00:00+02:00' });
      await api(`/cases/${caseId}/close`, { reason: 'relation_established', at: '2026-06-01T12:00:00+02:00' });
      const { followUps } = await api<{ followUps: Array<{ followUpId: string }> }>(`/cases/${caseId}`);
      await api(`/cases/${caseId}/follow-ups/${followUps[0]!.followUpId}/held`, { at: '2026-09-02T10:00:00+02:00', outcome: 'still_connected', ucla3: [2, 2, 2] });
    };
    for (let i = 0; i < 5; i++) await story(fridaReferral(), [3, 3, 2], [2, 2, 1]);
    await story(karenReferral(), [3, 3, 3], [2, 2, 2]);
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

  it('shows the outcomes of June 2026, "< 5" for a group of one, and downloads the report as a PDF with those figures', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: 'Effekt' }).click();
    await page.getByRole('heading', { name: 'Effekt af indsatsen' }).waitFor();
    await page.getByLabel('Afsluttet fra').fill('2026-06-01');
    await page.getByLabel('Afsluttet til').fill('2026-06-30');
    const figure = (name: string) => page.getByRole('group', { name }).locator('.figure-value');
    await figure('Afsluttede forløb').filter({ hasText: /^6$/ }).waitFor();
    expect(await figure('Ændring i UCLA-3 (gennemsnit)').textContent()).toBe('-3');
    expect(await figure('Mindre ensomme ved sidste måling').textContent()).toBe('100 %');
    expect(await figure('Dage til første relation (median)').textContent()).toBe('30');
    // Karen is the only care-visits case: her programme's row says nothing about her.
    const careRow = page.locator('.card', { has: page.getByRole('heading', { name: 'Efter ordning' }) }).getByRole('row', { name: /Omsorgsbesøg/ });
    expect((await careRow.getByRole('cell').allTextContents()).slice(1)).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5']);
    await expectAccessible(page, 'effect');
    await page.screenshot({ path: join(SHOTS, 'effect.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent rapporten (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('perioderapport-2026-06-01-2026-06-30.pdf');
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('Periode: 1. juni 2026 til 30. juni 2026');
    expect(words).toMatch(/Afsluttede forløb i perioden 6\b/);
    expect(words).toMatch(/Gennemsnitlig UCLA-3 ved sidste måling 5,2/);
    expect(words).not.toMatch(/Frida|Karen|Nielsen|Mortensen/);
    writeFileSync(join(SHOTS, 'report-page-1.png'), pdfPagePng(pdf, 1));
    await page.context().close();
  });
});

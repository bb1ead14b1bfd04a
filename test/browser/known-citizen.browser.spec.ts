import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { karenReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, expectAccessible, launchBrowser, post, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * Issue #17 in the app: the referral form looks the citizen up as the
 * coordinator types and offers "Kendt borger"; the coordinator corrects a
 * referral ("sjældent dækkende for det reelle behov", 000); the visitor opens
 * the referral's requested tasks from the visit card.
 * SCREENSHOTS=dir keeps the pictures (else a temporary directory).
 */
const run = browserAvailable() ? describe : describe.skip;
const ZONE = 'Europe/Copenhagen';
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', birthe: 'sognets-besoeg-7' };
const SHOTS = shotsDir();

run('a known citizen, a corrected referral and the requested tasks, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let karen: { caseId: string; citizenId: string };

  const api = <T = { caseId: string; citizenId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);
  const daysAgo = (days: number) => DateTime.now().setZone(ZONE).minus({ days }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    const { visitorId } = await api<{ visitorId: string }>('/visitors', { name: 'Birthe Sonne', kind: 'volunteer', capacity: 5, phone: '+4540506070' });
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId, password: PASSWORDS.birthe });
    // Karen was referred last year, and her case is active with Birthe.
    karen = await api('/cases', karenReferral({ referredAt: daysAgo(200).toISO(), requestedTasks: ['heating_aid'] }));
    await api(`/cases/${karen.caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal', at: daysAgo(190).toISO() });
    await api(`/cases/${karen.caseId}/first-visit`, { visitorId, visitAt: daysAgo(180).toISO(), at: daysAgo(185).toISO() });
    // Another Karen, so the name alone is not enough to tell.
    await api('/cases', karenReferral({ referredAt: daysAgo(30).toISO(), citizen: { name: 'Karen Poulsen', address: 'Storgade 3, 4180 Sorø' } }));
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  it('looks the citizen up as the coordinator types, and refers the one chosen as "kendt borger"', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/henvisning`);
    await page.getByRole('heading', { name: 'Ny henvisning' }).waitFor();
    const citizen = page.getByRole('group', { name: 'Borger', exact: true });
    await citizen.getByLabel('Navn').fill('karen');
    // Both Karens, the latest referral first.
    await page.getByText('2 kendte borgere passer').waitFor();
    const offers = page.locator('.known-citizens li');
    expect((await offers.allTextContents()).map((t) => t.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^Karen Poulsen \(1 åben sag, senest henvist .*\)Kendt borger: Karen Poulsen$/),
      expect.stringMatching(/^Karen Nielsen \(født 1945, 1 åben sag, senest henvist .*\)Kendt borger: Karen Nielsen$/),
    ]);
    // Her CPR number leaves one.
    await citizen.getByLabel('CPR-nummer').fill('120345-1234');
    await page.getByText('En kendt borger passer').waitFor();
    await expectAccessible(page, 'the referral form with a known citizen found');
    await page.screenshot({ path: join(SHOTS, 'referral-known-citizen.png'), fullPage: true });

    await page.getByRole('button', { name: 'Kendt borger: Karen Nielsen' }).click();
    await page.getByText('Henvises som kendt borger: Karen Nielsen').waitFor();
    expect(await citizen.getByLabel('Adresse').count()).toBe(0);
    await expectAccessible(page, 'the referral form for a known citizen');
    await page.screenshot({ path: join(SHOTS, 'referral-known-citizen-chosen.png'), fullPage: true });

    await page.getByLabel('Ordning').selectOption({ label: 'Besøgsven' });
    const referrer = page.getByRole('group', { name: 'Henviser' });
    await referrer.getByLabel('Navn').fill('Ole Berg');
    await referrer.getByLabel('Rolle').selectOption({ value: 'general_practitioner' });
    await page.getByLabel('Borgeren har sagt ja til at blive henvist').check();
    await page.getByRole('button', { name: 'Modtag henvisning' }).click();
    await page.getByText('Borgeren var kendt i forvejen').waitFor();
    expect(await page.locator('dd code').textContent()).toBe(karen.citizenId);
    await page.context().close();
  });

  it('lets the coordinator correct the referral: only what changed is in the timeline', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${karen.caseId}`);
    await page.locator('summary', { hasText: 'Ret henvisningen' }).click();
    const physical = page.getByLabel('Fysisk', { exact: true });
    expect(await physical.inputValue()).toBe('KOL, går dårligt på trapper');
    await page.getByRole('button', { name: 'Gem rettelsen' }).click();
    await page.getByText('Der er ikke rettet noget endnu.').waitFor();
    await physical.fill('KOL, iltapparat; kommer ikke ud uden hjælp');
    await page.locator('details').filter({ hasText: 'Ret henvisningen' }).getByLabel('Boligydelse').check();
    await page.getByRole('button', { name: 'Gem rettelsen' }).click();
    await page.getByText('Henvisningen er rettet.').waitFor();
    const entry = page.locator('.timeline li').filter({ hasText: 'Henvisning rettet' });
    await entry.getByText('Fysisk: KOL, iltapparat; kommer ikke ud uden hjælp').waitFor();
    await entry.getByText('Ønskede opgaver: Varmehjælp, Boligydelse').waitFor();
    expect(await entry.getByText(/Psykisk/).count()).toBe(0);
    // The case's facts read the correction.
    await page.locator('.facts').getByText('KOL, iltapparat; kommer ikke ud uden hjælp').waitFor();
    await expectAccessible(page, 'the case after a correction');
    await page.screenshot({ path: join(SHOTS, 'referral-corrected.png'), fullPage: true });
    await page.context().close();
  });

  it('offers the visitor "Opret opgave" for each requested task not yet opened', async () => {
    const page = await signIn('birthe', PHONE);
    const card = page.getByRole('listitem').filter({ hasText: 'Karen Nielsen' }).first();
    await card.getByRole('button', { name: 'Opret opgave: Varmehjælp' }).waitFor();
    await card.getByRole('button', { name: 'Opret opgave: Boligydelse' }).waitFor();
    await expectAccessible(page, 'the visit card with requested tasks');
    await page.screenshot({ path: join(SHOTS, 'visit-card-requested-tasks.png'), fullPage: true });
    await card.getByRole('button', { name: 'Opret opgave: Varmehjælp' }).click();
    await card.getByText('Opgaver: Varmehjælp').waitFor();
    expect(await card.getByRole('button', { name: 'Opret opgave: Varmehjælp' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Opret opgave: Boligydelse' }).waitFor();
    await page.context().close();
  });
});

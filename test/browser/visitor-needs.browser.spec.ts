import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { karenReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, expectAccessible, launchBrowser, post, signInAs, startServer, Viewport } from './browser';

/**
 * Issue #17, "What a visitor needs", in the app: the visit card with the
 * citizen's situation, the requested tasks and a phone number to tap; dates
 * with their year when it is not this year's; the timeline in the order things
 * happened; the risk form with no risk chosen beforehand, empty after a save.
 */
const run = browserAvailable() ? describe : describe.skip;
const ZONE = 'Europe/Copenhagen';
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', birthe: 'sognets-besoeg-7' };

run('what a visitor needs, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let caseId: string;
  let nextVisit: DateTime;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);
  const daysAgo = (days: number, hour = 10) => DateTime.now().setZone(ZONE).minus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    const { visitorId } = await api<{ visitorId: string }>('/visitors', { name: 'Birthe Sonne', kind: 'employee', capacity: 5, phone: '+4540506070' });
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId, password: PASSWORDS.birthe });
    caseId = (await api('/cases', karenReferral({ referredAt: daysAgo(20).toISO() }))).caseId;
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal', at: daysAgo(15).toISO() });
    await api(`/cases/${caseId}/first-visit`, { visitorId, visitAt: daysAgo(10).toISO(), at: daysAgo(12).toISO() });
    // Entered in this order: a risk seen yesterday, then the visit of three days ago (recorded late).
    await api(`/cases/${caseId}/risks`, { risk: 'contact_difficulties', note: 'Tager ikke telefonen', at: daysAgo(1).toISO() });
    // The next visit in January: next year's, so its date must say which year.
    nextVisit = DateTime.now().setZone(ZONE).plus({ years: 1 }).startOf('year').plus({ days: 14 }).set({ hour: 10 });
    await api(`/cases/${caseId}/visits`, { visitorId, visitedAt: daysAgo(3).toISO(), nextVisitAt: nextVisit.toISO(), themes: ['varmehjælp'] });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  it("shows the visitor the citizen's situation, the requested tasks, a phone number to tap and the next visit with its year", async () => {
    const page = await signIn('birthe', PHONE);
    const card = page.getByRole('listitem').filter({ hasText: 'Karen Nielsen' });
    await card.waitFor();
    await card.getByText('KOL, går dårligt på trapper').waitFor();
    await card.getByText('enke, ingen børn i nærheden').waitFor();
    await card.getByRole('button', { name: 'Opret opgave: Varmehjælp' }).waitFor();
    expect(await card.getByRole('link', { name: '57 83 12 34' }).getAttribute('href')).toBe('tel:+4557831234');
    expect(await card.locator('.next strong').textContent()).toBe(nextVisit.setLocale('da').toFormat("cccc d. LLLL yyyy 'kl.' HH.mm"));
    await expectAccessible(page, 'the visit card');
    await page.context().close();
  });

  it('shows the coordinator the timeline in the order things happened, and phone numbers to tap', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${caseId}`);
    await page.locator('.timeline').waitFor();
    const labels = (await page.locator('.timeline li strong').allTextContents()).map((t) => t.trim());
    expect(labels.indexOf('Besøg gennemført')).toBeGreaterThan(-1);
    expect(labels.indexOf('Besøg gennemført')).toBeLessThan(labels.indexOf('Risiko registreret'));
    expect(await page.getByRole('link', { name: '20 30 40 50' }).getAttribute('href')).toBe('tel:+4520304050');
    expect(await page.getByRole('link', { name: '40 50 60 70' }).getAttribute('href')).toBe('tel:+4540506070');
    await page.context().close();
  });

  it('asks for the risk instead of choosing one, and empties the form after the save', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${caseId}`);
    await page.locator('summary', { hasText: 'Registrér en risiko' }).click();
    const risk = page.getByLabel('Risiko', { exact: true });
    expect(await risk.inputValue()).toBe('');
    await page.getByLabel('Hvad er set eller sagt').fill('Sagde i telefonen, at hun ikke orker mere');
    await page.getByRole('button', { name: 'Registrér risiko' }).click();
    await page.getByText('Vælg hvilken risiko.').waitFor();
    await risk.selectOption({ label: 'Selvmordstanker' });
    await page.getByRole('button', { name: 'Registrér risiko' }).click();
    await page.getByText('Sagen er opdateret.').waitFor();
    await page.locator('.timeline').getByText('Sagde i telefonen, at hun ikke orker mere').waitFor();
    // The form starts afresh: nothing left over from the risk just saved.
    const summary = page.locator('summary', { hasText: 'Registrér en risiko' });
    if ((await page.getByLabel('Hvad er set eller sagt').count()) === 0 || !(await page.getByLabel('Hvad er set eller sagt').isVisible())) await summary.click();
    expect(await page.getByLabel('Hvad er set eller sagt').inputValue()).toBe('');
    expect(await page.getByLabel('Risiko', { exact: true }).inputValue()).toBe('');
    await page.context().close();
  });
});

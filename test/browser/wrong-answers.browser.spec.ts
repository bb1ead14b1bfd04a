import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { seed } from '../../src/cli/seed/seed';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import type { Principal } from '../../src/privacy/tokens';
import { karenReferral } from '../e2e/support/fixtures';
import { COORDINATOR, tokenFor } from '../e2e/support/test-app';
import { browserAvailable, ConsoleWatch, launchBrowser, signInAs, startServer } from './browser';

/**
 * Issue #17's wrong answers as a coordinator, a visitor and a manager see them
 * in the web app, on a store seeded with synthetic cases (`cli seed`) and a few
 * cases made here through the API with times relative to today.
 */
const run = browserAvailable() ? describe : describe.skip;
const ZONE = 'Europe/Copenhagen';
const PASSWORDS = { jette: 'kaffe-og-kage-42', birthe: 'sognets-besoeg-7', mette: 'tal-og-grafer-9' };

run('the web app answers what the case says', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let agreedAt: DateTime;
  let visitCaseId: string;
  let referredCaseId: string;

  /** A call to the API as the coordinator (or another principal), as the app would make it. */
  async function api<T = { caseId: string }>(path: string, body?: unknown, principal: Principal = COORDINATOR): Promise<T> {
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${tokenFor(server.dataDir, principal)}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const daysAgo = (days: number, hour = 10) => DateTime.now().setZone(ZONE).minus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  const citizen = (name: string) => ({ name, address: 'Algade 12, 4180 Sorø' });

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await seed(store, { cases: 80, seed: 17 }, () => undefined);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });

    // A referral not yet triaged, and one by the citizen herself long ago (a channel, not a partner).
    referredCaseId = (await api('/cases', karenReferral({ citizen: citizen('Ingrid Venter'), referredAt: daysAgo(2).toISO() }))).caseId;
    await api('/cases', karenReferral({ citizen: citizen('Signe Selv'), referrer: { name: 'Signe Selv', role: 'self' }, consent: undefined, referredAt: daysAgo(200).toISO() }));

    // Birthe's citizen: the visit agreed four days ago at 10.00 (Copenhagen), not yet recorded.
    const { visitorId } = await api<{ visitorId: string }>('/visitors', { name: 'Birthe Tid', kind: 'employee', capacity: 5, phone: '+4540506070' });
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId, password: PASSWORDS.birthe });
    agreedAt = daysAgo(4);
    visitCaseId = (await api('/cases', karenReferral({ citizen: citizen('Erna Ugedag'), referredAt: daysAgo(20).toISO() }))).caseId;
    await api(`/cases/${visitCaseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal' });
    await api(`/cases/${visitCaseId}/first-visit`, { visitorId, visitAt: agreedAt.toISO() });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const signIn = (username: keyof typeof PASSWORDS): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username]);

  it('shows referrals not yet triaged in the waiting folder, as "Skal vurderes", and filters by stage', async () => {
    const page = await signIn('jette');
    const row = page.getByRole('row', { name: /Ingrid Venter/ });
    await row.getByRole('cell', { name: 'Skal vurderes' }).waitFor();
    await page.getByRole('row', { name: /Venter på (omsorgsmedarbejder|besøgsven|fællesskabsguide|bisidder)/ }).first().waitFor();
    await page.getByLabel('Trin').selectOption({ label: 'Venter på en frivillig eller ansat' });
    await row.waitFor({ state: 'hidden' });
    await page.getByLabel('Trin').selectOption({ label: 'Skal vurderes' });
    await row.waitFor();
    await page.context().close();
  });

  it('shows the priority chosen at triage on the case page, and a triage done yesterday on paper at its time', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${referredCaseId}`);
    await page.getByRole('heading', { name: 'Vurdering' }).waitFor();
    await page.getByLabel('En frivillig kan tage sagen').check();
    await page.getByLabel('Begrundelse').fill('Ensom efter flytning');
    // Triaged on paper yesterday at 14.00, entered now: the timeline gives the business time.
    const yesterday = daysAgo(1, 14);
    await page.getByLabel('Vurderet').fill(yesterday.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByRole('button', { name: 'Vurdér og læg i ventemappen' }).click();
    await page.getByText('Sagen er vurderet og ligger i ventemappen.').waitFor();
    await page.getByText('Frivilligt spor, prioritet normal').waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Vurderet til frivilligt spor' }).getByText(yesterday.toFormat("dd.MM.yyyy 'kl.' HH.mm"), { exact: true }).waitFor();
    await page.context().close();
  });

  it('keeps "prioritet normal" on the case page once the triaged case is declined', async () => {
    const { caseId } = await api('/cases', karenReferral({ citizen: citizen('Olga Afvist'), referredAt: daysAgo(5).toISO() }));
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal' });
    await api(`/cases/${caseId}/decline`, { reason: 'declined_by_citizen' });
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${caseId}`);
    await page.getByRole('heading', { name: 'Olga Afvist' }).waitFor();
    await page.getByText('Frivilligt spor, prioritet normal').waitFor();
    await page.context().close();
  });

  it('lists the track the case has after "Fortvivlet situation" is flagged (Sager)', async () => {
    const { caseId } = await api('/cases', karenReferral({ citizen: citizen('Aase Fortvivlet'), referredAt: daysAgo(3).toISO() }));
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'low' });
    await api(`/cases/${caseId}/risks`, { risk: 'desperate_situation', note: 'Fortvivlet', at: DateTime.now().toISO() });
    const page = await signIn('jette');
    await page.getByRole('navigation').getByRole('link', { name: 'Sager' }).click();
    await page.getByLabel('Status').selectOption({ label: 'I ventemappen' });
    await page.getByRole('row', { name: /Aase Fortvivlet/ }).getByRole('cell', { name: 'Frivilligt spor' }).waitFor();
    await page.context().close();
  });

  it('proposes "Samme tid om en uge" at the agreed weekday and time, not the time of recording + 7 days', async () => {
    const page = await signIn('birthe');
    await page.goto(`${server.url}/app/besoeg/${visitCaseId}`);
    await page.getByRole('heading', { name: 'Besøg hos Erna Ugedag' }).waitFor();
    const long = (when: DateTime) => when.setZone(ZONE).setLocale('da').toFormat("cccc d. LLLL 'kl.' HH.mm");
    // Agreed four days ago: a week on is three days from now, at 10.00.
    await page.getByText(long(agreedAt.plus({ weeks: 1 })), { exact: true }).waitFor();
    await page.getByLabel('Samme tid om to uger').check();
    await page.getByText(long(agreedAt.plus({ weeks: 2 })), { exact: true }).waitFor();
    await page.context().close();
  });

  it("computes the manager's headline median from the same months as the chart", async () => {
    const page = await signIn('mette');
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    const figure = page.getByRole('group', { name: 'Dage til første besøg (median)' });
    const note = (await figure.locator('.muted').textContent())!;
    // The months the page asks for (the last 12, to today), as the chart draws them.
    const to = DateTime.now().setZone(ZONE);
    const from = to.minus({ months: 11 }).startOf('month');
    const { months } = await api<{ months: Array<{ daysToFirstVisit: { n: number; median: number | null } }> }>(`/dashboard?from=${from.toISODate()}&to=${to.toISODate()}`, undefined, { sub: 'dashboard-check@example.dk', role: 'manager' });
    const withData = months.map((m) => m.daysToFirstVisit).filter((d) => d.n > 0);
    const cases = withData.reduce((sum, d) => sum + d.n, 0);
    expect(cases).toBeGreaterThan(1);
    expect(note).toMatch(new RegExp(`^${cases} sager i perioden`));
    const value = Number((await figure.locator('.figure-value').textContent())!.replace(',', '.'));
    const medians = withData.map((d) => d.median!);
    expect(value).toBeGreaterThanOrEqual(Math.min(...medians));
    expect(value).toBeLessThanOrEqual(Math.max(...medians));
    await page.context().close();
  });

  it('does not list "Borgeren selv" or "Pårørende" among the partners gone silent', async () => {
    const page = await signIn('mette');
    await page.getByRole('navigation').getByRole('link', { name: 'Samarbejdspartnere' }).click();
    await page.getByRole('table').waitFor();
    const roles = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(roles.length).toBeGreaterThan(0);
    expect(roles).not.toContain('Borgeren selv');
    expect(roles).not.toContain('Pårørende');
    await page.context().close();
  });
});

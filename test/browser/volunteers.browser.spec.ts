import type { Browser, Locator, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { karenReferral } from '../e2e/support/fixtures';
import { COORDINATOR, tokenFor } from '../e2e/support/test-app';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * Issue 20 in the app: an application through interview, approval, vetting
 * and training, after which the volunteer is offered for booking with their
 * provisos; a volunteer whose straffeattest has expired is not offered; the
 * coordinator's start page says who needs attention; the volunteer sees their
 * own page on a phone.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORDS = { jette: 'kaffe-og-kage-42', birthe: 'besoeg-hver-tirsdag', lone: 'tovholder-i-soroe', mette: 'overblik-hver-maaned' };

run('a volunteer from application to booking, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let waitingCase: string;
  let expired: string;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    // A visiting-friend case waiting for a visitor.
    ({ caseId: waitingCase } = await api('/cases', karenReferral({ programme: 'visiting_friend', citizen: { name: 'Karen Venter', address: 'Algade 12, 4180 Sorø' } })));
    await api(`/cases/${waitingCase}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal' });
    // Ole was approved years ago; his straffeattest expired last year.
    ({ visitorId: expired } = await api<{ visitorId: string }>('/visitors/applications', { name: 'Ole Udløbet', phone: '+4521222324', programmes: ['visiting_friend'], at: '2021-01-04T10:00:00+01:00' }));
    await api(`/visitors/${expired}/interview`, { by: 'Jette Holm', outcome: 'approve', at: '2021-01-11T10:00:00+01:00' });
    await api(`/visitors/${expired}/approve`, { programmes: ['visiting_friend'], capacity: 3, at: '2021-01-18T10:00:00+01:00' });
    await api(`/visitors/${expired}/vetting`, { kind: 'straffeattest', checkedAt: '2021-01-05T10:00:00+01:00', expiresAt: '2024-01-05T00:00:00+01:00', result: 'clear' });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  /** The form of one step, found by its heading. */
  const step = (page: Page, title: string): Locator => page.locator('form', { has: page.getByRole('heading', { name: title, exact: true }) });
  const timeline = (page: Page) => page.getByRole('list', { name: 'Den frivilliges forløb' });

  it('takes an application through interview, approval, vetting and training; the volunteer is then offered with their provisos, Ole is not', async () => {
    const page = await signIn('jette');
    // The start page says Ole's straffeattest has expired.
    await page.getByRole('table', { name: 'Frivillige med brug for opmærksomhed' }).getByRole('row', { name: /Ole Udløbet/ }).getByText(/Attest udløbet/).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Frivillige', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Frivillige' }).waitFor();

    const application = step(page, 'Ny ansøgning');
    await application.getByRole('button', { name: 'Registrér ansøgningen' }).click();
    await application.getByText('Vælg mindst én ordning.').waitFor();
    await application.getByLabel('Navn').fill('Birthe Ny');
    await application.getByLabel('Telefon').fill('40 50 60 70');
    await application.getByLabel('Besøgsven').check();
    await application.getByLabel('Motivation').fill('Jeg har selv savnet nogen at tale med');
    await application.getByRole('button', { name: 'Registrér ansøgningen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Birthe Ny' }).waitFor();
    await timeline(page).getByText('Ansøgning modtaget').waitFor();
    await shot(page, 'volunteer-applicant');

    const interview = step(page, 'Samtale');
    await interview.getByLabel('Samtale holdt af').fill('Jette Holm');
    await interview.getByLabel('Udfald').selectOption('approve');
    await interview.getByLabel('Noter fra samtalen').fill('Rolig og lyttende');
    await interview.getByRole('button', { name: 'Registrér samtalen' }).click();
    await timeline(page).getByText('Rolig og lyttende').waitFor();

    const approve = step(page, 'Godkend');
    await approve.getByLabel('Forbehold').fill('Ikke hos nyligt efterladte');
    await approve.getByLabel('Antal borgere').fill('2');
    await approve.getByRole('button', { name: 'Godkend den frivillige' }).click();
    await timeline(page).getByText('Godkendt').waitFor();
    await page.getByText('Mangler: Straffeattest').waitFor();

    const vetting = step(page, 'Attest');
    await vetting.getByLabel('Tjekket').fill('2026-01-05');
    await vetting.getByLabel('Udløber').fill('2029-01-05');
    await vetting.getByRole('button', { name: 'Registrér attesten' }).click();
    await timeline(page).getByText('Attest registreret').waitFor();
    await page.getByText('Mangler: Straffeattest').waitFor({ state: 'detached' });

    const training = step(page, 'Kursus');
    await training.getByLabel('Kursets navn').fill('Introduktion');
    await training.getByRole('button', { name: 'Registrér kurset' }).click();
    await timeline(page).getByText('Kursus gennemført').waitFor();
    await shot(page, 'volunteer-approved');

    // The booking form offers Birthe, with her proviso, and not Ole.
    await page.goto(`${server.url}/app/sager/${waitingCase}`);
    const picker = page.getByRole('combobox', { name: 'Besøgsven', exact: true });
    await picker.locator('option', { hasText: 'Birthe Ny' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option', { hasText: 'Ole Udløbet' }).count()).toBe(0);
    await picker.selectOption({ label: (await picker.locator('option', { hasText: 'Birthe Ny' }).textContent())! });
    await page.getByText('Forbehold: Ikke hos nyligt efterladte').waitFor();
    await shot(page, 'volunteer-booking-provisos');
  });

  it("shows the volunteer their own page on a phone: hours, supervision, training", async () => {
    const birthe = (await (await fetch(`${server.url}/visitors`, { headers: { authorization: `Bearer ${tokenFor(server.dataDir, COORDINATOR)}` } })).json()) as Array<{ visitorId: string; name: string }>;
    const visitorId = birthe.find((v) => v.name === 'Birthe Ny')!.visitorId;
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId, password: PASSWORDS.birthe });
    const page = await signIn('birthe', { width: 390, height: 844 });
    await page.getByRole('navigation').getByRole('link', { name: 'Timer og kurser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine timer og kurser' }).waitFor();
    await page.getByText('Introduktion').first().waitFor();
    await page.getByText(/0 besøg, 0 t/).first().waitFor();
    expect(await page.getByRole('button', { name: 'Registrér sparring' }).count()).toBe(0);
    await shot(page, 'volunteer-own-page');
  });

  it("shows the volunteer lead their own volunteers' status and places, and the manager the volunteers' figures", async () => {
    const rows = (await (await fetch(`${server.url}/visitors`, { headers: { authorization: `Bearer ${tokenFor(server.dataDir, COORDINATOR)}` } })).json()) as Array<{ visitorId: string; name: string }>;
    await api(`/visitors/${rows.find((v) => v.name === 'Birthe Ny')!.visitorId}/coordinator`, { coordinatorSub: 'lone' });
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'lone', role: 'volunteer_lead', password: PASSWORDS.lone });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });
    const lead = await signIn('lone');
    const row = lead.getByRole('table', { name: 'Mine frivillige' }).getByRole('row', { name: /Birthe Ny/ });
    await row.getByText('Aktiv').waitFor();
    expect(await lead.getByRole('table', { name: 'Mine frivillige' }).getByRole('row', { name: /Ole Udløbet/ }).count()).toBe(0);
    await shot(lead, 'volunteer-lead');
    const manager = await signIn('mette');
    await manager.getByRole('heading', { name: 'Frivillige', exact: true }).waitFor();
    await manager.getByRole('group', { name: 'Aktiv' }).waitFor();
    await manager.getByText(/2 ansøgt → 2 til samtale → 2 godkendt/).waitFor();
    await shot(manager, 'volunteer-dashboard');
  });
});

import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { karenReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * Issue 22 in the app: a screener on a phone answers the three UCLA-3
 * questions with the citizen, records the consent and refers in one step; the
 * coordinator finds the referral in the waiting folder. A visitor's card says
 * "måling mangler" when a UCLA-3 is due. Seed 001: "systematisk opsporing af ensomhed".
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORDS = { jette: 'kaffe-og-kage-42', sosu: 'opsporing-i-syd-22', birthe: 'sognets-besoeg-7' };
const PHONE = { width: 390, height: 844 };

run('screening before any referral, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();

  const api = <T>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    await addUser(store, { username: 'sosu', role: 'screener', password: PASSWORDS.sosu });
    // Birthe's citizen had her first visit three weeks ago and no UCLA-3 yet: the intake measurement is overdue.
    const { visitorId } = await api<{ visitorId: string }>('/visitors', { name: 'Birthe Måling', kind: 'employee', capacity: 5, phone: '+4540506070' });
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId, password: PASSWORDS.birthe });
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const { caseId } = await api<{ caseId: string }>('/cases', karenReferral({ citizen: { name: 'Erna Måling', address: 'Algade 12, 4180 Sorø' }, referredAt: daysAgo(30) }));
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal', at: daysAgo(29) });
    await api(`/cases/${caseId}/first-visit`, { visitorId, visitAt: daysAgo(21), at: daysAgo(28) });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  const answer = async (page: Page, answers: [string, string, string]) => {
    const questions = ['Hvor ofte føler du, at du mangler nogen at være sammen med?', 'Hvor ofte føler du dig holdt udenfor?', 'Hvor ofte føler du dig isoleret fra andre?'];
    for (const [i, question] of questions.entries()) await page.getByRole('group', { name: question }).getByLabel(answers[i]!).check();
  };

  it('a screener records a screening with consent on a phone and refers; the coordinator sees the referral in the waiting folder', async () => {
    const page = await signIn('sosu', PHONE);
    await page.getByRole('heading', { name: 'Opsporing af ensomhed', level: 1 }).waitFor();
    // Nothing answered: the form says so in Danish and sends nothing.
    await page.getByRole('button', { name: 'Gem opsporing' }).click();
    await page.getByText('Svar på alle tre spørgsmål.').waitFor();
    await page.getByText('Skriv din enhed, fx Hjemmeplejen Syd.').waitFor();
    await shot(page, 'screening-errors');

    await page.getByLabel('Enhed').fill('Hjemmeplejen Syd');
    await answer(page, ['Ofte', 'En gang imellem', 'Ofte']);
    await page.getByText('Score 8 af 9: tegn på ensomhed.').waitFor();
    // Without consent no name is asked for.
    await page.getByText('Uden samtykke gemmes ingen personoplysninger').waitFor();
    expect(await page.getByLabel('Borgerens navn').count()).toBe(0);
    await page.getByLabel('Borgeren giver samtykke til at blive henvist').check();
    await page.getByRole('button', { name: 'Gem opsporing' }).click();
    await page.getByText('Skriv borgerens navn: det skal bruges til henvisningen.').waitFor();
    await page.getByLabel('Borgerens navn').fill('Ellen Opsporet');
    await page.getByLabel('Borgerens telefon').fill('20 30 40 99');
    await page.getByLabel('Note').fill('Ser ingen siden faldet i foråret');
    await shot(page, 'screening-form');
    await page.getByRole('button', { name: 'Gem opsporing' }).click();

    await page.getByRole('heading', { name: 'Opsporing gemt', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Henvis borgeren' }).waitFor();
    await page.getByRole('button', { name: 'Henvis', exact: true }).click();
    await page.getByText('Vælg hvilken indsats borgeren henvises til.').waitFor();
    await page.getByLabel('Indsats').selectOption('visiting_friend');
    await page.getByLabel('Borgerens adresse').fill('Storgade 3, 4180 Sorø');
    await page.getByLabel('Dit navn').fill('Mette Sørensen');
    await page.getByRole('button', { name: 'Henvis', exact: true }).click();
    await page.getByText('Borgeren er henvist. Henvisningen ligger nu i koordinatorens ventemappe.').waitFor();
    await shot(page, 'screening-referred');
    // A screener has no waiting folder, no cases.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Ventemappe' }).count()).toBe(0);
    await page.context().close();

    const coordinator = await signIn('jette');
    const row = coordinator.getByRole('row', { name: /Ellen Opsporet/ });
    await row.getByRole('cell', { name: 'Skal vurderes' }).waitFor();
    await row.getByRole('link', { name: /Ellen Opsporet/ }).click();
    await coordinator.getByText('Storgade 3, 4180 Sorø').first().waitFor();
    await coordinator.getByText('Fra en opsporing af ensomhed').waitFor();
    await shot(coordinator, 'screening-case');

    // The figures: per unit and month, the share lonely, referrals; aggregates only.
    await coordinator.getByRole('navigation').getByRole('link', { name: 'Opsporinger' }).click();
    const figures = coordinator.getByRole('row', { name: /Hjemmeplejen Syd/ });
    await figures.getByRole('cell', { name: '1 (100 %)' }).waitFor();
    expect(await figures.getByRole('cell').allTextContents()).toEqual([expect.any(String), 'Hjemmeplejen Syd', '1', '1 (100 %)', '1', '1', '0']);
    expect(await coordinator.getByText('Ellen Opsporet').count()).toBe(0);
    await shot(coordinator, 'screening-figures');
    await coordinator.context().close();
  });

  it('a screening without consent sends no name: only unit, time and score', async () => {
    const page = await signIn('sosu', PHONE);
    // A new browser context remembers no unit: it is typed again.
    await page.getByLabel('Enhed').fill('Forebyggende hjemmebesøg');
    await answer(page, ['Sjældent eller aldrig', 'En gang imellem', 'Sjældent eller aldrig']);
    await page.getByText('Score 4 af 9: ikke tegn på svær ensomhed.').waitFor();
    // Ticked, a name typed, then unticked: the name is not sent.
    await page.getByLabel('Borgeren giver samtykke til at blive henvist').check();
    await page.getByLabel('Borgerens navn').fill('Skal ikke gemmes');
    await page.getByLabel('Borgeren giver samtykke til at blive henvist').uncheck();
    const sent = page.waitForRequest((r) => r.url().endsWith('/screenings') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Gem opsporing' }).click();
    expect(JSON.parse((await sent).postData()!)).toEqual({ at: expect.any(String), unit: 'Forebyggende hjemmebesøg', ucla3: [1, 2, 1], consentToRefer: false });
    await page.getByText('Opsporingen er gemt uden personoplysninger: kun enhed, tidspunkt og score.').waitFor();
    await page.context().close();
  });

  it('the coordinator lists the measurements due: Erna\'s intake UCLA-3, a week over time', async () => {
    const page = await signIn('jette');
    await page.getByRole('navigation').getByRole('link', { name: 'Målinger' }).click();
    const row = page.getByRole('row', { name: /Erna Måling/ });
    await row.getByRole('cell', { name: 'Ved opstart (inden for 14 dage efter første besøg)' }).waitFor();
    await row.getByText('7 dage over tid').waitFor();
    await shot(page, 'assessments-due');
    await page.context().close();
  });

  it('the visitor\'s card says "måling mangler" when the UCLA-3 is due', async () => {
    const page = await signIn('birthe', PHONE);
    const card = page.locator('li.visit-card').filter({ hasText: 'Erna Måling' });
    await card.getByText('måling mangler').waitFor();
    await shot(page, 'visitor-measurement-due');
    await page.context().close();
  });
});

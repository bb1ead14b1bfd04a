import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { COORDINATOR, tokenFor } from '../e2e/support/test-app';
import { browserAvailable, ConsoleWatch, expectAccessible, launchBrowser, shoot, shotsDir, signInAs, startServer } from './browser';

/**
 * Programme settings in the app (issues 19, 20, 22): the admin's "Ordninger"
 * shows each programme's settings and changes them; the coordinator reads
 * them without a form. The change is what the API then holds.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORDS = { anne: 'indstillinger-77', jette: 'kaffe-og-kage-42' };

run('programme settings, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'anne', role: 'admin', password: PASSWORDS.anne });
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);
  const signIn = (username: keyof typeof PASSWORDS): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username]);

  const card = (page: Page, name: string) => page.getByRole('article', { name });

  it('lets the admin change a programme\'s settings, checked in Danish first, and shows them changed', async () => {
    const page = await signIn('anne');
    await page.getByRole('navigation').getByRole('link', { name: 'Ordninger' }).click();
    const friends = card(page, 'Besøgsven');
    await friends.getByText('Hjælperen kaldes besøgsven. Standardindstillinger.').waitFor();
    await friends.getByText('3 måneder').waitFor();
    expect(await card(page, 'Fællesskabsguide').locator('dd').nth(1).textContent()).toBe('Ingen');
    await shot(page, 'programmes');

    await friends.getByText('Ret indstillinger for Besøgsven').click();
    await friends.getByLabel('Opfølgning efter (måneder)').fill('0');
    await friends.getByLabel('Krævede kurser').fill('Introduktion\nintroduktion');
    await friends.getByRole('button', { name: 'Gem indstillinger' }).click();
    await friends.getByText('Antal måneder skal være et helt tal fra 1 til 24.').waitFor();
    await friends.getByText('Hvert kursus må kun stå én gang.').waitFor();
    await shot(page, 'programmes-errors');

    await friends.getByLabel('Opfølgning efter (måneder)').fill('6');
    await friends.getByLabel('Straffeattest').uncheck();
    await friends.getByLabel('Krævede kurser').fill('Introduktion\nFørstehjælp');
    await friends.getByLabel('UCLA-3 hver (uger)').fill('8');
    await friends.getByRole('button', { name: 'Gem indstillinger' }).click();
    await friends.getByText('Indstillingerne for Besøgsven er gemt.').waitFor();
    await friends.getByText('6 måneder').waitFor();
    await friends.getByText('Introduktion, Førstehjælp').waitFor();
    await friends.getByText(/Ændret \d\d\.\d\d\.\d{4}\./).waitFor();
    expect(await friends.locator('dd').nth(1).textContent()).toBe('Ingen');

    // Sending the same again changes nothing: the server's Danish refusal is shown.
    watch.expectFailedRequest(409);
    await friends.getByRole('button', { name: 'Gem indstillinger' }).click();
    await friends.getByText('Ordningen har allerede disse indstillinger; intet er ændret.').waitFor();

    // What the API now holds, read as a coordinator.
    const response = await fetch(`${server.url}/programmes/visiting_friend`, { headers: { authorization: `Bearer ${tokenFor(server.dataDir, COORDINATOR)}` } });
    expect(((await response.json()) as { settings: unknown }).settings).toEqual({ followUpMonths: 6, requiredVetting: [], requiredCourses: ['Introduktion', 'Førstehjælp'], supervisionEveryWeeks: 12, reassessEveryWeeks: 8 });
    await page.context().close();
  });

  it('shows the coordinator the settings without a form', async () => {
    const page = await signIn('jette');
    await page.getByRole('navigation').getByRole('link', { name: 'Ordninger' }).click();
    await card(page, 'Bisidder').getByText('Introduktion, Samtale om selvmordstanker').waitFor();
    expect(await page.getByText(/Ret indstillinger/).count()).toBe(0);
    await expectAccessible(page, 'programmes-coordinator');
    await page.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { fridaReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer } from './browser';

/**
 * Issue #17, "Visitors" and "Words per programme", in the app: the coordinator
 * changes a visitor's capacity (below their caseload, with a warning), pauses
 * and reactivates one, and the booking form of a community-guide case offers
 * only who can take it, named fællesskabsguide as that programme says (seed 003).
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORDS = { jette: 'kaffe-og-kage-42' };

run('keeping the visitors current, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let waitingCase: string;
  let bookedCase: string;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);
  const guideCase = async (name: string) => {
    const { caseId } = await api('/cases', { ...fridaReferral(), citizen: { ...fridaReferral().citizen, name } });
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Kan mødes med en frivillig', priority: 'normal' });
    return caseId;
  };

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    const { visitorId: birthe } = await api<{ visitorId: string }>('/visitors', { name: 'Birthe Sonne', kind: 'volunteer', capacity: 3, phone: '+4540506070' });
    await api('/visitors', { name: 'Ole Frivillig', kind: 'volunteer', capacity: 3, phone: '+4521222324' });
    bookedCase = await guideCase('Frida Mortensen');
    await api(`/cases/${bookedCase}/first-visit`, { visitorId: birthe, visitAt: '2030-04-15T10:00:00+02:00' });
    await api(`/cases/${await guideCase('Frida Holm')}/first-visit`, { visitorId: birthe, visitAt: '2030-04-16T10:00:00+02:00' });
    waitingCase = await guideCase('Sofie Lund');
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (): Promise<Page> => signInAs(browser, watch, server.url, 'jette', PASSWORDS.jette);

  const visitorsPage = async (page: Page) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Frivillige og ansatte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Frivillige og ansatte' }).waitFor();
    await page.getByRole('cell', { name: 'Birthe Sonne', exact: true }).waitFor();
  };
  const choose = (page: Page, name: string) => page.getByLabel('Hvem').selectOption({ label: name });
  const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  const offered = async (page: Page): Promise<string[]> => {
    const picker = page.getByRole('combobox', { name: 'Fællesskabsguide', exact: true });
    await picker.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    return picker.locator('option:not([value=""])').allTextContents();
  };

  it('changes a capacity below the caseload with a warning: the visitor keeps the citizens and has no free place', async () => {
    const page = await signIn();
    await visitorsPage(page);
    await choose(page, 'Birthe Sonne');
    await page.getByLabel('Kapacitet').fill('1');
    // Before saving: what it means for the two citizens Birthe already visits.
    await page.getByText('Birthe Sonne har 2 borgere. Med 1 beholder Birthe Sonne dem').waitFor();
    await shot(page, 'capacity-below-caseload');
    await page.getByRole('button', { name: 'Gem kapacitet' }).click();
    await page.getByRole('status').filter({ hasText: 'Birthe Sonne kan nu have 1 borgere. Birthe Sonne har 2 og beholder dem' }).waitFor();
    await row(page, 'Birthe Sonne').getByRole('cell', { name: '0', exact: true }).waitFor();
    expect(await row(page, 'Birthe Sonne').getByRole('cell').allTextContents()).toEqual(['Birthe Sonne', 'Frivillig', '40 50 60 70', '1', '2', '0']);

    await page.getByLabel('Kapacitet').fill('4');
    await page.getByRole('button', { name: 'Gem kapacitet' }).click();
    await page.getByRole('status').filter({ hasText: 'Birthe Sonne kan nu have 4 borgere.' }).waitFor();
    await row(page, 'Birthe Sonne').getByRole('cell', { name: '4', exact: true }).waitFor();
    expect(await row(page, 'Birthe Sonne').getByRole('cell').allTextContents()).toEqual(['Birthe Sonne', 'Frivillig', '40 50 60 70', '4', '2', '2']);
    await page.context().close();
  });

  it('pauses a visitor, whom the booking form then does not offer; reactivated, they are offered again', async () => {
    const page = await signIn();
    await page.goto(`${server.url}/app/sager/${waitingCase}`);
    await page.getByRole('heading', { name: 'Book første besøg' }).waitFor();
    expect((await offered(page)).map((o) => o.split(' (')[0])).toEqual(['Birthe Sonne', 'Ole Frivillig']);

    await visitorsPage(page);
    await choose(page, 'Ole Frivillig');
    await page.getByLabel('Årsag til pausen').fill('Holder pause til efteråret');
    await page.getByRole('button', { name: 'Sæt på pause' }).click();
    await page.getByRole('status').filter({ hasText: 'Ole Frivillig er sat på pause og tilbydes ikke til nye borgere.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Ole Frivillig' }).getByText('På pause', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Aktivér igen' }).waitFor();
    await shot(page, 'visitor-paused');

    await page.goto(`${server.url}/app/sager/${waitingCase}`);
    await page.getByRole('heading', { name: 'Book første besøg' }).waitFor();
    // The case's programme names the helper: a fællesskabsguide, not a besøgsven.
    await page.getByText('Kun aktive fællesskabsguider med ledige pladser vises.').waitFor();
    expect((await offered(page)).map((o) => o.split(' (')[0])).toEqual(['Birthe Sonne']);
    await shot(page, 'booking-without-paused');

    await visitorsPage(page);
    await choose(page, 'Ole Frivillig (på pause)');
    await page.getByRole('button', { name: 'Aktivér igen' }).click();
    await page.getByRole('status').filter({ hasText: 'Ole Frivillig er aktiv igen og kan tage nye borgere.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Ole Frivillig' }).getByText('På pause', { exact: true }).waitFor({ state: 'detached' });

    await page.goto(`${server.url}/app/sager/${waitingCase}`);
    await page.getByRole('heading', { name: 'Book første besøg' }).waitFor();
    expect((await offered(page)).map((o) => o.split(' (')[0])).toEqual(['Birthe Sonne', 'Ole Frivillig']);
    await page.context().close();
  });

  it('corrects a phone, and refuses a second registration of the same person, naming them', async () => {
    const page = await signIn();
    await visitorsPage(page);
    await choose(page, 'Ole Frivillig');
    await page.locator('summary', { hasText: 'Ret navn eller telefon' }).click();
    await page.getByLabel('Mobil (til besøgskortet)').fill('31 32 33 34');
    await page.getByRole('button', { name: 'Gem navn og telefon' }).click();
    await page.getByRole('status').filter({ hasText: 'Navn og telefon er rettet.' }).waitFor();
    await row(page, 'Ole Frivillig').getByRole('link', { name: '31 32 33 34' }).waitFor();

    await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('Ole  frivillig');
    await page.getByLabel('Telefon (til besøgskortet)').fill('+45 31 32 33 34');
    watch.expectFailedRequest(409);
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Ole Frivillig er allerede registreret med samme navn og telefonnummer og er aktiv.' }).waitFor();
    await shot(page, 'visitor-exists');
    await page.context().close();
  });

  it('names the helper after the programme on the case page: the visit card and the reassignment say fællesskabsguide', async () => {
    const page = await signIn();
    await page.goto(`${server.url}/app/sager/${bookedCase}`);
    await page.getByRole('heading', { name: 'Besøgskort' }).waitFor();
    await page.locator('.visit-card').getByText('Fællesskabsguide:').waitFor();
    await page.locator('summary', { hasText: 'Omfordel til en anden fællesskabsguide' }).waitFor();
    await page.locator('.timeline').getByText('Vurderet til frivilligt spor', { exact: true }).waitFor();
    await shot(page, 'guide-case');
    await page.context().close();
  });
});

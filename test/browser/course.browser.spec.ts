import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { fridaReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * Issue #19's course in the app, in a real Chromium, after Frida in seed 003:
 * "Fællesskabsguiden mødes med Frida og hendes mor" (her mother is added to the
 * network, and needs relief herself: "pårørende kan også have behov for
 * aflastning"), they agree the course ("klare aftaler omkring forløbet"), the
 * guide goes along twice ("følges med borgerne de første gange") and Frida goes
 * alone to Café Nygade.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const ZONE = 'Europe/Copenhagen';
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', lene: 'faellesskab-og-kaffe-3', mette: 'tal-og-tendenser-9' };

run('the course of a case in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let fridaId: string;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);
  const at = (days: number, hour = 10) => DateTime.now().setZone(ZONE).startOf('day').plus({ days }).set({ hour });
  const input = (when: DateTime) => when.toFormat("yyyy-MM-dd'T'HH:mm");

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    const { visitorId } = await api<{ visitorId: string }>('/visitors', { name: 'Lene Guide', kind: 'volunteer', capacity: 4, phone: '+4540506070' });
    await addUser(store, { username: 'lene', role: 'visitor', visitorId, password: PASSWORDS.lene });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });
    // Frida's mother filled in the referral card at Center for Sundhed; a guide meets them.
    ({ caseId: fridaId } = await api('/cases', { ...fridaReferral(), referredAt: at(-30).toISO() }));
    await api(`/cases/${fridaId}/triage`, { track: 'volunteer', reason: 'Ensom efter langt sygdomsforløb', priority: 'normal', at: at(-29).toISO() });
    await api(`/cases/${fridaId}/first-visit`, { visitorId, visitAt: at(-21, 16).toISO(), at: at(-28).toISO() });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  it('a coordinator adds Frida\'s mother to the network; she needs relief herself', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${fridaId}`);
    await page.getByRole('heading', { name: 'Frida Mortensen' }).waitFor();
    const network = page.locator('.network');
    await network.getByText('Ingen pårørende registreret.').waitFor();
    await network.getByText('Tilføj pårørende').click();
    // A name is needed: the form says so beside the field and sends nothing.
    await network.getByRole('button', { name: 'Tilføj' }).click();
    await network.getByText('Skriv den pårørendes navn.').waitFor();
    await network.getByLabel('Navn').fill('Hanne Mortensen');
    await network.getByLabel('Relation til borgeren').selectOption({ label: 'Forælder' });
    await network.getByLabel('Telefon').fill('20 30 40 50');
    await network.getByLabel('Tager med').check();
    await network.getByLabel('Har brug for aflastning').check();
    await network.getByLabel('Note om den pårørende').fill('Drivkraften bag at Frida kommer afsted');
    await network.getByRole('button', { name: 'Tilføj' }).click();
    await page.getByText('Netværket er opdateret.').waitFor();
    await network.getByText('Hanne Mortensen', { exact: true }).waitFor();
    await network.locator('.badge-relief').getByText('Har brug for aflastning').waitFor();
    await page.locator('.page-head').getByText('Pårørende har brug for aflastning').waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Pårørende tilføjet' }).waitFor();
    await shot(page, 'course-1-network');
    await page.context().close();
  });

  it('the guide, on the phone: the agreement, going along twice, Frida goes alone', async () => {
    const page = await signIn('lene', PHONE);
    await page.locator('.visit-card').filter({ hasText: 'Frida Mortensen' }).getByRole('link', { name: 'Registrér besøg' }).click();
    await page.getByRole('heading', { name: 'Besøg hos Frida Mortensen' }).waitFor();

    const agreement = page.locator('.agreement');
    await agreement.getByText('Registrér aftale').click();
    await agreement.getByLabel('Mål').fill('Komme i selvhjælpsgruppen\nGå selv i Café Nygade');
    await agreement.getByLabel('Hvor ofte mødes I').selectOption({ label: 'Hver uge' });
    await agreement.getByLabel('Forventet afslutning').fill(at(90).toISODate()!);
    await agreement.getByLabel('Forløbet er slut, når').fill('Frida går selv i caféen');
    await agreement.getByLabel('Pårørende').check();
    await agreement.getByRole('button', { name: 'Gem aftale' }).click();
    await page.getByText('Aftalen er gemt.').waitFor();
    await page.locator('.agreement').getByText('Gå selv i Café Nygade').waitFor();

    for (const [days, first] of [[-14, true], [-7, false]] as const) {
      const going = page.locator('.going-along-card');
      await going.getByText('Registrér: fulgtes med eller gik selv').click();
      await going.getByLabel('Vi fulgtes ad').check();
      await going.getByLabel('Hvortil').fill('Selvhjælpsgruppen i Center for Sundhed');
      await going.getByLabel('Hvornår').fill(input(at(days, 19)));
      if ((await going.getByLabel('Første gang borgeren kom der').isChecked()) !== first) await going.getByLabel('Første gang borgeren kom der').click();
      await going.getByRole('button', { name: 'Registrér' }).click();
      await page.getByText('Registreret: fællesskabsguiden fulgtes med.').waitFor();
    }
    const going = page.locator('.going-along-card');
    await going.getByText('Registrér: fulgtes med eller gik selv').click();
    await going.getByLabel('Borgeren gik selv').check();
    await going.getByLabel('Hvortil').fill('Café Nygade');
    await going.getByLabel('Hvornår').fill(input(at(-1, 14)));
    await going.getByRole('button', { name: 'Registrér' }).click();
    await page.getByText('Registreret: borgeren gik selv afsted.').waitFor();
    await page.locator('.going-along-card .count').filter({ hasText: '2 gange fulgt af fællesskabsguiden' }).waitFor();
    await page.locator('.going-along-card .count-alone').filter({ hasText: '1 gang gået selv' }).waitFor();
    await shot(page, 'course-2-guide-phone');

    // Her mother was at the meeting.
    await page.getByLabel('Hanne Mortensen').check();
    await page.getByRole('button', { name: 'Gem besøg' }).click();
    await page.getByText('Besøget er registreret.').waitFor();
    await page.context().close();
  });

  it('the coordinator sees the agreement, the counts and the course in the timeline', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${fridaId}`);
    await page.getByRole('heading', { name: 'Frida Mortensen' }).waitFor();
    await page.locator('.agreement').getByText('Frida går selv i caféen').waitFor();
    await page.locator('.agreement').getByText('borgeren, fællesskabsguide, pårørende').waitFor();
    await page.locator('.going-along-card .count').filter({ hasText: '2 gange fulgt af fællesskabsguiden' }).waitFor();
    await page.locator('.going-along-card .count-alone').filter({ hasText: '1 gang gået selv' }).waitFor();
    const labels = await page.locator('.timeline li').allTextContents();
    for (const text of ['Aftale om forløbet', 'Mål: Komme i selvhjælpsgruppen; Gå selv i Café Nygade', 'Fulgtes med fællesskabsguiden', 'Selvhjælpsgruppen i Center for Sundhed, første gang', 'Gik selv afsted', 'Café Nygade', 'Hanne Mortensen, forælder', 'Besøg gennemført']) {
      expect(labels.join('\n')).toContain(text);
    }
    await shot(page, 'course-3-case-page');
    await page.context().close();
  });

  it("the manager's overview counts the times gone alone and accompanied", async () => {
    const page = await signIn('mette');
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    await page.getByRole('group', { name: 'Gået selv / fulgt af hjælperen' }).getByText('1 / 2', { exact: true }).waitFor();
    await page.getByRole('img', { name: 'I perioden: fulgt af hjælperen 2 gange, gået selv 1 gange' }).waitFor();
    await shot(page, 'course-4-dashboard');
    await page.context().close();
  });
});

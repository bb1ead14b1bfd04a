import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { fridaReferral, karenReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * Frida's whole course in the app, in a real Chromium (issue #19, seed 003):
 * "Fællesskabsguiden mødes med Frida og hendes mor", they make "klare aftaler
 * omkring forløbet", the guide "tilbyder at følges med borgerne de første gange
 * og følger op": twice along, then Frida goes alone, a relation, the case
 * closes, and three months later the follow-up is due on the coordinator's
 * start page and is held. Then a companion (bisidder, seed 002: "støtte før,
 * under og efter en samtale") plans a meeting at the jobcentre on the phone.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const ZONE = 'Europe/Copenhagen';
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', lene: 'faellesskab-og-kaffe-3', ole: 'bisidder-med-kaffe-7', mette: 'tal-og-tendenser-9' };

run("Frida's course in the app, from the first meeting to the follow-up", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let fridaId: string;
  let bentId: string;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);
  const today = () => DateTime.now().setZone(ZONE).startOf('day');
  /** Frida was referred five months ago; the story runs from there. */
  const start = () => today().minus({ months: 5 });
  const day = (days: number, hour = 10) => start().plus({ days }).set({ hour });
  const input = (when: DateTime) => when.toFormat("yyyy-MM-dd'T'HH:mm");
  // The case ends three months and two days ago: its follow-up fell due two days ago.
  const closedAt = () => today().minus({ months: 3, days: 2 }).set({ hour: 10 });

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });
    const lene = (await api<{ visitorId: string }>('/visitors', { name: 'Lene Guide', kind: 'volunteer', capacity: 4, phone: '+4540506070' })).visitorId;
    await addUser(store, { username: 'lene', role: 'visitor', visitorId: lene, password: PASSWORDS.lene });
    // Frida's mother filled in the referral card at Center for Sundhed.
    ({ caseId: fridaId } = await api('/cases', { ...fridaReferral(), referredAt: day(0).toISO() }));
    await api(`/cases/${fridaId}/triage`, { track: 'volunteer', reason: 'Ensom efter langt sygdomsforløb', priority: 'normal', at: day(1).toISO() });
    await api(`/cases/${fridaId}/first-visit`, { visitorId: lene, visitAt: day(7, 16).toISO(), at: day(2).toISO() });
    // A companion and a citizen who wants one at the jobcentre.
    const ole = (await api<{ visitorId: string }>('/visitors', { name: 'Ole Bisidder', kind: 'volunteer', capacity: 4, phone: '+4540506071' })).visitorId;
    await addUser(store, { username: 'ole', role: 'visitor', visitorId: ole, password: PASSWORDS.ole });
    ({ caseId: bentId } = await api('/cases', karenReferral({ programme: 'companion', citizen: { name: 'Bent Holm', address: 'Algade 3, 4180 Sorø' }, referredAt: today().minus({ days: 20 }).toISO() })));
    await api(`/cases/${bentId}/triage`, { track: 'volunteer', reason: 'Ønsker en bisidder til jobcentret', priority: 'normal' });
    await api(`/cases/${bentId}/first-visit`, { visitorId: ole, visitAt: today().minus({ days: 10 }).set({ hour: 10 }).toISO() });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  it('the guide meets Frida and her mother, they agree the course, go along twice, Frida goes alone and finds her group', async () => {
    const page = await signIn('lene', PHONE);
    await page.locator('.visit-card').filter({ hasText: 'Frida Mortensen' }).getByRole('link', { name: 'Registrér besøg' }).click();
    await page.getByRole('heading', { name: 'Besøg hos Frida Mortensen' }).waitFor();

    // "Fællesskabsguiden mødes med Frida og hendes mor": the mother joins the network, and needs relief herself.
    const network = page.locator('.network');
    await network.getByText('Tilføj pårørende').click();
    await network.getByLabel('Navn').fill('Hanne Mortensen');
    await network.getByLabel('Relation til borgeren').selectOption({ label: 'Forælder' });
    await network.getByLabel('Tager med').check();
    await network.getByLabel('Har brug for aflastning').check();
    await network.getByRole('button', { name: 'Tilføj' }).click();
    await page.getByText('Den pårørende er tilføjet.').waitFor();

    // "Klare aftaler omkring forløbet", made with Frida and her mother.
    const agreement = page.locator('.agreement');
    await agreement.getByText('Registrér aftale').click();
    await agreement.getByLabel('Mål').fill('Komme i selvhjælpsgruppen\nGå selv i Café Nygade');
    await agreement.getByLabel('Hvor ofte mødes I').selectOption({ label: 'Hver uge' });
    await agreement.getByLabel('Forløbet er slut, når').fill('Frida går selv i gruppen');
    await agreement.getByLabel('Pårørende').check();
    await agreement.getByRole('button', { name: 'Gem aftale' }).click();
    await page.getByText('Aftalen er gemt.').waitFor();

    // "Følges med borgerne de første gange": twice along, then Frida on her own.
    for (const [days, kind] of [[14, 'Vi fulgtes ad'], [21, 'Vi fulgtes ad'], [35, 'Borgeren gik selv']] as const) {
      const going = page.locator('.going-along-card');
      await going.getByText('Registrér: fulgtes med eller gik selv').click();
      await going.getByLabel(kind).check();
      await going.getByLabel('Hvortil').fill('Selvhjælpsgruppen i Center for Sundhed');
      await going.getByLabel('Hvornår').fill(input(day(days, 19)));
      await going.getByRole('button', { name: 'Registrér' }).click();
      await page.getByText(kind === 'Vi fulgtes ad' ? 'Registreret: fællesskabsguiden fulgtes med.' : 'Registreret: borgeren gik selv afsted.').waitFor();
    }
    await page.locator('.going-along-card .count').filter({ hasText: '2 gange fulgt af fællesskabsguiden' }).waitFor();
    await page.locator('.going-along-card .count-alone').filter({ hasText: '1 gang gået selv' }).waitFor();

    // The goal: a relation, so the guide is no longer "den primære støtteperson".
    const relation = page.locator('details', { has: page.locator('summary', { hasText: 'Ny relation' }) });
    await relation.getByText('Ny relation', { exact: true }).click();
    await relation.getByLabel('Slags relation').selectOption({ label: 'Selvhjælpsgruppe' });
    await relation.getByLabel('Beskrivelse').fill('Gruppe for unge med lang sygdom');
    await relation.getByLabel('Etableret den').fill(input(day(42, 19)));
    await relation.getByRole('button', { name: 'Gem relation' }).click();
    await page.getByText('Relationen er registreret.').waitFor();

    // The first meeting, her mother with her; recorded now, it stands first in the timeline.
    await page.getByLabel('Besøget var').fill(input(day(7, 16)));
    await page.getByLabel('Intet nyt besøg aftalt').check();
    await page.getByLabel('Hanne Mortensen').check();
    await page.getByRole('button', { name: 'Gem besøg' }).click();
    await page.getByText('Besøget er registreret.').waitFor();

    // Mine borgere: the agreed goals on Frida's card.
    const card = page.locator('.visit-card').filter({ hasText: 'Frida Mortensen' });
    await card.locator('.card-goals').getByText('Gå selv i Café Nygade').waitFor();
    await shot(page, 'frida-1-guide-card-with-goals');
    await page.context().close();
  });

  it('the coordinator closes with the relation, with a last look at the goals; three months later the follow-up is due and held', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${fridaId}`);
    await page.getByRole('heading', { name: 'Frida Mortensen' }).waitFor();
    await page.getByText('Afslut sagen', { exact: true }).click();
    const look = page.locator('.agreement-look');
    await look.getByText('Komme i selvhjælpsgruppen').waitFor();
    await look.getByText('Forløbet er slut, når: Frida går selv i gruppen').waitFor();
    await page.getByLabel('Afsluttet den').fill(input(closedAt()));
    await shot(page, 'frida-2-close-last-look');
    await page.getByRole('button', { name: 'Afslut sag' }).click();
    await page.getByText('Sagen er opdateret.').waitFor();
    const dueAt = closedAt().plus({ months: 3 });
    await page.getByText(`Planlagt til ${dueAt.toFormat("dd.MM.yyyy 'kl.' HH.mm")}`).waitFor();
    const timeline = (await page.locator('.timeline li').allTextContents()).join('\n');
    for (const text of ['Pårørende tilføjet', 'Aftale om forløbet', 'Fulgtes med fællesskabsguiden', 'Gik selv afsted', 'Ny relation etableret', 'Sag afsluttet', 'Opfølgning planlagt']) expect(timeline).toContain(text);

    await page.getByRole('navigation').getByRole('link', { name: 'Ventemappe' }).click();
    const row = page.getByRole('table', { name: /Opfølgninger efter afslutning/ }).getByRole('row').filter({ hasText: 'Frida Mortensen' });
    await row.getByText('2 dage over tid').waitFor();
    await shot(page, 'frida-3-follow-up-due');
    await row.getByRole('link', { name: 'Frida Mortensen' }).click();
    await page.getByText('Registrér opfølgningen').click();
    await page.getByLabel('Udfald').selectOption({ label: 'Stadig i relationen' });
    await page.getByLabel('Note').fill('Går stadig i gruppen; moren har fået aflastning');
    await page.getByRole('button', { name: 'Gem opfølgning' }).click();
    await page.getByText('Opfølgningen er registreret.').waitFor();
    await page.getByText(`Fulgt op ${today().toFormat('dd.MM.yyyy')}: Stadig i relationen`).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Ventemappe' }).click();
    await page.getByText('Ingen opfølgninger forfalder de næste 14 dage.').waitFor();
    await page.context().close();
  });

  it("the manager's overview counts the mother needing relief and the follow-up's outcome", async () => {
    const page = await signIn('mette');
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    const relief = page.locator('.course-figures figure').filter({ hasText: 'Pårørende med brug for aflastning' });
    await relief.locator('.figure-value').getByText('1', { exact: true }).waitFor();
    const outcomes = page.getByRole('table', { name: 'Opfølgning efter afslutning' });
    await outcomes.getByRole('row', { name: 'Stadig i relationen 1' }).waitFor();
    // The caption once, as the table's name: its column says what the rows are.
    expect(await outcomes.getByRole('columnheader').allTextContents()).toEqual(['Udfald', 'Antal']);
    await shot(page, 'frida-4-dashboard');
    await page.context().close();
  });

  it('a companion plans a meeting at the jobcentre on the phone, sees it on the card, and records going along', async () => {
    const page = await signIn('ole', PHONE);
    await page.locator('.visit-card').filter({ hasText: 'Bent Holm' }).getByRole('link', { name: 'Registrér besøg' }).click();
    await page.getByRole('heading', { name: 'Besøg hos Bent Holm' }).waitFor();
    const meetings = page.locator('.appointments');
    await meetings.getByText('Ingen møder registreret.').waitFor();
    await meetings.getByText('Nyt møde').click();
    await meetings.getByRole('button', { name: 'Gem mødet' }).click();
    await meetings.getByText('Skriv hvad mødet handler om.').waitFor();
    await meetings.getByLabel('Møde med').selectOption({ label: 'Jobcentret' });
    await meetings.getByLabel('Hvad handler mødet om').fill('Samtale om sygedagpenge');
    const meetingAt = today().plus({ days: 3 }).set({ hour: 10 });
    await meetings.getByLabel('Mødet er').fill(input(meetingAt));
    await meetings.getByLabel('Forberedelse').fill('Vi skriver spørgsmålene ned mandag');
    await meetings.getByRole('button', { name: 'Gem mødet' }).click();
    await page.getByText('Mødet er registreret.').waitFor();

    await page.getByRole('link', { name: '← Mine borgere' }).click();
    const card = page.locator('.visit-card').filter({ hasText: 'Bent Holm' });
    await card.locator('.card-appointments').getByText('Jobcentret, Samtale om sygedagpenge').waitFor();
    await page.getByText('1 møde med ledsagelse planlagt').waitFor();
    await shot(page, 'frida-5-companion-card');

    await card.getByRole('link', { name: 'Registrér besøg' }).click();
    await page.getByText(/^Bisidderen var med: jobcentret/).click();
    await page.getByLabel('Efter mødet').fill('Gik svarene igennem over en kop kaffe');
    await page.getByRole('button', { name: 'Registrér', exact: true }).click();
    await page.getByText('Registreret: du var med til mødet.').waitFor();
    await page.locator('.appointments').getByText('Var med').waitFor();
    await page.locator('.appointments').getByText('Efter mødet: Gik svarene igennem over en kop kaffe').waitFor();
    await shot(page, 'frida-6-companion-went-along');
    // The coordinator's timeline tells it: whom, when, why, how they prepared, and the talk after.
    await page.context().close();
    const coordinator = await signIn('jette');
    await coordinator.goto(`${server.url}/app/sager/${bentId}`);
    await coordinator.getByRole('heading', { name: 'Bent Holm' }).waitFor();
    const timeline = (await coordinator.locator('.timeline li').allTextContents()).join('\n');
    for (const text of ['Aftale om ledsagelse til møde', `Jobcentret, ${meetingAt.toFormat("dd.MM.yyyy 'kl.' HH.mm")}`, 'Forberedelse: Vi skriver spørgsmålene ned mandag', 'Fulgt til møde af bisidderen', 'Gik svarene igennem over en kop kaffe']) {
      expect(timeline).toContain(text);
    }
    await shot(coordinator, 'frida-7-companion-timeline');
    await coordinator.context().close();
  });
});

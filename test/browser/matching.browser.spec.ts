import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { cafeNygade, fridaReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * Issue #18 in the app: a coordinator records Frida's wishes, sees the
 * suggestions with their reasons, books the top visitor; the visitor
 * introduces Frida to Café Nygade and records that she joined (seed 003:
 * "Med opbakning og vedholdenhed kommer hun dog afsted og opdager, at hun
 * faktisk er glad for tilbuddet").
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', hanne: 'faellesskab-og-kaffe-3', mette: 'tal-og-grafer-9' };

run('the right match, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let caseId: string;
  let hanne: string;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);

  const profile = (programmes: string[], postcodes: string[], interests: string[]) => ({
    programmes, interests, languages: ['da'], postcodes, availability: [{ weekday: 3, from: '12:00', to: '18:00' }], gender: 'female',
  });

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });
    hanne = (await api<{ visitorId: string }>('/visitors', { name: 'Hanne Holm', kind: 'volunteer', capacity: 3, phone: '+4540506070' })).visitorId;
    await api(`/visitors/${hanne}/profile`, profile(['community_guide'], ['7500', '7490'], ['self_help_group', 'social_cafe', 'walks']));
    const ole = (await api<{ visitorId: string }>('/visitors', { name: 'Ole Olsen', kind: 'volunteer', capacity: 3 })).visitorId;
    await api(`/visitors/${ole}/profile`, profile(['community_guide'], ['7500'], ['card_games']));
    const soren = (await api<{ visitorId: string }>('/visitors', { name: 'Søren Sorø', kind: 'volunteer', capacity: 3 })).visitorId;
    await api(`/visitors/${soren}/profile`, profile(['care_visits'], ['4180'], ['self_help_group']));
    await addUser(store, { username: 'hanne', role: 'visitor', visitorId: hanne, password: PASSWORDS.hanne });
    await api('/offers', cafeNygade());
    await api('/offers', cafeNygade({ name: 'Selvhjælpsgruppen Holstebro', kind: 'association', interests: ['self_help_group'], schedule: [{ weekday: 1, time: '19:00' }], accessible: false, contact: { name: 'Per Lund' } }));
    await api('/offers', cafeNygade({ name: 'Sorø Aktivitetscenter', kind: 'activity_centre', postcode: '4180', address: 'Storgade 1, 4180 Sorø', contact: { name: 'Bo Ravn' } }));
    caseId = (await api('/cases', fridaReferral())).caseId;
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ønsker et fællesskab', priority: 'normal' });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  it("records Frida's wishes, sees the suggestions with their reasons and books the top visitor", async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${caseId}`);
    const wishes = page.locator('.wishes');
    await wishes.getByText('Ingen ønsker registreret endnu.').waitFor();
    await wishes.locator('summary', { hasText: 'Registrér ønsker' }).click();
    await wishes.getByLabel('Selvhjælpsgruppe').check();
    await wishes.getByLabel('Social café').check();
    await wishes.getByRole('button', { name: 'Tilføj tidspunkt' }).click();
    await wishes.getByLabel('Dag', { exact: true }).selectOption({ label: 'Onsdag' });
    await wishes.getByLabel('Fra', { exact: true }).fill('13:00');
    await wishes.getByLabel('Til', { exact: true }).fill('17:00');
    await wishes.getByLabel('Bemærkninger').fill('Bliver overvældet i store grupper');
    await wishes.getByRole('button', { name: 'Gem ønsker' }).click();
    await page.getByText('Ønskerne er gemt.').waitFor();
    await page.locator('.wishes dd').getByText('Onsdag 13:00-17:00').waitFor();

    const suggested = page.locator('.suggested .suggestions > li');
    await suggested.first().locator('strong', { hasText: 'Hanne Holm' }).waitFor();
    const chips = (await suggested.first().locator('.chip').allTextContents()).map((chip) => chip.replace(/ \(\d+ point\)$/, ''));
    expect(chips).toEqual(expect.arrayContaining(['Fælles interesse: selvhjælpsgruppe', 'Fælles interesse: social café', 'Samme område (7500)']));
    expect(await suggested.allTextContents()).not.toContainEqual(expect.stringContaining('Søren Sorø'));
    // The offers the citizen could try, with their reasons too.
    await page.locator('.offers-for-citizen .suggestions > li').first().locator('strong', { hasText: 'Café Nygade' }).waitFor();
    await shot(page, 'matching-suggestions');

    await page.getByRole('button', { name: 'Vælg Hanne Holm' }).click();
    expect(await page.getByRole('combobox', { name: 'Fællesskabsguide' }).inputValue()).toBe(hanne);
    await page.getByRole('button', { name: 'Book første besøg' }).click();
    await page.getByText('Første besøg er booket.').waitFor();
    await page.locator('.visit-card').getByText('Hanne Holm').waitFor();
    await page.context().close();
  });

  it('lets the visitor introduce Frida to Café Nygade and record that she joined', async () => {
    const page = await signIn('hanne', PHONE);
    await page.goto(`${server.url}/app/besoeg/${caseId}`);
    const offers = page.locator('.offers-for-citizen');
    await offers.getByRole('button', { name: 'Introducér til Café Nygade' }).click();
    await offers.getByRole('button', { name: 'Registrér introduktion' }).click();
    await page.getByText('Introduktionen er registreret.').waitFor();
    await offers.locator('summary', { hasText: 'Hvordan gik det?' }).click();
    expect(await offers.getByLabel('Udfald').inputValue()).toBe('joined');
    await offers.getByRole('button', { name: 'Gem udfald' }).click();
    await page.getByText('Udfaldet er registreret.').waitFor();
    await offers.getByText(/Café Nygade.*blev en del af det/).waitFor();
    await shot(page, 'matching-visitor-offers');
    await page.context().close();

    // The coordinator sees it on the case: the relation of kind community, the goal of seed 003.
    const coordinator = await signIn('jette');
    await coordinator.goto(`${server.url}/app/sager/${caseId}`);
    await coordinator.getByText('Relation: Fællesskab via et tilbud').waitFor();
    await coordinator.locator('.timeline').getByText('Udfald af tilbud registreret').waitFor();
    await coordinator.context().close();
  });

  it('shows the catalogue by postcode with filters, a visitor profile, and the manager where offers are missing', async () => {
    const page = await signIn('jette');
    await page.getByRole('link', { name: 'Tilbud' }).click();
    await page.getByRole('heading', { name: 'Tilbud', level: 1 }).waitFor();
    await page.getByRole('cell', { name: /Sorø Aktivitetscenter/ }).waitFor();
    await page.getByLabel('Postnummer').first().fill('7500');
    // Sorø (4180) is listed before the filter, and goes once the list is filtered on Holstebro (7500).
    await page.getByRole('cell', { name: /Sorø Aktivitetscenter/ }).waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: /Selvhjælpsgruppen Holstebro/ }).waitFor();
    // The offer form: a new choir in Holstebro, listed at once.
    await page.locator('summary', { hasText: 'Nyt tilbud' }).click();
    const form = page.locator('details form');
    await form.getByRole('button', { name: 'Opret tilbud' }).click();
    await form.getByText('Skriv tilbuddets navn.').waitFor();
    await form.getByLabel(/^Navn\b/).fill('Holstebro Seniorkor');
    await form.getByLabel('Type').selectOption({ label: 'Forening' });
    await form.getByLabel('Står bag').fill('Holstebro Seniorkor');
    await form.getByLabel('Adresse').fill('Kirkestræde 2, 7500 Holstebro');
    await form.getByLabel('Postnummer').fill('7500');
    await form.getByLabel('Musik og sang').check();
    await form.getByLabel(/^Kontaktperson\s*\*?$/).fill('Inge Kjær');
    await form.getByRole('button', { name: 'Opret tilbud' }).click();
    await form.getByText('Holstebro Seniorkor er oprettet.').waitFor();
    await page.getByRole('cell', { name: /Holstebro Seniorkor/ }).waitFor();
    await shot(page, 'matching-offers');
    await page.goto(`${server.url}/app/besoegsvenner/${hanne}`);
    await page.getByRole('heading', { name: 'Profil: Hanne Holm' }).waitFor();
    expect(await page.getByLabel('Fællesskabsguide').isChecked()).toBe(true);
    await shot(page, 'matching-profile');
    await page.context().close();

    const manager = await signIn('mette');
    await manager.getByRole('link', { name: 'Mangler' }).click();
    await manager.getByRole('heading', { name: 'Hvor mangler der tilbud?' }).waitFor();
    await manager.getByRole('cell', { name: 'Øvefællesskab' }).waitFor();
    await shot(manager, 'matching-gaps');
    await manager.context().close();
  });
});

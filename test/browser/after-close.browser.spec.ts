import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { karenReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer } from './browser';

/**
 * Issue #19's end of a case in the app, in a real Chromium: the coordinator
 * closes Frida's case with the relation she found, the follow-up falls due
 * three months later on the start page ("Opfølgning"), and is held. Seed 003:
 * "tilbyder at følges med borgerne de første gange og følger op".
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const ZONE = 'Europe/Copenhagen';
const PASSWORD = 'kaffe-og-kage-42';

run('the end of a case in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let fridaId: string;
  let oleId: string;
  let mathildeId: string;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);
  const today = () => DateTime.now().setZone(ZONE).startOf('day');
  // The case ends three months and two days ago: its follow-up fell due two days ago.
  const closedAt = () => today().minus({ months: 3, days: 2 }).set({ hour: 10 });
  async function active(name: string, guideId: string): Promise<string> {
    const referredAt = today().minus({ months: 5 }).set({ hour: 9 });
    const { caseId } = await api('/cases', karenReferral({ programme: 'community_guide', citizen: { name, address: 'Nørregade 4, 7500 Holstebro', phone: '+4597401234' }, referredAt: referredAt.toISO() }));
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ung med lang sygdom, savner fællesskab', priority: 'normal', at: referredAt.plus({ days: 1 }).toISO() });
    await api(`/cases/${caseId}/first-visit`, { visitorId: guideId, visitAt: referredAt.plus({ days: 7 }).toISO(), at: referredAt.plus({ days: 2 }).toISO() });
    return caseId;
  }

  beforeAll(async () => {
    server = await startServer();
    await addUser(server.app.get<Storage>(STORAGE), { username: 'jette', role: 'coordinator', password: PASSWORD });
    const { visitorId } = await api<{ visitorId: string }>('/visitors', { name: 'Anna Guide', kind: 'volunteer', capacity: 5, phone: '+4540506070' });
    fridaId = await active('Frida Holst', visitorId);
    await api(`/cases/${fridaId}/relations`, { kind: 'self_help_group', description: 'Gruppe for unge med lang sygdom', at: closedAt().minus({ days: 7 }).toISO() });
    oleId = await active('Ole Uden Relation', visitorId);
    // Mathilde: the guide has met her, and judges she needs more than a volunteer can give.
    mathildeId = await active('Mathilde Møller', visitorId);
    await api(`/cases/${mathildeId}/visits`, { visitorId, visitedAt: today().minus({ days: 1 }).set({ hour: 14 }).toISO() });
    await addUser(server.app.get<Storage>(STORAGE), { username: 'anna', role: 'visitor', visitorId, password: PASSWORD });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username = 'jette'): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORD);

  async function close(page: Page, when: DateTime): Promise<void> {
    await page.getByText('Afslut sagen', { exact: true }).click();
    await page.getByLabel('Afsluttet den').fill(when.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByRole('button', { name: 'Afslut sag' }).click();
  }

  it('refuses to close with a new relation when none is recorded', async () => {
    const page = await signIn();
    await page.goto(`${server.url}/app/sager/${oleId}`);
    await page.getByRole('heading', { name: 'Ole Uden Relation' }).waitFor();
    watch.expectFailedRequest(409);
    await close(page, today().set({ hour: 9 }));
    await page.getByText('Der er ikke registreret nogen relation på sagen').waitFor();
    await shot(page, 'after-close-1-no-relation');
    await page.context().close();
  });

  it('close with a relation → the follow-up due on the start page → held three months later', async () => {
    const page = await signIn();
    await page.goto(`${server.url}/app/sager/${fridaId}`);
    await page.getByRole('heading', { name: 'Frida Holst' }).waitFor();
    await close(page, closedAt());
    await page.getByText('Sagen er opdateret.').waitFor();
    const dueAt = closedAt().plus({ months: 3 });
    await page.getByText(`Planlagt til ${dueAt.toFormat("dd.MM.yyyy 'kl.' HH.mm")}`).waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Opfølgning planlagt' }).waitFor();
    await shot(page, 'after-close-2-closed-follow-up-planned');

    await page.getByRole('navigation').getByRole('link', { name: 'Ventemappe' }).click();
    const row = page.getByRole('table', { name: /Opfølgninger efter afslutning/ }).getByRole('row').filter({ hasText: 'Frida Holst' });
    await row.getByText('2 dage over tid').waitFor();
    await row.getByText(dueAt.toFormat('dd.MM.yyyy')).waitFor();
    await shot(page, 'after-close-3-start-page-follow-up-due');

    await row.getByRole('link', { name: 'Frida Holst' }).click();
    await page.getByText('Registrér opfølgningen').click();
    await page.getByLabel('Udfald').selectOption({ label: 'Stadig i relationen' });
    await page.getByLabel('Hvor ofte føler du, at du mangler nogen at være sammen med?').selectOption('1');
    await page.getByLabel('Hvor ofte føler du dig holdt udenfor?').selectOption('2');
    await page.getByLabel('Hvor ofte føler du dig isoleret fra andre?').selectOption('1');
    await page.getByLabel('Note').fill('Går stadig i gruppen hver torsdag');
    await page.getByRole('button', { name: 'Gem opfølgning' }).click();
    await page.getByText('Opfølgningen er registreret.').waitFor();
    await page.getByText(`Fulgt op ${today().toFormat('dd.MM.yyyy')}: Stadig i relationen, UCLA-3 4 af 9`).waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Opfølgning gennemført' }).getByText('Går stadig i gruppen hver torsdag').waitFor();
    await shot(page, 'after-close-4-follow-up-held');

    await page.getByRole('navigation').getByRole('link', { name: 'Ventemappe' }).click();
    await page.getByText('Ingen opfølgninger forfalder de næste 14 dage.').waitFor();
    await page.context().close();
  });

  // Seed 003: "Det er fællesskabsguiderne, der vurderer, om de kan løse brobygningsopgaven, eller om borgerens situation kræver hjælp fra fagprofessionelle."
  it('the guide reassesses after the first meeting: to the professional track, the case goes back to the waiting folder', async () => {
    const page = await signIn('anna');
    await page.goto(`${server.url}/app/besoeg/${mathildeId}`);
    await page.getByRole('heading', { name: 'Besøg hos Mathilde Møller' }).waitFor();
    await page.getByText('Vurdér sagen på ny').click();
    await page.getByLabel('Spor', { exact: true }).selectOption({ label: 'Fagligt spor' });
    await page.getByText('Sagen kommer tilbage i ventemappen').waitFor();
    await page.getByLabel('Begrundelse for vurderingen').fill('Angst og tunge tanker; har brug for en fagperson');
    await shot(page, 'after-close-5-guide-reassesses');
    await page.getByRole('button', { name: 'Gem vurdering' }).click();
    await page.getByRole('heading', { name: 'Mine borgere' }).waitFor();
    await page.getByText('Ole Uden Relation').first().waitFor();
    expect(await page.getByText('Mathilde Møller').count()).toBe(0);
    await page.context().close();

    const coordinator = await signIn();
    await coordinator.getByRole('link', { name: 'Mathilde Møller' }).waitFor();
    await shot(coordinator, 'after-close-6-back-in-the-waiting-folder');
    await coordinator.context().close();
  });
});

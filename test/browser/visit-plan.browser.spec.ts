import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { karenReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * Issue #17's visit plan in the app, in a real Chromium: a coordinator walks
 * cancel → book the next visit → the fixed time → the overdue list → pause →
 * resume, and a visitor records a visit on the agreed slot. Seed 000:
 * "Medarbejderen kommer altid på et fast aftalt tidspunkt [...] Hvis det bliver
 * nødvendig at ændre besøgstidspunktet, ringer vi altid inden."
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const ZONE = 'Europe/Copenhagen';
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', birthe: 'sognets-besoeg-7' };

run('the visit plan in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let ernaId: string;
  let oskarId: string;
  let karlAgreed: DateTime;

  const api = <T = { caseId: string }>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);
  const today = () => DateTime.now().setZone(ZONE).startOf('day');
  const at = (days: number, hour = 10) => today().plus({ days }).set({ hour });
  /** As the app writes a visit's time: with the year only when it is not this year's. */
  const long = (when: DateTime) => when.setZone(ZONE).setLocale('da').toFormat(when.year === DateTime.now().setZone(ZONE).year ? "cccc d. LLLL 'kl.' HH.mm" : "cccc d. LLLL yyyy 'kl.' HH.mm");
  const citizen = (name: string) => ({ name, address: 'Algade 12, 4180 Sorø', phone: '+4557831234' });
  /** An active case of the visitor, referred a month ago, its first visit agreed at `visitAt`. */
  async function active(name: string, visitorId: string, visitAt: DateTime): Promise<string> {
    const { caseId } = await api('/cases', karenReferral({ citizen: citizen(name), referredAt: at(-30).toISO() }));
    await api(`/cases/${caseId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal', at: at(-29).toISO() });
    await api(`/cases/${caseId}/first-visit`, { visitorId, visitAt: visitAt.toISO(), at: at(-28).toISO() });
    return caseId;
  }

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    const { visitorId } = await api<{ visitorId: string }>('/visitors', { name: 'Birthe Plan', kind: 'employee', capacity: 8, phone: '+4540506070' });
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId, password: PASSWORDS.birthe });
    // Erna: a visit agreed tomorrow, which the visitor will cancel. Oskar: his visit five days ago was never recorded.
    ernaId = await active('Erna Plan', visitorId, at(1));
    oskarId = await active('Oskar Overtid', visitorId, at(-5));
    // Karl: a fixed time on the weekday of two days ago at 10.00, that visit agreed; Birthe records it.
    karlAgreed = at(-2);
    const karlId = await active('Karl Fast', visitorId, karlAgreed);
    await api(`/cases/${karlId}/visit-slot`, { weekday: karlAgreed.weekday, time: '10:00', everyWeeks: 1 });
    // Vera waits for a visitor, but is in hospital.
    const { caseId: veraId } = await api('/cases', karenReferral({ citizen: citizen('Vera Venter'), referredAt: at(-10).toISO() }));
    await api(`/cases/${veraId}/triage`, { track: 'volunteer', reason: 'Ensom', priority: 'normal' });
    await api(`/cases/${veraId}/pause`, { reason: 'Indlagt', at: at(-1).toISO(), until: at(12, 12).toISO() });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  it('a coordinator: cancel (the visitor, after calling) → book the next visit → the fixed time', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${ernaId}`);
    await page.getByRole('heading', { name: 'Erna Plan' }).waitFor();
    await page.getByText('Aflys næste besøg').click();
    await page.getByLabel('Aflyst af').selectOption({ label: 'Omsorgsmedarbejderen' });
    await page.getByLabel('Årsag til aflysningen').fill('Omsorgsmedarbejderen er syg');
    await page.getByRole('button', { name: 'Aflys besøget' }).click();
    // We always call first: not sent until the box is ticked.
    await page.getByText('Ring altid til borgeren, før omsorgsmedarbejderen aflyser.').waitFor();
    await shot(page, 'visit-plan-1-cancel-needs-call');
    await page.getByLabel('Borgeren er ringet op og ved, at besøget er aflyst').check();
    await page.getByRole('button', { name: 'Aflys besøget' }).click();
    await page.getByText('Sagen er opdateret.').waitFor();
    await page.getByText('Næste besøg: ikke aftalt').waitFor();

    await page.getByRole('heading', { name: 'Aftal næste besøg' }).waitFor();
    const next = at(2, 14);
    await page.getByLabel('Næste besøg').fill(next.toFormat("yyyy-MM-dd'T'HH:mm"));
    await page.getByRole('button', { name: 'Aftal besøget' }).click();
    await page.getByText('Ring altid til borgeren, før et besøg aftales.').waitFor();
    await page.getByLabel('Borgeren er ringet op og kender tidspunktet').check();
    await page.getByRole('button', { name: 'Aftal besøget' }).click();
    await page.getByText('Besøgsplanen er opdateret.').waitFor();
    await page.getByText(`Næste besøg: ${long(next)}`).waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Næste besøg aftalt' }).getByText(`Næste besøg ${next.toFormat("dd.MM.yyyy 'kl.' HH.mm")} (borgeren er ringet op)`).waitFor();

    await page.getByText('Aftal fast besøgstid').click();
    await page.getByLabel('Ugedag').selectOption(String(next.weekday));
    await page.getByLabel('Klokkeslæt').fill('14:00');
    await page.getByLabel('Hvor ofte').selectOption({ label: 'Hver 2. uge' });
    await page.getByRole('button', { name: 'Gem fast tid' }).click();
    await page.getByText('Besøgsplanen er opdateret.').waitFor();
    const weekday = next.setLocale('da').toFormat('cccc');
    await page.locator('.visit-card').getByText(`Fast tid: ${weekday} kl. 14.00, hver 2. uge`).waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Fast besøgstid aftalt' }).getByText(`Fast tid: ${weekday} kl. 14.00, hver 2. uge`).waitFor();
    await shot(page, 'visit-plan-2-booked-and-slot');
    await page.context().close();
  });

  it('a coordinator: the overdue list → pause (not overdue any more, shown in the waiting folder) → resume', async () => {
    const page = await signIn('jette');
    await page.getByRole('navigation').getByRole('link', { name: 'Over tid' }).click();
    await page.getByRole('heading', { name: 'Besøg over tid' }).waitFor();
    const row = page.getByRole('row', { name: /Oskar Overtid/ });
    await row.getByText('5 dage over tid').waitFor();
    await row.getByText('Birthe Plan').waitFor();
    // Karl's visit two days ago is overdue too, and younger: Oskar's comes first.
    const names = await page.locator('tbody tr td:first-child').allTextContents();
    expect(names.indexOf('Oskar Overtid')).toBeLessThan(names.indexOf('Karl Fast'));
    expect(names).not.toContain('Erna Plan');
    await shot(page, 'visit-plan-3-overdue');

    await row.getByRole('link', { name: 'Oskar Overtid' }).click();
    await page.getByRole('heading', { name: 'Oskar Overtid' }).waitFor();
    await page.locator('.visit-card').getByText('5 dage over tid').waitFor();
    await page.getByText('Sæt besøgene på pause').click();
    await page.getByLabel('Årsag til pausen').fill('Indlagt på Slagelse Sygehus efter fald');
    const until = today().plus({ days: 14 });
    await page.getByLabel('Forventet slut').fill(until.toISODate()!);
    await page.getByRole('button', { name: 'Sæt på pause' }).click();
    await page.getByText('Besøgsplanen er opdateret.').waitFor();
    await page.getByRole('heading', { name: 'Besøgene holder pause' }).waitFor();
    await page.getByText(`forventet til ${until.toFormat('dd.MM.yyyy')}: Indlagt på Slagelse Sygehus efter fald`).waitFor();
    await page.getByText('Næste besøg: ingen, besøgene holder pause').waitFor();
    expect(await page.locator('.visit-card .badge-late').count()).toBe(0);
    await shot(page, 'visit-plan-4-paused');

    await page.getByRole('navigation').getByRole('link', { name: 'Over tid' }).click();
    await page.getByRole('row', { name: /Karl Fast/ }).waitFor();
    expect(await page.getByRole('row', { name: /Oskar Overtid/ }).count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Ventemappe' }).click();
    await page.getByRole('row', { name: /Vera Venter/ }).getByText(`På pause til ${at(12).toFormat('dd.MM.yyyy')}`).waitFor();
    await shot(page, 'visit-plan-5-waiting-paused');

    await page.goto(`${server.url}/app/sager/${oskarId}`);
    await page.getByRole('button', { name: 'Genoptag besøgene' }).click();
    await page.getByText('Besøgsplanen er opdateret.').waitFor();
    // Back from hospital: no visit agreed yet, so the next one is booked.
    await page.getByRole('heading', { name: 'Aftal næste besøg' }).waitFor();
    await page.locator('.timeline li').filter({ hasText: 'Besøg genoptaget' }).waitFor();
    await shot(page, 'visit-plan-6-resumed');
    await page.context().close();
  });

  it('a visitor records a visit on the agreed slot, and the next one is the next slot', async () => {
    const page = await signIn('birthe', PHONE);
    const card = page.locator('.visit-card').filter({ hasText: 'Karl Fast' });
    const weekday = karlAgreed.setLocale('da').toFormat('cccc');
    await card.getByText(`Fast tid: ${weekday} kl. 10.00, hver uge`).waitFor();
    await card.getByText('2 dage over tid').waitFor();
    await card.getByRole('link', { name: 'Registrér besøg' }).click();
    await page.getByRole('heading', { name: 'Besøg hos Karl Fast' }).waitFor();
    // The visit as agreed, and the next on the fixed time a week on, at 10.00 Copenhagen time.
    expect(await page.getByLabel('Besøget var').inputValue()).toBe(karlAgreed.toFormat("yyyy-MM-dd'T'HH:mm"));
    expect(await page.getByLabel(`Den faste tid (${weekday} kl. 10.00, hver uge)`).isChecked()).toBe(true);
    const nextSlot = karlAgreed.plus({ weeks: 1 });
    await page.getByText(long(nextSlot), { exact: true }).waitFor();
    await shot(page, 'visit-plan-7-visit-on-slot');
    await page.getByRole('button', { name: 'Gem besøg' }).click();
    await page.getByText('Besøget er registreret.').waitFor();
    const after = page.locator('.visit-card').filter({ hasText: 'Karl Fast' });
    await after.getByText(long(nextSlot)).waitFor();
    expect(await after.locator('.badge-risk').count()).toBe(0);
    await shot(page, 'visit-plan-8-after-visit');
    await page.context().close();
  });
});

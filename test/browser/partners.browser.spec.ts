import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { karenReferral } from '../e2e/support/fixtures';
import { browserAvailable, ConsoleWatch, launchBrowser, post, shoot, shotsDir, signInAs, startServer } from './browser';

/**
 * Issue 21 in the app: the partner register with "Kontakt snart" first; a
 * partner meeting is recorded on the partner page, and the partner leaves
 * "Kontakt snart" (seed 002: "Husk også efter et stykke tid at gentage
 * møderne med personalet").
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORDS = { jette: 'kaffe-og-kage-42', mette: 'ledelse-og-tal-9' };

run('the partner register, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();

  const api = <T>(path: string, body: unknown): Promise<T> => post<T>(server, path, body);

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });
    await api<{ partnerId: string }>('/partners', {
      name: 'Plejecenter Solgården',
      kind: 'plejehjem',
      address: 'Solvej 2, Sorø',
      leader: { name: 'Lene Juhl', phone: '+4557871234' },
      contacts: [{ name: 'Mette Sørensen', role: 'Sygeplejerske', phone: '+4520304050' }],
    });
    // A partner who refers often (not due), so the due one must be sorted first.
    const { partnerId: busy } = await api<{ partnerId: string }>('/partners', { name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', leader: { name: 'Per Holm' } });
    const recent = new Date(Date.now() - 3 * 86_400_000).toISOString();
    await api('/cases', karenReferral({ referredAt: recent, referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd', partnerId: busy } }));
    await api(`/partners/${busy}/meetings`, { at: recent, kind: 'ledelse', attendees: 2, nextContactAt: new Date(Date.now() + 60 * 86_400_000).toISOString() });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username]);

  const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

  it('records a meeting on the partner page, and the partner leaves "Kontakt snart"', async () => {
    const page = await signIn('jette');
    await page.getByRole('navigation').getByRole('link', { name: 'Samarbejdspartnere' }).click();
    await rowOf(page, 'Plejecenter Solgården').getByText('Kontakt snart').waitFor();
    // "Kontakt snart" first.
    expect(await page.locator('tbody tr').first().textContent()).toContain('Plejecenter Solgården');
    await page.getByText('1 samarbejdspartner skal kontaktes snart.').waitFor();
    await shot(page, 'partners-register');

    await page.getByRole('link', { name: 'Plejecenter Solgården' }).click();
    await page.getByRole('heading', { name: 'Plejecenter Solgården', level: 1 }).waitFor();
    await page.getByText('Mette Sørensen (Sygeplejerske)').waitFor();
    expect(await page.getByRole('link', { name: '57 87 12 34' }).getAttribute('href')).toBe('tel:+4557871234');
    await page.getByText('Ingen møder endnu.').waitFor();

    // The form refuses a meeting with no kind, in Danish, and sends nothing.
    await page.getByRole('button', { name: 'Registrér møde' }).click();
    await page.getByText('Vælg hvilket slags møde.').waitFor();

    await page.getByLabel('Slags møde').selectOption('personalemøde');
    await page.getByLabel('Antal deltagere').fill('14');
    await page.getByLabel('Foldere').check();
    await page.getByLabel('Henvisningskort').check();
    await page.getByLabel('Note').fill('Mange spørgsmål om tavshedspligt');
    const next = new Date(Date.now() + 90 * 86_400_000);
    await page.getByLabel('Næste kontakt').fill(next.toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Registrér møde' }).click();
    await page.getByText('Mødet er registreret.').waitFor();
    const timeline = page.locator('ol.timeline li');
    await timeline.filter({ hasText: 'Personalemøde, 14 deltagere' }).filter({ hasText: 'Udleveret: foldere, henvisningskort' }).waitFor();
    await page.getByText('Mange spørgsmål om tavshedspligt').waitFor();
    expect(await page.getByText('Kontakt snart').count()).toBe(0);
    await shot(page, 'partner-page');

    await page.getByRole('navigation').getByRole('link', { name: 'Samarbejdspartnere' }).click();
    const row = rowOf(page, 'Plejecenter Solgården');
    await row.waitFor();
    expect(await row.getByText('Kontakt snart').count()).toBe(0);
    await page.getByText('Ingen samarbejdspartnere skal kontaktes lige nu.').waitFor();
    await shot(page, 'partners-register-after');

    // A referral can name the partner from the register; choosing it fills in the organisation.
    await page.getByRole('navigation').getByRole('link', { name: 'Ny henvisning' }).click();
    await page.getByLabel('Samarbejdspartner i registret').selectOption({ label: 'Plejecenter Solgården' });
    expect(await page.getByLabel('Organisation').inputValue()).toBe('Plejecenter Solgården');
    await page.context().close();
  });

  it('shows the manager the register without the partner page link or the form', async () => {
    const page = await signIn('mette');
    await page.getByRole('navigation').getByRole('link', { name: 'Samarbejdspartnere' }).click();
    await rowOf(page, 'Hjemmeplejen Syd').waitFor();
    expect(await page.getByRole('link', { name: 'Hjemmeplejen Syd' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Ny samarbejdspartner' }).count()).toBe(0);
    await page.context().close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { COORDINATOR, tokenFor } from '../e2e/support/test-app';
import { browserAvailable, ConsoleWatch, launchBrowser, newPage, shoot, shotsDir, signInAs, startServer } from './browser';

/**
 * Issue 21 in the app: a citizen refers herself on /henvis on a phone-sized
 * window (seed 003: "Borgere kan også selv række ud"); the coordinator sees
 * the card counted on the waiting folder, takes it in from the inbox, and the
 * case appears in the waiting folder. A partner's printable card carries its
 * code in a QR code.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PASSWORD = 'kaffe-og-kage-42';
const PHONE = { width: 390, height: 844 };

run('referral cards, in the app', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let partnerId: string;
  const watch = new ConsoleWatch();

  beforeAll(async () => {
    server = await startServer();
    await addUser(server.app.get<Storage>(STORAGE), { username: 'jette', role: 'coordinator', password: PASSWORD });
    const response = await fetch(`${server.url}/partners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor(server.dataDir, COORDINATOR)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Center for Sundhed', kind: 'andet', leader: { name: 'Lene Juhl' } }),
    });
    partnerId = ((await response.json()) as { partnerId: string }).partnerId;
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (): Promise<Page> => signInAs(browser, watch, server.url, 'jette', PASSWORD);

  it('a citizen refers herself on /henvis on a phone, without signing in, and gets a receipt', async () => {
    const { page } = await newPage(browser, watch, PHONE);
    await page.goto(`${server.url}/henvis`);
    await page.getByRole('heading', { name: 'Henvis en borger' }).waitFor();
    await shot(page, 'henvis-empty');
    // Sent empty: each field says what is missing, in Danish, and nothing is sent.
    await page.getByRole('button', { name: 'Send henvisningen' }).click();
    await page.getByText('Skriv et dansk telefonnummer med 8 cifre.').waitFor();
    await page.getByText('sæt kryds ved samtykke').waitFor();
    await shot(page, 'henvis-errors');
    await page.getByLabel('Jeg henvender mig selv').check();
    await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('Frida Selvhenvist');
    await page.getByRole('textbox', { name: 'Telefon', exact: true }).fill('20 30 40 50');
    await page.getByLabel('Adresse').fill('Algade 12');
    await page.getByLabel('Postnummer').fill('4180');
    await page.getByLabel('Hvad søges?').selectOption('community_guide');
    await page.getByLabel('Hvorfor henvender I jer?').fill('Jeg har været syg længe og kommer ikke ud. Jeg savner nogen på min egen alder.');
    await page.getByLabel('Jeg vil gerne kontaktes').check();
    await page.getByRole('button', { name: 'Send henvisningen' }).click();
    await page.getByRole('heading', { name: 'Tak – henvisningen er sendt' }).waitFor();
    expect(await page.locator('.receipt').innerText()).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    // The page holds no sign-in and no menu: nothing of the service's inside shows.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await shot(page, 'henvis-receipt');
    await page.context().close();
  }, 120_000);

  it('the coordinator sees the new card on the waiting folder, takes it in, and the case appears in the waiting folder', async () => {
    const page = await signIn();
    await page.getByRole('link', { name: '1 nyt henvisningskort' }).click();
    await page.getByRole('heading', { name: 'Henvisningskort', level: 1 }).waitFor();
    const card = page.getByRole('article', { name: 'Frida Selvhenvist' });
    await card.getByText('Borgeren selv').waitFor();
    await shot(page, 'referral-card-inbox');
    await card.getByRole('button', { name: 'Tag ind som sag' }).click();
    expect(await card.getByLabel('Ordning').inputValue()).toBe('community_guide');
    await card.getByRole('button', { name: 'Opret sagen' }).click();
    await page.getByText('Frida Selvhenvist er taget ind og ligger i ventemappen.').waitFor();
    await page.getByText('Ingen nye henvisningskort.').waitFor();
    await page.getByRole('link', { name: 'Ventemappe' }).click();
    await page.getByRole('heading', { name: 'Ventemappe' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Frida Selvhenvist' }).getByText('Skal vurderes').waitFor();
    expect(await page.getByText('nyt henvisningskort').count()).toBe(0);
    await shot(page, 'referral-card-in-waiting-folder');
    await page.context().close();
  }, 120_000);

  it("prints a partner's referral card with a QR code of /henvis and the partner's code", async () => {
    const page = await signIn();
    await page.goto(`${server.url}/app/samarbejdspartnere/${partnerId}`);
    await page.getByRole('link', { name: 'Henvisningskort til udskrift' }).click();
    await page.getByRole('heading', { name: 'Henvisningskort til udskrift' }).waitFor();
    await page.getByLabel('Vores telefonnummer på kortet').fill('57 87 60 00');
    const code = partnerId.replace(/-/g, '').slice(0, 8).toUpperCase();
    await page.getByRole('img', { name: `QR-kode til ${server.url}/henvis?p=${code}` }).waitFor();
    await page.getByText('Telefon: 57 87 60 00').waitFor();
    await shot(page, 'partner-referral-card');
    // The card's address opens the form with the code, and a card sent from it counts for the partner.
    const { page: phone } = await newPage(browser, watch, PHONE);
    await phone.goto(`${server.url}/henvis?p=${code}`);
    await phone.getByText(`Kode fra kortet: ${code}`).waitFor();
    await phone.getByLabel('Jeg henviser gennem mit arbejde').check();
    await phone.getByRole('textbox', { name: 'Navn', exact: true }).fill('Bent Borger');
    await phone.getByRole('textbox', { name: 'Telefon', exact: true }).fill('30405060');
    await phone.getByLabel('Dit navn').fill('Mette Sundhed');
    await phone.getByLabel('Arbejdssted').fill('Center for Sundhed');
    await phone.getByLabel('Hvorfor henvender I jer?').fill('Han er ensom efter sin kones død.');
    await phone.getByLabel('Borgeren har sagt ja til at blive kontaktet').check();
    await phone.getByRole('button', { name: 'Send henvisningen' }).click();
    await phone.getByRole('heading', { name: 'Tak – henvisningen er sendt' }).waitFor();
    await phone.context().close();
    await page.goto(`${server.url}/app/samarbejdspartnere/${partnerId}`);
    await page.getByText('Henvisningskort med deres kode: 1.').waitFor();
    await page.context().close();
  }, 120_000);

  // Issue 21's first half in the app: keeping a partner current from its page.
  it('keeps a partner current: a contact added, an assessment, a name from referrals linked, and then retired', async () => {
    const page = await signIn();
    await page.goto(`${server.url}/app/samarbejdspartnere/${partnerId}`);
    await page.getByRole('heading', { name: 'Center for Sundhed' }).waitFor();
    await page.locator('summary', { hasText: 'Tilføj kontaktperson' }).click();
    await page.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
    await page.getByText('Skriv kontaktpersonens navn.').waitFor();
    await page.getByLabel('Kontaktpersonens navn').fill('Rikke Rolle');
    await page.getByLabel('Rolle').fill('Sygeplejerske');
    await page.getByLabel('Kontaktpersonens telefon').fill('20 30 40 51');
    await page.getByRole('button', { name: 'Tilføj kontaktperson' }).click();
    await page.getByText('Rikke Rolle er tilføjet som kontaktperson.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Rikke Rolle (Sygeplejerske)' }).getByRole('link', { name: '20 30 40 51' }).waitFor();
    await page.locator('summary', { hasText: 'Vurdér samarbejdspartneren' }).click();
    await page.getByLabel('Ved de, at vi findes?').selectOption('heard');
    await page.getByLabel('Hvordan ser de på os?').selectOption('positive');
    await page.getByLabel('Hvem skal vi tale med?').fill('Afdelingslederen');
    await page.getByRole('button', { name: 'Gem vurderingen' }).click();
    await page.getByText('Har hørt om os; de er positive. Tal med: Afdelingslederen.').waitFor();
    await page.locator('summary', { hasText: 'Knyt et navn fra henvisninger' }).click();
    await page.getByLabel('Navn på henvisningerne').fill('Sundhedscentret');
    await page.getByRole('button', { name: 'Knyt navnet' }).click();
    await page.getByText('Henvisninger fra "Sundhedscentret" tælles nu med.').waitFor();
    await shot(page, 'partner-upkeep');
    await page.locator('summary', { hasText: 'Udgår af registret' }).click();
    await page.getByLabel('Hvorfor udgår de?').fill('Lagt sammen med Sundhedshuset');
    await page.getByRole('button', { name: 'Lad samarbejdspartneren udgå' }).click();
    await page.getByText('Center for Sundhed er udgået af registret.').waitFor();
    await page.getByText('· Udgået').waitFor();
    expect(await page.getByRole('button', { name: 'Tilføj kontaktperson' }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});

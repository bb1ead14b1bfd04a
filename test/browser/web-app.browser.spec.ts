import type { Browser, Page } from 'playwright-core';
import { seed } from '../../src/cli/seed/seed';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import { browserAvailable, ConsoleWatch, launchBrowser, newPage, shoot, shotsDir, signInAs, startServer, Viewport } from './browser';

/**
 * The web application in a real browser, one role after the other, as a day at
 * the service goes: a referral comes in, is triaged (the suicidal-thoughts rule
 * refuses the volunteer track), the first visit is booked, the visitor records
 * it on a phone, the manager's figures move, the auditor replays the case. The
 * store holds synthetic cases from `cli seed` first, so every page works among others.
 * SCREENSHOTS=docs/screenshots writes the README's pictures.
 */
const run = browserAvailable() ? describe : describe.skip;
const SHOTS = shotsDir();
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', birthe: 'sognets-besoeg-7', mette: 'tal-og-grafer-9', anne: 'evaluering-2026', lars: 'dataansvar-og-ro' };

run('the web application', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  let caseId: string;
  let before: { referrals: string; waiting: string; relations: string };

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await seed(store, { cases: 150, seed: 9 }, () => undefined);
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });
    await addUser(store, { username: 'anne', role: 'auditor', password: PASSWORDS.anne });
    await addUser(store, { username: 'lars', role: 'admin', password: PASSWORDS.lars });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    // No step may leave a console error behind (a content-policy refusal, a script error, an unexpected failed request).
    expect(watch.errors.splice(0)).toEqual([]);
  });

  /** Every page state pictured is audited for WCAG 2.1 AA too (axe-core). */
  const shot = (page: Page, name: string) => shoot(page, SHOTS, name);

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  const figure = async (page: Page, name: string) => (await page.getByRole('group', { name }).locator('.figure-value').textContent())?.trim();

  it('shows "Log ind" and asks the server for nothing but the page before sign-in; a wrong password is refused without a hint', async () => {
    const { page, context } = await newPage(browser, watch);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    expect(requests.every((path) => path === '/' || path.startsWith('/assets/'))).toBe(true);
    await shot(page, 'login');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Skriv dit brugernavn.').waitFor();
    await page.getByLabel('Brugernavn').fill('jette');
    await page.getByLabel('Adgangskode').fill('forkert-kode-123');
    watch.expectFailedRequest(401);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('alert').filter({ hasText: 'Brugernavn eller adgangskode er forkert.' }).waitFor();
    await context.close();
  });

  it('shows the manager the figures before the day starts', async () => {
    const page = await signIn('mette');
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    before = {
      referrals: (await figure(page, 'Henvisninger i perioden'))!,
      waiting: (await figure(page, 'I ventemappen nu'))!,
      relations: (await figure(page, 'Relationer etableret'))!,
    };
    expect(Number(before.referrals)).toBeGreaterThan(0);
    await page.context().close();
  });

  it('lets the coordinator register visitors', async () => {
    const page = await signIn('jette');
    await page.getByRole('heading', { name: 'Ventemappe' }).waitFor();
    await page.getByRole('table', { name: 'Sager i ventemappen' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Frivillige og ansatte' }).click();
    for (const [name, kind, phone] of [
      ['Birthe Sonne', 'Ansat', '40506070'],
      ['Ole Frivillig', 'Frivillig', '+45 21 22 23 24'],
    ] as const) {
      await page.getByLabel('Navn').fill(name);
      await page.getByLabel('Slags').selectOption({ label: kind });
      await page.getByLabel('Telefon (til besøgskortet)').fill(phone);
      await page.getByRole('button', { name: 'Registrér', exact: true }).click();
      await page.getByRole('cell', { name, exact: true }).waitFor();
    }
    await shot(page, 'visitors');
    await page.context().close();
  });

  it('takes a referral, with a Danish message next to each field that is wrong', async () => {
    const page = await signIn('jette');
    await page.getByRole('navigation').getByRole('link', { name: 'Ny henvisning' }).click();
    await page.getByRole('button', { name: 'Modtag henvisning' }).click();
    for (const message of ['Vælg hvilken ordning borgeren henvises til.', 'Skriv borgerens navn.', 'Skriv borgerens adresse med postnummer og by.', 'Vælg henviserens rolle.'])
      await page.getByText(message).waitFor();
    await page.getByLabel('CPR-nummer').fill('320145-1234');
    await page.getByLabel('Telefon').first().fill('123');
    await page.getByRole('button', { name: 'Modtag henvisning' }).click();
    await page.getByText('Skriv CPR-nummeret som DDMMÅÅ-XXXX, med en rigtig fødselsdato.').waitFor();
    await page.getByText('Skriv et dansk telefonnummer: 8 cifre, gerne med +45 foran.').first().waitFor();
    // Each message is tied to its field for screen readers.
    expect(await page.getByLabel('CPR-nummer').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'referral-errors');

    await page.getByLabel('Ordning').selectOption({ label: 'Omsorgsbesøg' });
    const referrer = page.getByRole('group', { name: 'Henviser' });
    await referrer.getByLabel('Navn').fill('Jette Holm');
    await referrer.getByLabel('Rolle').selectOption({ label: 'Hjemmesygeplejerske' });
    await referrer.getByLabel('Organisation').fill('Hjemmeplejen Syd');
    await referrer.getByLabel('Telefon').fill('20304050');
    const citizen = page.getByRole('group', { name: 'Borger', exact: true });
    await citizen.getByLabel('Navn').fill('Karen Algreen');
    await citizen.getByLabel('Adresse').fill('Algade 12, 2. th, 4180 Sorø');
    await citizen.getByLabel('Telefon').fill('+45 57 83 12 34');
    await citizen.getByLabel('CPR-nummer').fill('010345-1234');
    await page.getByLabel('Fysisk').fill('KOL, går dårligt på trapper');
    await page.getByLabel('Psykisk').fill('Trist og isoleret, har tanker om ikke at ville leve mere');
    await page.getByLabel('Socialt').fill('Enke, ingen børn i nærheden');
    await page.getByLabel('Symptomer på ensomhed og isolation').check();
    await page.getByLabel('Selvmordstanker').check();
    await page.getByLabel('Varmehjælp').check();
    await page.getByLabel('Borgeren har sagt ja til at blive henvist').check();
    await page.getByLabel('Samtykke givet til').fill('Jette Holm');
    await page.getByRole('button', { name: 'Modtag henvisning' }).click();
    await page.getByText('Henvisningen er modtaget.').waitFor();
    caseId = page.url().split('/app/sager/')[1]!.split('?')[0]!;
    await page.getByRole('heading', { name: 'Karen Algreen' }).waitFor();
    await page.getByText('Henvisning modtaget').waitFor();
    await page.context().close();
  });

  it('explains the suicidal-thoughts rule when triage to a volunteer is refused, then triages to the professional track', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${caseId}`);
    await page.getByRole('heading', { name: 'Vurdering' }).waitFor();
    await page.getByLabel('En frivillig kan tage sagen').check();
    await page.getByLabel('Prioritet').selectOption({ label: 'Høj' });
    await page.getByLabel('Begrundelse').fill('Ensom efter mandens død');
    watch.expectFailedRequest(409);
    await page.getByRole('button', { name: 'Vurdér og læg i ventemappen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Borgeren har selvmordstanker' }).waitFor();
    await shot(page, 'triage-refused');
    await page.getByLabel('En ansat eller frivillig med faglig baggrund skal tage sagen').check();
    await page.getByRole('button', { name: 'Vurdér og læg i ventemappen' }).click();
    await page.getByText('Sagen er vurderet og ligger i ventemappen.').waitFor();
    await page.context().close();
  });

  it('shows the case in the waiting folder with its days waiting, filtered by track', async () => {
    const page = await signIn('jette');
    const row = page.getByRole('row', { name: /Karen Algreen/ });
    await row.waitFor();
    await shot(page, 'waiting-folder');
    expect(await row.getByRole('cell').last().textContent()).toBe('0');
    // High priority first: no case of normal or low priority comes before Karen's.
    const priorities = await page.getByRole('table', { name: 'Sager i ventemappen' }).locator('tbody tr td:nth-child(5)').allTextContents();
    const names = await page.getByRole('table', { name: 'Sager i ventemappen' }).locator('tbody tr td:nth-child(1) a').allTextContents();
    expect(priorities.slice(0, names.indexOf('Karen Algreen')).every((p) => p === 'Høj' || p === '–')).toBe(true);
    await page.getByLabel('Spor').selectOption({ label: 'Frivilligt spor' });
    await row.waitFor({ state: 'hidden' });
    await page.getByLabel('Spor').selectOption({ label: 'Fagligt spor' });
    await row.waitFor();
    await page.getByLabel('Søg på navn').fill('algreen');
    expect(await page.getByRole('table', { name: 'Sager i ventemappen' }).locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Søg på navn').fill('');
    await page.context().close();
  });

  it('books the first visit with a visitor who fits, and says so when someone else changed the case meanwhile', async () => {
    const page = await signIn('jette');
    await page.getByRole('link', { name: 'Karen Algreen' }).click();
    await page.getByRole('heading', { name: 'Book første besøg' }).waitFor();
    // The visitors come from their own request: wait for the list before reading it.
    await page.getByLabel('Omsorgsmedarbejder').locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    const options = await page.getByLabel('Omsorgsmedarbejder').locator('option').allTextContents();
    // The professional track: the employee fits, the plain volunteer does not.
    expect(options.some((o) => o.startsWith('Birthe Sonne'))).toBe(true);
    expect(options.some((o) => o.startsWith('Ole Frivillig'))).toBe(false);
    await page.getByLabel('Omsorgsmedarbejder').selectOption({ label: options.find((o) => o.startsWith('Birthe Sonne'))! });
    // Someone else flags a risk on the case while the page is open.
    const token = (await page.evaluate<string>("sessionStorage.getItem('brobygger.token')"));
    const flagged = await fetch(`${server.url}/cases/${caseId}/risks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ risk: 'contact_difficulties', note: 'Tager ikke telefonen', at: new Date().toISOString() }),
    });
    expect(flagged.status).toBe(200);
    watch.expectFailedRequest(412);
    await page.getByRole('button', { name: 'Book første besøg' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sagen er ændret af en anden — opdatér' }).waitFor();
    await page.getByRole('button', { name: 'Opdatér' }).click();
    // The refreshed page draws its forms anew: wait until the alert has gone and the picker has its visitors again.
    await page.getByRole('alert').filter({ hasText: 'Sagen er ændret af en anden' }).waitFor({ state: 'detached' });
    const birthe = page.getByLabel('Omsorgsmedarbejder').locator('option', { hasText: 'Birthe Sonne' });
    await birthe.waitFor({ state: 'attached' });
    await page.getByLabel('Omsorgsmedarbejder').selectOption((await birthe.getAttribute('value'))!);
    await page.getByRole('button', { name: 'Book første besøg' }).click();
    await page.getByText('Første besøg er booket.').waitFor();
    await page.getByRole('heading', { name: 'Besøgskort' }).waitFor();
    await page.locator('.timeline').getByText('Første besøg aftalt').waitFor();
    await shot(page, 'case-timeline');
    await page.context().close();
  });

  it('lets the visitor see the case on a phone and record a visit in a few taps', async () => {
    const visitors = (await (await fetch(`${server.url}/visitors`, { headers: { authorization: `Bearer ${await coordinatorToken()}` } })).json()) as Array<{ visitorId: string; name: string }>;
    await addUser(server.app.get<Storage>(STORAGE), { username: 'birthe', role: 'visitor', visitorId: visitors.find((v) => v.name === 'Birthe Sonne')!.visitorId, password: PASSWORDS.birthe });
    const page = await signIn('birthe', PHONE);
    await page.getByRole('heading', { name: 'Mine borgere' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'Karen Algreen' });
    await card.getByText('Næste besøg:').waitFor();
    await shot(page, 'my-cases');
    await card.getByRole('link', { name: 'Registrér besøg' }).click();
    await page.getByRole('heading', { name: 'Besøg hos Karen Algreen' }).waitFor();
    await page.getByLabel('Temaer at følge op på næste gang').fill('varmehjælp, gåtur');
    await page.getByLabel('Note').fill('Godt besøg, talte om haven');
    await shot(page, 'record-visit');
    await page.getByRole('button', { name: 'Gem besøg' }).click();
    await page.getByText('Besøget er registreret.').waitFor();
    await card.getByText('Følg op på: varmehjælp, gåtur').waitFor();
    await page.context().close();
  });

  it('lets the visitor open and complete a task, take a UCLA-3, record a relation and a dismissal', async () => {
    const page = await signIn('birthe', PHONE);
    await page.getByRole('link', { name: 'Registrér besøg' }).click();
    const section = (summary: string) => page.locator('details').filter({ has: page.locator('summary', { hasText: summary }) });
    await page.locator('summary', { hasText: 'Opgaver' }).click();
    await section('Opgaver').getByLabel('Ny opgave').selectOption({ label: 'Helbredstillæg' });
    await section('Opgaver').getByLabel('Beskrivelse').fill('Ansøgning om helbredstillæg til tandlæge');
    await section('Opgaver').getByRole('button', { name: 'Opret opgave' }).click();
    await page.getByText('Opgaven er oprettet.').waitFor();
    await page.locator('summary', { hasText: 'Opgaver (1 i gang)' }).click();
    await section('Opgaver').getByLabel(/Resultat: Helbredstillæg/).fill('Bevilget');
    await section('Opgaver').getByRole('button', { name: 'Opgaven er løst' }).click();
    await page.getByText('Opgaven er løst.').waitFor();

    await page.locator('summary', { hasText: 'Ensomhedsmåling (UCLA-3)' }).click();
    for (const question of ['Hvor ofte føler du, at du mangler nogen at være sammen med?', 'Hvor ofte føler du dig holdt udenfor?', 'Hvor ofte føler du dig isoleret fra andre?'])
      await page.getByRole('group', { name: question }).getByLabel('Ofte').check();
    await page.getByRole('button', { name: 'Gem måling' }).click();
    await page.getByText('Målingen er gemt.').waitFor();

    await page.locator('summary', { hasText: 'Ny relation' }).click();
    await section('Ny relation').getByLabel('Slags relation').selectOption({ label: 'Social café' });
    await section('Ny relation').getByLabel('Beskrivelse').fill('Kirkens café om torsdagen');
    await page.getByRole('button', { name: 'Gem relation' }).click();
    await page.getByText('Relationen er registreret.').waitFor();

    await page.locator('summary', { hasText: 'Fyret, men kommer igen' }).click();
    await section('Fyret, men kommer igen').getByLabel('Din vurdering').fill('Bag facaden et ønske om besøg');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Registreret: du kommer igen som aftalt.').waitFor();
    await page.context().close();
  });

  it('refuses the visitor a coordinator page', async () => {
    const page = await signIn('birthe', PHONE);
    await page.goto(`${server.url}/app/ventemappe`);
    await page.getByRole('heading', { name: 'Ingen adgang' }).waitFor();
    await shot(page, 'forbidden');
    await page.context().close();
  });

  it("moves the manager's figures, drawn as charts, and lists the partners", async () => {
    const page = await signIn('mette');
    await page.getByRole('heading', { name: 'Overblik' }).waitFor();
    // One referral more; and none more waiting, since the first visit is booked.
    await page.getByRole('group', { name: 'Henvisninger i perioden' }).getByText(String(Number(before.referrals) + 1), { exact: true }).waitFor();
    expect(await figure(page, 'I ventemappen nu')).toBe(before.waiting);
    expect(await figure(page, 'Relationer etableret')).toBe(String(Number(before.relations) + 1));
    // Seven charts of the cases, and (issue 20) the volunteers' hours per month.
    expect(await page.locator('canvas[role="img"]').count()).toBe(8);
    await shot(page, 'dashboard');
    await page.getByRole('navigation').getByRole('link', { name: 'Samarbejdspartnere' }).click();
    await page.getByRole('cell', { name: 'Hjemmeplejen Syd' }).first().waitFor();
    await shot(page, 'partners');
    await page.context().close();
  });

  it('shows the auditor the case under a pseudonym, and replays it as it stood', async () => {
    const page = await signIn('anne');
    await page.getByRole('heading', { name: 'Evaluering' }).waitFor();
    const link = page.locator(`a[href="/app/evaluering/${caseId}"]`);
    await link.waitFor();
    expect(await link.textContent()).toMatch(/^p-[0-9a-f]{20}$/);
    expect(await page.getByText('Karen Algreen').count()).toBe(0);
    await link.click();
    await page.getByRole('heading', { name: 'Tilstand' }).waitFor();
    const state = page.locator('.facts');
    await state.getByText('Aktiv').waitFor();
    // By recorded time (what we knew when): in this test the visit is dated to the minute before the triage was recorded.
    await page.getByLabel('Hvad vi vidste (registreringstid)').check();
    await state.getByText('Aktiv').waitFor();
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await state.getByText('Henvist').waitFor();
    await page.keyboard.press('ArrowRight');
    await state.getByText('I ventemappen').waitFor();
    expect(await page.getByText('Karen Algreen').count()).toBe(0);
    await shot(page, 'replay');
    await page.context().close();
  });

  it('lets the coordinator move the next visit (only once the citizen is told), flag a risk and cancel the visit', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${caseId}`);
    // The case may already hold such entries (the visitor's dismissal can flag a risk): wait for one more.
    const entries = (label: string) => page.locator('.timeline').getByText(label, { exact: true });
    const oneMore = async (label: string, before: number) => {
      for (let i = 0; i < 100 && (await entries(label).count()) <= before; i++) await page.waitForTimeout(50);
      if ((await entries(label).count()) <= before) throw new Error(`no new "${label}" in the timeline`);
    };
    await page.locator('.timeline').waitFor();
    const moved = await entries('Besøg flyttet').count();
    await page.locator('summary', { hasText: 'Flyt næste besøg' }).click();
    await page.getByRole('button', { name: 'Flyt besøget' }).click();
    await page.getByText('Ring altid til borgeren, før et besøg flyttes.').waitFor();
    await page.getByLabel('Borgeren er ringet op og kender det nye tidspunkt').check();
    await page.getByRole('button', { name: 'Flyt besøget' }).click();
    await page.getByText('Sagen er opdateret.').waitFor();
    await oneMore('Besøg flyttet', moved);
    const risks = await entries('Risiko registreret').count();
    await page.locator('summary', { hasText: 'Registrér en risiko' }).click();
    await page.getByLabel('Risiko', { exact: true }).selectOption({ label: 'Selvmordstanker' });
    await page.getByLabel('Hvad er set eller sagt').fill('Sagde i telefonen, at hun ikke orker mere');
    await page.getByRole('button', { name: 'Registrér risiko' }).click();
    await oneMore('Risiko registreret', risks);
    const cancelled = await entries('Besøg aflyst').count();
    await page.locator('summary', { hasText: 'Aflys næste besøg' }).click();
    await page.getByLabel('Årsag til aflysningen').fill('Indlagt på hospitalet');
    await page.getByRole('button', { name: 'Aflys besøget' }).click();
    await oneMore('Besøg aflyst', cancelled);
    await page.context().close();
  });

  it('lets the coordinator reassign the visitor and close the case', async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager/${caseId}`);
    await page.locator('summary', { hasText: 'Omfordel til en anden omsorgsmedarbejder' }).click();
    const picker = page.getByLabel('Omsorgsmedarbejder');
    await picker.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    const to = await picker.locator('option:not([value=""])').first().getAttribute('value');
    await picker.selectOption(to!);
    await page.getByRole('textbox', { name: 'Begrundelse', exact: true }).fill('Birthe går på barsel');
    await page.getByRole('button', { name: 'Omfordel' }).click();
    await page.getByText('Sagen er opdateret.').waitFor();
    await page.locator('.timeline').getByText('Ny omsorgsmedarbejder', { exact: true }).waitFor();
    await page.locator('summary', { hasText: 'Afslut sagen' }).click();
    await page.getByLabel('Årsag', { exact: true }).selectOption({ label: 'Ny relation etableret' });
    await page.getByRole('button', { name: 'Afslut sag' }).click();
    await page.getByText('Sagen blev afsluttet').waitFor();
    await page.context().close();
  });

  it("records that a citizen withdrew consent, which closes the citizen's open case", async () => {
    const page = await signIn('jette');
    await page.goto(`${server.url}/app/sager`);
    await page.locator('table a').first().click();
    await page.locator('summary', { hasText: 'Borgeren trækker samtykket tilbage' }).click();
    await page.getByRole('button', { name: 'Træk samtykket tilbage' }).click();
    await page.getByText('Samtykket er trukket tilbage, og borgerens åbne sager er afsluttet.').waitFor();
    await page.getByText('Samtykke trukket tilbage.').waitFor();
    await page.context().close();
  });

  it("shows the admin who read a citizen's data, and erases the citizen: the coordinator then reads [slettet]", async () => {
    const coordinator = await signIn('jette');
    await coordinator.goto(`${server.url}/app/sager/${caseId}`);
    const citizenId = (await coordinator.locator('dt', { hasText: 'Borger-id' }).locator('xpath=following-sibling::dd[1]').textContent())!.trim();
    await coordinator.context().close();

    const page = await signIn('lars');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('button', { name: 'Vælg borger' }).click();
    await page.getByText('Skriv borgerens id').waitFor();
    await page.getByLabel('Borgerens id').fill(citizenId);
    await page.getByRole('button', { name: 'Vælg borger' }).click();
    await page.getByRole('button', { name: 'Vis adgangslog' }).click();
    // In Danish words: who, in which role, what was read, when.
    const read = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'jette', exact: true }) }).first();
    await read.waitFor();
    expect(await read.getByRole('cell').nth(2).textContent()).toBe('Koordinator');
    await page.getByLabel('Rolle').selectOption({ label: 'Frivillig eller ansat' });
    await page.getByRole('button', { name: 'Vis adgangslog' }).click();
    // The log before the filter stays on the page until the filtered one arrives (birthe is in both): wait for the coordinator's rows to go.
    await page.getByRole('cell', { name: 'jette', exact: true }).first().waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'birthe', exact: true }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'jette', exact: true }).count()).toBe(0);
    await shot(page, 'administration');
    // Whose data goes: the name, the year of birth from the CPR number, the open cases; the name typed to confirm.
    await page.locator('summary', { hasText: 'Slet borgeren' }).click();
    const who = page.getByRole('definition');
    await who.filter({ hasText: 'Karen Algreen' }).waitFor();
    await who.filter({ hasText: '1945' }).waitFor();
    const erase = page.getByRole('button', { name: 'Slet borgeren' });
    expect(await erase.isDisabled()).toBe(true);
    await page.getByLabel('Skriv borgerens navn for at bekræfte').fill('Karen');
    expect(await erase.isDisabled()).toBe(true);
    await page.getByLabel('Skriv borgerens navn for at bekræfte').fill('karen algreen');
    await erase.click();
    await page.getByText('Borgeren er slettet').waitFor();
    await page.context().close();

    const after = await signIn('jette');
    await after.goto(`${server.url}/app/sager/${caseId}`);
    await after.getByRole('heading', { name: '[slettet]' }).waitFor();
    await after.context().close();
  });

  it('signs out, and an expired session returns to "Log ind"', async () => {
    const page = await signIn('jette');
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await page.getByText('Du er logget ud.').waitFor();
    expect(await page.evaluate("sessionStorage.getItem('brobygger.token')")).toBeNull();
    // A token past its expiry is not used: the page goes to sign-in without asking the API.
    const expired = `x.${Buffer.from(JSON.stringify({ sub: 'jette', role: 'coordinator', exp: 1 })).toString('base64url')}.y`;
    await page.evaluate(`sessionStorage.setItem('brobygger.token', ${JSON.stringify(expired)})`);
    await page.goto(`${server.url}/app/ventemappe`);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await page.context().close();
  });

  async function coordinatorToken(): Promise<string> {
    const res = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'jette', password: PASSWORDS.jette }) });
    return ((await res.json()) as { token: string }).token;
  }
});

import type { Browser, Page } from 'playwright-core';
import { seed } from '../../src/cli/seed/seed';
import { addUser } from '../../src/cli/user';
import { STORAGE, Storage } from '../../src/storage/storage.port';
import type { Principal } from '../../src/privacy/tokens';
import { karenReferral } from '../e2e/support/fixtures';
import { COORDINATOR, tokenFor } from '../e2e/support/test-app';
import { browserAvailable, ConsoleWatch, expectAccessible, launchBrowser, newPage, signInAs, startServer, Viewport } from './browser';

/**
 * WCAG 2.1 AA in every role's pages (issue #17): axe-core's rules on each page
 * state, and what axe cannot see: the focus ring's contrast, the sign-in error
 * read out, the focus on the new page's heading after a navigation or a save.
 */
const run = browserAvailable() ? describe : describe.skip;
const PHONE = { width: 390, height: 844 };
const PASSWORDS = { jette: 'kaffe-og-kage-42', birthe: 'sognets-besoeg-7', mette: 'tal-og-grafer-9', anne: 'evaluering-2026', lars: 'dataansvar-og-ro' };

/** WCAG's contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

run('the web app for everyone (WCAG 2.1 AA)', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  const watch = new ConsoleWatch();
  const cases: Record<'Referred' | 'Waiting' | 'Active' | 'Closed', string> = { Referred: '', Waiting: '', Active: '', Closed: '' };
  let visitorCase: string;

  async function api<T>(path: string, principal: Principal = COORDINATOR): Promise<T> {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokenFor(server.dataDir, principal)}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    server = await startServer();
    const store = server.app.get<Storage>(STORAGE);
    await seed(store, { cases: 60, seed: 21 }, () => undefined);
    // A referral not yet triaged (the seed's are all triaged).
    const referred = await fetch(`${server.url}/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor(server.dataDir, COORDINATOR)}`, 'content-type': 'application/json' },
      body: JSON.stringify(karenReferral()),
    });
    cases.Referred = ((await referred.json()) as { caseId: string }).caseId;
    // The read models catch up with the seed on their own time.
    for (let i = 0; i < 80 && Object.values(cases).some((id) => !id); i++) {
      for (const row of await api<Array<{ caseId: string; status: keyof typeof cases }>>('/cases?limit=1000')) cases[row.status] ||= row.caseId;
      if (Object.values(cases).some((id) => !id)) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(cases).toEqual({ Referred: expect.any(String), Waiting: expect.any(String), Active: expect.any(String), Closed: expect.any(String) });
    const visitors = await api<Array<{ visitorId: string; activeCases: number }>>('/visitors');
    const visitor = visitors.find((v) => v.activeCases > 0)!;
    visitorCase = (await api<{ cases: Array<{ caseId: string }> }>(`/visitors/${visitor.visitorId}/caseload`)).cases[0]!.caseId;
    await addUser(store, { username: 'jette', role: 'coordinator', password: PASSWORDS.jette });
    await addUser(store, { username: 'birthe', role: 'visitor', visitorId: visitor.visitorId, password: PASSWORDS.birthe });
    await addUser(store, { username: 'mette', role: 'manager', password: PASSWORDS.mette });
    await addUser(store, { username: 'anne', role: 'auditor', password: PASSWORDS.anne });
    await addUser(store, { username: 'lars', role: 'admin', password: PASSWORDS.lars });
    browser = await launchBrowser();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(watch.errors.splice(0)).toEqual([]));

  const signIn = (username: keyof typeof PASSWORDS, viewport?: Viewport): Promise<Page> => signInAs(browser, watch, server.url, username, PASSWORDS[username], viewport);

  /** Opens a page of the app, waits until its data is drawn, and audits it. */
  async function audit(page: Page, path: string, heading: string | RegExp, state = path): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByText('Henter …').first().waitFor({ state: 'detached' });
    await expectAccessible(page, state);
  }

  it('has no axe violation on "Log ind", empty, with field errors and with a refusal; the refusal is read out', async () => {
    const { page, context } = await newPage(browser, watch);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Log ind' }).waitFor();
    await expectAccessible(page, 'sign-in');
    // The live region is there before anything goes wrong, so that what is written into it is announced.
    const region = page.locator('[role="alert"], [aria-live="assertive"], [aria-live="polite"]');
    expect(await region.count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Skriv dit brugernavn.').waitFor();
    expect(await page.evaluate('document.activeElement.name')).toBe('username');
    await expectAccessible(page, 'sign-in, fields missing');
    await page.getByLabel('Brugernavn').fill('jette');
    await page.getByLabel('Adgangskode').fill('forkert-kode-123');
    watch.expectFailedRequest(401);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await region.filter({ hasText: 'Brugernavn eller adgangskode er forkert.' }).waitFor();
    await expectAccessible(page, 'sign-in, refused');
    await context.close();
  });

  it("has no axe violation on the coordinator's pages, the case in each status and a page that does not exist", async () => {
    const page = await signIn('jette');
    await audit(page, '/app/ventemappe', 'Ventemappe');
    await audit(page, '/app/henvisning', 'Ny henvisning');
    await page.getByRole('button', { name: 'Modtag henvisning' }).click();
    await page.getByText('Skriv borgerens navn.').waitFor();
    await expectAccessible(page, '/app/henvisning with errors');
    await audit(page, '/app/sager', 'Sager');
    for (const [status, caseId] of Object.entries(cases)) {
      await audit(page, `/app/sager/${caseId}`, /./, `a case, ${status}`);
      await page.locator('.timeline').waitFor();
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      await expectAccessible(page, `a case, ${status}, every section open`);
    }
    await audit(page, '/app/besoegsvenner', 'Frivillige og ansatte');
    await audit(page, '/app/overblik', 'Overblik');
    await audit(page, '/app/samarbejdspartnere', 'Samarbejdspartnere');
    await audit(page, '/app/findes-ikke', 'Siden findes ikke');
    await page.context().close();
  });

  it("has no axe violation on the visitor's pages on a phone", async () => {
    const page = await signIn('birthe', PHONE);
    await audit(page, '/app/mine-borgere', 'Mine borgere');
    await audit(page, `/app/besoeg/${visitorCase}`, /^Besøg hos/);
    for (const summary of await page.locator('details > summary').all()) await summary.click();
    await expectAccessible(page, 'a visit, every section open');
    await audit(page, '/app/ventemappe', 'Ingen adgang');
    await page.context().close();
  });

  it("has no axe violation on the manager's, the auditor's and the admin's pages", async () => {
    const manager = await signIn('mette');
    await audit(manager, '/app/overblik', 'Overblik');
    await manager.locator('canvas').first().waitFor();
    await audit(manager, '/app/samarbejdspartnere', 'Samarbejdspartnere');
    // Issue 22: the outcomes, on a store with few closed cases (every cell "< 5").
    await audit(manager, '/app/effekt', 'Effekt af indsatsen');
    await manager.context().close();

    const auditor = await signIn('anne');
    await audit(auditor, '/app/evaluering', 'Evaluering');
    await audit(auditor, `/app/evaluering/${cases.Active}`, /./);
    await auditor.getByRole('slider').waitFor();
    await expectAccessible(auditor, 'the replay');
    await auditor.context().close();

    const admin = await signIn('lars');
    await audit(admin, '/app/administration', 'Administration');
    const { citizenId } = await api<{ citizenId: string }>(`/cases/${cases.Active}`);
    await admin.getByLabel('Borgerens id').fill(citizenId);
    await admin.getByRole('button', { name: 'Vælg borger' }).click();
    await admin.getByRole('button', { name: 'Vis adgangslog' }).click();
    await admin.getByRole('table').waitFor();
    await admin.locator('summary', { hasText: 'Slet borgeren' }).click();
    await admin.getByLabel('Skriv borgerens navn for at bekræfte').waitFor();
    await expectAccessible(admin, 'the access log and erasure');
    await admin.context().close();
  });

  it('draws a focus ring of at least 3:1 on white, on the canvas and in the blue bar', async () => {
    const page = await signIn('jette');
    await audit(page, '/app/henvisning', 'Ny henvisning');
    const ring = async (selector: string) =>
      page.evaluate(
        `(() => { const el = document.querySelector(${JSON.stringify(selector)}); const s = getComputedStyle(el); return { outline: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle }; })()`,
      ) as Promise<{ outline: string; width: number; style: string }>;
    // By keyboard, as :focus-visible draws it.
    await page.getByLabel('Ordning').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const field = await ring(':focus');
    expect(field.style).toBe('solid');
    expect(field.width).toBeGreaterThanOrEqual(2);
    expect(contrast(field.outline, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(contrast(field.outline, 'rgb(243, 245, 247)')).toBeGreaterThanOrEqual(3);
    await page.getByRole('navigation').getByRole('link', { name: 'Sager' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const bar = await page.evaluate<string>("getComputedStyle(document.querySelector('.top')).backgroundColor");
    expect(contrast((await ring(':focus')).outline, bar)).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });

  it("moves the focus to the new page's heading after a navigation and after a save", async () => {
    const page = await signIn('jette');
    await page.getByRole('heading', { name: 'Ventemappe' }).waitFor();
    const focused = () => page.evaluate<string>("document.activeElement.tagName + ' ' + document.activeElement.textContent");
    const until = async (want: string) => {
      for (let i = 0; i < 60 && (await focused()) !== want; i++) await page.waitForTimeout(50);
      expect(await focused()).toBe(want);
    };
    await page.getByRole('navigation').getByRole('link', { name: 'Sager' }).click();
    await until('H1 Sager');
    await page.getByRole('navigation').getByRole('link', { name: 'Frivillige og ansatte' }).click();
    await until('H1 Frivillige og ansatte');
    await page.goBack();
    await until('H1 Sager');
    await page.context().close();

    const visitor = await signIn('birthe', PHONE);
    await visitor.goto(`${server.url}/app/besoeg/${visitorCase}`);
    const heading = (await visitor.getByRole('heading', { level: 1, name: /^Besøg hos/ }).textContent())!;
    await visitor.locator('summary', { hasText: 'Ny relation' }).click();
    const relation = visitor.locator('details').filter({ has: visitor.locator('summary', { hasText: 'Ny relation' }) });
    await relation.getByLabel('Beskrivelse').fill('Læsekreds på biblioteket');
    await visitor.getByRole('button', { name: 'Gem relation' }).click();
    await visitor.getByText('Relationen er registreret.').waitFor();
    const again = async (want: string) => {
      // Up to 10 s for the page to load and move the focus (a loaded CI machine took more than 3 s once); the focus is then checked as before.
      for (let i = 0; i < 200 && (await visitor.evaluate<string>("document.activeElement.tagName + ' ' + document.activeElement.textContent")) !== want; i++) await visitor.waitForTimeout(50);
      expect(await visitor.evaluate<string>("document.activeElement.tagName + ' ' + document.activeElement.textContent")).toBe(want);
    };
    await again(`H1 ${heading}`);
    await visitor.getByRole('button', { name: 'Gem besøg' }).click();
    await visitor.getByText('Besøget er registreret.').waitFor();
    await again('H1 Mine borgere');
    await visitor.context().close();
  });
});

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, BrowserContext, chromium, ConsoleMessage, Page } from 'playwright-core';
import { createApp } from '../../src/app.factory';
import type { Principal } from '../../src/privacy/tokens';
import { COORDINATOR, testConfig, tokenFor } from '../e2e/support/test-app';

/** Debian's Chromium: a browser download is not possible here, so the package is installed instead (.ci/run does it in CI). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run; in CI a missing browser is a failure, elsewhere a skip that says why. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run installs the chromium package with apt-get; the browser tests must run in CI`);
  console.warn(`${CHROMIUM} is missing: the browser tests are skipped. Install it with: apt-get install -y chromium`);
  return false;
}

/** The real application, built web app included, on a fresh data directory and a free port on 127.0.0.1. */
export async function startServer(): Promise<{ app: NestFastifyApplication; url: string; dataDir: string; close: () => Promise<void> }> {
  // npm start's own step: builds dist/web only when the sources changed.
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'web', 'build.mjs')], { stdio: 'inherit', timeout: 300_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'brobygger-browser-'));
  const app = await createApp(testConfig('sqlite', dataDir), { logs: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright gives every launch a fresh, temporary profile (user-data-dir).
    // Date fields draw in the browser's language: Danish where Debian's chromium-l10n is installed, else en-US.
    // Headless, `--lang` alone leaves them en-US (12/13/2026, 03:30 PM); the process's LANGUAGE decides.
    args: ['--lang=da-DK', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    env: { ...process.env, LANG: 'da_DK.UTF-8', LANGUAGE: 'da' },
    timeout: 60_000,
  });
}

/**
 * Everything the page says in its console, and every script error. A failed
 * request that the step expects (a 401 for a wrong password, a 409 for a rule,
 * a 412, a 403) is logged by Chromium as an error too: a test names those.
 */
export class ConsoleWatch {
  readonly errors: string[] = [];
  private expected: RegExp[] = [];

  watch(page: Page): void {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      const text = message.text();
      const allowed = this.expected.findIndex((pattern) => pattern.test(text));
      if (allowed >= 0) this.expected.splice(allowed, 1);
      else this.errors.push(`${message.type()}: ${text} (${page.url()})`);
    });
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message} (${page.url()})`));
  }

  /** The next console error matching `status` is the failed request the step provoked on purpose. */
  expectFailedRequest(status: number): void {
    this.expected.push(new RegExp(`status of ${status}`));
  }
}

export async function newPage(browser: Browser, watch: ConsoleWatch, viewport = { width: 1280, height: 860 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watch.watch(page);
  return { context, page };
}

let axeSource: string | undefined;
const AXE_SOURCE = (): string => (axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** One failing rule as a line a person can act on: the rule, what it asks, and where on the page. */
interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it stands; any violation
 * fails the test, named with the page state. axe-core's source is evaluated in
 * the page as @axe-core/playwright does it: `page.addScriptTag` writes an inline
 * script, which the app's content policy (script-src 'self') rightly refuses,
 * and that policy is not loosened for a test.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE());
  const violations = (await page.evaluate(
    "window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }).then((r) => r.violations)",
  )) as AxeViolation[];
  const found = violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('; ')}`);
  expect({ state, violations: found }).toEqual({ state, violations: [] });
}

/**
 * Where a spec's screenshots go: `SCREENSHOTS=dir` keeps them (the README's
 * come from there); otherwise a fresh temporary folder, made now.
 */
export function shotsDir(): string {
  const dir = process.env.SCREENSHOTS ? resolve(process.env.SCREENSHOTS) : mkdtempSync(join(tmpdir(), 'brobygger-shots-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The page as a state of the app: audited with axe (any violation fails), then saved as `<name>.png`. */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  await expectAccessible(page, name);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** A given of the story, sent as a client would: a POST as the coordinator (or `principal`); anything but 2xx fails the test with the answer. */
export async function post<T>(server: { url: string; dataDir: string }, path: string, body: unknown, principal: Principal = COORDINATOR): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenFor(server.dataDir, principal)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export type Viewport = { width: number; height: number };

/** A person signs in through the sign-in page, in a page of their own, and the app is there ("Log ud"). */
export async function signInAs(browser: Browser, watch: ConsoleWatch, url: string, username: string, password: string, viewport?: Viewport): Promise<Page> {
  const { page } = await newPage(browser, watch, viewport);
  await page.goto(url);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
  return page;
}

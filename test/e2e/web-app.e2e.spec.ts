import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONTENT_POLICY, webBuildDir } from '../../src/web/web-app';
import { startTestApp, TestApp } from './support/test-app';

/** The web application's files are served beside the API, public, under their own content policy; every other path stays the API's. */
describe('serving the web application', () => {
  let t: TestApp;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'web', 'build.mjs')], { stdio: 'inherit', timeout: 300_000 });
    t = await startTestApp('memory');
  }, 320_000);
  afterAll(() => t.close());

  it.each(['/', '/app', '/app/ventemappe', '/app/sager/5f0c6e4e-1b7a-4d3e-9f3a-0c1d2e3f4a5b', '/henvis', '/henvis?p=1B9D6BCD'])('answers the page at %s without a token, with the strict policy', async (path) => {
    const res = await t.as('anonymous').get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(APP_CONTENT_POLICY);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('<html lang="da">');
    // Nothing inline for the policy to have to allow.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/<style|style="/);
  });

  it('serves the hashed files under /assets/ for a year', async () => {
    const script = readdirSync(join(webBuildDir(), 'assets')).find((name) => name.endsWith('.js'))!;
    const res = await t.as('anonymous').get(`/assets/${script}`).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
  });

  it('ships no source maps: none is built, and a request for one is a 404', async () => {
    const assets = readdirSync(join(webBuildDir(), 'assets'));
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    const script = assets.find((name) => name.endsWith('.js'))!;
    const res = await t.as('anonymous').get(`/assets/${script}`).expect(200);
    expect(res.text).not.toContain('sourceMappingURL');
    await t.as('anonymous').get(`/assets/${script}.map`).expect(404);
  });

  it('does not serve a source map left in the build folder', async () => {
    const stray = join(webBuildDir(), 'assets', `stray-${process.pid}.js.map`);
    writeFileSync(stray, '{"version":3,"sources":["secret.ts"]}');
    try {
      const res = await t.as('anonymous').get(`/assets/stray-${process.pid}.js.map`).expect(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    } finally {
      rmSync(stray, { force: true });
    }
  });

  it.each(['/assets/nothing.js', '/nothing', '/app-not', '/cases/x/unknown'])('leaves %s to the API: a 404 problem', async (path) => {
    const res = await t.as('anonymous').get(path).expect(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('keeps the API behind its token', async () => {
    await t.as('anonymous').get('/waiting-list').expect(401);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { COORDINATOR, Http, httpAs, testConfig, tokenFrom } from './support/test-app';

/**
 * Issue 21: a partner's contact persons are staff data, kept in clear but
 * never in the logs (docs/privacy.md, "Partners"): not when registered, not
 * when read, not when removed.
 */
describe("the partner's people in the logs", () => {
  let app: NestFastifyApplication;
  let t: { http: Http };
  let dir: string;
  let lines: string[] = [];
  let write: jest.SpyInstance;
  beforeAll(async () => {
    // The log's lines are read where they go, standard output, as the request log's spec does.
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    dir = mkdtempSync(join(tmpdir(), 'brobygger-partner-logs-'));
    app = await createApp({ ...testConfig('memory', dir), logLevel: 'log' }, { logs: true });
    await app.init();
    t = { http: httpAs(app.getHttpServer(), tokenFrom(app, COORDINATOR)) };
  });
  afterAll(async () => {
    await app.close();
    write.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs requests, but no contact person name, phone or e-mail', async () => {
    lines = [];
    const { partnerId } = (
      await t.http
        .post('/partners')
        .send({ name: 'Hjemmeplejen Vest', kind: 'hjemmepleje', leader: { name: 'Lone Ledersen', phone: '+4571727374', email: 'lone@vest.dk' }, contacts: [{ name: 'Kaj Kontaktsen', role: 'SoSu', phone: '+4581828384' }] })
        .expect(201)
    ).body;
    const { contactId } = (await t.http.post(`/partners/${partnerId}/contacts`).send({ name: 'Rikke Rolle', role: 'Leder', email: 'rikke@vest.dk' }).expect(200)).body;
    await t.http.get(`/partners/${partnerId}`).expect(200);
    await t.http.post(`/partners/${partnerId}/contacts/${contactId}/remove`).send({}).expect(200);
    await t.http.post('/partners').send({ name: 'X', kind: 'andet', leader: { name: 'Bodil Forkert', phone: '12' } }).expect(400);
    const log = lines.join('');
    expect(log).toContain('/partners');
    for (const secret of ['Lone Ledersen', '71727374', 'lone@vest.dk', 'Kaj Kontaktsen', '81828384', 'Rikke Rolle', 'rikke@vest.dk', 'Bodil Forkert']) expect(log).not.toContain(secret);
  });
});

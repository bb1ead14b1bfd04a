import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { COORDINATOR, Http, httpAs, testConfig, tokenFrom } from './support/test-app';

/**
 * Issue 21: nothing a referral card holds reaches the logs: not when it is
 * sent from /henvis (taken, refused or dropped by the honeypot), read in the
 * inbox, taken in or rejected. The request log names the route, never a body.
 */
describe('referral cards in the logs', () => {
  let app: NestFastifyApplication;
  let coordinator: Http;
  let anonymous: Http;
  let dir: string;
  let lines: string[] = [];
  let write: jest.SpyInstance;
  beforeAll(async () => {
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    dir = mkdtempSync(join(tmpdir(), 'brobygger-card-logs-'));
    app = await createApp({ ...testConfig('memory', dir), logLevel: 'log' }, { logs: true });
    await app.init();
    coordinator = httpAs(app.getHttpServer(), tokenFrom(app, COORDINATOR));
    anonymous = httpAs(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
    write.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs the requests, but no name, phone, address, message or reason', async () => {
    lines = [];
    const card = { channel: 'relative', citizen: { name: 'Loggi Lauritsen', phone: '+4561626364', address: 'Logvej 7' }, sender: { name: 'Sigrid Sender', phone: '+4571727374' }, message: 'Hemmelig besked om mor', consent: true, website: '' };
    await anonymous.post('/referral-cards').send(card).expect(202);
    await anonymous.post('/referral-cards').send({ ...card, citizen: { ...card.citizen, phone: '12' } }).expect(400);
    await anonymous.post('/referral-cards').send({ ...card, website: 'spam' }).expect(202);
    await anonymous.post('/referral-cards').send({ ...card, message: 'x'.repeat(20_000) }).expect(413);
    const [first, second] = (await coordinator.get('/referral-cards?status=new').expect(200)).body as Array<{ cardId: string }>;
    await anonymous.post('/referral-cards').send(card).expect(202);
    await coordinator.post(`/referral-cards/${first!.cardId}/accept`).send({ programme: 'care_visits' }).expect(200);
    const again = ((await coordinator.get('/referral-cards?status=new').expect(200)).body as Array<{ cardId: string }>)[0] ?? second;
    await coordinator.post(`/referral-cards/${again!.cardId}/reject`).send({ reason: 'Afvist fordi Loggi flyttede' }).expect(200);
    const log = lines.join('');
    expect(log).toContain('/referral-cards');
    for (const secret of ['Loggi', 'Lauritsen', '61626364', 'Logvej', 'Sigrid', '71727374', 'Hemmelig', 'flyttede']) expect(log).not.toContain(secret);
  });
});

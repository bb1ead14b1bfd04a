import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { IdempotencyKeys } from '../../src/http/idempotency-keys';
import { SERVICE_SECRETS, ServiceSecrets } from '../../src/storage/secrets';
import { karenReferral } from './support/fixtures';
import { COORDINATOR, startTestApp, TestApp, tokenFor } from './support/test-app';

/**
 * A client whose answer is lost (the connection cut right after the request
 * went out, so the command commits but nobody hears of it) sends it again with
 * the same Idempotency-Key: it gets the first answer and nothing is appended,
 * also when the server was restarted in between.
 */
describe('idempotency when the answer is lost', () => {
  let t: TestApp;
  afterEach(() => t.close());

  /** Writes a whole HTTP request on a raw socket and cuts the connection at once, before any answer. */
  async function sendAndHangUp(app: TestApp, path: string, key: string, body: unknown, headers: Record<string, string> = {}): Promise<void> {
    const address = app.app.getHttpServer().address() as AddressInfo;
    const payload = Buffer.from(JSON.stringify(body));
    const lines = [
      `POST ${path} HTTP/1.1`,
      `host: 127.0.0.1:${address.port}`,
      `authorization: Bearer ${tokenFor(app.dataDir, COORDINATOR)}`,
      'content-type: application/json',
      `content-length: ${payload.length}`,
      `idempotency-key: ${key}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    await new Promise<void>((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1', () => {
        socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), payload]), () => {
          socket.destroy();
          resolve();
        });
      });
      socket.on('error', reject);
    });
  }

  /** The command committed although its answer never left: wait (bounded) for the head to move. */
  async function committed(store: EventStore, beyond: number): Promise<number> {
    for (let i = 0; i < 200; i++) {
      const head = await store.headPosition();
      if (head > beyond) return head;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the command sent before the hang-up was never committed');
  }

  const listening = async (app: TestApp) => {
    await app.app.listen(0, '127.0.0.1');
    return app;
  };

  it('answers the retry of a referral with the first answer, appending nothing', async () => {
    t = await listening(await startTestApp('sqlite'));
    const store = t.app.get<EventStore>(EVENT_STORE);
    await sendAndHangUp(t, '/cases', 'lost-referral', karenReferral());
    const head = await committed(store, 0);
    const first = await store.findIdempotency(COORDINATOR.sub, new IdempotencyKeys(t.app.get<symbol, ServiceSecrets>(SERVICE_SECRETS).idempotencySecret).digest('lost-referral'));

    const retry = await t.http.post('/cases').set('idempotency-key', 'lost-referral').send(karenReferral()).expect(201);
    expect(retry.body).toEqual(first?.answer);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.location).toBe(`/cases/${retry.body.caseId}`);
    expect(await store.headPosition()).toBe(head);
  });

  it('answers the retry with the first answer after a restart too, appending nothing', async () => {
    t = await listening(await startTestApp('sqlite'));
    const { caseId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    let store = t.app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    const triage = { track: 'volunteer', reason: 'Ensom', priority: 'normal' };
    await sendAndHangUp(t, `/cases/${caseId}/triage`, 'lost-triage', triage, { 'if-match': '"0"' });
    const head = await committed(store, before);
    const first = await store.findIdempotency(COORDINATOR.sub, new IdempotencyKeys(t.app.get<symbol, ServiceSecrets>(SERVICE_SECRETS).idempotencySecret).digest('lost-triage'));

    t = await t.restart();
    store = t.app.get<EventStore>(EVENT_STORE);
    // The same request again, If-Match and all: the first answer, not a 412 for the revision it moved itself.
    const retry = await t.http.post(`/cases/${caseId}/triage`).set('idempotency-key', 'lost-triage').set('if-match', '"0"').send(triage).expect(200);
    expect(retry.body).toEqual(first?.answer);
    expect(retry.body).toMatchObject({ caseId, revision: 1 });
    expect(retry.headers.etag).toBe('"1"');
    expect(await store.headPosition()).toBe(head);
    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ type: string }>;
    expect(events.map((e) => e.type)).toEqual(['ReferralReceived', 'TriagedToVolunteer']);
  });
});

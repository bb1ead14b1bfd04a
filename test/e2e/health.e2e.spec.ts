import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { PROJECTIONS } from '../../src/read-models/projections';
import { ReadModelsService } from '../../src/read-models/read-models.service';
import { newEvent } from '../contract/event-store.contract';
import { karenReferral } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

interface Health {
  status: string;
  store: { status: string; position: number };
  projections: Array<{ name: string; position: number; lag: number; status: string; failure?: { position: number; error: string } }>;
}

/** /health as an operator reads it: the store, how far behind each projection is, and which one stopped. */
describe('/health', () => {
  let t: TestApp;
  afterEach(() => t.close());

  const health = async (): Promise<{ code: number; body: Health }> => {
    const res = await t.as('anonymous').get('/health');
    return { code: res.status, body: res.body as Health };
  };

  it("reports each projection's lag behind the head while it does not apply", async () => {
    t = await startTestApp('sqlite');
    await t.http.post('/cases').send(karenReferral()).expect(201);
    await t.app.get(ReadModelsService).projector.stop();
    const { position } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const { body } = await health();
    expect(body.store).toEqual({ status: 'ok', position });
    expect(body.projections.map((p) => p.name)).toEqual(PROJECTIONS.map((p) => p.name));
    for (const p of body.projections) {
      expect(p.position).toBeLessThan(position);
      expect(p.lag).toBe(position - p.position);
    }
  });

  it('names a projection stopped by an event its reducer cannot apply, and says degraded while the others go on', async () => {
    t = await startTestApp('sqlite');
    const store = t.app.get<EventStore>(EVENT_STORE);
    await t.http.post('/cases').send(karenReferral()).expect(201);
    // A referral without any of its data, as a bug in an old version might have written it.
    const { position: poison } = await store.append(`case-${randomUUID()}`, [newEvent('ReferralReceived', {})], 'no_stream');
    const { position: head } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    let body: Health | undefined;
    // Waits up to 10 s for every projection to reach the head or stop (a loaded machine's PostgreSQL can take seconds).
    const settled = (b: Health) => b.projections.every((p) => p.status === 'failed' || p.position === head);
    for (let i = 0; i < 500; i++) {
      ({ body } = await health());
      if (settled(body)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answer = await health();
    body = answer.body;
    expect(answer.code).toBe(200);
    expect(body.status).toBe('degraded');
    const failed = body.projections.filter((p) => p.status === 'failed');
    // `partners` cannot even name the keys of a referral without its data (its keysRead throws): stopped all the same.
    expect(failed.map((p) => p.name)).toContain('partners');
    for (const p of failed) {
      expect(p.failure).toMatchObject({ position: poison, error: expect.any(String) });
      expect(p.lag).toBe(head - p.position);
      expect(p.position).toBeLessThan(poison);
    }
    // The others, whichever comes after a stopped one, go on to the head.
    for (const p of body.projections.filter((p) => p.status !== 'failed')) expect(p).toMatchObject({ status: 'ok', position: head, lag: 0 });
    // A stopped projection's queries say so; they never answer from a half-applied model.
    const partners = await t.http.get('/partners');
    expect(partners.status).toBe(503);
    expect(partners.body).toMatchObject({ code: 'projection_failed' });
    const stopped = failed.find((p) => p.name === 'waiting-list');
    if (stopped) expect((await t.http.get('/waiting-list')).status).toBe(503);
  });
});

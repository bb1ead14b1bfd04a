import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../../src/config/config';
import { testDatabaseUrl } from '../support/postgres';
import { karenReferral, visitor } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The end-to-end check: a referral with CPR and free text, read by a
 * coordinator and the visitor, logged, erased; then the history says
 * [slettet], the dashboard is unchanged, and no file under DATA_DIR holds the
 * person's plaintext or the key that could open it.
 */
describe('erasing a citizen', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());
  const admin = () => t.as({ sub: 'dpo@kommune.dk', role: 'admin' });

  const onPostgres = process.env.E2E_STORE === 'postgres';

  /** The citizen's key as stored (undefined once destroyed). */
  async function keyOf(citizenId: string): Promise<Buffer | undefined> {
    if (onPostgres) {
      const client = new Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      try {
        const schema = (t.app.get(APP_CONFIG) as AppConfig).databaseSchema;
        const { rows } = await client.query<{ key: Buffer }>(`SELECT key FROM "${schema}".citizen_keys WHERE citizen_id = $1`, [citizenId]);
        return rows[0]?.key;
      } finally {
        await client.end();
      }
    }
    const db = new Database(join(t.dataDir, 'brobygger.db'), { readonly: true });
    try {
      return (db.prepare('SELECT key FROM citizen_keys WHERE citizen_id = ?').get(citizenId) as { key: Buffer } | undefined)?.key;
    } finally {
      db.close();
    }
  }

  /** Every file under the data directory, as bytes. */
  const rawFiles = () => readdirSync(t.dataDir).map((name) => ({ name, bytes: readFileSync(join(t.dataDir, name)) }));

  it('shreds the person while the history and the statistics stay', async () => {
    const visitorId = (await t.http.post('/visitors').send(visitor('volunteer', 3)).expect(201)).body.visitorId;
    const { caseId, citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    await t.http.post(`/cases/${caseId}/triage`).send({ track: 'volunteer', reason: 'Ensom efter mandens død', priority: 'normal' }).expect(200);
    await t.http.post(`/cases/${caseId}/first-visit`).send({ visitorId, visitAt: '2026-03-09T10:00:00+01:00' }).expect(200);
    await t.http.post(`/cases/${caseId}/visits`).send({ visitorId, visitedAt: '2026-03-09T10:05:00+01:00', themes: ['datteren i Aarhus'], note: 'Græd over sin mand' }).expect(200);
    await t.http.post(`/cases/${caseId}/assessments`).send({ instrument: 'ucla3', answers: [3, 3, 2] }).expect(200);

    // Reads by the coordinator and by the visitor, both in the access log; the data is readable before erasure.
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body.citizen).toMatchObject({ name: 'Karen Nielsen', cpr: '120345-1234' });
    await t.as({ sub: 'birthe@sogn.dk', role: 'visitor', visitorId }).get(`/cases/${caseId}`).expect(200);
    const log = (await admin().get(`/citizens/${citizenId}/access-log`).expect(200)).body.map((e: { subject: string }) => e.subject);
    expect(log).toEqual(expect.arrayContaining(['test-coordinator', 'birthe@sogn.dk']));
    const dashboard = (await t.http.get('/dashboard').query({ from: '2026-03-01', to: '2026-03-31' }).expect(200)).body.months;

    const key = (await keyOf(citizenId))!;
    expect(key).toHaveLength(32);

    expect((await admin().post(`/citizens/${citizenId}/erase`).send({}).expect(200)).body).toEqual({ citizenId, erased: true, closedCaseIds: [caseId] });
    // Not left open ("Henvist", waiting, active) for a person nobody can read any more.
    expect((await t.http.get(`/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'Closed', reason: 'consent_withdrawn' });

    const history = (await t.http.get(`/cases/${caseId}/history`).expect(200)).body;
    expect(history[0].data.citizen).toEqual({ name: '[slettet]', address: '[slettet]', phone: '[slettet]', cpr: '[slettet]' });
    expect(history.find((e: { type: string }) => e.type === 'VisitHeld').data).toMatchObject({ themes: ['[slettet]'], note: '[slettet]' });
    expect(history.find((e: { type: string }) => e.type === 'LonelinessAssessed').data).toMatchObject({ score: 8 });
    expect((await t.http.get('/dashboard').query({ from: '2026-03-01', to: '2026-03-31' }).expect(200)).body.months).toEqual(dashboard);
    // No longer referable by id; erasing again finishes nothing new and still answers.
    await t.http.post('/cases').send({ ...karenReferral(), citizen: undefined, citizenId }).expect(409);
    await admin().post(`/citizens/${citizenId}/erase`).send({}).expect(200);

    expect(await keyOf(citizenId)).toBeUndefined();
    // On PostgreSQL the files are the server's: no row of the schema holds the plaintext, and the key's row is gone (its table rewritten).
    if (onPostgres) {
      const client = new Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      try {
        const schema = (t.app.get(APP_CONFIG) as AppConfig).databaseSchema;
        for (const table of ['events', 'read_model_docs', 'idempotency', 'access_log']) {
          const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".${table} AS t WHERE t::text ~ '(Karen Nielsen|Algade 12|57831234|120345-1234|Ensom efter|datteren i Aarhus)'`);
          expect({ table, rows: Number(rows[0]!.n) }).toEqual({ table, rows: 0 });
        }
      } finally {
        await client.end();
      }
      return;
    }
    // Nothing in the files can give the person back: no plaintext, and not the key.
    const files = rawFiles();
    expect(files.map((f) => f.name)).toContain('brobygger.db');
    for (const { name, bytes } of files) {
      for (const plain of ['Karen Nielsen', 'Algade 12', '57831234', '120345-1234', 'Ensom efter', 'datteren i Aarhus', 'Græd over', 'Jette Holm', 'KOL, går']) {
        expect({ name, found: bytes.includes(Buffer.from(plain, 'utf8')) }).toEqual({ name, found: false });
      }
      expect({ name, key: bytes.includes(key) }).toEqual({ name, key: false });
    }
  });

  it('closes every open case of the person, a referral not yet triaged too, and leaves a closed one as it was', async () => {
    const referred = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    const { citizenId } = referred;
    const waiting = (await t.http.post('/cases').send({ ...karenReferral(), citizen: undefined, citizenId }).expect(201)).body.caseId;
    await t.http.post(`/cases/${waiting}/triage`).send({ track: 'volunteer', reason: 'Ensom', priority: 'normal' }).expect(200);
    const closed = (await t.http.post('/cases').send({ ...karenReferral(), citizen: undefined, citizenId }).expect(201)).body.caseId;
    await t.http.post(`/cases/${closed}/close`).send({ reason: 'moved', at: new Date().toISOString() }).expect(200);

    const answer = (await admin().post(`/citizens/${citizenId}/erase`).send({}).expect(200)).body;
    expect([...answer.closedCaseIds].sort()).toEqual([referred.caseId, waiting].sort());
    for (const caseId of [referred.caseId, waiting]) expect((await t.http.get(`/cases/${caseId}`).expect(200)).body).toMatchObject({ status: 'Closed', reason: 'consent_withdrawn' });
    expect((await t.http.get(`/cases/${closed}`).expect(200)).body).toMatchObject({ status: 'Closed', reason: 'moved' });
    // Sent again: nothing more to close.
    expect((await admin().post(`/citizens/${citizenId}/erase`).send({}).expect(200)).body.closedCaseIds).toEqual([]);
  });

  it('is for admins only, and knows no unknown citizen', async () => {
    const { citizenId } = (await t.http.post('/cases').send(karenReferral()).expect(201)).body;
    await t.http.post(`/citizens/${citizenId}/erase`).send({}).expect(403);
    await admin().post('/citizens/00000000-0000-4000-8000-000000000000/erase').send({}).expect(404);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { CardRetentionTimer, shredDecidedCards } from '../../src/referral-cards/card-retention';
import type { CitizenKeys } from '../../src/privacy/crypto/citizen-keys';
import { CITIZEN_KEYS } from '../../src/privacy/crypto/crypto.providers';
import { startTestApp, TestApp } from './support/test-app';

/** The mother's card for Frida (seed 003: "Hun udfylder et henvisningskort i Center for Sundhed"). */
export const fridaCard = (overrides: Record<string, unknown> = {}) => ({
  channel: 'relative',
  programme: 'community_guide',
  citizen: { name: 'Frida Kortholm', phone: '20 30 40 50', address: 'Algade 12', postcode: '4180' },
  sender: { name: 'Inge Kortholm', phone: '40506070' },
  message: 'Min datter har været syg længe og kommer ikke ud.',
  consent: true,
  website: '',
  ...overrides,
});

/**
 * Issue 21: the public referral card (/henvis) and the coordinator's inbox.
 * "Borgere kan også selv række ud til en fællesskabsguide" (seed 003).
 */
describe('referral cards', () => {
  let t: TestApp;
  let store: EventStore;
  const anonymous = () => t.as('anonymous');
  const head = async () => store.headPosition();
  beforeAll(async () => {
    t = await startTestApp('sqlite', undefined, undefined, { referralCardRateLimit: 1000 });
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.close());

  it('takes a card with no token and answers only a receipt to quote on the phone', async () => {
    const res = await anonymous().post('/referral-cards').send(fridaCard()).expect(202);
    expect(res.body).toEqual({ receipt: expect.stringMatching(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/) });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('puts the card in the inbox, opened for the coordinator, and counts it as new for the waiting folder', async () => {
    const { receipt } = (await anonymous().post('/referral-cards').send(fridaCard({ citizen: { name: 'Inbox Ingrid', phone: '+4511223344' } })).expect(202)).body;
    const inbox = (await t.http.get('/referral-cards?status=new').expect(200)).body as Array<Record<string, unknown>>;
    const card = inbox.find((c) => c.receipt === receipt)!;
    expect(card).toMatchObject({ status: 'new', channel: 'relative', citizen: { name: 'Inbox Ingrid', phone: '+4511223344' }, sender: { name: 'Inge Kortholm', phone: '+4540506070' }, message: expect.stringContaining('syg') });
    expect((await t.http.get('/referral-cards/count').expect(200)).body.new).toBe(inbox.length);
    // Sealed in the store: the card's key, not anyone's in clear.
    const [event] = await store.readStream(`intake-${card.cardId}`);
    expect(JSON.stringify(event!.data)).not.toContain('Inbox Ingrid');
  });

  it('accepts a card into a case through the ordinary referral: the case is in the waiting folder, the card names it, and is no longer new', async () => {
    await anonymous().post('/referral-cards').send(fridaCard({ citizen: { name: 'Agnes Accept', phone: '+4522334455', address: 'Storgade 3', postcode: '4180' } })).expect(202);
    const card = ((await t.http.get('/referral-cards?status=new').expect(200)).body as Array<{ cardId: string; citizen: { name: string } }>).find((c) => c.citizen.name === 'Agnes Accept')!;
    const before = (await t.http.get('/referral-cards/count').expect(200)).body.new;
    const accepted = (await t.http.post(`/referral-cards/${card.cardId}/accept`).send({ programme: 'community_guide' }).expect(200)).body;
    expect(accepted).toMatchObject({ cardId: card.cardId, caseId: expect.any(String), citizenId: expect.any(String), knownCitizen: false });
    const theCase = (await t.http.get(`/cases/${accepted.caseId}`).expect(200)).body;
    expect(theCase).toMatchObject({ status: 'Referred', programme: 'community_guide', citizen: { name: 'Agnes Accept', address: 'Storgade 3, 4180' }, referrerRole: 'relative', referrerName: 'Inge Kortholm' });
    const folder = (await t.http.get(`/waiting-list?minPosition=${accepted.position}`).expect(200)).body as Array<{ caseId: string }>;
    expect(folder.map((c) => c.caseId)).toContain(accepted.caseId);
    expect((await t.http.get('/referral-cards/count').expect(200)).body.new).toBe(before - 1);
    expect((await t.http.get(`/referral-cards?status=accepted`).expect(200)).body).toEqual(expect.arrayContaining([expect.objectContaining({ cardId: card.cardId, caseId: accepted.caseId })]));
    // Once: a second acceptance is refused, and no second case is made.
    const position = await head();
    expect((await t.http.post(`/referral-cards/${card.cardId}/accept`).send({ programme: 'community_guide' }).expect(409)).body).toMatchObject({ code: 'card_decided' });
    expect(await head()).toBe(position);
  });

  it('joins a known citizen as any referral does: by CPR number from the phone call', async () => {
    const first = (await t.http.post('/cases').send({
      programme: 'visiting_friend',
      referredAt: '2026-03-02T09:15:00+01:00',
      referrer: { name: 'Jette Holm', role: 'home_nurse' },
      citizen: { name: 'Kendt Karla', address: 'Algade 1, 4180 Sorø', cpr: '120345-4321' },
      situation: {},
      consent: { given: true },
    }).expect(201)).body;
    const { sender: _s, ...self } = fridaCard();
    await anonymous().post('/referral-cards').send({ ...self, channel: 'self', citizen: { name: 'Kendt Karla', phone: '+4533445566' } }).expect(202);
    const card = ((await t.http.get('/referral-cards?status=new').expect(200)).body as Array<{ cardId: string; citizen: { name: string } }>).find((c) => c.citizen.name === 'Kendt Karla')!;
    // No address on the card and none given: the coordinator is asked for one.
    expect((await t.http.post(`/referral-cards/${card.cardId}/accept`).send({ programme: 'visiting_friend' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'address' })]);
    const accepted = (await t.http.post(`/referral-cards/${card.cardId}/accept`).send({ programme: 'visiting_friend', cpr: '120345-4321', address: 'Algade 1, 4180 Sorø' }).expect(200)).body;
    expect(accepted).toMatchObject({ citizenId: first.citizenId, knownCitizen: true });
    expect((await t.http.get(`/cases/${accepted.caseId}`).expect(200)).body).toMatchObject({ referrerRole: 'self', referrerName: 'Kendt Karla' });
  });

  it('rejects a card with a reason, and destroys its key once REFERRAL_CARD_RETENTION_DAYS have passed: then it reads [slettet]', async () => {
    await anonymous().post('/referral-cards').send(fridaCard({ citizen: { name: 'Rita Reject', phone: '+4544556677' } })).expect(202);
    const card = ((await t.http.get('/referral-cards?status=new').expect(200)).body as Array<{ cardId: string; citizen: { name: string } }>).find((c) => c.citizen.name === 'Rita Reject')!;
    const rejected = (await t.http.post(`/referral-cards/${card.cardId}/reject`).send({ reason: 'Prøve fra hjemmesiden' }).expect(200)).body;
    const read = async () => ((await t.http.get(`/referral-cards?status=rejected&minPosition=${rejected.position}`).expect(200)).body as Array<Record<string, unknown>>).find((c) => c.cardId === card.cardId)!;
    expect(await read()).toMatchObject({ status: 'rejected', reason: 'Prøve fra hjemmesiden', citizen: { name: 'Rita Reject' } });
    const retention = t.app.get(CardRetentionTimer);
    expect((await retention.run(new Date(Date.now() + 29 * 86_400_000))).due).not.toContain(card.cardId);
    // `cli card-retention --dry-run`: lists it, destroys nothing.
    const dryRun = await shredDecidedCards({ store, keys: t.app.get<CitizenKeys>(CITIZEN_KEYS) }, 30, true, new Date(Date.now() + 31 * 86_400_000));
    expect(dryRun).toMatchObject({ retentionDays: 30, shredded: 0, dryRun: true, due: expect.arrayContaining([card.cardId]) });
    expect(await read()).toMatchObject({ citizen: { name: 'Rita Reject' } });
    expect((await retention.run(new Date(Date.now() + 31 * 86_400_000))).due).toContain(card.cardId);
    expect(await read()).toMatchObject({ citizen: { name: '[slettet]', phone: '[slettet]' }, sender: { name: '[slettet]' }, message: '[slettet]', reason: '[slettet]' });
    // A card still new keeps its key, however old.
    expect((await t.http.get('/referral-cards?status=new').expect(200)).body.some((c: { citizen: { name: string } }) => c.citizen.name === '[slettet]')).toBe(false);
  });

  it("counts a card sent with a partner's code (from its printed card's QR code) for that partner, and the case it becomes as its referral", async () => {
    const { partnerId } = (await t.http.post('/partners').send({ name: 'Center for Sundhed', kind: 'andet', leader: { name: 'Lene Juhl' } }).expect(201)).body;
    const { partnerCode } = (await t.http.get(`/partners/${partnerId}`).expect(200)).body;
    expect(partnerCode).toMatch(/^[0-9A-F]{8}$/);
    await anonymous().post('/referral-cards').send(fridaCard({ channel: 'partner', partnerCode: partnerCode.toLowerCase(), sender: { name: 'Mette Sundhed', organisation: 'Center for Sundhed' }, citizen: { name: 'Pia Partner', phone: '+4566778899', address: 'Torvet 1, 4180 Sorø' } })).expect(202);
    const card = ((await t.http.get('/referral-cards?status=new').expect(200)).body as Array<{ cardId: string; partnerId?: string; citizen: { name: string } }>).find((c) => c.citizen.name === 'Pia Partner')!;
    expect(card.partnerId).toBe(partnerId);
    const accepted = (await t.http.post(`/referral-cards/${card.cardId}/accept`).send({ programme: 'care_visits', referrerRole: 'other' }).expect(200)).body;
    const row = ((await t.http.get(`/partners?minPosition=${accepted.position}`).expect(200)).body as Array<{ partnerId: string | null }>).find((r) => r.partnerId === partnerId);
    expect(row).toMatchObject({ cards: 1, totalReferrals: 1 });
    // A code that names no partner: the card is taken, only not counted.
    await anonymous().post('/referral-cards').send(fridaCard({ partnerCode: '00000000' })).expect(202);
  });

  it("destroys an accepted card's key at the next run once its citizen is erased, whatever its age", async () => {
    await anonymous().post('/referral-cards').send(fridaCard({ citizen: { name: 'Erna Erased', phone: '+4577889900', address: 'Slettevej 1, 4180 Sorø' } })).expect(202);
    const card = ((await t.http.get('/referral-cards?status=new').expect(200)).body as Array<{ cardId: string; citizen: { name: string } }>).find((c) => c.citizen.name === 'Erna Erased')!;
    const accepted = (await t.http.post(`/referral-cards/${card.cardId}/accept`).send({ programme: 'care_visits' }).expect(200)).body;
    const retention = t.app.get(CardRetentionTimer);
    expect((await retention.run()).due).not.toContain(card.cardId);
    await t.as({ sub: 'dpo@kommune.dk', role: 'admin' }).post(`/citizens/${accepted.citizenId}/erase`).send({}).expect(200);
    expect((await retention.run()).due).toContain(card.cardId);
    const read = (await t.http.get('/referral-cards?status=accepted').expect(200)).body.find((c: { cardId: string }) => c.cardId === card.cardId);
    expect(read).toMatchObject({ citizen: { name: '[slettet]' }, message: '[slettet]' });
  });

  it('drops a card whose honeypot is filled: 202 and a receipt, nothing stored', async () => {
    const position = await head();
    const res = await anonymous().post('/referral-cards').send(fridaCard({ website: 'http://spam.example', citizen: { name: 'Bot', phone: 'x' } })).expect(202);
    expect(res.body).toEqual({ receipt: expect.any(String) });
    expect(await head()).toBe(position);
  });

  it('refuses bad input with Danish messages by each field, appending nothing: no consent, a foreign phone, an unknown field, a relative with no name', async () => {
    const position = await head();
    const noConsent = (await anonymous().post('/referral-cards').send(fridaCard({ consent: false })).expect(400)).body;
    expect(noConsent).toMatchObject({ code: 'validation_failed', errors: [{ field: 'consent', message: expect.stringMatching(/samtykke/) }] });
    const phone = (await anonymous().post('/referral-cards').send(fridaCard({ citizen: { name: 'A', phone: '123' } })).expect(400)).body;
    expect(phone.errors).toEqual([{ field: 'citizen.phone', message: 'Skriv et dansk telefonnummer med 8 cifre.' }]);
    await anonymous().post('/referral-cards').send(fridaCard({ cpr: '120345-1234' })).expect(400);
    const { sender: _s, ...noSender } = fridaCard();
    expect((await anonymous().post('/referral-cards').send(noSender).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'sender', message: expect.stringMatching(/navn/) })]);
    await anonymous().post('/referral-cards').send({ website: '' }).expect(400);
    await anonymous().post('/referral-cards').send('[]').set('content-type', 'application/json').expect(400);
    expect(await head()).toBe(position);
  });

  it('reads 16 kB at most on the open route (413 problem), though other routes take more', async () => {
    const res = await anonymous().post('/referral-cards').send(fridaCard({ message: 'x'.repeat(17 * 1024) })).expect(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ code: 'body_too_large' });
    // A long situation on a referral is still read (and refused by its own rules, not the size).
    expect((await t.http.post('/cases').send({ situation: { social: 'x'.repeat(20 * 1024) } })).status).toBe(400);
  });

  it('answers the same whether or not the citizen is known, and holds nothing personal in the answer', async () => {
    const a = await anonymous().post('/referral-cards').send(fridaCard({ citizen: { name: 'Kendt Karla', phone: '+4533445566' } })).expect(202);
    const b = await anonymous().post('/referral-cards').send(fridaCard({ citizen: { name: 'Ukendt Ulla', phone: '+4599887766' } })).expect(202);
    expect(Object.keys(a.body)).toEqual(['receipt']);
    expect(Object.keys(b.body)).toEqual(['receipt']);
    expect(JSON.stringify([a.body, b.body])).not.toMatch(/Karla|Ulla|citizen/);
  });

  it('lets only a coordinator read the inbox and decide cards; anyone may send one', async () => {
    for (const role of ['manager', 'auditor', 'admin'] as const) {
      await t.as({ sub: role, role }).get('/referral-cards').expect(403);
      await t.as({ sub: role, role }).post('/referral-cards/00000000-0000-4000-8000-000000000000/reject').send({ reason: 'r' }).expect(403);
    }
    await anonymous().get('/referral-cards').expect(401);
    await anonymous().get('/referral-cards/count').expect(401);
    await t.http.post('/referral-cards/00000000-0000-4000-8000-000000000000/reject').send({ reason: 'r' }).expect(404);
  });

  it('keeps no card in clear in the files under DATA_DIR', async () => {
    if (process.env.E2E_STORE === 'postgres') return;
    const files = readdirSync(t.dataDir).filter((name) => statSync(join(t.dataDir, name)).isFile());
    const bytes = files.map((name) => readFileSync(join(t.dataDir, name)).toString('latin1')).join('');
    expect(bytes).not.toContain('Kortholm');
  });
});

describe('referral cards: the rate limit per client address', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('memory', undefined, undefined, { referralCardRateLimit: 2 })));
  afterAll(() => t.close());

  it('answers 429 with Retry-After after REFERRAL_CARD_RATE_LIMIT cards an hour from one address, storing nothing more', async () => {
    await t.as('anonymous').post('/referral-cards').send(fridaCard()).expect(202);
    await t.as('anonymous').post('/referral-cards').send(fridaCard()).expect(202);
    const refused = await t.as('anonymous').post('/referral-cards').send(fridaCard()).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect((await t.http.get('/referral-cards').expect(200)).body).toHaveLength(2);
  });
});

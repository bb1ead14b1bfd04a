import { karenReferral } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 21, the partner register over HTTP. Seed 002: "Den første kontakt går
 * altid via ledelseslaget", "Husk også efter et stykke tid at gentage møderne
 * med personalet", "Ved de overhovedet, at vi findes?".
 */
describe('the partner register over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  const head = async () => (await t.http.get('/health')).body.store.position as number;
  const register = async (name: string, extra: object = {}) =>
    (await t.http.post('/partners').send({ name, kind: 'hjemmepleje', leader: { name: 'Lene Juhl', phone: '57 87 12 34' }, ...extra }).expect(201)).body.partnerId as string;
  const row = async (partnerId: string) => ((await t.http.get('/partners').expect(200)).body as Array<{ partnerId: string | null }>).find((r) => r.partnerId === partnerId) as Record<string, unknown>;
  const refer = (referrer: object) => t.http.post('/cases').send(karenReferral({ referrer: { name: 'Jette Holm', role: 'home_nurse', ...referrer } }));

  it('registers a partner (201, Location) and lists it as "kontakt snart" until a meeting agrees the next contact', async () => {
    const res = await t.http
      .post('/partners')
      .send({ name: 'Hjemmeplejen Syd', kind: 'hjemmepleje', address: 'Storgade 4, Sorø', postcode: '4180', leader: { name: 'Lene Juhl', email: 'leju@soroe.dk' }, contacts: [{ name: 'Mette Sørensen', role: 'SoSu-assistent', phone: '20 30 40 50' }] })
      .expect(201);
    const { partnerId } = res.body;
    expect(res.headers.location).toBe(`/partners/${partnerId}`);
    expect(await row(partnerId)).toMatchObject({ organisation: 'Hjemmeplejen Syd', kind: 'hjemmepleje', referrals: 0, totalReferrals: 0, silent: true, contactDue: true, lastMeetingAt: null });

    const meeting = await t.http
      .post(`/partners/${partnerId}/meetings`)
      .send({ at: '2026-11-03T13:00:00+01:00', kind: 'personalemøde', attendees: 14, materials: ['folder', 'henvisningskort'], note: 'Gode spørgsmål om tavshedspligt', nextContactAt: '2099-03-01T09:00:00+01:00' })
      .expect(200);
    expect(meeting.body).toEqual({ partnerId, revision: 1, position: expect.any(Number), meetingId: expect.any(String) });
    expect(await row(partnerId)).toMatchObject({ contactDue: false, lastMeetingAt: '2026-11-03T13:00:00+01:00', nextContactAt: '2099-03-01T09:00:00+01:00' });

    const page = (await t.http.get(`/partners/${partnerId}`).expect(200)).body;
    expect(page).toMatchObject({
      name: 'Hjemmeplejen Syd',
      postcode: '4180',
      leader: { name: 'Lene Juhl', email: 'leju@soroe.dk' },
      contacts: [{ name: 'Mette Sørensen', role: 'SoSu-assistent', phone: '+4520304050' }],
      meetings: [{ kind: 'personalemøde', attendees: 14, materials: ['folder', 'henvisningskort'] }],
      assessment: null,
    });
  });

  it('counts referrals naming the partner by id, and old free-text ones once linked by alias', async () => {
    const partnerId = await register('Visitationen Sorø');
    await refer({ organisation: 'Visitationen', partnerId }).expect(201);
    await refer({ organisation: 'Visitation Sorø Kommune' }).expect(201);
    await refer({ organisation: 'visitation  sorø kommune' }).expect(201);
    expect(await row(partnerId)).toMatchObject({ totalReferrals: 1 });
    await t.http.post(`/partners/${partnerId}/aliases`).send({ organisation: 'Visitation Sorø Kommune' }).expect(200);
    expect(await row(partnerId)).toMatchObject({ totalReferrals: 3, referrals: 3, lastReferralAt: '2026-03-02T08:15:00.000Z', daysSinceLastReferral: expect.any(Number) });
    const rows = (await t.http.get('/partners').expect(200)).body as Array<{ organisation: string }>;
    expect(rows.filter((r) => r.organisation === 'Visitation Sorø Kommune')).toEqual([]);

    const again = await t.http.post(`/partners/${partnerId}/aliases`).send({ organisation: 'visitation sorø  kommune' }).expect(409);
    expect(again.body.code).toBe('alias_exists');
    const other = await register('Visitationen Nord');
    const before = await head();
    const elsewhere = await t.http.post(`/partners/${other}/aliases`).send({ organisation: 'Visitation Sorø Kommune' }).expect(409);
    expect(elsewhere.headers['content-type']).toMatch(/problem\+json/);
    expect(elsewhere.body).toMatchObject({ code: 'alias_linked_elsewhere', partnerId, name: 'Visitationen Sorø', userMessage: 'Navnet er allerede knyttet til Visitationen Sorø.' });
    expect(await head()).toBe(before);
  });

  it('refuses a referral naming a partnerId the register does not have (409 partner_unknown), appending nothing', async () => {
    const before = await head();
    const res = await refer({ partnerId: '00000000-0000-4000-8000-000000000000' }).expect(409);
    expect(res.body).toMatchObject({ code: 'partner_unknown', partnerId: '00000000-0000-4000-8000-000000000000', userMessage: expect.stringMatching(/findes ikke i registret/) });
    expect(await head()).toBe(before);
    // One registered a moment ago is known at once.
    const partnerId = await register('Plejecenter Nyt');
    await refer({ partnerId }).expect(201);
  });

  it('counts the citizen and relatives apart, as channels', async () => {
    const before = (await t.http.get('/partners/channels').expect(200)).body as Array<{ channel: string; totalReferrals: number }>;
    await t.http.post('/cases').send(karenReferral({ referrer: { name: 'Karen Nielsen', role: 'self' } })).expect(201);
    const after = (await t.http.get('/partners/channels').expect(200)).body as Array<{ channel: string; totalReferrals: number }>;
    expect(after.find((c) => c.channel === 'self')!.totalReferrals).toBe(before.find((c) => c.channel === 'self')!.totalReferrals + 1);
    expect(((await t.http.get('/partners').expect(200)).body as Array<{ role: string }>).map((r) => r.role)).not.toContain('self');
  });

  it('removes a contact: the page and the register forget their name and phone', async () => {
    const partnerId = await register('Plejecenter Solgården', { kind: 'plejehjem' });
    const { contactId } = (await t.http.post(`/partners/${partnerId}/contacts`).send({ name: 'Grethe Glemt', role: 'Sygeplejerske', phone: '+4561626364' }).expect(200)).body;
    expect(JSON.stringify((await t.http.get(`/partners/${partnerId}`)).body)).toContain('Grethe Glemt');
    const removed = await t.http.post(`/partners/${partnerId}/contacts/${contactId}/remove`).send({});
    expect(removed.body).toMatchObject({ partnerId });
    for (const path of [`/partners/${partnerId}`, '/partners']) {
      const text = JSON.stringify((await t.http.get(path).expect(200)).body);
      expect(text).not.toContain('Grethe Glemt');
      expect(text).not.toContain('61626364');
    }
    expect((await t.http.post(`/partners/${partnerId}/contacts/${contactId}/remove`).send({}).expect(404)).body.code).toBe('contact_not_found');
  });

  it('updates, assesses and retires; a retired partner takes no meeting and is never due', async () => {
    const partnerId = await register('Lægehuset Torvet', { kind: 'egen_laege' });
    await t.http.post(`/partners/${partnerId}/update`).send({ leader: { name: 'Lægesekretær Anne Bro' } }).expect(200);
    expect((await t.http.post(`/partners/${partnerId}/update`).send({ leader: { name: 'Lægesekretær Anne Bro' } }).expect(409)).body.code).toBe('partner_unchanged');
    await t.http.post(`/partners/${partnerId}/assessment`).send({ knowsUs: 'no', attitude: 'neutral', whatTheyGain: 'Patienter forberedt til samtalen', contactPerson: 'Anne Bro' }).expect(200);
    expect((await t.http.get(`/partners/${partnerId}`)).body).toMatchObject({ leader: { name: 'Lægesekretær Anne Bro' }, assessment: { knowsUs: 'no', attitude: 'neutral', contactPerson: 'Anne Bro' } });
    await t.http.post(`/partners/${partnerId}/retire`).send({ reason: 'Lukket' }).expect(200);
    expect(await row(partnerId)).toMatchObject({ retired: true, contactDue: false });
    const refused = await t.http.post(`/partners/${partnerId}/meetings`).send({ at: '2026-11-03T13:00:00+01:00', kind: 'telefon', attendees: 1 }).expect(409);
    expect(refused.body).toMatchObject({ code: 'partner_retired', userMessage: 'Samarbejdspartneren er udgået af registret og kan ikke ændres.' });
  });

  it('refuses bad input with 400 and the field paths, changing nothing', async () => {
    const partnerId = await register('Borgerservice Sorø', { kind: 'borgerservice' });
    const before = await head();
    const bad = async (path: string, body: object, fields: string[]) => {
      const res = await t.http.post(path).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(fields));
    };
    await bad('/partners', { name: 'X', kind: 'kirke', leader: { name: 'Y', phone: '123', email: 'nej' } }, ['kind', 'leader.phone', 'leader.email']);
    await bad('/partners', { name: 'X', kind: 'andet' }, ['leader']);
    await bad('/partners', { name: 'X', kind: 'andet', leader: { name: 'Y' }, contacts: [{ name: 'Z' }] }, ['contacts.0.role']);
    await bad(`/partners/${partnerId}/meetings`, { at: 'i går', kind: 'kaffe', attendees: 0, materials: ['kuglepen'] }, ['at', 'kind', 'attendees', 'materials']);
    await bad(`/partners/${partnerId}/meetings`, { at: '2099-01-01T10:00:00+01:00', kind: 'telefon', attendees: 1 }, ['at']);
    await bad(`/partners/${partnerId}/meetings`, { at: '2026-11-03T13:00:00+01:00', kind: 'telefon', attendees: 1, nextContactAt: '2026-11-01T13:00:00+01:00' }, ['nextContactAt']);
    await bad(`/partners/${partnerId}/assessment`, { knowsUs: 'maybe', attitude: 'hostile' }, ['knowsUs', 'attitude']);
    await bad('/cases', karenReferral({ referrer: { name: 'J', role: 'home_nurse', partnerId: 'nope' } }), ['referrer.partnerId']);
    expect((await t.http.post('/partners/not-a-uuid/retire').send({}).expect(400)).body.code).toBeDefined();
    expect(await head()).toBe(before);
  });
});

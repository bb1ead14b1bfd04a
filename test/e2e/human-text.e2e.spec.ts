import { randomUUID } from 'node:crypto';
import { karenReferral } from './support/fixtures';
import { COORDINATOR, startTestApp, TestApp, tokenFor } from './support/test-app';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[] };
type Doc = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>; components: { schemas: Record<string, Schema> } };

/** Text that is no name and no note: what the probe got accepted. */
const NOT_TEXT: Array<[string, string]> = [
  ['only spaces', '   '],
  ['nothing at all', ''],
  ['a right-to-left override', 'Karen \u202eneslieN'],
  ['a bidirectional isolate', '\u2066Karen\u2069'],
  ['a byte-order mark', '\ufeffKaren'],
  ['an escape sequence', 'Karen\u001b[2J'],
  ['a bell', 'Karen\u0007'],
  ['a noncharacter', 'Karen\ufdd0'],
  ['U+FFFF', 'Karen\uffff'],
  ['a lone surrogate', 'Karen\ud800'],
];

/** Routes whose text is never stored nor shown: credentials are compared, and a wrong one is a 401 like any other. */
const NOT_HUMAN_TEXT = new Set(['post /auth/login']);
/** Fields that are no text for people: the public referral card's honeypot (issue 21), which people leave empty; a filled one is dropped with a 202. */
const NOT_HUMAN_FIELDS = new Set(['POST /referral-cards website']);

/**
 * Every string field of every request body, found in the app's own OpenAPI
 * document (a new field cannot slip past), refuses text with no visible
 * character, control characters, bidirectional overrides, byte-order marks,
 * noncharacters and lone surrogates: a 400 naming the field, nothing appended.
 */
describe('names and free text', () => {
  let t: TestApp;
  let fields: Array<{ route: string; method: 'post' | 'put' | 'patch'; path: string; field: string; array: boolean }>;
  beforeAll(async () => {
    // Every field of the public referral card is sent too: more than its rate limit per address allows.
    t = await startTestApp('sqlite', undefined, undefined, { referralCardRateLimit: 1_000_000 });
    const doc = (await t.as('anonymous').get('/docs-json').expect(200)).body as Doc;
    const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').pop()!]!) : schema.allOf?.[0] ? resolve(schema.allOf[0]) : schema);
    const stringsOf = (schema: Schema, prefix: string): Array<{ field: string; array: boolean }> =>
      Object.entries(resolve(schema).properties ?? {}).flatMap(([name, property]) => {
        const own = resolve(property);
        const field = prefix + name;
        if (own.type === 'string') return [{ field, array: false }];
        if (own.type === 'array' && own.items && resolve(own.items).type === 'string') return [{ field, array: true }];
        return own.properties || own.$ref ? stringsOf(own, `${field}.`) : [];
      });
    fields = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema || NOT_HUMAN_TEXT.has(`${method} ${path}`)) return [];
        return stringsOf(schema, '')
          .map((f) => ({ route: `${method.toUpperCase()} ${path}`, method: method as 'post', path: path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'programme' ? 'companion' : randomUUID())), ...f }))
          .filter((f) => !NOT_HUMAN_FIELDS.has(`${f.route} ${f.field}`));
      }),
    );
  });
  afterAll(() => t.close());

  const position = async () => (await t.http.get('/health').expect(200)).body.store.position as number;

  /** `{ "referrer": { "name": value } }` for the field `referrer.name`. */
  const bodyWith = (field: string, value: unknown): Record<string, unknown> =>
    field
      .split('.')
      .reverse()
      .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;

  it('finds the text fields of the referral, the visit and the visitor among them', () => {
    expect(fields.map((f) => `${f.route} ${f.field}`)).toEqual(
      expect.arrayContaining(['POST /cases referrer.name', 'POST /cases citizen.name', 'POST /cases citizen.address', 'POST /cases situation.social', 'POST /cases/{caseId}/visits note', 'POST /cases/{caseId}/visits themes', 'POST /visitors name']),
    );
  });

  it.each(NOT_TEXT)('refuses %s in every string field of every body, naming the field', async (_name, value) => {
    const before = await position();
    const accepted: string[] = [];
    for (const { route, method, path, field, array } of fields) {
      const send = (as: 'coordinator' | 'admin') => t.as({ sub: `${as}@sogn.dk`, role: as })[method](path).send(bodyWith(field, array ? [value] : value));
      let res = await send('coordinator');
      if (res.status === 403) res = await send('admin');
      // An array's item is named by its index (`themes.0`) where the whole body is checked.
      const named = res.status === 400 && (res.body.errors as Array<{ field: string }> | undefined)?.some((e) => e.field === field || e.field.startsWith(`${field}.`));
      if (!named) accepted.push(`${route} ${field}: ${res.status}`);
    }
    expect(accepted).toEqual([]);
    expect(await position()).toBe(before);
  });

  it('says what is wrong in Danish, and which field', async () => {
    const res = await t.http.post('/cases').send(karenReferral({ citizen: { name: 'Karen \u202eneslieN', address: 'Algade 12, 4180 Sorø' } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', userMessage: expect.stringContaining('styretegn'), errors: [{ field: 'citizen.name', message: expect.stringContaining('U+202E') }] });
    const blank = await t.http.post('/visitors').send({ name: '   ', kind: 'volunteer', capacity: 3 });
    expect(blank.body).toMatchObject({ userMessage: expect.stringContaining('synlig tekst'), errors: [{ field: 'name', message: 'name must contain a visible character' }] });
  });

  it('takes line breaks and tabs in a note, not in a name', async () => {
    const caseId = (await t.http.post('/cases').send(karenReferral({ situation: { social: 'Enke.\nIngen børn i nærheden.\n\tSer naboen.' } })).expect(201)).body.caseId;
    const events = (await t.http.get(`/cases/${caseId}/events`).expect(200)).body as Array<{ data: { situation?: { social?: string } } }>;
    expect(events[0]!.data.situation?.social).toBe('Enke.\nIngen børn i nærheden.\n\tSer naboen.');
    const res = await t.http.post('/cases').send(karenReferral({ citizen: { name: 'Karen\nNielsen', address: 'Algade 12, 4180 Sorø' } }));
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'citizen.name' }] });
  });

  it('refuses a lone surrogate anywhere in a body, instead of storing U+FFFD', async () => {
    const res = await t.http.post('/visitors').set('content-type', 'application/json').send('{"name":"Birthe \\ud800","kind":"volunteer","capacity":3}');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'name', message: expect.stringContaining('lone surrogate') }] });
  });

  it('refuses a body that is not UTF-8, instead of storing U+FFFD', async () => {
    const before = await position();
    const body = Buffer.concat([Buffer.from('{"name":"Birthe '), Buffer.from([0xff, 0xfe]), Buffer.from('","kind":"volunteer","capacity":3}')]);
    // Fastify's own injection: supertest would serialise a Buffer as JSON.
    const res = await t.app.getHttpAdapter().getInstance().inject({ method: 'POST', url: '/visitors', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(t.dataDir, COORDINATOR)}` }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'malformed_json', detail: 'The body is not valid UTF-8' });
    expect(await position()).toBe(before);
  });
});

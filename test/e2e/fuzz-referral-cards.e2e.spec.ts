import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { nastyString, wrongValue } from './fuzz/nasty';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** A field: mostly a good value, sometimes a nasty string, a wrong type, or left out. */
const field = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: nastyString() }, { weight: 1, arbitrary: wrongValue() }, { weight: 1, arbitrary: fc.constant(undefined) });

const phone = fc.constantFrom('+4520304050', '20 30 40 50', '40506070', '123', '+46701234567');
const name = fc.constantFrom('Frida Holm', 'Søren Østergård', 'Åse Ærø', 'A');

const card = fc.record(
  {
    channel: field(fc.constantFrom('self', 'relative', 'partner')),
    partnerCode: field(fc.constantFrom('1B9D6BCD', 'ab12 cd34', 'zzzzzzzz')),
    programme: field(fc.constantFrom('care_visits', 'visiting_friend', 'community_guide', 'companion')),
    citizen: field(fc.record({ name: field(name), phone: field(phone), address: field(fc.constantFrom('Algade 12', 'Storgade 3, 2. th')), postcode: field(fc.constantFrom('4180', '418', 'abcd')) }, { requiredKeys: [] })),
    sender: field(fc.record({ name: field(name), phone: field(phone), organisation: field(fc.constantFrom('Center for Sundhed', 'Hjemmeplejen Syd')) }, { requiredKeys: [] })),
    message: field(fc.constantFrom('Hun er meget alene.', 'x'.repeat(2001), ' ')),
    consent: field(fc.constantFrom(true, false)),
    website: fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('http://spam.example', 'x') }, { weight: 1, arbitrary: fc.constant(undefined) }),
    extra: fc.option(fc.constantFrom('cpr', '__proto__x', 'citizenId'), { nil: undefined }),
  },
  { requiredKeys: [] },
);

/**
 * Issue 21: the public route under generated cards, good and bad in every
 * field, with no token: always 202 or a problem (400, 413), never a 5xx; a
 * refused card, and a card whose honeypot is filled, appends nothing; a taken
 * one exactly one event; the answer is a receipt and nothing else.
 */
describe('fuzzing POST /referral-cards', () => {
  let t: TestApp;
  let fastify: FastifyInstance;
  let store: EventStore;
  const tally: Record<number, number> = {};
  beforeAll(async () => {
    t = await startTestApp('sqlite', undefined, undefined, { referralCardRateLimit: 1_000_000 });
    fastify = t.app.getHttpAdapter().getInstance() as FastifyInstance;
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    console.log(`fuzz POST /referral-cards: by status ${JSON.stringify(tally)}`);
    await t.close();
  });

  it('answers every card below 500, refusals as problems, and stores a card only when it is taken', async () => {
    await fc.assert(
      fc.asyncProperty(card, async ({ extra, ...body }) => {
        const payload = JSON.stringify(extra === undefined ? body : { ...body, [extra]: 'x' });
        const before = await store.headPosition();
        const res = await fastify.inject({ method: 'POST', url: '/referral-cards', headers: { 'content-type': 'application/json' }, payload });
        const appended = (await store.headPosition()) - before;
        tally[res.statusCode] = (tally[res.statusCode] ?? 0) + 1;
        const what = `${payload.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        if (res.statusCode === 202) {
          expect(Object.keys(JSON.parse(res.body))).toEqual(['receipt']);
          expect({ appended, what }).toEqual({ appended: body.website === '' ? 1 : 0, what });
          return;
        }
        if (res.statusCode !== 400 && res.statusCode !== 413) throw new Error(`neither 202 nor 400 nor 413: ${what}`);
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
        expect({ appended, what }).toEqual({ appended: 0, what });
      }),
      { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }), endOnFailure: true },
    );
  }, 120_000);
});

import { randomUUID } from 'node:crypto';
import { MemoryCitizenKeys } from '../../../src/privacy/crypto/citizen-keys';
import { ERASED, PersonalDataCipher } from '../../../src/privacy/crypto/personal-data.cipher';
import { readForm, storedData } from '../../../src/privacy/crypto/sealed-form';

const referral = (citizenId: string) => ({
  type: 'ReferralReceived',
  data: {
    caseId: randomUUID(),
    citizenId,
    programme: 'care_visits',
    referredAt: '2026-03-02T08:15:00.000Z',
    referrer: { name: 'Jette Holm', role: 'home_nurse', organisation: 'Hjemmeplejen Syd', phone: '+4520304050' },
    citizen: { name: 'Karen Nielsen', address: 'Algade 12, 4180 Sorø', phone: '+4557831234' },
    postcode: '4180',
    situation: { physical: 'KOL', social: 'enke' },
    needs: ['loneliness_symptoms'],
    requestedTasks: [],
    consent: { given: true, recordedBy: 'Jette Holm' },
  },
});

/** The envelope of a v2 reference: everything after its index. */
const envelopeOf = (reference: string) => reference.split(':').slice(4).join(':');

describe('sealing personal data, one envelope per event', () => {
  it('given a referral, seals every personal field into one envelope, keeps the rest in clear, and opens it again', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const event = referral(citizenId);
    const [sealed] = await cipher.protect([event], citizenId);
    const data = sealed!.data;
    const references = [data.referrer.name, data.referrer.phone, data.citizen.name, data.citizen.address, data.citizen.phone, data.situation.physical, data.situation.social, data.consent.recordedBy];
    expect(references.every((value) => value.startsWith(`enc:v2:${citizenId}:`))).toBe(true);
    expect(new Set(references.map(envelopeOf)).size).toBe(1);
    expect(data).toMatchObject({ programme: 'care_visits', postcode: '4180', referrer: { role: 'home_nurse', organisation: 'Hjemmeplejen Syd' }, consent: { given: true } });
    expect(await cipher.reveal(sealed!.data)).toEqual(event.data);
  });

  it('stores the envelope once: the other fields are placeholders, read back as references that open', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const event = referral(citizenId);
    const [sealed] = await cipher.protect([event], citizenId);
    const stored = JSON.stringify(sealed!.data);
    const envelope = envelopeOf(sealed!.data.citizen.name);
    expect(stored.split(envelope)).toHaveLength(2);
    expect(stored).toContain('"enc:v2:1"');
    const read = readForm('ReferralReceived', JSON.parse(stored));
    expect(read).toEqual(sealed!.data);
    expect(JSON.stringify(storedData('ReferralReceived', read))).toBe(stored);
    expect(await cipher.reveal(read)).toEqual(event.data);
  });

  it("stores sealed data changed since its sealing as the general way does: a reference into another event's envelope keeps that envelope", async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const [first] = await cipher.protect([referral(citizenId)], citizenId);
    const [second] = await cipher.protect([referral(citizenId)], citizenId);
    const moved = second!.data.citizen.address;
    first!.data.citizen.address = moved;
    const stored = JSON.stringify(first!.data);
    expect(stored).toContain(JSON.stringify(moved));
    expect(stored.split(envelopeOf(first!.data.citizen.name))).toHaveLength(2);
    expect(stored).toBe(JSON.stringify(storedData('ReferralReceived', { ...first!.data })));
    expect(await cipher.reveal(readForm('ReferralReceived', JSON.parse(stored)))).toEqual(await cipher.reveal(first!.data));
  });

  it('reads placeholders that come before the envelope too, and leaves strings that only look like placeholders as they are', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const event = referral(citizenId);
    const [sealed] = await cipher.protect([event], citizenId);
    const stored = JSON.parse(JSON.stringify(sealed!.data));
    expect(stored.citizen.name).toBe('enc:v2:2');
    // The envelope moved from the first personal field (referrer.name) to a later one.
    stored.referrer.name = 'enc:v2:0';
    stored.citizen.name = `enc:v2:${citizenId}:2:${envelopeOf(sealed!.data.citizen.name)}`;
    const read = readForm('ReferralReceived', structuredClone(stored)) as typeof event.data;
    expect(read).toEqual(sealed!.data);
    for (const lookalike of ['enc:v2:', 'enc:v2:1234567', 'enc:v2:1a', 'enc:v2:-1']) {
      const odd = readForm('ReferralReceived', { ...structuredClone(stored), situation: { physical: lookalike, social: 'enc:v2:6' } }) as typeof event.data;
      expect(odd.situation).toEqual({ physical: lookalike, social: sealed!.data.situation.social });
    }
  });

  it('never seals two events alike, across many refills of the IV pool, and opens every one', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const events = Array.from({ length: 1000 }, () => ({ type: 'VisitHeld', data: { visitorId: 'v', visitedAt: 't', themes: ['have'], note: 'God samtale' } }));
    const sealed = await cipher.protect(events, citizenId);
    const notes = sealed.map((event) => event.data.note);
    expect(new Set(notes).size).toBe(1000);
    // The IV is the first 12 bytes of the packed envelope: all distinct.
    const ivs = notes.map((note) => Buffer.from(envelopeOf(note), 'base64url').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(1000);
    expect((await cipher.reveal(sealed)).map((event) => event.data)).toEqual(events.map((event) => event.data));
  });

  it('reads a value that only looks sealed (forged, or moved from another citizen), old form or new, as [slettet], never as an error', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const [karen, ole] = [randomUUID(), randomUUID()];
    const [sealed] = await cipher.protect([{ type: 'VisitHeld', data: { note: 'God samtale' } }], karen);
    await cipher.protect([{ type: 'VisitHeld', data: { note: 'Noget andet' } }], ole);
    const moved = sealed!.data.note.replace(karen, ole);
    const forged = `enc:v2:${karen}:0:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    const forgedV1 = `enc:v1:${karen}:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    const beyond = sealed!.data.note.replace(`${karen}:0:`, `${karen}:7:`);
    expect(await cipher.reveal({ moved, forged, forgedV1, beyond, clear: 'Sorø' })).toEqual({ moved: ERASED, forged: ERASED, forgedV1: ERASED, beyond: ERASED, clear: 'Sorø' });
  });

  it('takes a visit with no note and no themes for an erased citizen: a personal field holding no text is nothing personal', async () => {
    const keys = new MemoryCitizenKeys();
    const cipher = new PersonalDataCipher(keys);
    const citizenId = randomUUID();
    const visit = { type: 'VisitHeld', data: { visitorId: randomUUID(), visitedAt: '2026-03-09T10:00:00+01:00', themes: [] as string[] } };
    expect(await cipher.protect([visit], citizenId, true)).toEqual([visit]);
    // Nor is a key made for it when the citizen is not erased.
    expect(await cipher.protect([visit], citizenId)).toEqual([visit]);
    expect(await keys.get(citizenId)).toBeUndefined();
    // With a note, the erasure refuses it.
    await expect(cipher.protect([{ ...visit, data: { ...visit.data, note: 'God samtale' } }], citizenId, true)).rejects.toMatchObject({ code: 'citizen_erased' });
  });

  it('leaves a closure code in clear: the type says which reason is a code', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const closed = { type: 'CaseClosed', data: { reason: 'moved', at: '2026-03-09T10:00:00.000Z' } };
    const cancelled = { type: 'VisitCancelled', data: { at: '2026-03-09T10:00:00.000Z', by: 'citizen', reason: 'moved' } };
    const [a, b] = await cipher.protect([closed, cancelled], citizenId);
    expect(a).toBe(closed);
    expect(b!.data.reason).toMatch(/^enc:v2:/);
  });

  it('opens an answer without changing it: what holds nothing sealed is shared, the rest copied, malformed and clear strings left as they are', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const event = referral(citizenId);
    const [sealed] = await cipher.protect([event], citizenId);
    const clear = { needs: ['loneliness_symptoms'], actor: { id: 'jette', role: 'coordinator' } };
    const answer = [{ type: 'ReferralReceived', data: sealed!.data, clear }, { type: 'CaseClosed', data: { reason: 'moved' } }];
    const before = JSON.stringify(answer);
    const opened = await cipher.reveal(answer);
    expect(opened).toEqual([{ type: 'ReferralReceived', data: event.data, clear }, { type: 'CaseClosed', data: { reason: 'moved' } }]);
    expect(JSON.stringify(answer)).toBe(before);
    expect(opened[0]!.clear).toBe(clear);
    expect(opened[1]).toBe(answer[1]);
    // Nothing sealed: the very value.
    expect(await cipher.reveal(answer[1])).toBe(answer[1]);
    // A key `__proto__` (as JSON.parse makes it) stays an own property; malformed values stay as they are, in their places.
    const odd = JSON.parse(`{"__proto__": ${JSON.stringify(sealed!.data.citizen.name)}, "malformed": "enc:v2:nothing", "list": ["enc:v1:x", ${JSON.stringify(sealed!.data.citizen.phone)}]}`) as object;
    const oddOpened = await cipher.reveal(odd);
    expect(Object.getPrototypeOf(oddOpened)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(oddOpened))).toEqual(JSON.parse('{"__proto__": "Karen Nielsen", "malformed": "enc:v2:nothing", "list": ["enc:v1:x", "+4557831234"]}'));
  });
});

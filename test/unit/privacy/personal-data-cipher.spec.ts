import { randomUUID } from 'node:crypto';
import { MemoryCitizenKeys } from '../../../src/privacy/crypto/citizen-keys';
import { ERASED, PersonalDataCipher } from '../../../src/privacy/crypto/personal-data.cipher';

describe('sealing personal data (IVs drawn from a pool of random bytes)', () => {
  it('never seals the same text twice alike, across many refills of the pool, and opens every one', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const citizenId = randomUUID();
    const events = Array.from({ length: 1000 }, () => ({ type: 'VisitHeld', data: { note: 'God samtale' } }));
    const sealed = await cipher.protect(events, citizenId);
    const notes = sealed.map((event) => event.data.note);
    expect(new Set(notes).size).toBe(1000);
    expect(notes.every((note) => note.startsWith(`enc:v1:${citizenId}:`))).toBe(true);
    // The IV is the first 12 bytes of the packed value: all distinct.
    const ivs = notes.map((note) => Buffer.from(note.split(':')[3]!, 'base64url').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(1000);
    expect((await cipher.reveal(sealed)).map((event) => event.data.note)).toEqual(events.map(() => 'God samtale'));
  });

  it('reads a stored value that only looks sealed (forged, or moved from another citizen) as [slettet], never as an error', async () => {
    const cipher = new PersonalDataCipher(new MemoryCitizenKeys());
    const [karen, ole] = [randomUUID(), randomUUID()];
    const [sealed] = await cipher.protect([{ type: 'VisitHeld', data: { note: 'God samtale' } }], karen);
    await cipher.protect([{ type: 'VisitHeld', data: { note: 'Noget andet' } }], ole);
    const moved = sealed!.data.note.replace(karen, ole);
    const forged = `enc:v1:${karen}:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
    expect(await cipher.reveal({ moved, forged, clear: 'Sorø' })).toEqual({ moved: ERASED, forged: ERASED, clear: 'Sorø' });
  });

  it('takes a visit with no note and no themes for an erased citizen: a personal field holding no text is nothing personal', async () => {
    const keys = new MemoryCitizenKeys();
    const cipher = new PersonalDataCipher(keys);
    const citizenId = randomUUID();
    const visit = { type: 'VisitRecorded', data: { visitorId: randomUUID(), visitedAt: '2026-03-09T10:00:00+01:00', themes: [] as string[] } };
    expect(await cipher.protect([visit], citizenId, true)).toEqual([visit]);
    // Nor is a key made for it when the citizen is not erased.
    expect(await cipher.protect([visit], citizenId)).toEqual([visit]);
    expect(await keys.get(citizenId)).toBeUndefined();
    // With a note, the erasure refuses it.
    await expect(cipher.protect([{ ...visit, data: { ...visit.data, note: 'God samtale' } }], citizenId, true)).rejects.toMatchObject({ code: 'citizen_erased' });
  });
});

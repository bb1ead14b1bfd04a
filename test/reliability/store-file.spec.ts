import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store';
import { newEvent } from '../contract/event-store.contract';

/** A damaged store file is refused with its name, never opened as a new empty store, and left as it was. */
describe('opening a damaged SQLite store file', () => {
  let dir: string;
  let file: string;
  let good: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'brobygger-file-'));
    file = join(dir, 'brobygger.db');
    const store = SqliteEventStore.open({ file });
    for (let i = 0; i < 200; i++) await store.append(`case-${i}`, [newEvent('TaskOpened', { text: 'x'.repeat(500) })], 'no_stream');
    await store.close();
    good = readFileSync(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['cut to half its length', () => good.subarray(0, Math.floor(good.length / 2)), /is truncated: its header counts \d+ pages/],
    ['cut inside its header', () => good.subarray(0, 60), /is truncated: 60 bytes/],
    ['empty', () => Buffer.alloc(0), /is empty \(0 bytes\)/],
    ['random bytes', () => randomBytes(good.length), /is not an SQLite database/],
  ])('refuses a file %s, naming it, and leaves it untouched', (_what, damaged, reason) => {
    const bytes = damaged();
    writeFileSync(file, bytes);
    expect(() => SqliteEventStore.open({ file })).toThrow(file);
    expect(() => SqliteEventStore.open({ file })).toThrow(reason);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('opens the intact file with every event', async () => {
    writeFileSync(file, good);
    const store = SqliteEventStore.open({ file });
    expect(await store.headPosition()).toBe(200);
    await store.close();
  });
});

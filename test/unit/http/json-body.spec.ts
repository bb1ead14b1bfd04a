import { depthOf } from '../../../src/http/json-body';
import { refusedText } from '../../../src/http/input-text';
import { canonicalJson } from '../../../src/shared/canonical-json';
import { KeyedMutex } from '../../../src/shared/keyed-mutex';

describe('JSON depth', () => {
  it('counts nesting of objects and arrays', () => {
    expect(depthOf('{}')).toBe(1);
    expect(depthOf('{"a":[{"b":1}]}')).toBe(3);
    expect(depthOf('1')).toBe(0);
  });
  it('ignores brackets inside strings, also after escaped quotes', () => {
    expect(depthOf('{"a":"[[[[\\"[[["}')).toBe(1);
  });
  it('reads a very deep text without recursion', () => {
    expect(depthOf('['.repeat(1_000_000) + ']'.repeat(1_000_000))).toBe(1_000_000);
  });
});

describe('canonical JSON', () => {
  it('gives the same text for the same meaning, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });
  it('tells different bodies apart', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});

describe('keyed mutex', () => {
  it('runs work for one key one at a time, and other keys alongside', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (key: string, name: string, ms: number) =>
      mutex.run(key, async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
      });
    await Promise.all([task('v1', 'a', 20), task('v1', 'b', 1), task('v2', 'c', 1)]);
    expect(log.indexOf('end a')).toBeLessThan(log.indexOf('start b'));
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a'));
  });
  it('goes on after a failure', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('k', async () => 42)).resolves.toBe(42);
  });
  it('takes work that throws before it returns a promise as a failure, and frees the key', async () => {
    const mutex = new KeyedMutex();
    await expect(
      mutex.run('k', () => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    await expect(mutex.run('k', async () => 7)).resolves.toBe(7);
  });
});

describe('text no client may send', () => {
  it('is found in any string of a body, in order, each named by its dotted path', () => {
    const body = { a: 'fine', b: 'x\u0000y', c: [{ d: 'enc:v1:abc' }, 'ok'], e: { f: { g: '\u0000' } } };
    expect(refusedText(body).map((error) => error.field)).toEqual(['b', 'c.0.d', 'e.f.g']);
    expect(refusedText(body)[1]!.message).toBe('c.0.d must not begin with "enc:v1:" (the service\'s own form for sealed personal data)');
    // The form of one envelope per event (issue #16) as much as the old one.
    expect(refusedText({ x: 'enc:v2:1' })).toEqual([{ field: 'x', message: 'x must not begin with "enc:v2:" (the service\'s own form for sealed personal data)' }]);
  });
  it('names a bare string "body", and finds nothing in a good body', () => {
    expect(refusedText('a\u0000')).toEqual([{ field: 'body', message: 'body must not contain the NUL character (U+0000)' }]);
    expect(refusedText({ a: ['enc:v9:x', 1, null, { b: true }] })).toEqual([]);
  });
});

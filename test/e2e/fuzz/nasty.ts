import fc from 'fast-check';

/** Strings that break naive code: lone surrogates, NUL, direction overrides, BOMs, combining marks, control characters. */
export const UNICODE_EDGES = [
  '\ud800',
  'a\udfffb',
  '\udc00\ud800',
  '\u0000',
  'Karen\u0000Nielsen',
  '\u202eesreveR',
  '\u200f\u200e\u061c',
  '\ufeffBOM',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '\u2028\u2029',
  '\x1b[31m',
  '\r\n\t\v\f',
  'ﷺ',
  '𝕂𝕒𝕣𝕖𝕟',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%2e%2e',
  '',
  ' ',
];

/** Times as clients get them wrong: out of range, impossible, without an offset, far future, not a time at all. */
export const BAD_TIMES = [
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30T10:00:00+01:00',
  '2026-03-02T25:00:00Z',
  '2026-03-02T09:15:00+99:00',
  '2026-03-02T09:15:00',
  '2026-03-02',
  '1970-01-01T00:00:00Z',
  '1900-01-01T00:00:00+01:00',
  '2100-01-01T00:00:00Z',
  '2026-13-01T00:00:00Z',
  'yesterday',
  '1e10',
  'NaN',
];

export const GOOD_TIMES = ['2026-03-02T09:15:00+01:00', '2026-03-09T10:00:00+01:00', '2026-03-16T10:00:00Z', '2026-04-02T14:00:00+02:00'];

/** A date-time, usually well-formed, often not. */
export const time = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...GOOD_TIMES) },
    { weight: 3, arbitrary: fc.constantFrom(...BAD_TIMES) },
    { weight: 2, arbitrary: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()) },
  );

/** A string of any kind: short, unicode-hostile, huge. */
export const nastyString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)) },
  );

/** Any JSON value of a wrong kind, to put where something else belongs. */
export const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, -0),
    nastyString(),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.integer({ min: 1_000, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  );

/** Bodies no JSON parser should get past, and JSON of the wrong shape. */
export const RAW_BODIES: Array<string | Buffer> = [
  '',
  '{',
  '{"programme":',
  '}{',
  '[]',
  '[1,2,3]',
  '"a string"',
  'null',
  'true',
  '42',
  '{"a":1,"a":2}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"reason":"\\ud800"}',
  '{"reason":"a\\u0000b"}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
  Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  Buffer.from('{"reason":"\xc3\x28"}', 'latin1'),
  `{"x":"${'y'.repeat(1_100_000)}"}`,
  'programme=care_visits&referredAt=2026-03-02',
];

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/problem+json',
  'application/vnd.api+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  'json',
  ';;;',
];

export const IF_MATCHES = ['"0"', '"1"', '"2"', 'W/"1"', '0', '*', '"-1"', '"abc"', '"99999999999999999999"', '"1", "2"', '', ' ', '"\u00e6"'];

export const IDEMPOTENCY_KEYS = ['k-1', 'k-2', 'a'.repeat(255), 'a'.repeat(256), '', ' ', 'æøå', 'key with spaces', '\ttab', 'x'.repeat(2000)];

/** Path segments that are not the id they should be. */
export const BAD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123',
  '%00',
  '%2e%2e%2f%2e%2e',
  '%E0%A4%A',
  '%C0%AF',
  '%F0%9F%98%80',
  encodeURIComponent('\u202e'),
  encodeURIComponent('Karen Nielsen'),
  'a'.repeat(150),
  'a'.repeat(250),
  '..',
  '-1',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

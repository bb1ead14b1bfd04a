import fc from 'fast-check';
import { BAD_IDS, CONTENT_TYPES, IDEMPOTENCY_KEYS, IF_MATCHES, nastyString, RAW_BODIES, time, wrongValue } from './nasty';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
interface Schema {
  type?: string;
  enum?: unknown[];
  format?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
}
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Ids that exist, so that some requests get past the 404 and reach the rules. */
export interface KnownIds {
  caseId: string;
  taskId: string;
  visitorId: string;
  citizenId: string;
}

/** Who sends it: mostly a coordinator; other roles, no token and forged ones too. */
export type Tokens = Record<'coordinator' | 'admin' | 'manager' | 'auditor' | 'visitor' | 'forged' | 'expired', string>;

/** `arbitrary` once in `oneIn` draws, else undefined (fc.option's `freq` is the other way round: nil once in freq). */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const DATE_FIELD = /At$|^(from|to|asOf)$/;

/** A value for `schema`: usually of the right kind, sometimes of any wrong kind. */
function value(schema: Schema, name: string, doc: OpenApi, ids: KnownIds, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, doc);
  return fc.oneof({ weight: 5, arbitrary: rightKind(resolved, name, doc, ids, depth) }, { weight: 1, arbitrary: wrongValue() });
}

function rightKind(schema: Schema, name: string, doc: OpenApi, ids: KnownIds, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: nastyString() });
  if (schema.format === 'uuid' || /Id$/.test(name)) return fc.oneof(fc.constantFrom(ids.visitorId, ids.citizenId, ids.caseId), fc.uuid(), fc.constantFrom(...BAD_IDS));
  if (DATE_FIELD.test(name)) return time();
  switch (schema.type) {
    case 'object':
      return depth > 3 ? fc.constant({}) : objectOf(schema, doc, ids, depth + 1);
    case 'array':
      return fc.array(schema.items ? value(schema.items, name, doc, ids, depth + 1) : fc.anything(), { maxLength: 6 });
    case 'number':
    case 'integer':
      return fc.oneof(fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 100 }), fc.integer(), fc.double({ noNaN: true }));
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Ensom efter mandens død', 'Karen Nielsen', '+4557831234', '120345-1234', 'Algade 12, 4180 Sorø') }, { weight: 2, arbitrary: nastyString() });
  }
}

/** An object of the schema's properties, each present or not, with now and then a field nobody asked for. */
function objectOf(schema: Schema, doc: OpenApi, ids: KnownIds, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, value(s, key, doc, ids, depth)]));
  const required = (schema.required ?? []).filter((key) => key in properties);
  const dropped = required.length > 0 ? rarely(fc.constantFrom(...required), 6) : fc.constant(undefined);
  const unknownFields = rarely(fc.dictionary(fc.constantFrom('unknown', 'isAdmin', 'revision', 'position', 'actor', '__proto__', 'constructor', 'événement'), wrongValue(), { minKeys: 1, maxKeys: 2 }), 8);
  return fc.tuple(fc.record(model, { requiredKeys: required }), dropped, unknownFields).map(([record, drop, extra]) => {
    // Every required field, now and then one left out, and now and then a field nobody asked for.
    const body: Record<string, unknown> = { ...record };
    if (drop !== undefined) delete body[drop];
    // defineProperty: `__proto__` must become an own key that JSON.stringify writes.
    for (const [k, v] of Object.entries(extra ?? {})) Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
    return body;
  });
}

function resolve(schema: Schema, doc: OpenApi): Schema {
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop()!]!, doc);
  if (schema.allOf?.[0]) return resolve(schema.allOf[0], doc);
  return schema;
}

/** One request to one of the document's operations, every part of it possibly wrong. */
export function requestArbitrary(doc: OpenApi, ids: KnownIds, tokens: Tokens): fc.Arbitrary<FuzzRequest> {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return fc.constantFrom(...operations).chain(({ path, method, op }) => {
    const params = op.parameters ?? [];
    const pathValues = fc.record(
      Object.fromEntries(
        params
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, fc.oneof({ weight: 10, arbitrary: fc.constant(ids[p.name as keyof KnownIds] ?? ids.caseId) }, fc.uuid(), fc.constantFrom(...BAD_IDS))]),
      ),
    );
    const query = fc.record(
      Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, queryValue(p.name, p.schema ?? {})])),
      { requiredKeys: [] },
    );
    const schema = op.requestBody?.content['application/json']?.schema;
    const body = schema
      ? fc.oneof(
          { weight: 8, arbitrary: value(schema, 'body', doc, ids).map((v) => JSON.stringify(v) as string | Buffer | undefined) },
          { weight: 2, arbitrary: fc.constantFrom<string | Buffer | undefined>(...RAW_BODIES) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        )
      : rarely(fc.constantFrom<string | Buffer>('{}', '{"a":1}', ...RAW_BODIES.slice(0, 4)), 5);
    const wrongMethod = rarely(fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), 15);
    return fc.record({ pathValues, query, body, headers: headers(tokens, method === 'POST'), wrongMethod }).map(({ pathValues: values, query: q, body: payload, headers: h, wrongMethod: other }) => {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
      const search = Object.entries(q)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${encodeURIComponent(k)}=${v as string}`)
        .join('&');
      return { method: other ?? method, url: search ? `${url}?${search}` : url, headers: h, ...(payload !== undefined && { payload }) };
    });
  });
}

/** Query values as they come in a URL: numbers of every size, dates, unicode (percent-encoded), arrays. */
function queryValue(name: string, schema: Schema): fc.Arbitrary<string | undefined> {
  const encoded = fc.oneof({ weight: 6, arbitrary: nastyString().map((s) => percentEncoded(s.slice(0, 300))) }, fc.constantFrom('%ED%A0%80', '%FF', '%', '%zz', '%00'));
  const numbers = fc.constantFrom('0', '1', '-1', '1.5', '1e309', '9007199254740993', 'NaN', 'Infinity', '0x10', '1000000', '1000001', '', ' ');
  const kind = DATE_FIELD.test(name) ? time().map(percentEncoded) : schema.type === 'number' ? numbers : schema.enum ? fc.constantFrom(...(schema.enum as string[])) : encoded;
  return fc.option(fc.oneof({ weight: 4, arbitrary: kind }, encoded, numbers, fc.constant(`1&${name}=2`)), { freq: 3, nil: undefined });
}

/** Percent-encodes the UTF-8 bytes (a lone surrogate goes as U+FFFD; raw malformed sequences come from the samples). */
const percentEncoded = (s: string): string =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

function headers(tokens: Tokens, command: boolean): fc.Arbitrary<Record<string, string>> {
  const authorization = fc.oneof(
    { weight: 10, arbitrary: fc.constant(`Bearer ${tokens.coordinator}`) },
    { weight: 3, arbitrary: fc.constantFrom(...(['admin', 'manager', 'auditor', 'visitor'] as const).map((r) => `Bearer ${tokens[r]}`)) },
    { weight: 2, arbitrary: fc.constantFrom(`Bearer ${tokens.forged}`, `Bearer ${tokens.expired}`, 'Bearer', 'Bearer x.y.z', 'Basic YTpi', `bearer ${tokens.coordinator}`, '') },
  );
  return fc
    .record({
      authorization: fc.option(authorization, { freq: 12, nil: undefined }),
      'content-type': fc.option(fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, fc.constantFrom(...CONTENT_TYPES)), { freq: command ? 15 : 2, nil: undefined }),
      'if-match': rarely(fc.constantFrom(...IF_MATCHES), 3),
      'idempotency-key': rarely(fc.oneof(fc.constantFrom(...IDEMPOTENCY_KEYS), fc.string({ unit: fc.constantFrom(...'abcdefXYZ0123-_.:'), minLength: 1, maxLength: 40 })), 3),
      'x-correlation-id': rarely(fc.constantFrom('c-1', 'x'.repeat(2000), '', '7c9e6679-7425-40de-944b-e07fc1f90ae7', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'), 8),
    })
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);
}

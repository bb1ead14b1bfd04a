import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { MAX_URL_LENGTH } from '../../src/http/edge-errors';
import { startTestApp, TestApp } from './support/test-app';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Sends bytes no HTTP client would, and reads the answer until the server closes the connection. */
function sendRaw(port: number, request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body ? (JSON.parse(body) as Record<string, unknown>) : {} });
    });
  });
}

/** Errors raised before Nest runs (node's HTTP parser, Fastify's router and body reader) answer in the API's one shape, with documented codes. */
describe('errors at the HTTP edge', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  const position = async () => (await t.http.get('/health').expect(200)).body.store.position as number;

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: `urn:brobygger:problem:${code}`, title: expect.any(String), status, detail: expect.any(String), instance: expect.any(String) });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  };

  const referral = '{"programme":"care_visits"}';
  const malformed: Array<[string, string, number, string]> = [
    ['headers over 16 KB (a very long URL)', `GET /cases?search=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431, 'headers_too_large'],
    ['a header value with a bare CR', 'GET /health HTTP/1.1\r\nHost: x\r\nX-Note: a\rb\r\n\r\n', 400, 'bad_request'],
    ['a header value with a bare LF', 'GET /health HTTP/1.1\r\nHost: x\r\nX-Note: a\nInjected: b\r\n\r\n', 400, 'bad_request'],
    ['two conflicting Content-Lengths', `POST /cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${referral.length}\r\nContent-Length: 2\r\n\r\n${referral}`, 400, 'bad_request'],
    ['Content-Length with Transfer-Encoding', `POST /cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, 400, 'bad_request'],
    ['an unknown HTTP version', 'GET /health HTTP/9.9\r\nHost: x\r\n\r\n', 400, 'bad_request'],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n', 400, 'bad_request'],
  ];

  it.each(malformed)('answers %s with a problem, then closes, and appends nothing', async (_name, request, status, code) => {
    const before = await position();
    const res = await sendRaw(port, request);
    expectProblem(res, status, code);
    expect(res.headers.connection).toBe('close');
    expect(await position()).toBe(before);
  });

  it(`answers a URL over ${MAX_URL_LENGTH} characters with 414 uri_too_long`, async () => {
    expectProblem(await t.http.get(`/cases?search=${'a'.repeat(MAX_URL_LENGTH)}`), 414, 'uri_too_long');
    await t.http.get(`/cases?search=${'a'.repeat(100)}`).expect(200);
  });

  it('answers a path parameter longer than any id with 414 uri_too_long, without repeating it', async () => {
    const res = await t.http.get(`/cases/${'karen'.repeat(60)}`);
    expectProblem(res, 414, 'uri_too_long');
    expect(JSON.stringify(res.body)).not.toContain('karen');
  });

  it('answers a URL that is not valid percent-encoding with 400 malformed_url', async () => {
    expectProblem(await t.http.get('/cases/%E0%A4%A'), 400, 'malformed_url');
  });

  it('answers a body over 1 MB with 413 body_too_large', async () => {
    expectProblem(await t.http.post('/cases').send({ note: 'x'.repeat(1_100_000) }), 413, 'body_too_large');
  });

  it('answers a body that is not JSON with 415 unsupported_media_type', async () => {
    expectProblem(await t.http.post('/cases').set('content-type', 'text/plain').send('Karen'), 415, 'unsupported_media_type');
  });
});

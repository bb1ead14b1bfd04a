import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { API_HELMET_OPTIONS, DOCS_HELMET_OPTIONS, isDocsRoute, securityHeaders } from '../../../src/http/security-headers';

describe('security headers made once', () => {
  it.each([
    ['the API', API_HELMET_OPTIONS],
    ['/docs', DOCS_HELMET_OPTIONS],
  ])('are exactly the headers helmet sets on a real response, for %s', (_name, options) => {
    // given a node response with a header helmet removes
    const response = new ServerResponse(new IncomingMessage(new Socket()));
    response.setHeader('X-Powered-By', 'something');
    // when helmet's middleware runs on it
    helmet(options)(response.req, response, () => undefined);
    // then the headers made once are the same, name for name and value for value
    const expected = Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
    expect(securityHeaders(options)).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(10);
  });

  it('give the API a policy that allows nothing, and never framing', () => {
    const headers = securityHeaders(API_HELMET_OPTIONS);
    expect(headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
  });

  it('let /docs alone use its inline styles and scripts', () => {
    expect(securityHeaders(DOCS_HELMET_OPTIONS)['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });

  it.each([
    ['/docs', true],
    ['/docs/', true],
    ['/docs/*', true],
    ['/docs-json', true],
    ['/docsx', false],
    ['/docs-jsonx', false],
    ['/cases', false],
    [undefined, false],
  ])('count %s as the OpenAPI page: %s', (route, expected) => {
    expect(isDocsRoute(route)).toBe(expected);
  });
});

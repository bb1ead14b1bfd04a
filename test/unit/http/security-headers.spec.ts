import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { HELMET_OPTIONS, securityHeaders } from '../../../src/http/security-headers';

describe('security headers made once', () => {
  it('are exactly the headers helmet sets on a real response', () => {
    // given a node response with a header helmet removes
    const response = new ServerResponse(new IncomingMessage(new Socket()));
    response.setHeader('X-Powered-By', 'something');
    // when helmet's middleware runs on it
    helmet(HELMET_OPTIONS)(response.req, response, () => undefined);
    // then the headers made once are the same, name for name and value for value
    const expected = Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
    expect(securityHeaders()).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(10);
  });

  it('hold the content policy that lets /docs use its inline styles and scripts', () => {
    expect(securityHeaders()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });
});

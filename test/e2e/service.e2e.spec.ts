import { startTestApp, TestApp } from './support/test-app';

describe('the service', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp('sqlite')));
  afterAll(() => t.close());

  it('is healthy when the store answers', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', store: { status: 'ok' } });
  });

  it('describes every route in its OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /visitors',
        'GET /visitors',
        'GET /cases',
        'POST /cases',
        'GET /cases/{caseId}',
        'GET /cases/{caseId}/events',
        'POST /cases/{caseId}/triage',
        'POST /cases/{caseId}/decline',
        'POST /cases/{caseId}/first-visit',
        'POST /cases/{caseId}/visits',
        'POST /cases/{caseId}/visits/reschedule',
        'POST /cases/{caseId}/visits/cancel',
        'POST /cases/{caseId}/dismissals',
        'POST /cases/{caseId}/reassign',
        'POST /cases/{caseId}/tasks',
        'POST /cases/{caseId}/tasks/{taskId}/complete',
        'POST /cases/{caseId}/assessments',
        'POST /cases/{caseId}/relations',
        'POST /cases/{caseId}/risks',
        'POST /cases/{caseId}/close',
        'POST /auth/login',
        'GET /health',
      ]),
    );
    expect(doc.components.schemas.ReceiveReferralDto.required).toEqual(expect.arrayContaining(['programme', 'referredAt', 'referrer']));
  });

  it('serves the OpenAPI page at /docs', async () => {
    const res = await t.http.get('/docs').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger/i);
  });

  it('sends security headers, keeps CORS closed, and the OpenAPI page still works under its content policy', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'strict-transport-security': expect.any(String) });
    expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    const preflight = await t.as('anonymous').get('/cases').set('origin', 'https://evil.example');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    await t.as('anonymous').get('/docs').expect(200);
    const doc = (await t.as('anonymous').get('/docs-json').expect(200)).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

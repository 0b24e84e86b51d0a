import { describe, expect, it } from 'vitest';
import { ENDPOINT, errorOf, post, proxyWithMock, SITE, validBody } from './proxy-fixture.js';

const preflight = (origin: string | undefined, method = 'POST') =>
  new Request(ENDPOINT, {
    method: 'OPTIONS',
    headers: { ...(origin ? { origin } : {}), 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
  });

describe('origins', () => {
  const allowed = { allowedOrigins: [SITE, 'http://localhost:3000'] };

  it('answers a preflight from an allowed origin, echoing it exactly', async () => {
    const { handler } = proxyWithMock(allowed);
    const response = await handler(preflight('http://localhost:3000'));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    expect(response.headers.get('vary')).toMatch(/^Origin\b/);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another port', 'https://www.example.com:8443'],
    ['http instead of https', 'http://www.example.com'],
    ['a suffix match', 'https://www.example.com.evil.example'],
    ['the null origin', 'null'],
  ])('refuses a preflight from %s with 403 and no CORS headers', async (_name, origin) => {
    const { handler } = proxyWithMock(allowed);
    const response = await handler(preflight(origin));
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
    expect(await errorOf(response)).toMatchObject({ code: 'origin_not_allowed' });
  });

  it('refuses a preflight for a method it does not serve', async () => {
    const { handler } = proxyWithMock(allowed);
    expect((await handler(preflight(SITE, 'DELETE'))).status).toBe(403);
  });

  it('sends CORS headers on answers to allowed origins only, with Vary: Origin on all', async () => {
    const { handler } = proxyWithMock(allowed);
    const mine = await handler(new Request(ENDPOINT, { headers: { origin: SITE } }));
    expect(mine.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(mine.headers.get('vary')).toBe('Origin');
    const theirs = await handler(new Request(ENDPOINT, { headers: { origin: 'https://evil.example' } }));
    expect(theirs.status).toBe(200); // the definition is public; the browser just may not read it cross-origin
    expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
    expect(theirs.headers.get('vary')).toBe('Origin');
    const signup = await handler(post(await validBody(handler)));
    expect(signup.status).toBe(201);
    expect(signup.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(signup.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('without an allow-list sends no CORS headers at all and accepts POSTs from any page', async () => {
    const { handler } = proxyWithMock();
    expect((await handler(preflight(SITE))).status).toBe(403);
    const body = await validBody(handler);
    body.consent.pageUrl = 'https://other.example/';
    const response = await handler(post(body, { origin: 'https://other.example' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a plain OPTIONS (no preflight) with Allow', async () => {
    const { handler } = proxyWithMock(allowed);
    const response = await handler(new Request(ENDPOINT, { method: 'OPTIONS' }));
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });
});

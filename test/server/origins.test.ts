import { describe, expect, it } from 'vitest';
import { createSignupHandler } from '../../src/server/index.js';
import { ENDPOINT, errorOf, post, proxyWithMock, SITE, validBody } from '../support/proxy-fixture.js';

const OTHER = 'https://shop.example.com';
const preflight = (origin: string | undefined) =>
  new Request(ENDPOINT, {
    method: 'OPTIONS',
    headers: { ...(origin ? { origin } : {}), 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

describe('origins: an exact-match allow-list for CORS and POSTs', () => {
  it('answers the preflight of an allowed origin, with Vary', async () => {
    const { handler } = proxyWithMock({ allowedOrigins: [SITE, OTHER] });
    const response = await handler(preflight(OTHER));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(OTHER);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it.each(['https://evil.example', 'https://www.example.com.evil.example', 'http://www.example.com', 'null'])(
    'refuses the preflight of %s without any CORS header',
    async (origin) => {
      const { handler } = proxyWithMock({ allowedOrigins: [SITE] });
      const response = await handler(preflight(origin));
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await errorOf(response)).toMatchObject({ code: 'origin_not_allowed' });
    },
  );

  it('answers GET and POST of an allowed origin with its CORS header and Vary: Origin', async () => {
    const { handler } = proxyWithMock({ allowedOrigins: [SITE] });
    const definition = await handler(new Request(ENDPOINT, { headers: { origin: SITE } }));
    expect(definition.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(definition.headers.get('vary')).toBe('Origin');
    const signup = await handler(post(await validBody(handler)));
    expect(signup.status).toBe(201);
    expect(signup.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(signup.headers.get('vary')).toBe('Origin');
    // So the widget on that origin can read how long to wait after a 429 or 503.
    expect(signup.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('answers a foreign origin GET without a CORS header, so its page cannot read it', async () => {
    const { handler } = proxyWithMock({ allowedOrigins: [SITE] });
    const response = await handler(new Request(ENDPOINT, { headers: { origin: 'https://evil.example' } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  // Issue 20: safe by default. Without a list only the proxy's own origin may post (own-origin.test.ts has the rest).
  it('without an allow-list sends no CORS header at all and takes POSTs from its own origin only', async () => {
    const { handler } = proxyWithMock();
    expect((await handler(preflight(SITE))).status).toBe(403);
    const foreign = await handler(post(await validBody(handler), { origin: 'https://anywhere.example' }));
    expect([foreign.status, (await errorOf(foreign)).code]).toEqual([403, 'origin_not_allowed']);
    const response = await handler(post(await validBody(handler), { origin: SITE }));
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a plain OPTIONS (not a preflight) with Allow', async () => {
    const { handler } = proxyWithMock({ allowedOrigins: [SITE] });
    const response = await handler(preflight(undefined));
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('normalises configured origins and refuses ones that are not bare origins', () => {
    const base = { apiUser: 'u', apiPassword: 'p', consentText: 'c' };
    expect(() => createSignupHandler({ ...base, allowedOrigins: ['HTTPS://WWW.Example.com/'] })).not.toThrow();
    for (const bad of ['*', 'https://www.example.com/signup', 'www.example.com', 'ftp://example.com']) {
      expect(() => createSignupHandler({ ...base, allowedOrigins: [bad] })).toThrow(/allowedOrigins.*scheme, host and port only/);
    }
  });

  // An Origin header is written by the browser in one canonical form; anything else did not come
  // from a browser on an allowed page, so it is refused, never normalised into a match.
  it.each([
    ['the opaque origin of a sandboxed frame or file: page', 'null'],
    ['a trailing slash', `${SITE}/`],
    ['capitals', 'HTTPS://WWW.EXAMPLE.COM'],
    ['the default port written out', `${SITE}:443`],
    ['another port', `${SITE}:8443`],
    ['http instead of https', 'http://www.example.com'],
    ['a trailing dot', 'https://www.example.com.'],
    ['the allowed host as a prefix', 'https://www.example.com.evil.example'],
    ['userinfo', 'https://www.example.com@evil.example'],
    ['a look-alike IDN', 'https://www.xn--exmple-cua.com'],
    ['two origins in one header', `${SITE}, https://evil.example`],
  ])('refuses a POST and a preflight from %s, and sends nothing', async (_name, origin) => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const response = await proxy.handler(post(await validBody(proxy.handler), { origin }));
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('origin_not_allowed');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await proxy.handler(preflight(origin))).status).toBe(403);
    expect(proxy.writes()).toHaveLength(0);
  });

  it('never allows credentials, so a page cannot send the visitor\'s cookies through it', async () => {
    const { handler } = proxyWithMock({ allowedOrigins: [SITE] });
    const answers = [await handler(preflight(SITE)), await handler(new Request(ENDPOINT, { headers: { origin: SITE } })), await handler(post(await validBody(handler)))];
    for (const answer of answers) expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('matches a configured origin written in capitals', async () => {
    const { handler } = proxyWithMock({ allowedOrigins: ['HTTPS://WWW.EXAMPLE.COM'] });
    expect((await handler(post(await validBody(handler)))).status).toBe(201);
  });
});

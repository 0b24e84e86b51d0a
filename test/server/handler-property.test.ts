import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignupErrorCode, parseSignupRequest } from '../../src/core/index.js';
import { CONSENT_TEXT, consentFor, ENDPOINT, fakeClock, proxyWithMock, SITE } from '../support/proxy-fixture.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'post'];
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND', 'post']);
const headerValue = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '').trim());

// Near-valid signups reach every rule; arbitrary JSON and text reach the parsers.
function bodies(version: string) {
  const signup = fc.record(
    {
      email: fc.oneof(fc.emailAddress(), fc.string(), fc.constant(''), fc.integer(), fc.constant(`${'a'.repeat(250)}@example.com`)),
      preferences: fc.oneof(fc.array(fc.constantFrom(2, 3, 5)), fc.array(fc.integer({ min: -5, max: 10 })), fc.anything()),
      fields: fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 25 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)))),
      consent: fc.record({
        text: fc.oneof(fc.constant(CONSENT_TEXT), fc.string()),
        version: fc.oneof(fc.constant(version), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 })),
        consentedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
        pageUrl: fc.oneof(fc.constant(`${SITE}/signup`), fc.webUrl(), fc.string()),
      }),
      honeypot: fc.oneof(fc.constant(''), fc.string()),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(signup.map((b) => JSON.stringify(b)), fc.anything().map((v) => JSON.stringify(v) ?? ''), fc.string(), fc.string({ unit: 'binary', maxLength: 200 }));
}

describe('the handler, under arbitrary requests', () => {
  it('never answers 5xx, always answers errors in the stable shape, and calls Dotdigital only for valid signups', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE], clock: fakeClock(Date.now()), rateLimit: false });
    const consent = await consentFor(proxy.handler); // warms the definition: nothing below needs it again
    const warm = proxy.upstream.length;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        bodies(consent.version),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data', '', 'application/JSON'),
        fc.oneof(fc.constant(SITE), fc.constant('https://evil.example'), fc.constant(undefined), headerValue),
        fc.record({ 'user-agent': headerValue, 'x-forwarded-for': headerValue, 'if-none-match': headerValue }, { requiredKeys: [] }),
        async (method, body, contentType, origin, extra) => {
          const headers: Record<string, string> = { ...extra };
          if (contentType) headers['content-type'] = contentType;
          if (origin !== undefined) headers.origin = origin;
          const request = new Request(ENDPOINT, { method, headers, ...(WITH_BODY.has(method) ? { body } : {}) });
          const before = proxy.upstream.length;
          const response = await proxy.handler(request, { clientAddress: '203.0.113.7' });
          const called = proxy.upstream.length > before;
          expect(response.status).toBeLessThan(500);
          expect(response.headers.get('x-content-type-options')).toBe('nosniff');
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toMatch(/^application\/json/);
            const answer = (await response.json()) as { error: { code: unknown; message: unknown; field?: unknown } };
            expect(Object.keys(answer)).toEqual(['error']);
            expect(isSignupErrorCode(answer.error.code)).toBe(true);
            expect(typeof answer.error.message).toBe('string');
            expect(answer.error.field === undefined || typeof answer.error.field === 'string').toBe(true);
            // Dotdigital may itself refuse an address our schema let through; that is the only 4xx after a call.
            if (called) expect(answer.error.code).toBe('invalid_email');
          }
          if (called) {
            expect(method).toBe('POST');
            expect(origin).toBe(SITE);
            expect(contentType.toLowerCase()).toMatch(/^application\/json/);
            const parsed = parseSignupRequest(JSON.parse(body));
            expect(parsed.ok).toBe(true);
            if (parsed.ok) {
              expect(parsed.value.consent.text).toBe(CONSENT_TEXT);
              expect(parsed.value.consent.version).toBe(consent.version);
              expect(parsed.value.honeypot ?? '').toBe('');
              expect(new URL(parsed.value.consent.pageUrl).origin).toBe(SITE);
              expect((parsed.value.preferences ?? []).every((id) => [2, 3, 5].includes(id))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(proxy.upstream.slice(0, warm).every((r) => r.url.endsWith('/v2/preferences'))).toBe(true);
  });

  it('signs up every generated valid signup (the property above is not vacuous)', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE], rateLimit: false });
    const consent = await consentFor(proxy.handler);
    await fc.assert(
      fc.asyncProperty(fc.emailAddress(), fc.subarray([2, 3, 5]), async (email, preferences) => {
        fc.pre(parseSignupRequest({ email, consent }).ok);
        const response = await proxy.handler(new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: JSON.stringify({ email, preferences, consent }) }));
        expect([201, 400]).toContain(response.status);
        if (response.status === 400) expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_email');
      }),
      { numRuns: 100 },
    );
    expect(proxy.mock.store.contacts.size).toBeGreaterThan(50);
  });
});

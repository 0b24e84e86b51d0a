import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNUP_ERROR_CODES } from '../../src/core/index.js';
import { ENDPOINT, proxyWithMock, SITE, validBody } from './proxy-fixture.js';

const options = {
  allowedOrigins: [SITE],
  fields: [{ name: 'FIRSTNAME', label: 'First name' }, { name: 'AGE', label: 'Age', type: 'Numeric' as const }],
  rateLimit: false as const,
  trustedProxyHops: 1,
};

const method = fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), fc.stringMatching(/^[A-Z]{1,10}$/));
const headers = fc.record(
  {
    'content-type': fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', ''), fc.string()),
    origin: fc.oneof(fc.constant(SITE), fc.constant(SITE), fc.constantFrom('https://evil.example', 'null', `${SITE}.evil.example`), fc.string()),
    'x-forwarded-for': fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()),
    'user-agent': fc.string({ maxLength: 2000 }),
    'if-none-match': fc.string(),
    'access-control-request-method': fc.constantFrom('POST', 'GET', 'DELETE'),
  },
  { requiredKeys: [] },
);

/** A body: any JSON, any text, or a valid signup with one part replaced by anything. */
function bodies(valid: Record<string, unknown>) {
  const paths = ['email', 'preferences', 'fields', 'consent', 'honeypot', 'consent.text', 'consent.version', 'consent.consentedAt', 'consent.pageUrl', 'fields.FIRSTNAME', 'fields.AGE', 'fields.OTHER'];
  const mutated = fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.anything(), fc.string(), fc.emailAddress(), fc.webUrl(), fc.array(fc.integer()))).map(([path, value]) => {
    const copy = structuredClone(valid) as Record<string, Record<string, unknown>>;
    const [head, tail] = path.split('.') as [string, string | undefined];
    if (tail === undefined) (copy as Record<string, unknown>)[head] = value;
    else copy[head] = { ...(typeof copy[head] === 'object' && copy[head] !== null ? copy[head] : {}), [tail]: value };
    return JSON.stringify(copy);
  });
  return fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), mutated, fc.constant(JSON.stringify(valid)));
}

describe('the handler under arbitrary input', () => {
  it('never answers 5xx, always answers the error shape, and calls Dotdigital only for valid signups', { timeout: 30_000 }, async () => {
    const setup = proxyWithMock(options);
    setup.mock.store.dataFields.push({ name: 'AGE', type: 'Numeric', visibility: 'Private', defaultValue: null });
    const valid = await validBody(setup.handler, { fields: { FIRSTNAME: 'Ann', AGE: 40 } });
    await setup.handler(new Request(ENDPOINT)); // the definition is cached: any upstream call now carries visitor input
    const codes = new Set<string>(SIGNUP_ERROR_CODES);

    await fc.assert(
      fc.asyncProperty(method, headers, bodies(valid), async (verb, head, body) => {
        const before = setup.upstream.length;
        let request: Request;
        try {
          request = new Request(ENDPOINT, { method: verb, headers: head, ...(verb === 'GET' || verb === 'HEAD' ? {} : { body }) });
        } catch {
          return; // not a request a client could send (forbidden method, bad header bytes)
        }
        const response = await setup.handler(request, { clientAddress: '10.0.0.1' });
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('x-content-type-options') ?? (response.status === 204 ? 'nosniff' : null)).toBe('nosniff');
        if (verb === 'POST') expect(response.headers.get('cache-control')).toBe('no-store');
        const text = await response.text();
        if (response.status >= 400) {
          const parsed = JSON.parse(text) as { error: Record<string, unknown> };
          expect(Object.keys(parsed)).toEqual(['error']);
          expect(codes.has(parsed.error.code as string)).toBe(true);
          expect(typeof parsed.error.message).toBe('string');
          expect(Object.keys(parsed.error).every((key) => ['code', 'message', 'field'].includes(key))).toBe(true);
          if ('field' in parsed.error) expect(typeof parsed.error.field).toBe('string');
        }
        const called = setup.upstream.length > before;
        const sent = (() => {
          try {
            return JSON.parse(body) as { honeypot?: unknown };
          } catch {
            return undefined;
          }
        })();
        if (typeof sent?.honeypot === 'string' && sent.honeypot.trim() !== '') expect(called).toBe(false);
        if (called) {
          // Only a signup that passed every check reaches Dotdigital (which may still refuse the address).
          expect(verb).toBe('POST');
          expect([201, 202, 400]).toContain(response.status);
          if (response.status === 400) expect(JSON.parse(text).error.code).toBe('invalid_email');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('signs up any address the schema accepts, from any allowed page', async () => {
    const setup = proxyWithMock(options);
    const valid = await validBody(setup.handler);
    await fc.assert(
      fc.asyncProperty(fc.emailAddress(), fc.webPath(), fc.subarray([2, 3, 5]), async (email, path, preferences) => {
        const body = { ...valid, email, preferences, consent: { ...valid.consent, pageUrl: `${SITE}${path}` } };
        const response = await setup.handler(
          new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: JSON.stringify(body) }),
        );
        // Dotdigital's own address check is stricter than the form's, so it may still refuse with invalid_email.
        if (response.status === 400) expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_email');
        else expect(response.status).toBe(201);
      }),
      { numRuns: 150 },
    );
  });
});

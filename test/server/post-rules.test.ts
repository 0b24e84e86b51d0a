import { describe, expect, it } from 'vitest';
import type { SignupHandlerOptions } from '../../src/server/index.js';
import { consentFor, ENDPOINT, errorOf, post, proxyWithMock, SITE } from '../support/proxy-fixture.js';

type Consent = Awaited<ReturnType<typeof consentFor>>;
const body = (consent: Consent, extra: Record<string, unknown> = {}) => ({ email: 'ann@example.com', preferences: [2], consent, ...extra });
const fields: SignupHandlerOptions['fields'] = [
  { name: 'FIRSTNAME', label: 'First name', required: true },
  { name: 'AGE', label: 'Age', type: 'Numeric' },
  { name: 'BIRTHDAY', label: 'Birthday', type: 'Date' },
  { name: 'VIP', label: 'VIP', type: 'Boolean' },
];
const withName = (extra: Record<string, unknown> = {}) => ({ FIRSTNAME: 'Ann', ...extra });

// One row per rule: the request, and the exact answer. Every row also checks that nothing
// but the form definition was asked of Dotdigital.
const rules: Array<[string, Partial<SignupHandlerOptions>, (c: Consent) => Request, number, string, string | undefined]> = [
  ['a body over 16 KB (declared)', {}, (c) => post(body(c, { pad: 'x'.repeat(17_000) })), 413, 'payload_too_large', undefined],
  ['a body over 16 KB (streamed, no length)', {}, (c) => streamed(JSON.stringify(body(c, { pad: 'x'.repeat(40_000) }))), 413, 'payload_too_large', undefined],
  ['text/plain', {}, (c) => post(JSON.stringify(body(c)), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type', undefined],
  ['no content type', {}, (c) => new Request(ENDPOINT, { method: 'POST', headers: { origin: SITE }, body: new Blob([JSON.stringify(body(c))]) }), 415, 'unsupported_media_type', undefined],
  ['malformed JSON', {}, () => post('{"email": "ann@'), 400, 'invalid_json', undefined],
  ['a JSON array', {}, () => post([]), 400, 'invalid_request', undefined],
  ['no email', {}, (c) => post({ consent: c }), 400, 'missing_email', 'email'],
  ['an empty email', {}, (c) => post(body(c, { email: '  ' })), 400, 'missing_email', 'email'],
  ['an invalid email', {}, (c) => post(body(c, { email: 'ann@' })), 400, 'invalid_email', 'email'],
  ['an email over 254 characters', {}, (c) => post(body(c, { email: `${'a'.repeat(64)}@${'b'.repeat(190)}.com` })), 400, 'invalid_email', 'email'],
  ['a preference that does not exist', {}, (c) => post(body(c, { preferences: [99] })), 400, 'unknown_preference', 'preferences'],
  ['a preference that is not public', {}, (c) => post(body(c, { preferences: [4] })), 400, 'unknown_preference', 'preferences'],
  ['a public preference the form does not show', { preferences: [5] }, (c) => post(body(c, { preferences: [2] })), 400, 'unknown_preference', 'preferences'],
  ['a category id as a preference', {}, (c) => post(body(c, { preferences: [1] })), 400, 'unknown_preference', 'preferences'],
  ['a data field not allowed', { fields }, (c) => post(body(c, { fields: withName({ LASTNAME: 'X' }) })), 400, 'unknown_field', 'fields.LASTNAME'],
  ['a Numeric field with text', { fields }, (c) => post(body(c, { fields: withName({ AGE: 'forty' }) })), 400, 'invalid_field', 'fields.AGE'],
  ['a Date field with a non-date', { fields }, (c) => post(body(c, { fields: withName({ BIRTHDAY: '31/01/1990' }) })), 400, 'invalid_field', 'fields.BIRTHDAY'],
  ['a Date field with a day the month lacks', { fields }, (c) => post(body(c, { fields: withName({ BIRTHDAY: '2026-02-30' }) })), 400, 'invalid_field', 'fields.BIRTHDAY'],
  ['a Boolean field with text', { fields }, (c) => post(body(c, { fields: withName({ VIP: 'maybe' }) })), 400, 'invalid_field', 'fields.VIP'],
  ['a String field with an object', { fields }, (c) => post(body(c, { fields: withName({ FIRSTNAME: { a: 1 } }) })), 400, 'invalid_field', 'fields.FIRSTNAME'],
  ['a required field missing', { fields }, (c) => post(body(c, { fields: { AGE: '4' } })), 400, 'missing_field', 'fields.FIRSTNAME'],
  ['a required field blank', { fields }, (c) => post(body(c, { fields: withName({ FIRSTNAME: '  ' }) })), 400, 'missing_field', 'fields.FIRSTNAME'],
  ['a consent text not configured', {}, (c) => post(body({ ...c, text: 'I agree to anything.' })), 409, 'consent_mismatch', 'consent'],
  ['a consent version not configured', {}, (c) => post(body({ ...c, version: '0000000000000000' })), 409, 'consent_mismatch', 'consent'],
  ['a page URL that is not http(s)', {}, (c) => post(body({ ...c, pageUrl: 'javascript:alert(1)' })), 400, 'invalid_page_url', 'consent.pageUrl'],
  ['a page URL on another origin', { allowedOrigins: [SITE] }, (c) => post(body({ ...c, pageUrl: 'https://evil.example/x' })), 400, 'invalid_page_url', 'consent.pageUrl'],
  ['a consent time that is not a time', {}, (c) => post(body({ ...c, consentedAt: 'yesterday' })), 400, 'invalid_request', 'consent.consentedAt'],
  ['a foreign Origin', { allowedOrigins: [SITE] }, (c) => post(body(c), { origin: 'https://evil.example' }), 403, 'origin_not_allowed', undefined],
  ['no Origin while an allow-list is set', { allowedOrigins: [SITE] }, (c) => noOrigin(post(body(c))), 403, 'origin_not_allowed', undefined],
  ['an Origin differing only by a trailing slash', { allowedOrigins: [SITE] }, (c) => post(body(c), { origin: `${SITE}/` }), 403, 'origin_not_allowed', undefined],
  ['an unsupported method', {}, () => new Request(ENDPOINT, { method: 'PUT', body: '{}' }), 405, 'method_not_allowed', undefined],
];

describe('POST rules: each refusal is a 4xx in the stable shape and nothing reaches Dotdigital', () => {
  it.each(rules)('refuses %s', async (_name, options, request, statusCode, code, field) => {
    const proxy = proxyWithMock(options);
    const consent = await consentFor(proxy.handler);
    const response = await proxy.handler(request(consent));
    expect(response.status).toBe(statusCode);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const error = await errorOf(response);
    expect(error).toEqual(field === undefined ? { code, message: expect.any(String) } : { code, message: expect.any(String), field });
    expect(error.message.length).toBeGreaterThan(15);
    expect(proxy.writes()).toHaveLength(0);
    expect(proxy.mock.store.contacts.size).toBe(0);
  });

  it('says why an over-long address is refused', async () => {
    const proxy = proxyWithMock();
    const response = await proxy.handler(post(body(await consentFor(proxy.handler), { email: `${'a'.repeat(64)}@${'b'.repeat(190)}.com` })));
    expect((await errorOf(response)).message).toContain('254');
  });

  it('answers 429 with Retry-After once one IP has used its allowance, and lets another IP through', async () => {
    // The allowance counts Dotdigital calls: a new contact costs two (read, write).
    const proxy = proxyWithMock({ rateLimit: { max: 4, windowMs: 60_000 } });
    const consent = await consentFor(proxy.handler);
    const from = (ip: string, email: string) => proxy.handler(post(body(consent, { email })), { clientAddress: ip });
    expect((await from('203.0.113.7', 'a@example.com')).status).toBe(201);
    expect((await from('203.0.113.7', 'b@example.com')).status).toBe(201);
    const limited = await from('203.0.113.7', 'c@example.com');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect(await errorOf(limited)).toMatchObject({ code: 'rate_limited' });
    expect((await from('198.51.100.1', 'c@example.com')).status).toBe(201);
    expect(proxy.mock.store.contacts.has('c@example.com')).toBe(true);
    expect(proxy.writes().filter((r) => r.method === 'POST')).toHaveLength(3);
  });
});

function streamed(text: string): Request {
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
      controller.close();
    },
  });
  return new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: stream, duplex: 'half' } as RequestInit);
}

function noOrigin(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete('origin');
  return new Request(request, { headers });
}

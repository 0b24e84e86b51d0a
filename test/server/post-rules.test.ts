import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT, ENDPOINT, errorOf, post, proxyWithMock, SITE, validBody } from './proxy-fixture.js';

const fields = [
  { name: 'FIRSTNAME', label: 'First name', required: true },
  { name: 'AGE', label: 'Age', type: 'Numeric' as const },
  { name: 'BIRTHDAY', label: 'Birthday', type: 'Date' as const },
  { name: 'VIP', label: 'VIP', type: 'Boolean' as const },
];
const options = { fields, allowedOrigins: [SITE], rateLimit: false as const };

type Body = Awaited<ReturnType<typeof validBody>> & Record<string, unknown>;
type Rule = [name: string, status: number, code: string, field: string | undefined, make: (body: Body) => Request];

const withBody = (change: (body: Body) => void) => (body: Body) => {
  change(body);
  return post(body);
};
const named = { fields: { FIRSTNAME: 'Ann' } };

// One row per rule of the POST contract: what is sent, what comes back. Nothing reaches Dotdigital.
const rules: Rule[] = [
  ['a body over 16 KB', 413, 'payload_too_large', undefined, (b) => post({ ...b, padding: 'x'.repeat(17 * 1024) })],
  ['a body over 16 KB without Content-Length', 413, 'payload_too_large', undefined, (b) => streamed(JSON.stringify({ ...b, padding: 'x'.repeat(40_000) }))],
  ['text/plain', 415, 'unsupported_media_type', undefined, (b) => post(b, { 'content-type': 'text/plain' })],
  ['no content type', 415, 'unsupported_media_type', undefined, (b) => new Request(ENDPOINT, { method: 'POST', headers: { origin: SITE }, body: new Blob([JSON.stringify(b)]) })],
  ['malformed JSON', 400, 'invalid_json', undefined, () => post('{"email": "ann@example.com",')],
  ['a JSON array', 400, 'invalid_request', undefined, () => post('[]')],
  ['no email', 400, 'missing_email', 'email', withBody((b) => delete (b as Partial<Body>).email)],
  ['a blank email', 400, 'missing_email', 'email', withBody((b) => (b.email = '   '))],
  ['an invalid email', 400, 'invalid_email', 'email', withBody((b) => (b.email = 'ann@'))],
  ['an email over 254 characters', 400, 'invalid_email', 'email', withBody((b) => (b.email = `${'a'.repeat(64)}@${'b'.repeat(180)}.example.com`))],
  ['a preference not on the form', 400, 'unknown_preference', 'preferences', withBody((b) => (b.preferences = [2, 99]))],
  ['a non-public preference', 400, 'unknown_preference', 'preferences', withBody((b) => (b.preferences = [4]))],
  ['a category id as a preference', 400, 'unknown_preference', 'preferences', withBody((b) => (b.preferences = [1]))],
  ['a data field not allowed', 400, 'unknown_field', 'fields.LASTNAME', withBody((b) => (b.fields = { FIRSTNAME: 'Ann', LASTNAME: 'Smith' }))],
  ['a Numeric field with text', 400, 'invalid_field', 'fields.AGE', withBody((b) => (b.fields = { FIRSTNAME: 'Ann', AGE: 'forty' }))],
  ['a Date field that is no date', 400, 'invalid_field', 'fields.BIRTHDAY', withBody((b) => (b.fields = { FIRSTNAME: 'Ann', BIRTHDAY: '2026-02-30' }))],
  ['a Boolean field with a number', 400, 'invalid_field', 'fields.VIP', withBody((b) => (b.fields = { FIRSTNAME: 'Ann', VIP: 3 }))],
  ['a String field with a number', 400, 'invalid_field', 'fields.FIRSTNAME', withBody((b) => (b.fields = { FIRSTNAME: 7 }))],
  ['a required field missing', 400, 'missing_field', 'fields.FIRSTNAME', withBody((b) => (b.fields = { AGE: 40 }))],
  ['a required field blank', 400, 'missing_field', 'fields.FIRSTNAME', withBody((b) => (b.fields = { FIRSTNAME: '  ' }))],
  ['another consent text', 409, 'consent_mismatch', 'consent', withBody((b) => (b.consent.text = `${CONSENT_TEXT} And more.`))],
  ['another consent version', 409, 'consent_mismatch', 'consent', withBody((b) => (b.consent.version = '0000000000000000'))],
  ['a javascript: page URL', 400, 'invalid_page_url', 'consent.pageUrl', withBody((b) => (b.consent.pageUrl = 'javascript:alert(1)'))],
  ['an ftp page URL', 400, 'invalid_page_url', 'consent.pageUrl', withBody((b) => (b.consent.pageUrl = 'ftp://www.example.com/'))],
  ['a page URL on another origin', 400, 'invalid_page_url', 'consent.pageUrl', withBody((b) => (b.consent.pageUrl = 'https://evil.example/signup'))],
  ['a page URL on http instead of https', 400, 'invalid_page_url', 'consent.pageUrl', withBody((b) => (b.consent.pageUrl = 'http://www.example.com/signup'))],
  ['a foreign Origin', 403, 'origin_not_allowed', undefined, (b) => post(b, { origin: 'https://evil.example' })],
  ['a lookalike Origin', 403, 'origin_not_allowed', undefined, (b) => post(b, { origin: 'https://www.example.com.evil.example' })],
  ['no Origin', 403, 'origin_not_allowed', undefined, (b) => { const r = post(b); r.headers.delete('origin'); return r; }],
  ['a PUT', 405, 'method_not_allowed', undefined, (b) => new Request(ENDPOINT, { method: 'PUT', headers: { origin: SITE }, body: JSON.stringify(b) })],
];

function streamed(text: string): Request {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
      controller.close();
    },
  });
  return new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body, duplex: 'half' } as RequestInit);
}

describe('POST rules', () => {
  it.each(rules)('refuses %s with %i %s', async (_name, status, code, field, make) => {
    const { handler, writes, upstream } = proxyWithMock(options);
    const body = (await validBody(handler, named)) as Body;
    const before = upstream.length;
    const response = await handler(make(body));
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const error = await errorOf(response);
    expect(error).toEqual(field === undefined ? { code, message: expect.any(String) } : { code, message: expect.any(String), field });
    expect(error.message.length).toBeGreaterThan(15);
    expect(upstream.length).toBe(before);
    expect(writes()).toHaveLength(0);
  });

  it('the valid body those rows start from is accepted, with fields cast to their types', async () => {
    const { handler, mock } = proxyWithMock(options);
    const body = await validBody(handler, { fields: { FIRSTNAME: ' Ann ', AGE: '41', BIRTHDAY: '1985-04-12', VIP: 'on' } });
    mock.store.dataFields.push(
      ...['AGE', 'BIRTHDAY', 'VIP'].map((name) => ({ name, type: 'String' as const, visibility: 'Private' as const, defaultValue: null })),
    );
    const response = await handler(post(body));
    expect(response.status).toBe(201);
    const contact = mock.store.contacts.get('ann@example.com')!;
    expect(Object.fromEntries([...contact.dataFields].filter(([key]) => key !== 'LASTSUBSCRIBED'))).toEqual({
      FIRSTNAME: 'Ann',
      AGE: 41,
      BIRTHDAY: '1985-04-12T00:00:00.000Z',
      VIP: true,
    });
  });

  it('accepts an application/x-www-form-urlencoded signup (a form without JavaScript)', async () => {
    const { handler, mock } = proxyWithMock(options);
    const body = await validBody(handler);
    const form = new URLSearchParams({ email: 'ann@example.com', 'fields.FIRSTNAME': 'Ann', ...Object.fromEntries(Object.entries(body.consent).map(([k, v]) => [`consent.${k}`, v])) });
    form.append('preferences', '2');
    form.append('preferences', '5');
    const response = await handler(new Request(ENDPOINT, { method: 'POST', headers: { origin: SITE, 'content-type': 'application/x-www-form-urlencoded' }, body: form }));
    expect(response.status).toBe(201);
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([2, 5]);
  });

  it('answers a filled honeypot exactly like a signup, and sends nothing', async () => {
    const single = proxyWithMock(options);
    const person = await single.handler(post(await validBody(single.handler, named)));
    const bot = await single.handler(post(await validBody(single.handler, { ...named, email: 'bot@example.com', honeypot: 'http://spam.example' })));
    expect([bot.status, await bot.json()]).toEqual([person.status, { status: 'subscribed' }]);
    expect([...bot.headers]).toEqual([...person.headers]);
    expect(single.mock.store.contacts.has('bot@example.com')).toBe(false);
    expect(single.writes()).toHaveLength(1);

    const double = proxyWithMock({ ...options, optInType: 'VerifiedDouble' });
    const answer = await double.handler(post(await validBody(double.handler, { ...named, honeypot: 'x' })));
    expect([answer.status, await answer.json()]).toEqual([202, { status: 'pending_confirmation' }]);
    expect(double.writes()).toHaveLength(0);
  });

  it('refuses more than the per-address limit with 429 and Retry-After, then lets the address in again', async () => {
    const { handler, clock, writes } = proxyWithMock({ ...options, rateLimit: { limit: 2, windowMs: 60_000 } });
    const body = await validBody(handler, named);
    const from = (ip: string) => handler(post(body), { clientAddress: ip });
    expect((await from('203.0.113.7')).status).toBe(201);
    expect((await from('203.0.113.7')).status).toBe(201);
    clock.advance(15_000);
    const refused = await from('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(await errorOf(refused)).toMatchObject({ code: 'rate_limited' });
    expect((await from('198.51.100.9')).status).toBe(201);
    expect(writes()).toHaveLength(3);
    clock.advance(45_000);
    expect((await from('203.0.113.7')).status).toBe(201);
  });

  it('counts an IPv6 visitor by /64, so rotating addresses in one network does not escape the limit', async () => {
    const { handler } = proxyWithMock({ ...options, rateLimit: { limit: 2, windowMs: 60_000 } });
    const body = await validBody(handler, named);
    const statuses = [];
    for (const ip of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::3', '2001:db8:1:3::1']) {
      statuses.push((await handler(post(body), { clientAddress: ip })).status);
    }
    expect(statuses).toEqual([201, 201, 429, 201]);
  });
});

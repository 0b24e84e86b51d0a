import { describe, expect, it } from 'vitest';
import type { SignupHandlerOptions } from '../../src/server/index.js';
import { consentFor, ENDPOINT, errorOf, post, proxyWithMock, SITE } from '../support/proxy-fixture.js';

// What a visitor may try to slip past the allow-lists: prototype keys, other spellings of an
// allowed field, ids of other types, repeated form keys. Each answer is a 4xx naming the
// problem, or a signup that carries exactly what was allowed; nothing else reaches Dotdigital.
const fields: SignupHandlerOptions['fields'] = [{ name: 'FIRSTNAME', label: 'First name' }];
type Consent = Awaited<ReturnType<typeof consentFor>>;
const json = (make: (consent: Consent) => string) => async (consent: Consent) => post(make(consent));
const body = (consent: Consent, extra: string) => `{"email":"ann@example.com","consent":${JSON.stringify(consent)},${extra}}`;

describe('smuggling past the allow-lists', () => {
  it.each<[string, (c: Consent) => Promise<Request>, number, string]>([
    ['a constructor data field', json((c) => body(c, '"fields":{"constructor":"Eve"}')), 400, 'unknown_field'],
    ['an allowed field in lower case', json((c) => body(c, '"fields":{"firstname":"Eve"}')), 400, 'unknown_field'],
    ['a preference id as a string', json((c) => body(c, '"preferences":["2"]')), 400, 'invalid_request'],
    ['a fractional preference id', json((c) => body(c, '"preferences":[2.5]')), 400, 'invalid_request'],
    ['a negative preference id', json((c) => body(c, '"preferences":[-2]')), 400, 'invalid_request'],
    ['a preference id that overflows to Infinity', json((c) => body(c, '"preferences":[1e400]')), 400, 'invalid_request'],
    ['501 preference ids', json((c) => body(c, `"preferences":[${Array(501).fill(2).join(',')}]`)), 400, 'invalid_request'],
    ['a __proto__ consent holding the configured text', json((c) => `{"email":"ann@example.com","consent":{"__proto__":${JSON.stringify(c)}}}`), 400, 'invalid_request'],
  ])('refuses %s, sending nothing', async (_name, request, code, errorCode) => {
    const proxy = proxyWithMock({ fields });
    const response = await proxy.handler(await request(await consentFor(proxy.handler)));
    expect(response.status).toBe(code);
    expect((await errorOf(response)).code).toBe(errorCode);
    expect(proxy.writes()).toHaveLength(0);
  });

  it('a __proto__ data field cannot fill a required one', async () => {
    const proxy = proxyWithMock({ fields: [{ name: 'FIRSTNAME', label: 'First name', required: true }] });
    const response = await proxy.handler(post(body(await consentFor(proxy.handler), '"fields":{"__proto__":{"FIRSTNAME":"Eve"}}')));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'missing_field', field: 'fields.FIRSTNAME' });
    expect(proxy.writes()).toHaveLength(0);
  });

  it('a __proto__ key in the body signs up with what was allowed only, polluting nothing', async () => {
    const proxy = proxyWithMock({ fields });
    const consent = await consentFor(proxy.handler);
    const response = await proxy.handler(post(body(consent, '"__proto__":{"honeypot":"","fields":{"FIRSTNAME":"Eve"},"isAdmin":true},"fields":{"FIRSTNAME":"Ann"}')));
    expect(response.status).toBe(201);
    expect(proxy.mock.store.contacts.get('ann@example.com')!.dataFields.get('FIRSTNAME')).toBe('Ann');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a form post with prototype keys and repeated fields neither fails nor pollutes', async () => {
    const proxy = proxyWithMock({ fields });
    const consent = await consentFor(proxy.handler);
    const form = new URLSearchParams({ email: 'ann@example.com', 'fields.__proto__': 'x', 'consent.__proto__': 'x', 'fields.FIRSTNAME': 'Eve', 'consent.text': consent.text, 'consent.version': consent.version, 'consent.consentedAt': consent.consentedAt, 'consent.pageUrl': consent.pageUrl });
    form.append('fields.FIRSTNAME', 'Ann');
    const response = await proxy.handler(new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE }, body: form }));
    expect(response.status).toBe(201);
    expect(proxy.mock.store.contacts.get('ann@example.com')!.dataFields.get('FIRSTNAME')).toBe('Ann');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

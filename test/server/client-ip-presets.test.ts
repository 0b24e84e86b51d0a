import { describe, expect, it } from 'vitest';
import { createSignupHandler } from '../../src/server/index.js';
import { optionsFromEnv } from '../../src/server/node/index.js';
import { consentFor, post, proxyWithMock } from '../support/proxy-fixture.js';

// `clientIp`: where IPADDRESS and the per-IP limit's key come from, by platform. A visitor can send
// any header; only the one the named platform overwrites may be believed.
const VISITOR_CLAIM = { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.7', 'cf-connecting-ip': '6.6.6.8', 'x-nf-client-connection-ip': '6.6.6.9', 'fly-client-ip': '6.6.6.10' };

async function recordedIp(options: Parameters<typeof proxyWithMock>[0], headers: Record<string, string>, clientAddress?: string) {
  const proxy = proxyWithMock(options);
  const response = await proxy.handler(post({ email: 'ann@example.com', consent: await consentFor(proxy.handler) }, headers), clientAddress === undefined ? {} : { clientAddress });
  expect(response.status).toBe(201);
  return proxy.mock.store.contacts.get('ann@example.com')!.consentRecords.at(-1)!.fields.IPADDRESS;
}

describe('clientIp presets', () => {
  it.each<[string, Parameters<typeof proxyWithMock>[0], Record<string, string>, string | undefined, string | undefined]>([
    ['default (socket): a bare `next start` gives no socket, so a forged X-Forwarded-For is not recorded', {}, VISITOR_CLAIM, undefined, undefined],
    ['socket: the peer address, whatever the headers say', { clientIp: 'socket' }, VISITOR_CLAIM, '203.0.113.7', '203.0.113.7'],
    ['vercel: the address Vercel wrote last into X-Forwarded-For', { clientIp: 'vercel' }, { ...VISITOR_CLAIM, 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, undefined, '203.0.113.7'],
    ['netlify: x-nf-client-connection-ip', { clientIp: 'netlify' }, { ...VISITOR_CLAIM, 'x-nf-client-connection-ip': '203.0.113.7' }, undefined, '203.0.113.7'],
    ['cloudflare: cf-connecting-ip', { clientIp: 'cloudflare' }, { ...VISITOR_CLAIM, 'cf-connecting-ip': '2001:db8::42' }, undefined, '2001:db8::42'],
    ['fly: fly-client-ip', { clientIp: 'fly' }, { ...VISITOR_CLAIM, 'fly-client-ip': '203.0.113.7' }, undefined, '203.0.113.7'],
    ['nginx in front: { trustedProxyHops: 1 }', { clientIp: { trustedProxyHops: 1 } }, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, '10.0.0.2', '203.0.113.7'],
    ['a header of your own: { header }', { clientIp: { header: 'X-Real-IP' } }, { 'x-real-ip': '203.0.113.7' }, undefined, '203.0.113.7'],
  ])('%s', async (_name, options, headers, socket, expected) => {
    expect(await recordedIp(options, headers, socket)).toBe(expected);
  });

  it('keys the per-IP limit on the socket by default, so varying X-Forwarded-For escapes nothing', async () => {
    // A new contact costs two calls (read, write): 4 calls a minute are two signups.
    const proxy = proxyWithMock({ rateLimit: { max: 4, windowMs: 60_000 } });
    const consent = await consentFor(proxy.handler);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await proxy.handler(post({ email: `v${i}@example.com`, consent }, { 'x-forwarded-for': `6.6.6.${i}` }), { clientAddress: '203.0.113.7' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('refuses an unknown preset, a bad header name, and `clientIp` mixed with its older spellings', () => {
    const base = { apiUser: 'u', apiPassword: 'p', consentText: 'Yes.', logger: false as const };
    expect(() => createSignupHandler({ ...base, clientIp: 'heroku' as 'vercel' })).toThrow(/`clientIp` must be 'socket', 'vercel', 'netlify', 'cloudflare', 'fly'/);
    expect(() => createSignupHandler({ ...base, clientIp: { header: 'x real ip' } })).toThrow(/`clientIp.header` must be a header name/);
    expect(() => createSignupHandler({ ...base, clientIp: { trustedProxyHops: 1.5 } })).toThrow(/`trustedProxyHops` must be a whole number/);
    expect(() => createSignupHandler({ ...base, clientIp: 'vercel', trustedProxyHops: 1 })).toThrow(/pass `clientIp` alone/);
  });
});

describe('SIGNUP_CLIENT_IP (serve)', () => {
  const env = { DOTDIGITAL_API_USER: 'u@apiconnector.com', DOTDIGITAL_API_PASSWORD: 'p' };
  it('names a preset', () => {
    expect(optionsFromEnv({ ...env, SIGNUP_CLIENT_IP: 'cloudflare' }).clientIp).toBe('cloudflare');
    expect(() => optionsFromEnv({ ...env, SIGNUP_CLIENT_IP: 'aws' })).toThrow('SIGNUP_CLIENT_IP="aws" is not valid: use socket, vercel, netlify, cloudflare, fly');
  });
});

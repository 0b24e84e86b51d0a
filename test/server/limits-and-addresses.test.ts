import { describe, expect, it } from 'vitest';
import { clientIp, ipv6SiteKey, normalizeIp, rateLimitKey } from '../../src/server/http/client-ip.js';
import { createRateLimiter } from '../../src/server/http/rate-limiter.js';
import { consentFor, post, proxyWithMock } from '../support/proxy-fixture.js';

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:cb00:7107', '203.0.113.7'],
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['[2001:db8::1]:8443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['"203.0.113.7"', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
  ])('%s → %s', (raw, expected) => expect(normalizeIp(raw)).toBe(expected));

  it.each(['', 'unknown', '999.1.1.1', '127.1', '0x7f.0.0.1', '1.2.3.4.5', '<script>', undefined])('refuses %j', (raw) => {
    expect(normalizeIp(raw)).toBeUndefined();
  });
});

describe('clientIp', () => {
  const headers = new Headers({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 3.3.3.3' });
  it.each([
    [0, '9.9.9.9'],
    [1, '3.3.3.3'],
    [2, '2.2.2.2'],
    [3, '1.1.1.1'],
    [9, '1.1.1.1'],
  ])('with %i trusted hops reads %s', (hops, expected) => {
    expect(clientIp(headers, '9.9.9.9', { trustedProxyHops: hops, clientIpHeader: undefined })).toBe(expected);
  });
});

describe('rate limiting', () => {
  it('keys IPv4 by address and IPv6 by /64', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8:1:2:ffff:1:2:3')).toBe(rateLimitKey('2001:db8:1:2::9'));
  });

  it('also keys IPv6 by /48, and IPv4 by nothing wider', () => {
    expect(ipv6SiteKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1::/48');
    expect(ipv6SiteKey('2001:db8:1:ffff::9')).toBe(ipv6SiteKey('2001:db8:1::1'));
    expect(ipv6SiteKey('203.0.113.7')).toBeUndefined();
  });

  it('refills evenly: after the burst, one request per window/max', () => {
    let now = 0;
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 20_000 });
    now += 19_999;
    expect(limiter.take('a').allowed).toBe(false);
    now += 2;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('forgets the least recently seen key past its bound instead of growing', () => {
    let now = 0;
    const limiter = createRateLimiter({ max: 1, windowMs: 60_000 }, () => now, 3);
    limiter.take('a');
    for (const key of ['b', 'c', 'd']) limiter.take(key);
    expect(limiter.take('a').allowed).toBe(true); // 'a' was evicted, so it starts afresh
    expect(limiter.take('d').allowed).toBe(false);
  });

  it('limits one IPv6 /64 as one visitor through the handler', async () => {
    // A new contact costs two calls (read, write): the allowance of 2 is one signup, one more in 60 s.
    const proxy = proxyWithMock({ rateLimit: { max: 2, windowMs: 120_000 } });
    const consent = await consentFor(proxy.handler);
    expect((await proxy.handler(post({ email: 'a@example.com', consent }), { clientAddress: '2001:db8:5:6::1' })).status).toBe(201);
    const second = await proxy.handler(post({ email: 'b@example.com', consent }), { clientAddress: '2001:db8:5:6::abcd' });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('60');
  });

  // A /48 is free for the asking (tunnel brokers hand them out) and holds 65 536 /64s: counted per
  // /64 alone, one person could sign up a million addresses a minute, or fill the signup queue during
  // an outage in seconds. The /48 as a whole gets four visitors' allowance.
  it('limits a whole IPv6 /48 too, so rotating /64s within it does not escape the limit', async () => {
    // Two signups' calls (read, write) per /64; the /48 as a whole, four times that.
    const proxy = proxyWithMock({ rateLimit: { max: 4, windowMs: 60_000 } });
    const consent = await consentFor(proxy.handler);
    const statuses: number[] = [];
    for (let n = 1; n <= 12; n++) {
      const response = await proxy.handler(post({ email: `r${n}@example.com`, consent }), { clientAddress: `2001:db8:7:${n.toString(16)}::1` });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(8).fill(201), ...Array(4).fill(429)]);
    expect((await proxy.handler(post({ email: 'other@example.com', consent }), { clientAddress: '2001:db8:8:1::1' })).status).toBe(201);
  });
});

import { describe, expect, it } from 'vitest';
import { clientIp, normalizeIp, rateLimitKey } from '../../src/server/client-ip.js';
import { CONSENT_TEXT, post, proxyWithMock, validBody } from './proxy-fixture.js';

async function recorded(options: Parameters<typeof proxyWithMock>[0], headers: Record<string, string>, clientAddress?: string, change?: (body: { consent: { consentedAt: string } }) => void) {
  const { handler, mock, clock } = proxyWithMock(options);
  const body = await validBody(handler);
  change?.(body);
  const response = await handler(post(body, headers), clientAddress === undefined ? {} : { clientAddress });
  expect(response.status).toBe(201);
  return { fields: mock.store.contacts.get('ann@example.com')!.consentRecords[0]!.fields, clock, body };
}

describe('consent record', () => {
  it('stores the configured TEXT, the page URL, the browser time, the socket address and the user agent', async () => {
    const { fields, body } = await recorded({}, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130' }, '::ffff:203.0.113.7');
    expect(fields).toEqual({
      TEXT: CONSENT_TEXT,
      DATETIMECONSENTED: new Date(body.consent.consentedAt).toISOString(),
      URL: 'https://www.example.com/signup',
      IPADDRESS: '203.0.113.7',
      USERAGENT: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130',
    });
  });

  it.each([
    ['years behind', (now: number) => now - 3 * 365 * 86_400_000],
    ['an hour ahead', (now: number) => now + 3_600_000],
  ])('records the server time when the browser clock is %s, and still signs up', async (_name, skew) => {
    const { fields, clock } = await recorded({}, {}, '203.0.113.7', (body) => {
      body.consent.consentedAt = new Date(skew(Date.now())).toISOString();
    });
    expect(Date.parse(fields.DATETIMECONSENTED!)).toBe(clock.now());
  });

  it('keeps a browser time a few minutes off (clocks drift, forms take time)', async () => {
    const claimed = new Date(Date.now() - 4 * 60_000).toISOString();
    const { fields } = await recorded({}, {}, '203.0.113.7', (body) => (body.consent.consentedAt = claimed));
    expect(fields.DATETIMECONSENTED).toBe(claimed);
  });

  it('caps USERAGENT at 512 characters and drops control characters', async () => {
    const { fields } = await recorded({}, { 'user-agent': `Bot\t${'x'.repeat(2000)}` }, '203.0.113.7');
    expect(fields.USERAGENT).toHaveLength(512);
    expect(fields.USERAGENT!.startsWith('Botxxx')).toBe(true);
  });

  it('ignores X-Forwarded-For unless proxies are trusted', async () => {
    const { fields } = await recorded({}, { 'x-forwarded-for': '198.51.100.1' }, '10.0.0.2');
    expect(fields.IPADDRESS).toBe('10.0.0.2');
  });

  it.each([
    [1, '198.51.100.1, 203.0.113.9', '203.0.113.9'],
    [2, '198.51.100.1, 203.0.113.9', '198.51.100.1'],
    [1, '2001:db8::7', '2001:db8::7'],
    [1, '[2001:DB8:0:0::7]:4711', '2001:db8::7'],
  ])('with %i trusted hop(s) reads the visitor from X-Forwarded-For %j', async (hops, header, expected) => {
    const { fields } = await recorded({ trustedProxyHops: hops }, { 'x-forwarded-for': header }, '10.0.0.2');
    expect(fields.IPADDRESS).toBe(expected);
  });

  it('reads a one-address header such as cf-connecting-ip when configured', async () => {
    const { fields } = await recorded({ trustedProxyHops: 1, clientIpHeader: 'cf-connecting-ip' }, { 'cf-connecting-ip': '2001:db8:cafe::17' });
    expect(fields.IPADDRESS).toBe('2001:db8:cafe::17');
  });
});

describe('clientIp', () => {
  const h = (headers: Record<string, string>) => new Headers(headers);
  it.each([
    ['no hops: the socket', h({ 'x-forwarded-for': '1.2.3.4' }), '::1', 0, 'x-forwarded-for', '::1'],
    ['more hops than entries: the leftmost', h({ 'x-forwarded-for': '198.51.100.1' }), '10.0.0.1', 3, 'x-forwarded-for', '198.51.100.1'],
    ['a spoofed entry left of the trusted one is ignored', h({ 'x-forwarded-for': 'evil, 203.0.113.5' }), '10.0.0.1', 1, 'x-forwarded-for', '203.0.113.5'],
    ['garbage where the visitor should be: the socket', h({ 'x-forwarded-for': 'unknown' }), '10.0.0.1', 1, 'x-forwarded-for', '10.0.0.1'],
    ['no header: the socket', h({}), '10.0.0.1', 1, 'x-forwarded-for', '10.0.0.1'],
    ['Forwarded (RFC 7239) with IPv6', h({ forwarded: 'for="[2001:db8:cafe::17]:4711";proto=https' }), '10.0.0.1', 1, 'forwarded', '2001:db8:cafe::17'],
    ['Forwarded with two hops', h({ forwarded: 'for=192.0.2.60, for=198.51.100.17' }), undefined, 2, 'forwarded', '192.0.2.60'],
    ['IPv4 with a port', h({ 'x-forwarded-for': '203.0.113.7:51234' }), undefined, 1, 'x-forwarded-for', '203.0.113.7'],
  ])('%s', (_name, headers, socket, hops, header, expected) => {
    expect(clientIp(headers, socket, { trustedProxyHops: hops, header })).toBe(expected);
  });

  it.each([
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:DB8:0000::1', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['256.1.1.1', undefined],
    ['01.2.3.4', undefined],
    ['1.2.3', undefined],
    ['::g', undefined],
    ['<script>', undefined],
    ['', undefined],
  ])('normalizeIp(%j) is %j', (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('rateLimitKey(%j) is %j', (input, expected) => {
    expect(rateLimitKey(input)).toBe(expected);
  });
});

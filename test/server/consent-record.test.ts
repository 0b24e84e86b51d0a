import { describe, expect, it } from 'vitest';
import { captureLogger, CONSENT_TEXT, consentFor, ENDPOINT, fakeClock, post, proxyWithMock, SITE } from '../support/proxy-fixture.js';

const sent = (proxy: ReturnType<typeof proxyWithMock>) =>
  proxy.mock.store.contacts.get('ann@example.com')!.consentRecords.at(-1)!.fields;

async function signUp(options: Parameters<typeof proxyWithMock>[0], headers: Record<string, string> = {}, clientAddress?: string) {
  const proxy = proxyWithMock(options);
  const consent = await consentFor(proxy.handler);
  const response = await proxy.handler(post({ email: 'ann@example.com', consent }, headers), clientAddress === undefined ? {} : { clientAddress });
  expect(response.status).toBe(201);
  return { proxy, consent, fields: sent(proxy) };
}

describe('the consent record', () => {
  it('records the configured TEXT, the page URL, the browser time, IP and user agent', async () => {
    const { fields, consent } = await signUp({}, {}, '::ffff:203.0.113.7');
    expect(fields).toEqual({
      TEXT: CONSENT_TEXT,
      DATETIMECONSENTED: consent.consentedAt,
      URL: `${SITE}/signup`,
      IPADDRESS: '203.0.113.7',
      USERAGENT: 'Vitest/1.0',
    });
  });

  it.each([['an hour behind', -3_600_000], ['a day ahead', 86_400_000], ['years behind', -Date.parse('2026-03-01T12:00:00Z')]])(
    'records the server time when the browser clock is %s, and still signs up',
    async (_name, offset) => {
      const clock = fakeClock();
      const proxy = proxyWithMock({ clock });
      const consent = { ...(await consentFor(proxy.handler)), consentedAt: new Date(clock.time + offset).toISOString() };
      expect((await proxy.handler(post({ email: 'ann@example.com', consent }))).status).toBe(201);
      expect(sent(proxy).DATETIMECONSENTED).toBe(new Date(clock.time).toISOString());
    },
  );

  it('believes a browser clock a few minutes off', async () => {
    const clock = fakeClock();
    const proxy = proxyWithMock({ clock });
    const consentedAt = new Date(clock.time - 4 * 60_000).toISOString();
    await proxy.handler(post({ email: 'ann@example.com', consent: { ...(await consentFor(proxy.handler)), consentedAt } }));
    expect(sent(proxy).DATETIMECONSENTED).toBe(consentedAt);
  });

  it.each<[string, Parameters<typeof proxyWithMock>[0], Record<string, string>, string | undefined, string]>([
    ['the socket, IPv4-mapped', {}, {}, '::ffff:198.51.100.9', '198.51.100.9'],
    ['the socket, IPv6', {}, {}, '2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['the socket, ignoring X-Forwarded-For when no hop is trusted', {}, { 'x-forwarded-for': '192.0.2.66' }, '203.0.113.7', '203.0.113.7'],
    ['one trusted hop: the entry it appended, not the visitor\'s own claim', { trustedProxyHops: 1 }, { 'x-forwarded-for': '192.0.2.66, 203.0.113.7' }, '10.0.0.2', '203.0.113.7'],
    ['two trusted hops', { trustedProxyHops: 2 }, { 'x-forwarded-for': '192.0.2.66, 203.0.113.7, 10.0.0.3' }, '10.0.0.2', '203.0.113.7'],
    ['more trusted hops than entries: the leftmost', { trustedProxyHops: 3 }, { 'x-forwarded-for': '203.0.113.7' }, '10.0.0.2', '203.0.113.7'],
    ['one trusted hop, IPv6 with brackets and port', { trustedProxyHops: 1 }, { 'x-forwarded-for': '[2001:db8::7]:51234' }, '10.0.0.2', '2001:db8::7'],
    ['one trusted hop, IPv4 with port', { trustedProxyHops: 1 }, { 'x-forwarded-for': '203.0.113.7:443' }, '10.0.0.2', '203.0.113.7'],
    ['one trusted hop and no socket (serverless)', { trustedProxyHops: 1 }, { 'x-forwarded-for': '192.0.2.66, 203.0.113.7' }, undefined, '203.0.113.7'],
    ['a platform header', { clientIpHeader: 'CF-Connecting-IP' }, { 'cf-connecting-ip': '2001:db8::42', 'x-forwarded-for': '192.0.2.66' }, undefined, '2001:db8::42'],
  ])('takes IPADDRESS from %s', async (_name, options, headers, socket, expected) => {
    const { fields } = await signUp(options, headers, socket);
    expect(fields.IPADDRESS).toBe(expected);
  });

  it('records no IPADDRESS rather than a wrong one, and warns once how to fix it', async () => {
    const logger = captureLogger();
    const { proxy, fields } = await signUp({ logger, trustedProxyHops: 1 }, { 'x-forwarded-for': 'not-an-ip' }, '10.0.0.2');
    expect(fields.IPADDRESS).toBeUndefined();
    await proxy.handler(post({ email: 'bob@example.com', consent: await consentFor(proxy.handler) }, { 'x-forwarded-for': 'nope' }));
    expect(logger.lines.filter((l) => /IP address is unknown/.test(l.message))).toHaveLength(1);
  });

  // The URL goes into a legal record as the page the visitor consented on, so it is recorded the way a
  // browser's location.href reads, never as a forger wrote it: no userinfo (a password in the record,
  // or `https://evil.example%40@www.example.com` to mislead whoever reads it), no raw control or
  // bidi-override characters, host in lower case, the default port dropped, `\\` read as `/`.
  it.each([
    ['userinfo', `https://user:secret@www.example.com/signup`, `${SITE}/signup`],
    ['a host-like userinfo', `https://evil.example%40@www.example.com/`, `${SITE}/`],
    ['a bidi override', `${SITE}/\u202Egnp.exe`, `${SITE}/%E2%80%AEgnp.exe`],
    ['a NUL byte', `${SITE}/a\u0000b`, `${SITE}/a%00b`],
    ['a backslash that looks like userinfo', `${SITE}\\@evil.example/`, `${SITE}/@evil.example/`],
    ['capitals and the default port', 'HTTPS://WWW.EXAMPLE.COM:443/Signup?A=1#top', `${SITE}/Signup?A=1#top`],
  ])('records URL as a browser would read it, not as sent: %s', async (_name, pageUrl, expected) => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const consent = { ...(await consentFor(proxy.handler)), pageUrl };
    expect((await proxy.handler(post({ email: 'ann@example.com', consent }))).status).toBe(201);
    expect(sent(proxy).URL).toBe(expected);
  });

  it('refuses a page URL that is over 2048 characters once written as a browser would', async () => {
    const proxy = proxyWithMock();
    const consent = { ...(await consentFor(proxy.handler)), pageUrl: `${SITE}/${'\u00e9'.repeat(400)}` };
    const response = await proxy.handler(post({ email: 'ann@example.com', consent }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_page_url');
    expect(proxy.writes()).toHaveLength(0);
  });

  // The visitor must have been shown exactly the configured text: a look-alike is another text.
  it.each([
    ['decomposed (NFD) instead of composed', (t: string) => t.normalize('NFD')],
    ['with a trailing space', (t: string) => `${t} `],
    ['with a zero-width space', (t: string) => t.replace(' ', ' \u200B')],
    ['with a Cyrillic look-alike letter', (t: string) => t.replace('e', '\u0435')],
    ['with CRLF for a line break', (t: string) => t.replace('\n', '\r\n')],
  ])('refuses the consent text %s (409), sending nothing', async (_name, vary) => {
    const proxy = proxyWithMock({ consentText: 'Oui, envoyez-moi la lettre.\nDésinscription à tout moment.' });
    const consent = await consentFor(proxy.handler);
    const response = await proxy.handler(post({ email: 'ann@example.com', consent: { ...consent, text: vary(consent.text) } }));
    expect(response.status).toBe(409);
    expect(proxy.writes()).toHaveLength(0);
  });

  it('refuses the configured text with the version of another text', async () => {
    const proxy = proxyWithMock();
    const other = await consentFor(proxyWithMock({ consentText: 'Another text.' }).handler);
    const consent = { ...(await consentFor(proxy.handler)), version: other.version };
    expect((await proxy.handler(post({ email: 'ann@example.com', consent }))).status).toBe(409);
    expect(proxy.writes()).toHaveLength(0);
  });

  // Any zone the browser's clock is written in is the same instant; the record holds it in UTC.
  it.each([
    ['a +05:30 offset', '2026-03-01T17:28:00+05:30', '2026-03-01T11:58:00.000Z'],
    ['a -00:00 offset', '2026-03-01T11:58:00-00:00', '2026-03-01T11:58:00.000Z'],
    ['nanoseconds', '2026-03-01T11:58:00.123456789Z', '2026-03-01T11:58:00.123Z'],
    ['a zone 23:59 away, far off once read', '2026-03-01T11:58:00+23:59', '2026-03-01T12:00:00.000Z'],
    ['year 0000', '0000-01-01T00:00:00Z', '2026-03-01T12:00:00.000Z'],
  ])('records DATETIMECONSENTED in UTC from %s', async (_name, consentedAt, expected) => {
    const proxy = proxyWithMock({ clock: fakeClock() });
    const consent = { ...(await consentFor(proxy.handler)), consentedAt };
    expect((await proxy.handler(post({ email: 'ann@example.com', consent }))).status).toBe(201);
    expect(sent(proxy).DATETIMECONSENTED).toBe(expected);
  });

  it.each(['2026-06-30T23:59:60Z', '2026-03-01T12:00:00', '2026-03-01 12:00:00Z', '1772366400000', '2026-03-01T24:00:00Z'])(
    'refuses a consentedAt a browser never writes, %s, sending nothing',
    async (consentedAt) => {
      const proxy = proxyWithMock({ clock: fakeClock() });
      const consent = { ...(await consentFor(proxy.handler)), consentedAt };
      const response = await proxy.handler(post({ email: 'ann@example.com', consent }));
      expect(response.status).toBe(400);
      expect(proxy.writes()).toHaveLength(0);
    },
  );

  it('caps USERAGENT at 512 characters', async () => {
    const { fields } = await signUp({}, { 'user-agent': `Mozilla/5.0 ${'x'.repeat(2000)}` });
    expect(fields.USERAGENT).toHaveLength(512);
    expect(fields.USERAGENT!.startsWith('Mozilla/5.0 ')).toBe(true);
  });

  it('takes a plain HTML form post (application/x-www-form-urlencoded)', async () => {
    const proxy = proxyWithMock();
    const consent = await consentFor(proxy.handler);
    const form = new URLSearchParams({ email: 'ann@example.com', 'consent.text': consent.text, 'consent.version': consent.version, 'consent.consentedAt': consent.consentedAt, 'consent.pageUrl': consent.pageUrl, preferences: '2' });
    form.append('preferences', '5');
    const response = await proxy.handler(new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE }, body: form }));
    expect(response.status).toBe(201);
    expect([...proxy.mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([2, 5]);
  });
});

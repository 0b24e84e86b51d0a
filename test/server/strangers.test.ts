import { describe, expect, it } from 'vitest';
import type { MockContact } from '../../src/mock/index.js';
import { createMemoryCounters, createMemorySignupQueue } from '../../src/server/index.js';
import { backlogProxy } from './queue/bulk-fixture.js';
import { captureLogger, consentFor, CONTACT_WRITE, ENDPOINT, errorOf, fakeClock, HOUR, optedIn, post, proxyInOutage, proxyWithMock, SITE, storedContact } from '../support/proxy-fixture.js';

// Issue 20: every row of its table, replayed as a stranger would, against the mock in process.
// Each test says what happened before (the table) and checks it now comes out the other way.

const LOCKED = 'Your account is locked, visit evil.test';
const FIELDS = [{ name: 'FIRSTNAME', label: 'First name' }, { name: 'LASTNAME', label: 'Last name' }];
const STRANGER = { clientAddress: '198.51.100.66' };

/** Ann, subscribed by her own confirmed double opt-in: preferences 2 and 5, her first name, one consent record. */
function subscriber(proxy: ReturnType<typeof proxyWithMock>, more: Partial<MockContact> = {}) {
  const consentRecords = [{ id: 'ann-1', created: '2026-01-01T00:00:00.000Z', fields: { TEXT: 'Her own consent', IPADDRESS: '203.0.113.7' } }];
  proxy.mock.store.contacts.set('ann@example.com', storedContact('ann@example.com', [2, 5], { optInType: 'VerifiedDouble', dataFields: new Map([['FIRSTNAME', 'Ann']]), consentRecords, ...more }));
  return proxy.mock.store.contacts.get('ann@example.com')!;
}

const as = async (proxy: ReturnType<typeof proxyWithMock>, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  proxy.handler(post({ consent: await consentFor(proxy.handler), ...body }, { 'user-agent': 'Stranger/1.0', ...headers }), STRANGER);

const seen = async (response: Response) => ({ status: response.status, headers: [...response.headers].sort(), body: await response.text() });

describe('row 1 — a subscriber\'s address, no box ticked, a forged first name', () => {
  // Before: 201; opted out of both preferences, FIRSTNAME replaced, the stranger's consent record added;
  // with double opt-in 202 and the same, no confirmation asked.
  it.each(['Single', 'VerifiedDouble'] as const)('(%s) nothing is opted out, overwritten or recorded, and nothing is sent', async (optInType) => {
    const proxy = proxyWithMock({ optInType, fields: FIELDS });
    const ann = subscriber(proxy);
    const response = await as(proxy, { email: 'ann@example.com', preferences: [], fields: { FIRSTNAME: LOCKED } });
    expect(response.status).toBe(optInType === 'Single' ? 201 : 202);
    expect([ann.status, ann.optInType, optedIn(ann), ann.dataFields.get('FIRSTNAME'), ann.consentRecords.length]).toEqual(['Subscribed', 'VerifiedDouble', [2, 5], 'Ann', 1]);
    expect(proxy.mock.store.outbox).toEqual([]);
    expect(proxy.writes().map((r) => r.method)).toEqual(['GET']); // read, never written
  });

  it('(VerifiedDouble) a subscriber gets the answer of a new address, byte for byte, and no change at all even with boxes ticked', async () => {
    const proxy = proxyWithMock({ optInType: 'VerifiedDouble', fields: FIELDS });
    const ann = subscriber(proxy);
    const forSubscriber = await seen(await as(proxy, { email: 'ann@example.com', preferences: [3], fields: { LASTNAME: 'Smith' } }));
    const forNewcomer = await seen(await as(proxy, { email: 'new@example.com', preferences: [3] }));
    expect(forSubscriber).toEqual(forNewcomer);
    expect([optedIn(ann), ann.dataFields.has('LASTNAME'), ann.consentRecords.length]).toEqual([[2, 5], false, 1]);
  });

  it('(Single) the site chose that anyone may subscribe an address: a signup may add an opt-in and fill an empty field, nothing more', async () => {
    const proxy = proxyWithMock({ fields: FIELDS });
    const ann = subscriber(proxy);
    expect((await as(proxy, { email: 'ann@example.com', preferences: [3], fields: { FIRSTNAME: LOCKED, LASTNAME: 'Smith' } })).status).toBe(201);
    expect([optedIn(ann), ann.dataFields.get('FIRSTNAME'), ann.dataFields.get('LASTNAME'), ann.optInType]).toEqual([[2, 3, 5], 'Ann', 'Smith', 'VerifiedDouble']);
    const write = (await proxy.writes().find((r) => CONTACT_WRITE.test(r.url))!.json()) as { contact: Record<string, unknown> };
    expect(write.contact).not.toHaveProperty('optInType'); // her verified double opt-in stays one
  });

  it('a queued signup is delivered by the same rule', async () => {
    const p = proxyInOutage({ queue: createMemorySignupQueue(), fields: FIELDS }, /\/contacts\//);
    const ann = subscriber(p);
    expect((await p.handler(post({ email: 'ann@example.com', preferences: [], fields: { FIRSTNAME: LOCKED }, consent: await consentFor(p.handler) }), STRANGER)).status).toBe(202);
    p.recover();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
    expect([optedIn(ann), ann.dataFields.get('FIRSTNAME'), ann.consentRecords.length]).toEqual([[2, 5], 'Ann', 1]);
  });

  it('a bulk import is delivered by the same rule: ticked preferences only, filled fields kept (overwriteIfEmpty)', async () => {
    const p = await backlogProxy({ fields: FIELDS });
    p.faults[0]!.path = /\/contacts\//; // every contact call fails until recover(): the read too
    const ann = subscriber(p);
    await p.signUp('ann@example.com', { preferences: [3], fields: { FIRSTNAME: LOCKED } });
    for (let n = 0; n < 20; n++) await p.signUp(`v${n}@example.com`);
    p.recover();
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 21, imported: 21 });
    expect([optedIn(ann), ann.dataFields.get('FIRSTNAME')]).toEqual([[2, 3, 5], 'Ann']);
  });

  it('(VerifiedDouble, doubleOptInImports) an import leaves a subscribed contact exactly as it is', async () => {
    const p = await backlogProxy({ optInType: 'VerifiedDouble', queueDelivery: { doubleOptInImports: true } });
    p.faults[0]!.path = /\/contacts\//;
    for (let n = 0; n < 20; n++) await p.signUp(`v${n}@example.com`);
    p.recover();
    await p.handler.deliverQueued(); // the probe learns that this account's imports send the email
    const ann = subscriber(p);
    p.down();
    for (const email of ['ann@example.com', ...Array.from({ length: 20 }, (_, n) => `w${n}@example.com`)]) await p.signUp(email, { preferences: [3] });
    p.recover();
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 21, imported: 20 });
    expect([optedIn(ann), ann.consentRecords.length, ann.status, p.mock.store.outbox.filter((mail) => mail.to === 'ann@example.com')]).toEqual([[2, 5], 1, 'Subscribed', []]);
  });
});

describe('row 2 — with no allowedOrigins, a page on another site posts the form from a visitor\'s browser', () => {
  const form = (consent: { text: string; version: string }, headers: Record<string, string>) =>
    new Request(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-mode': 'navigate', ...headers },
      body: new URLSearchParams({ email: 'victim@example.com', 'consent.text': consent.text, 'consent.version': consent.version, 'fields.FIRSTNAME': LOCKED, 'consent.pageUrl': 'https://evil.example/page' }).toString(),
    });

  // Before: 303 back to the foreign page, the visitor signed up with their IP, a forged name and the foreign page as consent page.
  it.each([
    ['a form post (Sec-Fetch-Site: cross-site)', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', referer: 'https://evil.example/page' }],
    ['a subdomain (Sec-Fetch-Site: same-site)', { origin: 'https://blog.example.com', 'sec-fetch-site': 'same-site' }],
    ['an older browser (Origin, no Sec-Fetch-Site)', { origin: 'https://evil.example' }],
    ['a sandboxed page (Origin: null)', { origin: 'null' }],
    ['a browser that says cross-site and sends no Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403 and no redirect; nothing reaches Dotdigital', async (_what, headers) => {
    const proxy = proxyWithMock({ fields: FIELDS });
    const consent = await consentFor(proxy.handler);
    const response = await proxy.handler(form(consent, headers), { clientAddress: '203.0.113.50' });
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
    expect((await errorOf(response)).code).toBe('origin_not_allowed');
    expect(proxy.writes()).toEqual([]);
  });

  it('refuses a JSON post from a script on another site as well', async () => {
    const proxy = proxyWithMock();
    const response = await proxy.handler(post({ email: 'victim@example.com', consent: await consentFor(proxy.handler) }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
    expect(response.status).toBe(403);
    expect(proxy.writes()).toEqual([]);
  });

  it('takes its own pages, behind a TLS-terminating proxy too, and one that rewrites Host (the browser says same-origin)', async () => {
    const proxy = proxyWithMock();
    const consent = await consentFor(proxy.handler);
    const own = (url: string, headers: Record<string, string>, email: string) =>
      proxy.handler(new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, consent }) }));
    expect((await own('http://www.example.com/api/signup', { origin: SITE, 'sec-fetch-site': 'same-origin' }, 'a@example.com')).status).toBe(201);
    expect((await own('http://www.example.com/api/signup', { origin: SITE }, 'b@example.com')).status).toBe(201);
    expect((await own('http://127.0.0.1:3000/api/signup', { origin: SITE, 'sec-fetch-site': 'same-origin' }, 'c@example.com')).status).toBe(201);
  });

  it('takes a client that is no browser (no Origin, no Sec-Fetch-Site), but only with a page on its own origin: no confirmation link leads elsewhere', async () => {
    const proxy = proxyWithMock();
    const consent = await consentFor(proxy.handler);
    const bare = (pageUrl: string, email: string) => proxy.handler(new Request(ENDPOINT, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, consent: { ...consent, pageUrl } }) }));
    expect((await bare(`${SITE}/newsletter`, 'app@example.com')).status).toBe(201);
    const elsewhere = await bare('https://evil.example/thanks', 'gone@example.com');
    expect([elsewhere.status, (await errorOf(elsewhere)).code]).toEqual([400, 'invalid_page_url']);
    expect(proxy.mock.store.contacts.has('gone@example.com')).toBe(false);
  });

  it('the page a resubscribe confirmation link leads to is always on the proxy\'s own origin', async () => {
    const proxy = proxyWithMock();
    proxy.mock.store.contacts.set('gone@example.com', storedContact('gone@example.com', [2]));
    proxy.mock.unsubscribe('gone@example.com');
    const consent = await consentFor(proxy.handler);
    const tried = await proxy.handler(post({ email: 'gone@example.com', consent: { ...consent, pageUrl: 'https://evil.example/phish' } }), STRANGER);
    expect(tried.status).toBe(400);
    expect(proxy.mock.store.outbox).toEqual([]);
    await proxy.handler(post({ email: 'gone@example.com', consent: { ...consent, pageUrl: `${SITE}/newsletter` } }), STRANGER);
    expect(proxy.mock.store.outbox.map((mail) => new URL(mail.returnUrl!).origin)).toEqual([SITE]);
  });
});

describe('row 3 — one address posted again and again from several client addresses', () => {
  // Before: 30 posts of one pending address from 6 client addresses put 30 confirmation emails in its inbox.
  it('(VerifiedDouble) 30 posts from 6 client addresses: 3 emails, the same answer every time, and 3 more the next day', async () => {
    const clock = fakeClock();
    const proxy = proxyWithMock({ optInType: 'VerifiedDouble', clock });
    const answers = new Set<string>();
    for (let n = 0; n < 30; n++) answers.add(JSON.stringify(await seen(await proxy.handler(post({ email: 'pat@example.com', consent: await consentFor(proxy.handler) }), { clientAddress: `198.51.100.${n % 6}` }))));
    expect(answers.size).toBe(1);
    expect(proxy.mock.store.outbox.filter((mail) => mail.to === 'pat@example.com')).toHaveLength(3);
    expect(proxy.contactWrites()).toBe(3);
    clock.time += 24 * HOUR;
    for (let n = 0; n < 5; n++) await proxy.handler(post({ email: 'pat@example.com', consent: await consentFor(proxy.handler) }), STRANGER);
    expect(proxy.mock.store.outbox).toHaveLength(6);
  });

  it('an unsubscribed address gets at most 3 resubscribe emails a day, however many Dotdigital would send', async () => {
    const proxy = proxyWithMock({}, { resubscribeChallengeLimit: { max: 100, windowMs: 24 * HOUR } });
    proxy.mock.store.contacts.set('gone@example.com', storedContact('gone@example.com', [2]));
    proxy.mock.unsubscribe('gone@example.com');
    for (let n = 0; n < 12; n++) expect((await as(proxy, { email: 'gone@example.com' }, {})).status).toBe(202);
    expect(proxy.mock.store.outbox).toHaveLength(3);
  });

  it('counts across instances that share their counters (Redis does it for every instance: redis-address-limits.test.ts)', async () => {
    const counters = createMemoryCounters({ now: Date.now });
    const [a, b] = [proxyWithMock({ optInType: 'VerifiedDouble', stores: { counters } }), proxyWithMock({ optInType: 'VerifiedDouble', stores: { counters } })];
    b.mock.store.contacts = a.mock.store.contacts;
    b.mock.store.outbox = a.mock.store.outbox;
    for (let n = 0; n < 10; n++) await [a, b][n % 2]!.handler(post({ email: 'pat@example.com', consent: await consentFor(a.handler) }), { clientAddress: `198.51.100.${n}` });
    expect(a.mock.store.outbox).toHaveLength(3);
  });

  it('past its writes for the day an address is answered as a success and Dotdigital is not called', async () => {
    const proxy = proxyWithMock({ addressLimit: { writes: 2 } });
    const statuses = [];
    for (const preferences of [[2], [3], [5], [2, 3, 5]]) statuses.push((await as(proxy, { email: 'pat@example.com', preferences })).status);
    expect(statuses).toEqual([201, 201, 201, 201]);
    expect(proxy.contactWrites()).toBe(2);
    expect(optedIn(proxy.mock.store.contacts.get('pat@example.com'))).toEqual([2, 3]);
  });
});

describe('row 4 — timing the 202 pending_confirmation answer', () => {
  // Before: 242 ms for an address that once left against 126 ms for a new one (median of 24 each): one probe right 94% of the time.
  // Here every Dotdigital call takes 40 ms on the proxy's own clock, so times are exact, not measured.
  async function timedProxy(optInType: 'Single' | 'VerifiedDouble') {
    const clock = fakeClock();
    const proxy = proxyWithMock({ optInType, clock });
    proxy.faults.push({ times: Infinity, answer: async (request) => ((clock.time += 40), proxy.mock.fetch(request)) });
    const consent = await consentFor(proxy.handler);
    const kinds: Record<string, (email: string) => void> = {
      new: () => undefined,
      subscribed: (email) => proxy.mock.store.contacts.set(email, storedContact(email, [2])),
      unsubscribed: (email) => (proxy.mock.store.contacts.set(email, storedContact(email, [2])), proxy.mock.unsubscribe(email)),
      suppressed: (email) => proxy.mock.store.contacts.set(email, storedContact(email, [], { status: 'Suppressed' })),
      pending: (email) => proxy.mock.store.contacts.set(email, storedContact(email, [], { status: 'PendingOptIn', optInType: 'Double' })),
    };
    const time = async (kind: string, n: number) => {
      const email = `${kind}${n}@example.com`;
      kinds[kind]!(email);
      const start = clock.time;
      const response = await proxy.handler(post({ email, preferences: [3], consent }), { clientAddress: `203.0.113.${n}` });
      return { status: response.status, ms: clock.time - start };
    };
    return { kinds: Object.keys(kinds), time };
  }

  it('(VerifiedDouble) new, subscribed, unsubscribed, suppressed and pending addresses all take the same time', async () => {
    const { kinds, time } = await timedProxy('VerifiedDouble');
    for (const kind of kinds) await time(kind, 0); // the floor learns what the slowest work costs
    const timed: Record<string, unknown> = {};
    for (const kind of kinds) timed[kind] = await time(kind, 1);
    expect(timed).toEqual(Object.fromEntries(kinds.map((kind) => [kind, { status: 202, ms: 80 }])));
  });

  it('(Single) unsubscribed and suppressed addresses (both 202) take the same time', async () => {
    const { time } = await timedProxy('Single');
    for (const kind of ['new', 'unsubscribed', 'suppressed']) await time(kind, 0);
    expect([await time('unsubscribed', 1), await time('suppressed', 1)]).toEqual([{ status: 202, ms: 80 }, { status: 202, ms: 80 }]);
  });

  it('holds an answer past the address limits (no call at all) and a filled honeypot to the same floor', async () => {
    const { time } = await timedProxy('VerifiedDouble');
    for (let n = 0; n < 5; n++) await time('new', 0); // one address: its 5 writes spent
    expect(await time('new', 0)).toEqual({ status: 202, ms: 80 });
  });
});

describe('row 5 — one address signed up again and again cannot use up the account\'s calls', () => {
  // Before: about 4 calls per signup of an unsubscribed address; 8 of them used up a 35-calls-a-minute account, the next visitor got 503.
  it('from one client address: the per-IP limit counts the calls each signup cost', async () => {
    const proxy = proxyWithMock({ rateLimit: { max: 10, windowMs: 60_000 } }, { rateLimit: { perMinute: 35 } });
    proxy.mock.store.contacts.set('gone@example.com', storedContact('gone@example.com', [2]));
    proxy.mock.unsubscribe('gone@example.com');
    const statuses = [];
    for (let n = 0; n < 8; n++) statuses.push((await as(proxy, { email: 'gone@example.com' })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(proxy.writes().length).toBeLessThanOrEqual(10);
  });

  it('from 8 client addresses: the address\'s limits make repeats cheap, and the next visitor is signed up', async () => {
    const proxy = proxyWithMock({ rateLimit: { max: 10, windowMs: 60_000 } }, { rateLimit: { perMinute: 35 } });
    proxy.mock.store.contacts.set('gone@example.com', storedContact('gone@example.com', [2]));
    proxy.mock.unsubscribe('gone@example.com');
    for (let n = 0; n < 8; n++) expect((await proxy.handler(post({ email: 'gone@example.com', consent: await consentFor(proxy.handler) }), { clientAddress: `198.51.100.${n}` })).status).toBe(202);
    expect(proxy.writes().length).toBeLessThanOrEqual(13); // 2 + 3 + 3 while it may be emailed, then a read each
    expect((await proxy.handler(post({ email: 'real@example.com', consent: await consentFor(proxy.handler) }), { clientAddress: '203.0.113.99' })).status).toBe(201);
  });
});

describe('also found', () => {
  it.each([
    ['CF-Connecting-IP: garbage', { clientIp: 'cloudflare' as const }, (n: number) => ({ 'cf-connecting-ip': `garbage-${n}` })],
    ['two X-Real-IP lines', { clientIp: { header: 'x-real-ip' } }, (n: number) => ({ 'x-real-ip': `203.0.113.${n}, 198.51.100.${n}` })],
  ])('an unreadable client address (%s) counts in one shared bucket instead of skipping the limit', async (_what, options, headers) => {
    const proxy = proxyWithMock({ ...options, rateLimit: { max: 4, windowMs: 60_000 } });
    const consent = await consentFor(proxy.handler);
    const statuses = [];
    for (let n = 0; n < 4; n++) statuses.push((await proxy.handler(post({ email: `u${n}@example.com`, consent }, headers(n)))).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('1,000 junk Origins do not use up the warning about an unknown IP address', async () => {
    const logger = captureLogger();
    const proxy = proxyWithMock({ logger });
    const consent = await consentFor(proxy.handler);
    for (let n = 0; n < 1_100; n++) await proxy.handler(post({ email: 'x@example.com', consent }, { origin: `https://junk${n}.example` }), STRANGER);
    expect(logger.lines.filter((line) => line.message.startsWith('Refused a signup'))).toHaveLength(1_000); // bounded
    await proxy.handler(post({ email: 'x@example.com', consent }));
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('IP address is unknown') }));
  });
});

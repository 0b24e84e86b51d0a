import { describe, expect, it, vi } from 'vitest';
import { createMemorySignupQueue, SignupQueueFullError, startQueueDelivery, type SignupHandlerOptions, type SignupQueue } from '../../src/server/index.js';
import { ADDRESS_BOOK_ID, captureLogger, CONSENT_TEXT, consentFor, CONTACT_WRITE, errorOf, type Fault, HOUR, optedIn, post, proxyInOutage, proxyWithMock, reject, SITE, status, storedContact } from '../support/proxy-fixture.js';

/** A proxy with a queue and a fake clock, Dotdigital's contact writes failing until `recover()`. */
async function queuedProxy(options: Partial<SignupHandlerOptions> = {}, queue = createMemorySignupQueue()) {
  const proxy = proxyInOutage({ queue, ...options }, CONTACT_WRITE);
  const { clock } = proxy;
  await consentFor(proxy.handler); // the form definition loads (the outage is on writes only), as for a visitor who loaded the page
  const signUp = async (email: string, preferences: number[] = [2], extra: { clientAddress?: string; userAgent?: string } = {}) => {
    const consent = { ...(await consentFor(proxy.handler)), consentedAt: new Date(clock.now() - 5_000).toISOString() };
    const request = post({ email, preferences, consent }, { 'user-agent': extra.userAgent ?? 'Vitest/1.0' });
    return proxy.handler(request, extra.clientAddress ? { clientAddress: extra.clientAddress } : {});
  };
  /** Replaces whatever contact-write failure is injected with this one. */
  const failWrites = (answer: Fault['answer'], times = 1) => void proxy.faults.splice(0, Infinity, { path: CONTACT_WRITE, times, answer });
  return { ...proxy, queue, signUp, failWrites };
}

describe('queued signups: accepted while Dotdigital is down', () => {
  it('answers 202 queued, then delivers the consent record as captured and the preferences as they are at delivery', async () => {
    const p = await queuedProxy({ preferences: [1], addressBookId: ADDRESS_BOOK_ID });
    p.mock.store.contacts.set('ann@example.com', storedContact('ann@example.com', [3]));
    const consentedAt = new Date(p.clock.now() - 5_000).toISOString();
    const response = await p.signUp('ann@example.com', [2], { clientAddress: '203.0.113.7', userAgent: 'Mozilla/5.0 (Queued)' });
    expect(response.status).toBe(202);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'queued' });
    expect(p.queue.size).toBe(1);
    expect(p.mock.store.contacts.get('ann@example.com')!.consentRecords).toEqual([]);
    expect(p.logger.text()).not.toContain('ann@example.com');

    // While it waits, the contact opts into a preference this form does not show (5) elsewhere.
    p.mock.store.contacts.get('ann@example.com')!.optedIn.add(5);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 0 }); // not due yet
    p.clock.time += 6 * HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });

    const contact = p.mock.store.contacts.get('ann@example.com')!;
    expect(contact.consentRecords.at(-1)!.fields).toEqual({
      TEXT: CONSENT_TEXT, DATETIMECONSENTED: consentedAt, URL: `${SITE}/signup`, IPADDRESS: '203.0.113.7', USERAGENT: 'Mozilla/5.0 (Queued)',
    });
    // 2 ticked → in; 3 (shown, not ticked) and 5 (not shown, set while queued) kept: nothing is opted out.
    expect(optedIn(contact)).toEqual([2, 3, 5]);
    expect(contact.addressBooks.has(ADDRESS_BOOK_ID)).toBe(true);
    expect(p.queue.size).toBe(0);
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 0 });
    expect(p.logger.text()).not.toContain('ann@example.com');
  });

  it('queues on network errors and on a rate limit that outlasts the budget, not before Retry-After', async () => {
    const p = await queuedProxy();
    p.failWrites(reject(), Infinity);
    expect((await p.signUp('net@example.com')).status).toBe(202);
    const headers = { 'x-ratelimit-limit': '35', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '600' };
    p.failWrites(status(429, { message: 'Too many requests' }, headers));
    expect((await p.signUp('busy@example.com')).status).toBe(202);
    p.clock.time += 5 * 60_000;
    // Issue 11: the busy signup was queued without a call (three network failures made an outage);
    // the first call after the outage meets the 429, and after it nobody calls before its reset.
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 0 });
    expect(p.mock.store.contacts.has('busy@example.com')).toBe(false);
    p.clock.time += 6 * 60_000;
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 0 }); // the reset is 10 min after that 429
    p.clock.time += 5 * 60_000;
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 2 });
    expect(p.mock.store.contacts.has('busy@example.com')).toBe(true);
    expect(p.mock.store.contacts.has('net@example.com')).toBe(true);
  });

  it('queues while the account’s hourly API cap is reached, which lifts within the hour', async () => {
    const p = await queuedProxy();
    p.failWrites(status(400, { message: 'Your account has generated excess API activity. ERROR_APIUSAGE_EXCEEDED' }));
    expect(await (await p.signUp('capped@example.com')).json()).toEqual({ status: 'queued' });
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 1 });
    expect(p.mock.store.contacts.has('capped@example.com')).toBe(true);
  });

  it('never queues what Dotdigital refused (4xx), and answers 503 without a queue', async () => {
    const p = await queuedProxy();
    p.failWrites(status(400, { message: 'Error: ERROR_PARAMETER_INVALID' }));
    const refused = await p.signUp('bad@example.com');
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).code).toBe('invalid_email');
    p.faults.push({ path: CONTACT_WRITE, answer: status(401, { message: 'Authorization has been denied for this request.' }) });
    expect((await p.signUp('ann@example.com')).status).toBe(502);
    expect(p.queue.size).toBe(0);

    const without = await queuedProxy({ queue: undefined });
    expect((await without.signUp('ann@example.com')).status).toBe(503);
  });

  it('answers 503 when the queue is full or cannot store, and logs it', async () => {
    const p = await queuedProxy({}, createMemorySignupQueue({ maxEntries: 1 }));
    expect((await p.signUp('one@example.com')).status).toBe(202);
    const full = await p.signUp('two@example.com');
    expect(full.status).toBe(503);
    expect((await errorOf(full)).code).toBe('upstream_unavailable');
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ level: 'error', details: expect.objectContaining({ queueError: expect.stringContaining('full') }) }));

    const broken: SignupQueue = { ...createMemorySignupQueue(), add: async () => Promise.reject(new Error('disk full')) };
    const q = await queuedProxy({}, broken as ReturnType<typeof createMemorySignupQueue>);
    expect((await q.signUp('ann@example.com')).status).toBe(503);
  });

  // During an outage every accepted signup takes a place in the bounded queue until delivered, so
  // one sender must not be able to fill it: the per-IP limit is spent before anything is queued.
  it('lets one address, or one IPv6 /48 however it rotates, queue no more than its rate limit', async () => {
    const p = await queuedProxy({ rateLimit: { max: 3, windowMs: HOUR } });
    const flood = async (address: (n: number) => string) => {
      const statuses: number[] = [];
      for (let n = 1; n <= 30; n++) statuses.push((await p.signUp(`f${n}-${address(n)}@example.com`.replace(/:/g, '-'), [2], { clientAddress: address(n) })).status);
      return statuses;
    };
    expect(await flood(() => '203.0.113.9')).toEqual([...Array(3).fill(202), ...Array(27).fill(429)]);
    expect(await flood((n) => `2001:db8:9:${n.toString(16)}::1`)).toEqual([...Array(12).fill(202), ...Array(18).fill(429)]);
    expect(p.queue.size).toBe(15);
  });

  // The queue holds up to maxEntries signups in memory and on disk: each must be as small as what is
  // recorded, not as large as the headers a sender can make up (Node takes 16 KB of them).
  it('stores the user agent as recorded (512 characters), not as sent', async () => {
    const p = await queuedProxy();
    expect((await p.signUp('ann@example.com', [2], { userAgent: `Mozilla/5.0 ${'x'.repeat(15_000)}` })).status).toBe(202);
    const [entry] = await p.queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 1, leaseMs: 1 });
    expect(entry!.contact.userAgent).toHaveLength(512);
    expect(JSON.stringify(entry).length).toBeLessThan(2_000);
  });

  it('refuses a queue that is not one, at start-up', async () => {
    await expect(queuedProxy({ queue: { add: async () => undefined } as unknown as SignupQueue })).rejects.toThrow(/`queue` lacks claim, remove, reschedule/);
  });
});

describe('queued signups: delivery', () => {
  it('two deliverers at once send each entry once', async () => {
    const p = await queuedProxy();
    for (const name of ['a', 'b', 'c']) expect((await p.signUp(`${name}@example.com`)).status).toBe(202);
    const before = p.contactWrites();
    p.recover();
    p.clock.time += HOUR;
    const other = proxyWithMock({ clock: p.clock, queue: p.queue, fetch: p.upstreamFetch as typeof fetch });
    const reports = await Promise.all([p.handler.deliverQueued(), other.handler.deliverQueued(), p.handler.deliverQueued({ limit: 1 })]);
    expect(reports.reduce((sum, r) => sum + r.delivered, 0)).toBe(3);
    expect(p.contactWrites() - before).toBe(3);
  });

  it('a lease keeps an entry from others until it ends; a stale lease cannot reschedule', async () => {
    const queue = createMemorySignupQueue();
    const contact = { email: 'ann@example.com', optInType: 'Single' as const, dataFields: [], consentText: 'x', consentedAt: '', pageUrl: '', ipAddress: undefined, userAgent: '', shown: [], ticked: [] };
    await queue.add({ id: 'e1', acceptedAt: 0, dueAt: 0, attempts: 0, contact });
    const [first] = await queue.claim({ now: 1_000, limit: 10, leaseMs: 60_000 });
    expect(first?.id).toBe('e1');
    expect(await queue.claim({ now: 2_000, limit: 10, leaseMs: 60_000 })).toEqual([]);
    const [second] = await queue.claim({ now: 61_001, limit: 10, leaseMs: 60_000 });
    expect(second?.lease).not.toBe(first!.lease);
    await queue.reschedule('e1', first!.lease, { dueAt: 0, attempts: 9 }); // stale: ignored
    expect(await queue.claim({ now: 62_000, limit: 10, leaseMs: 60_000 })).toEqual([]);
    await queue.reschedule('e1', second!.lease, { dueAt: 70_000, attempts: 1 });
    expect(await queue.claim({ now: 69_999, limit: 10, leaseMs: 1 })).toEqual([]);
    expect(await queue.claim({ now: 70_000, limit: 10, leaseMs: 1 })).toMatchObject([{ id: 'e1', attempts: 1 }]);
  });

  it('backs off further each time Dotdigital is still down, and stops the round at the first failure', async () => {
    const p = await queuedProxy();
    for (const name of ['a', 'b']) await p.signUp(`${name}@example.com`);
    const dueTimes: number[] = [];
    for (let round = 0; round < 4; round++) {
      p.clock.time += 4 * HOUR;
      const before = p.contactWrites();
      expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 2 });
      expect(p.contactWrites() - before).toBeGreaterThanOrEqual(1); // the first entry is tried (with retries) …
      const [entry] = await p.queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 1, leaseMs: 1 });
      dueTimes.push(entry!.dueAt - p.clock.now());
      await p.queue.reschedule(entry!.id, entry!.lease, entry!);
    }
    // … and the wait grows: 30 s, 60 s, 120 s, 240 s steps (half fixed, half jitter).
    expect(dueTimes.map((ms) => Math.round(ms / 1000))).toEqual([45, 90, 180, 360]);
    p.recover();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 2, dropped: 0, postponed: 0 });
  });

  it('moves an entry older than maxAgeMs to the dead letters, drops one Dotdigital refuses as invalid, logging a reference, never the address', async () => {
    const p = await queuedProxy({ queueDelivery: { maxAgeMs: 24 * HOUR } });
    await p.signUp('old@example.com');
    p.clock.time += 25 * HOUR;
    await p.signUp('refused@example.com');
    p.recover();
    p.clock.time += HOUR;
    p.faults.push({ path: CONTACT_WRITE, answer: status(400, { message: 'Error: ERROR_PARAMETER_INVALID' }) });
    // Issue 23: past its age limit a signup is kept as a dead letter; the visitor's own invalid address is still dropped.
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 1, deadLettered: 1, postponed: 0 });
    expect(p.queue.size).toBe(0);
    expect(p.mock.store.contacts.size).toBe(0);
    expect((await p.queue.deadLetters()).map((letter) => [letter.reason, letter.entry.contact.email])).toEqual([['expired', 'old@example.com']]);
    const lines = p.logger.lines.filter((l) => l.message.startsWith('Dropped') || l.message.startsWith('Moved a queued signup to the dead letters'));
    expect(lines.map((l) => l.message.split(':')[0])).toEqual(['Moved a queued signup to the dead letters', 'Dropped a queued signup']);
    for (const line of lines) expect(line.details?.contact).toMatch(/^e:[0-9a-f]{16}$/);
    expect(p.logger.text()).not.toMatch(/old@|refused@/);
  });

  it('keeps signups while Dotdigital refuses the API user, so fixing the password loses nothing', async () => {
    const p = await queuedProxy();
    await p.signUp('ann@example.com');
    p.recover();
    p.clock.time += HOUR;
    p.faults.push({ path: CONTACT_WRITE, answer: status(401, { message: 'Authorization has been denied for this request.' }) });
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 1 });
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
  });

  it('delivers a suppressed contact as a live signup does: nothing written, the entry done', async () => {
    const p = await queuedProxy({}, undefined);
    await p.signUp('gone@example.com');
    p.recover();
    p.mock.store.contacts.set('gone@example.com', storedContact('gone@example.com', [], { id: 901, status: 'Suppressed' }));
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
    expect(p.mock.store.contacts.get('gone@example.com')!.status).toBe('Suppressed');
    expect(p.queue.size).toBe(0);
  });

  it('does nothing without a queue', async () => {
    const proxy = proxyWithMock();
    expect(await proxy.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 0 });
    expect(new SignupQueueFullError('x').name).toBe('SignupQueueFullError');
  });

  it('startQueueDelivery logs through the handler\'s logger when given none, and stays silent for `logger: false`', async () => {
    const failing: SignupQueue = { ...createMemorySignupQueue(), claim: async () => Promise.reject(new Error('store unreachable')) };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const logger = captureLogger();
      const stop = startQueueDelivery(proxyWithMock({ queue: failing, logger }).handler, { intervalMs: 10 });
      await expect.poll(() => logger.lines.length, { timeout: 2_000 }).toBeGreaterThan(0);
      await stop();
      expect(logger.lines[0]).toMatchObject({ level: 'error', details: { error: 'store unreachable' } });
      // A handler silenced with `logger: false`, and a silenced delivery over a handler that logs.
      const claims = [0, 0];
      const counted = (n: number): SignupQueue => ({ ...failing, claim: async (request) => (claims[n]!++, failing.claim(request)) });
      const quiet = [startQueueDelivery(proxyWithMock({ queue: counted(0), logger: false }).handler, { intervalMs: 10 }), startQueueDelivery(proxyWithMock({ queue: counted(1), logger }).handler, { intervalMs: 10, logger: false })];
      const before = logger.lines.length;
      // A second claim starts only after the first round's failure was handled (logged, or not).
      await expect.poll(() => Math.min(...claims), { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
      await Promise.all(quiet.map((stop) => stop()));
      expect(spy).not.toHaveBeenCalled();
      expect(logger.lines.length).toBe(before);
      // With no logger anywhere, the default: errors reach the console, prefixed.
      const loud = startQueueDelivery({ deliverQueued: () => Promise.reject(new Error('store unreachable')) }, { intervalMs: 10 });
      await expect.poll(() => spy.mock.calls.length, { timeout: 2_000 }).toBeGreaterThan(0);
      await loud();
      expect(String(spy.mock.calls[0]![0])).toMatch(/^\[dotdigital-signup\] Queued signups delivery round failed/);
    } finally {
      spy.mockRestore();
    }
  });

  it('startQueueDelivery runs rounds on an interval, never two at once, logs failures, and stop waits for the round', async () => {
    const memory = createMemorySignupQueue();
    let active = 0;
    let most = 0;
    let rounds = 0;
    // A slow store (each claim takes 60 ms) that fails its third claim.
    const slow: SignupQueue = {
      ...memory,
      claim: async (request) => {
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 60));
        active--;
        if (++rounds === 3) throw new Error('store unreachable');
        return memory.claim(request);
      },
    };
    const logger = captureLogger();
    const proxy = proxyWithMock({ queue: slow });
    // The interval on a fake clock (the slow claims keep real time): each poll moves it three
    // ticks, so ticks land while a round runs; after stop, no timer is left to start another.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = startQueueDelivery(proxy.handler, { intervalMs: 10, logger });
      await expect.poll(async () => (await vi.advanceTimersByTimeAsync(30), rounds), { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
      await stop();
      const after = rounds;
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(rounds).toBe(after);
    } finally {
      vi.useRealTimers();
    }
    expect(active).toBe(0);
    expect(most).toBe(1);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', details: { error: 'store unreachable' } }));
  });
});


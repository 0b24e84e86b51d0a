import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consentVersion, createMemorySignupQueue, type QueuedSignup, type SignupHandlerOptions, type SignupQueue } from '../../src/server/index.js';
import { createFileSignupQueue } from '../../src/server/node/index.js';
import { CONSENT_TEXT, errorOf, fakeClock, HOUR, optedIn, post, proxyInOutage, SITE, status, storedContact } from '../support/proxy-fixture.js';

/** A proxy that has never loaded the form definition: Dotdigital answers 503 to everything from the start. */
function coldProxy(options: Partial<SignupHandlerOptions> = {}, queue: (SignupQueue & { readonly size: number }) | null = createMemorySignupQueue()) {
  const proxy = proxyInOutage({ allowedOrigins: [SITE], ...(queue ? { queue } : {}), ...options });
  const { clock } = proxy;
  // The visitor's form came from elsewhere (another instance, a cache): the consent block it sends is the right one.
  const body = async (email: string, preferences: number[] = [2], consent: Record<string, string> = {}) => ({
    email, preferences,
    consent: { text: CONSENT_TEXT, version: await consentVersion(CONSENT_TEXT), consentedAt: new Date(clock.now() - 5_000).toISOString(), pageUrl: `${SITE}/signup`, ...consent },
  });
  const signUp = async (email: string, preferences?: number[]) => proxy.handler(post(await body(email, preferences)), { clientAddress: '203.0.113.7' });
  return { ...proxy, queue, body, signUp };
}

const claimAll = (queue: SignupQueue) => queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 100, leaseMs: 1 });

describe('a proxy that starts while Dotdigital is down (never had the form definition)', () => {
  it('queues a valid signup, then checks and delivers it with the definition loaded at delivery', async () => {
    const p = coldProxy({ preferences: [1] }); // the form offers category 1: preferences 2 and 3
    const response = await p.signUp('ann@example.com', [2]);
    expect(response.status).toBe(202);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'queued' });
    expect(p.contactWrites()).toBe(0);
    const [entry] = await claimAll(p.queue!);
    expect(entry).toMatchObject({ needsDefinitionCheck: true, contact: { shown: [], ticked: [2], consentText: CONSENT_TEXT, ipAddress: '203.0.113.7' } });
    await p.queue!.reschedule(entry!.id, entry!.lease, entry!);
    expect(p.logger.text()).not.toContain('ann@example.com');

    // Meanwhile Ann holds 3 (shown, not ticked), 4 (private) and 5 (not on this form).
    p.mock.store.contacts.set('ann@example.com', storedContact('ann@example.com', [3, 4, 5]));
    p.recover();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
    const ann = p.mock.store.contacts.get('ann@example.com')!;
    expect(optedIn(ann)).toEqual([2, 3, 4, 5]); // 2 ticked → in; nothing opted out
    expect(ann.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: CONSENT_TEXT, URL: `${SITE}/signup`, IPADDRESS: '203.0.113.7' });
    expect(p.queue!.size).toBe(0);
  });

  it('still refuses, without calling Dotdigital, what it can check without the definition', async () => {
    const p = coldProxy({ rateLimit: { max: 5, windowMs: HOUR } });
    const refusals: Array<[Request, number, string]> = [
      [post({ ...(await p.body('ann@example.com')), email: 'not-an-address' }), 400, 'invalid_email'],
      [post(await p.body('ann@example.com', [2], { version: 'v-old' })), 409, 'consent_mismatch'],
      [post(await p.body('ann@example.com', [2], { text: 'Something else.' })), 409, 'consent_mismatch'],
      [post(await p.body('ann@example.com'), { origin: 'https://evil.example' }), 403, 'origin_not_allowed'],
      [post(await p.body('ann@example.com', [2], { pageUrl: 'https://evil.example/x' })), 400, 'invalid_page_url'],
      [post({ ...(await p.body('ann@example.com')), fields: { NOPE: 'x' } }), 400, 'unknown_field'],
    ];
    for (const [request, code, error] of refusals) {
      const response = await p.handler(request, { clientAddress: '203.0.113.7' });
      expect([response.status, (await errorOf(response)).code]).toEqual([code, error]);
    }
    // Preference ids are still shape-checked: positive whole numbers, at most 500 of them.
    for (const preferences of [[0], [-2], [1.5], Array.from({ length: 501 }, (_, i) => i + 1)]) {
      const response = await p.handler(post(await p.body('ann@example.com', preferences)), { clientAddress: '203.0.113.8' });
      expect([response.status, (await errorOf(response)).field]).toEqual([400, expect.stringMatching(/^preferences/)]);
    }
    expect(p.upstream).toHaveLength(0);
    // The five refusals that reached the limiter spent its five signups for this address.
    expect((await p.handler(post(await p.body('ann@example.com')), { clientAddress: '203.0.113.7' })).status).toBe(429);
    expect(p.queue!.size).toBe(0);
  });

  it('answers a filled honeypot like a signup, queueing and sending nothing', async () => {
    const p = coldProxy();
    const response = await p.handler(post({ ...(await p.body('bot@example.com')), honeypot: 'x' }), { clientAddress: '203.0.113.7' });
    expect(response.status).toBe(201);
    expect(p.queue!.size).toBe(0);
    expect(p.upstream).toHaveLength(0);
  });

  it('drops at delivery a signup ticking a preference the form does not offer, logged without the address', async () => {
    const p = coldProxy({ preferences: [1] });
    expect((await p.signUp('private@example.com', [2, 4])).status).toBe(202); // 4 is not public
    expect((await p.signUp('other@example.com', [5])).status).toBe(202); // 5 is public, but not in `preferences`
    p.recover();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 2, postponed: 0 });
    expect(p.contactWrites()).toBe(0);
    expect(p.mock.store.contacts.size).toBe(0);
    const drops = p.logger.lines.filter((l) => l.message.startsWith('Dropped a queued signup'));
    expect(drops.map((l) => l.details?.preferences)).toEqual([[4], [5]]);
    for (const line of drops) expect(line.details?.contact).toMatch(/^e:[0-9a-f]{16}$/);
    expect(p.logger.text()).not.toMatch(/private@|other@/);
  });

  it('answers 503 without a queue, and 502 without queueing when Dotdigital refuses the API user', async () => {
    const without = coldProxy({}, null);
    const response = await without.signUp('ann@example.com');
    expect([response.status, (await errorOf(response)).code]).toEqual([503, 'upstream_unavailable']);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);

    const p = coldProxy();
    p.faults.length = 0;
    p.faults.push({ times: Infinity, answer: status(401, { message: 'Authorization has been denied for this request.' }) });
    expect((await p.signUp('ann@example.com')).status).toBe(502);
    expect(p.queue!.size).toBe(0);
  });

  it('keeps the mark in a file queue, and still delivers an entry written without it by the previous version', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cold-queue-'));
    try {
      const path = join(dir, 'queue.jsonl');
      // An entry as the previous version wrote it: no needsDefinitionCheck; the form showed 2 and 3.
      const old: QueuedSignup = {
        id: 'old-1', acceptedAt: fakeClock().now(), dueAt: 0, attempts: 0,
        contact: { email: 'old@example.com', optInType: 'Single', dataFields: [], consentText: CONSENT_TEXT, consentedAt: '2026-03-01T11:59:00.000Z', pageUrl: `${SITE}/`, ipAddress: '203.0.113.9', userAgent: 'UA', shown: [2, 3], ticked: [3] },
      };
      await writeFile(path, `${JSON.stringify({ add: old })}\n`, { mode: 0o600 });
      const first = await createFileSignupQueue({ path });
      const cold = coldProxy({}, first);
      expect((await cold.signUp('new@example.com', [3])).status).toBe(202);
      await first.close();

      const second = await createFileSignupQueue({ path });
      const p = coldProxy({}, second);
      p.recover();
      p.clock.time += HOUR;
      p.mock.store.contacts.set('old@example.com', storedContact('old@example.com', [2, 5]));
      expect(await p.handler.deliverQueued()).toEqual({ delivered: 2, dropped: 0, postponed: 0 });
      expect(optedIn(p.mock.store.contacts.get('old@example.com'))).toEqual([2, 3, 5]); // 3 ticked → in; 2 (shown, unticked) and 5 kept: nothing is opted out
      expect(optedIn(p.mock.store.contacts.get('new@example.com'))).toEqual([3]); // every public preference offered
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createSignupHandler } from '../../../src/server/index.js';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { captureLogger, CONSENT_TEXT, CONTACT_WRITE, consentFor, errorOf, post, proxyWithMock, SITE, status } from '../../support/proxy-fixture.js';
import { queuedSignup } from '../queue/signup-queue-contract.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

// The `stores` option with real Redis: what several instances share, and what a lost Redis costs.
const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;
const quiet = { warn: () => undefined, error: () => undefined };

/** `count` instances of the proxy sharing one prefix of one Redis, and one mock. */
async function instances(count: number, rateLimit?: { max: number; windowMs: number }) {
  const prefix = `h${++prefixes}`;
  const stores = await Promise.all(Array.from({ length: count }, () => createRedisStores({ redis: redis.server.url, prefix, logger: quiet, timeoutMs: 300, ...(rateLimit ? { rateLimit } : {}) })));
  open.push(...stores);
  const logger = captureLogger();
  const first = proxyWithMock({ stores: stores[0]!, logger, retry: { budgetMs: 1_000 }, ...(rateLimit ? { rateLimit: undefined } : {}) });
  const handlers = [first.handler, ...stores.slice(1).map((s) => proxyWithMock({ stores: s, logger, retry: { budgetMs: 1_000 }, fetch: first.upstreamFetch as typeof fetch, ...(rateLimit ? { rateLimit: undefined } : {}) }).handler)];
  const signUp = async (n: number, email = `v${n}@example.com`, ip = `203.0.113.${n + 1}`) =>
    handlers[n % count]!(post({ email, preferences: [2], consent: await consentFor(first.handler) }), { clientAddress: ip });
  return { ...first, logger, stores, handlers, signUp };
}

describe('createSignupHandler({ stores: createRedisStores(…) })', () => {
  it('counts the per-IP limit across instances: three instances allow one visitor the limit once', async () => {
    // The limit counts Dotdigital calls, charged across instances too: a new contact costs two (read, write).
    const p = await instances(3, { max: 8, windowMs: 60_000 });
    const answers = [];
    for (let n = 0; n < 9; n++) answers.push((await p.signUp(n, `same${n}@example.com`, '198.51.100.7')).status);
    expect(answers).toEqual([201, 201, 201, 201, 429, 429, 429, 429, 429]);
  });

  it('refuses a queue given twice, and a handler limit beside the shared one, saying what to do', async () => {
    const [stores] = await Promise.all([createRedisStores({ redis: redis.server.url, prefix: `h${++prefixes}`, logger: quiet })]);
    open.push(stores!);
    const base = { apiUser: 'u', apiPassword: 'p', consentText: CONSENT_TEXT };
    expect(() => createSignupHandler({ ...base, stores: stores!, queue: stores!.queue })).toThrow(/either `queue` or `stores.queue`/);
    expect(() => createSignupHandler({ ...base, stores: stores!, rateLimit: { max: 5, windowMs: 1_000 } })).toThrow(/createRedisStores\(\{ rateLimit \}\)/);
    expect(() => createSignupHandler({ ...base, stores: stores!, rateLimit: false })).not.toThrow();
  });

  it('with Redis lost, a signup is tried live and signed up (the budget fails open, the limit counts in memory)', async () => {
    const p = await instances(2, { max: 4, windowMs: 60_000 });
    await consentFor(p.handler);
    await redis.server.stop();
    try {
      const answers = await Promise.all([p.signUp(0), p.signUp(1)]);
      expect(answers.map((r) => r.status)).toEqual([201, 201]);
      expect(p.mock.store.contacts.get('v1@example.com')!.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: CONSENT_TEXT, URL: `${SITE}/signup` });
    } finally {
      await redis.server.restart();
    }
  });

  it('a shared limiter of your own that fails lets signups through and says so once', async () => {
    const logger = captureLogger();
    const broken = { take: async () => Promise.reject(new Error('ECONNREFUSED')) };
    const p = proxyWithMock({ stores: { ipLimiter: broken }, logger, rateLimit: undefined });
    const signUp = async (n: number) => p.handler(post({ email: `s${n}@example.com`, preferences: [2], consent: await consentFor(p.handler) }), { clientAddress: '198.51.100.9' });
    expect([(await signUp(1)).status, (await signUp(2)).status]).toEqual([201, 201]);
    expect(logger.lines.filter((line) => line.message.startsWith('The shared per-IP limit could not be checked'))).toHaveLength(1);
  });

  it('with Redis lost and Dotdigital down, the signup that cannot be stored is answered 503 with Retry-After, never 500', async () => {
    const p = await instances(1);
    await consentFor(p.handler);
    p.faults.push({ path: CONTACT_WRITE, times: Infinity, answer: status(503) });
    await redis.server.stop();
    try {
      const response = await p.signUp(0);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await errorOf(response)).code).toBe('upstream_unavailable');
      expect(p.logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('Could not queue a signup') }));
    } finally {
      await redis.server.restart();
    }
  });

  it('a malformed entry in Redis is skipped and logged; the drainer delivers the rest', async () => {
    const p = await instances(1);
    const [stores] = p.stores;
    const entry = (id: string, n: number) => queuedSignup(id, { acceptedAt: Date.now() - 1_000 + n, contact: { ...queuedSignup(id).contact, dataFields: [], consentText: CONSENT_TEXT, pageUrl: `${SITE}/`, shown: [2], ticked: [2] } });
    await stores!.queue.add(entry('good-1', 1));
    await stores!.queue.add(entry('broken', 2));
    await stores!.queue.add(entry('good-2', 3));
    await stores!.redis.hset(`{h${prefixes}}:queue:entries`, 'broken', '{"id":"broken","contact":');
    const warned: string[] = [];
    const logged = { warn: (message: string) => void warned.push(message), error: () => undefined };
    const watched = createRedisStores({ redis: redis.server.url, prefix: `h${prefixes}`, logger: logged });
    open.push(watched);
    const drainer = proxyWithMock({ stores: { queue: watched.queue }, fetch: p.upstreamFetch as typeof fetch });
    expect(await drainer.handler.deliverQueued()).toMatchObject({ delivered: 2, dropped: 0 });
    expect(warned).toEqual(['Skipped a malformed signup queue entry in Redis (moved to the malformed hash)']);
    expect(p.mock.store.contacts.has('good-1@example.com') && p.mock.store.contacts.has('good-2@example.com')).toBe(true);
    expect(await watched.queue.size()).toBe(0);
  });
});

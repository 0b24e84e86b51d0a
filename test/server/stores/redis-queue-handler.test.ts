import { describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { CONSENT_TEXT, CONTACT_WRITE, consentFor, errorOf, HOUR, post, proxyInOutage, proxyWithMock, SITE } from '../../support/proxy-fixture.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

// The Redis queue behind today's handler (its `queue` option): three instances of the proxy
// queue into one Redis while Dotdigital is down, then deliver it together, each signup once.
const open: RedisStores[] = [];
const redis = redisServerForFile(open);
const quiet = { warn: () => undefined, error: () => undefined };

async function threeInstances() {
  const stores = await Promise.all([0, 1, 2].map(() => createRedisStores({ redis: redis.server.url, prefix: 'handler', logger: quiet, timeoutMs: 500 })));
  open.push(...stores);
  // One call per signup here: a backlog this small stays under the bulk threshold (bulk-delivery.test.ts covers imports).
  const queueDelivery = { bulkThreshold: 1_000 };
  const first = proxyInOutage({ queue: stores[0]!.queue, queueDelivery }, CONTACT_WRITE);
  const others = stores.slice(1).map(({ queue }) => proxyWithMock({ clock: first.clock, logger: first.logger, queue, queueDelivery, fetch: first.upstreamFetch as typeof fetch }));
  const handlers = [first.handler, ...others.map((p) => p.handler)];
  await consentFor(first.handler);
  const signUp = async (n: number) => {
    const consent = { ...(await consentFor(first.handler)), consentedAt: new Date(first.clock.now() - 5_000).toISOString() };
    return handlers[n % 3]!(post({ email: `v${n}@example.com`, preferences: [2], consent }), { clientAddress: `203.0.113.${n + 1}` });
  };
  return { ...first, stores, handlers, signUp };
}

/** Every value under the prefix that holds an address or an IP of the signups above. */
async function personalData({ redis: client }: RedisStores): Promise<string[]> {
  const read = async (key: string) => {
    const type = await client.type(key);
    return type === 'hash' ? client.hgetall(key) : type === 'zset' ? client.zrange(key, '0', '-1') : type === 'string' ? client.get(key) : type;
  };
  const values = await Promise.all((await client.keys('{handler}:*')).map(async (key) => JSON.stringify(await read(key))));
  return values.filter((value) => /@example\.com|203\.0\.113\./.test(value));
}

describe('the Redis queue behind the signup handler', () => {
  it('three instances queue during an outage and deliver every signup once, consent record as captured', async () => {
    const p = await threeInstances();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => p.signUp(n)));
    expect(answers.map((r) => r.status)).toEqual(Array(30).fill(202));
    expect(await p.stores[0]!.queue.size()).toBe(30);
    expect((await personalData(p.stores[0]!)).length).toBeGreaterThan(0);
    const before = p.contactWrites();
    p.recover();
    p.clock.time += HOUR;
    const reports = await Promise.all(p.handlers.map((handler) => handler.deliverQueued({ limit: 20 })));
    const reports2 = await Promise.all(p.handlers.map((handler) => handler.deliverQueued({ limit: 20 })));
    expect([...reports, ...reports2].reduce((sum, r) => sum + r.delivered, 0)).toBe(30);
    expect(p.contactWrites() - before).toBe(30);
    expect(await p.stores[1]!.queue.size()).toBe(0);
    // Delivered means gone: no key of the prefix holds an address, a consent record or an IP any more.
    expect(await personalData(p.stores[0]!)).toEqual([]);
    const contact = p.mock.store.contacts.get('v7@example.com')!;
    expect(contact.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: CONSENT_TEXT, URL: `${SITE}/signup`, IPADDRESS: '203.0.113.8', USERAGENT: 'Vitest/1.0' });
  });

  it('with Redis gone too, a signup that cannot be queued is answered 503, promptly, never 500', async () => {
    const p = await threeInstances();
    await redis.server.stop();
    try {
      const start = performance.now();
      const answer = await p.signUp(1);
      expect(answer.status).toBe(503);
      expect((await errorOf(answer)).code).toBe('upstream_unavailable');
      expect(performance.now() - start).toBeLessThan(3_000); // the retry budget (fake clock) plus one failed store call
    } finally {
      await redis.server.restart();
    }
  });
});

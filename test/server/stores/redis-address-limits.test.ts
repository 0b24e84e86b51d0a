import { describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { consentFor, post, proxyWithMock } from '../../support/proxy-fixture.js';
import { queuedSignup } from '../queue/signup-queue-contract.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

// Issue 20 with real Redis: the per-address limits every instance shares, and malformed entries that expire.
const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;
const quiet = { warn: () => undefined, error: () => undefined };

async function stores(prefix: string, more: { malformedRetentionMs?: number } = {}) {
  const made = createRedisStores({ redis: redis.server.url, prefix, logger: quiet, ...more });
  open.push(made);
  await made.ping(); // connected, so the tests may also use its client directly
  return made;
}

describe('per-address limits in Redis', () => {
  it('three instances send one address 3 confirmation emails a day in all, whatever client address posts, and keep no address in Redis', async () => {
    const prefix = `a${++prefixes}`;
    const shared = await Promise.all([stores(prefix), stores(prefix), stores(prefix)]);
    const first = proxyWithMock({ optInType: 'VerifiedDouble', stores: shared[0]!, rateLimit: false });
    const handlers = [first.handler, ...shared.slice(1).map((s) => proxyWithMock({ optInType: 'VerifiedDouble', stores: s, rateLimit: false, fetch: first.upstreamFetch as typeof fetch }).handler)];
    const consent = await consentFor(first.handler);
    const answers = new Set<number>();
    for (let n = 0; n < 30; n++) answers.add((await handlers[n % 3]!(post({ email: 'pat@example.com', consent }), { clientAddress: `198.51.100.${n % 6}` })).status);
    expect([...answers]).toEqual([202]);
    expect(first.mock.store.outbox.filter((mail) => mail.to === 'pat@example.com')).toHaveLength(3);
    expect(first.contactWrites()).toBe(3);
    const keys = await shared[0]!.redis.keys(`{${prefix}}:address-*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => /:address-(writes|emails):e:[0-9a-f]{16}$/.test(key))).toBe(true);
    expect(keys.join(' ')).not.toContain('pat@');
    const ttl = await shared[0]!.redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(23 * 3_600_000); // the window: a day
  });

  it('a counter gives back what it took, and refuses past its max until the window ends', async () => {
    const { counters } = await stores(`a${++prefixes}`);
    const emails = counters.counter('address-emails', { max: 2, windowMs: 60_000 });
    expect([await emails.take('e:1'), await emails.take('e:1'), await emails.take('e:1')]).toEqual([true, true, false]);
    await emails.give('e:1');
    await emails.give('e:1');
    expect(await emails.take('e:1')).toBe(true);
    expect(await emails.take('e:2')).toBe(true); // another address
  });
});

describe('malformed queue entries in Redis expire', () => {
  const DAY = 86_400_000;
  it('are deleted once older than malformedRetentionMs, and ones kept by an older version are dated when first seen', async () => {
    const prefix = `m${++prefixes}`;
    const { queue, redis: client } = await stores(prefix, { malformedRetentionMs: DAY });
    await client.hset(`{${prefix}}:queue:malformed`, 'from-before', '{"contact":{"email":"old@example.com"}');
    await queue.add(queuedSignup('bad', { acceptedAt: 1 }));
    await client.hset(`{${prefix}}:queue:entries`, 'bad', '{"contact": {"email": "secret@example.com"');
    const start = Date.parse('2026-05-01T00:00:00Z');
    await queue.claim({ now: start, limit: 10, leaseMs: 1_000 });
    expect((await client.hkeys(`{${prefix}}:queue:malformed`)).sort()).toEqual(['bad', 'from-before']);
    await queue.claim({ now: start + DAY - 3_600_000, limit: 10, leaseMs: 1_000 });
    expect(await client.hlen(`{${prefix}}:queue:malformed`)).toBe(2); // not a day old yet
    await queue.claim({ now: start + DAY + 3_600_000, limit: 10, leaseMs: 1_000 });
    expect(await client.hlen(`{${prefix}}:queue:malformed`)).toBe(0);
    expect(await client.zcard(`{${prefix}}:queue:malformed-at`)).toBe(0);
  });

  it('keep 7 days by default, and refuse a retention under a second', async () => {
    const prefix = `m${++prefixes}`;
    const { queue, redis: client } = await stores(prefix);
    await queue.add(queuedSignup('bad', { acceptedAt: 1 }));
    await client.hset(`{${prefix}}:queue:entries`, 'bad', 'not json');
    const start = Date.parse('2026-05-01T00:00:00Z');
    await queue.claim({ now: start, limit: 10, leaseMs: 1_000 });
    await queue.claim({ now: start + 6 * 86_400_000, limit: 10, leaseMs: 1_000 });
    expect(await client.hlen(`{${prefix}}:queue:malformed`)).toBe(1);
    await queue.claim({ now: start + 7 * 86_400_000 + 1, limit: 10, leaseMs: 1_000 });
    expect(await client.hlen(`{${prefix}}:queue:malformed`)).toBe(0);
    expect(() => createRedisStores({ redis: redis.server.url, prefix: `m${++prefixes}`, logger: quiet, malformedRetentionMs: 10 })).toThrow(/malformedRetentionMs must be at least 1000/);
  });
});

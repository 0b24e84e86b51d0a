import { describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;

/** `count` instances of one proxy sharing a per-IP limit of `max` per `windowMs`. */
async function instances(count: number, max: number, windowMs = 60_000) {
  const prefix = `ip${++prefixes}`;
  const made = await Promise.all(Array.from({ length: count }, () => createRedisStores({ redis: redis.server.url, prefix, rateLimit: { max, windowMs }, logger: { warn: () => undefined, error: () => undefined } })));
  open.push(...made);
  return made.map((stores) => stores.ipLimiter);
}
/** Whether each of `count` requests, spread over the instances in turn, was allowed. */
async function flood(limiters: Awaited<ReturnType<typeof instances>>, count: number, address: (n: number) => string) {
  const allowed: boolean[] = [];
  for (let n = 0; n < count; n++) allowed.push((await limiters[n % limiters.length]!.take(address(n))).allowed);
  return allowed;
}

describe('Redis per-IP limiter (rate-limiter-flexible), shared by instances', () => {
  it('three instances allow an address its limit once, not three times, and say when to retry', async () => {
    const limiters = await instances(3, 4);
    expect(await flood(limiters, 10, () => '203.0.113.7')).toEqual([...Array(4).fill(true), ...Array(6).fill(false)]);
    const verdict = await limiters[0]!.take('203.0.113.7');
    expect(verdict.allowed).toBe(false);
    expect(!verdict.allowed && verdict.retryAfterMs).toBeGreaterThan(58_000);
    expect(!verdict.allowed && verdict.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect((await limiters[1]!.take('203.0.113.8')).allowed).toBe(true); // another visitor
  });

  it('an IPv6 /64 is one visitor; rotating /64s within a /48 gets four visitors’ worth in all', async () => {
    const limiters = await instances(2, 3);
    expect(await flood(limiters, 6, (n) => `2001:db8:1:2::${n + 1}`)).toEqual([true, true, true, false, false, false]);
    const rotating = await flood(limiters, 30, (n) => `2001:db8:9:${(n + 1).toString(16)}::1`);
    expect(rotating).toEqual([...Array(12).fill(true), ...Array(18).fill(false)]);
    expect((await limiters[0]!.take('2001:db8:a::1')).allowed).toBe(true); // another /48
  });

  it('allows again once the window has passed', async () => {
    const limiters = await instances(2, 1, 1_000);
    expect(await flood(limiters, 2, () => '198.51.100.1')).toEqual([true, false]);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await limiters[1]!.take('198.51.100.1')).allowed).toBe(true);
  });

  it('while Redis is down each instance limits from its own memory, at once', async () => {
    const [limiter] = await instances(1, 2);
    await redis.server.stop();
    try {
      const start = performance.now();
      expect(await flood([limiter!], 3, () => '192.0.2.1')).toEqual([true, true, false]);
      expect(performance.now() - start).toBeLessThan(300);
    } finally {
      await redis.server.restart();
    }
  });

  it('refuses a window under a second (it counts whole seconds)', async () => {
    await expect(instances(1, 1, 500)).rejects.toThrow(/windowMs must be at least 1000/);
  });
});

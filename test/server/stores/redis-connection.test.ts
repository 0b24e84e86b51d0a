import { Redis } from 'ioredis';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createRedisStores, RedisUnavailableError, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { freePort } from '../../support/redis-server.js';
import { queuedSignup } from '../queue/signup-queue-contract.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

const open: RedisStores[] = [];
const redis = redisServerForFile(open);
const lines: string[] = [];
const logger = { warn: (message: string) => lines.push(`warn: ${message}`), error: (message: string) => lines.push(`error: ${message}`) };
const stores = async (timeoutMs = 500) => {
  const made = createRedisStores({ redis: redis.server.url, prefix: `c${open.length}`, timeoutMs, logger });
  open.push(made);
  return made;
};
/** How long a promise takes to settle, and how. */
const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  const outcome = await work().then(() => 'resolved', (error: Error) => error.message);
  return { ms: performance.now() - start, outcome };
};

describe('Redis stores: unreachable at start', () => {
  it('nothing listening: created all the same; a call rejects promptly naming SIGNUP_REDIS_URL, the real scheme, no password', async () => {
    const port = await freePort();
    const made = createRedisStores({ redis: `redis://:hunter2@127.0.0.1:${port}/0`, timeoutMs: 1_000, logger });
    open.push(made);
    const { ms, outcome } = await timed(() => made.ping());
    expect(outcome).toBe(`Redis at redis://:****@127.0.0.1:${port}/0 is unreachable: connection refused (ECONNREFUSED): nothing listens on that host and port; is Redis running. Check SIGNUP_REDIS_URL (or the \`redis\` option of createRedisStores)`);
    expect(ms).toBeLessThan(1_500);
    await expect(made.queue.add(queuedSignup('cold'))).rejects.toBeInstanceOf(RedisUnavailableError);
  });

  it('something listening that never answers: the first call gives up once timeoutMs has passed', async () => {
    const silent: Server = createServer(() => undefined);
    const port = await new Promise<number>((resolve) => silent.listen(0, '127.0.0.1', () => resolve((silent.address() as { port: number }).port)));
    const made = createRedisStores({ redis: `rediss://127.0.0.1:${port}`, timeoutMs: 300, logger });
    open.push(made);
    const { ms, outcome } = await timed(() => made.ping());
    silent.close();
    expect(outcome).toMatch(/^Redis at rediss:\/\/127\.0\.0\.1:\d+ is unreachable: no answer within 300 ms\. Check SIGNUP_REDIS_URL/);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1_500);
  });
});

describe('Redis stores: Redis lost while running', () => {
  it('a stopped Redis makes every store reject at once (no hang), and they work again once it is back', async () => {
    const { queue, budget, drainLock } = await stores();
    await queue.add(queuedSignup('before'));
    lines.length = 0;
    await redis.server.stop();
    for (const work of [() => queue.add(queuedSignup('during')), () => queue.claim({ now: 1, limit: 1, leaseMs: 1 }), () => drainLock.acquire(1_000)]) {
      const { ms, outcome } = await timed(work);
      expect(outcome).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: .*Check SIGNUP_REDIS_URL/);
      expect(ms).toBeLessThan(600);
    }
    // The call budget answers from this instance's own view instead (the circuit holds without Redis).
    const { ms, outcome } = await timed(() => budget.mayCall(1));
    expect([outcome, ms < 600]).toEqual(['resolved', true]);
    await redis.server.restart();
    await expect.poll(() => queue.size().catch(() => -1), { timeout: 5_000 }).toBe(1);
    await queue.add(queuedSignup('after'));
    expect(await queue.size()).toBe(2);
    // Told once that it went and once that it came back, not at each reconnect attempt.
    expect(lines.filter((line) => line.startsWith('error: Lost the connection to Redis'))).toHaveLength(1);
    expect(lines.filter((line) => /^warn: Redis at redis:\/\/127\.0\.0\.1:\d+ is reachable again$/.test(line))).toHaveLength(1);
  });

  it('a Redis that stops answering (frozen) makes calls reject after timeoutMs', async () => {
    const { queue, budget } = await stores(400);
    await queue.size();
    redis.server.pause();
    try {
      for (const work of [() => queue.add(queuedSignup('frozen')), () => budget.record(1, { kind: 'unreachable' })]) {
        const { ms, outcome } = await timed(work);
        expect(outcome).toMatch(/is unreachable: no answer within 400 ms/);
        expect(ms).toBeGreaterThanOrEqual(390);
        expect(ms).toBeLessThan(1_000);
      }
    } finally {
      redis.server.resume();
    }
    await expect.poll(() => queue.size().catch(() => -1), { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
  });
});

describe('Redis stores: a client you bring', () => {
  it('is used as it is and left open by close()', async () => {
    const client = new Redis(redis.server.url);
    const made = createRedisStores({ redis: client, prefix: 'own' });
    await made.queue.add(queuedSignup('mine'));
    await made.close();
    expect(await client.hlen('{own}:queue:entries')).toBe(1);
    await client.quit();
  });
});

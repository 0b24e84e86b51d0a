import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { queuedSignup } from '../queue/signup-queue-contract.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;
const logged: Array<{ message: string; details?: Record<string, unknown> }> = [];
const logger = { warn: (message: string, details?: Record<string, unknown>) => logged.push({ message, details }), error: () => undefined };

/** Stores on a fresh prefix (a fresh queue), or on `prefix` to be another instance of the same proxy. */
async function stores(options: { maxEntries?: number; prefix?: string } = {}) {
  const made = createRedisStores({ redis: redis.server.url, prefix: options.prefix ?? `q${++prefixes}`, maxEntries: options.maxEntries ?? 10_000, logger });
  open.push(made);
  return made;
}

// The SignupQueue contract runs against this store in test/server/queue/signup-queue-contract.test.ts.

describe('Redis queue: shared by instances', () => {
  it('two instances claiming at once never get the same entry (batches of hundreds)', async () => {
    const a = await stores({ prefix: 'shared-claims' });
    const b = await stores({ prefix: 'shared-claims' });
    await Promise.all(Array.from({ length: 1_000 }, (_, n) => a.queue.add(queuedSignup(`e${n}`, { acceptedAt: n }))));
    const rounds = await Promise.all(Array.from({ length: 10 }, (_, n) => (n % 2 ? a : b).queue.claim({ now: 1, limit: 150, leaseMs: 60_000 })));
    const ids = rounds.flat().map((e) => e.id);
    expect(ids).toHaveLength(1_000);
    expect(new Set(ids).size).toBe(1_000);
  });

  it('keeps every one of N parallel adds from several instances, and the bound holds under the race', async () => {
    const instances = await Promise.all([1, 2, 3].map(() => stores({ prefix: 'shared-adds', maxEntries: 500 })));
    const results = await Promise.allSettled(Array.from({ length: 600 }, (_, n) => instances[n % 3]!.queue.add(queuedSignup(`p${n}`))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(500);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.name)).toEqual(Array(100).fill('SignupQueueFullError'));
    expect(await instances[0]!.queue.size()).toBe(500);
  });

  it('a dead claimer’s lease runs out and another instance takes the entries over', async () => {
    const dead = await stores({ prefix: 'takeover' });
    const alive = await stores({ prefix: 'takeover' });
    await dead.queue.add(queuedSignup('t1'));
    const [held] = await dead.queue.claim({ now: 1_000, limit: 10, leaseMs: 30_000 });
    await dead.close(); // the instance is gone, its lease is not
    expect(await alive.queue.claim({ now: 30_999, limit: 10, leaseMs: 30_000 })).toEqual([]);
    const [taken] = await alive.queue.claim({ now: 31_000, limit: 10, leaseMs: 30_000 });
    expect(taken).toMatchObject({ id: 't1' });
    expect(taken!.lease).not.toBe(held!.lease);
  });
});

describe('Redis queue: durability and bad data', () => {
  it('keeps entries, leases and import batches across a Redis crash (SIGKILL) and restart, mid-delivery', async () => {
    const { queue } = await stores({ prefix: 'durable' });
    for (let n = 0; n < 50; n++) await queue.add(queuedSignup(`d${n}`, { acceptedAt: n }));
    const claimed = await queue.claim({ now: 1, limit: 10, leaseMs: 60_000 });
    const batch = await queue.beginImport({ entries: claimed.slice(0, 5), now: 1 });
    await queue.markImport(batch!.batchId, 'import-1');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // appendfsync everysec
    await redis.server.restart('SIGKILL');
    await expect.poll(() => queue.size().catch(() => -1), { timeout: 5_000 }).toBe(50);
    expect(await queue.unfinishedImports()).toEqual([{ ...batch, importId: 'import-1' }]);
    expect(await queue.claim({ now: 2, limit: 100, leaseMs: 60_000 })).toHaveLength(40); // 10 still leased (5 of them parked)
    // The deliverer that claimed before the restart carries on with its leases.
    await queue.remove(claimed[5]!.id);
    await queue.reschedule(claimed[6]!.id, claimed[6]!.lease, { dueAt: 100, attempts: 1 });
    expect(await queue.claim({ now: 100, limit: 100, leaseMs: 60_000 })).toMatchObject([{ id: claimed[6]!.id, attempts: 1 }]);
    expect(await queue.size()).toBe(49);
  });

  it('skips a malformed entry, logs it by id without its content, moves it aside and carries on', async () => {
    const { queue, redis } = await stores({ prefix: 'malformed' });
    await queue.add(queuedSignup('good1', { acceptedAt: 1 }));
    await queue.add(queuedSignup('bad-json', { acceptedAt: 2 }));
    await queue.add(queuedSignup('bad-shape', { acceptedAt: 3 }));
    await queue.add(queuedSignup('good2', { acceptedAt: 4 }));
    await redis.hset('{malformed}:queue:entries', 'bad-json', '{"id":"bad-json", "contact": {"email": "secret@example.com"');
    await redis.hset('{malformed}:queue:entries', 'bad-shape', JSON.stringify({ ...queuedSignup('bad-shape'), contact: { email: 'secret@example.com' } }));
    logged.length = 0;
    expect((await queue.claim({ now: 1, limit: 10, leaseMs: 1_000 })).map((e) => e.id)).toEqual(['good1', 'good2']);
    expect(logged.map((line) => line.details?.id)).toEqual(['bad-json', 'bad-shape']);
    expect(logged[0]!.details?.problem).toBe('not JSON');
    expect(logged[1]!.details?.problem).toMatch(/contact\.optInType/);
    expect(JSON.stringify(logged)).not.toContain('secret@');
    expect((await redis.hkeys('{malformed}:queue:malformed')).sort()).toEqual(['bad-json', 'bad-shape']);
    expect(await queue.size()).toBe(2);
    expect(await queue.claim({ now: 10_000, limit: 10, leaseMs: 1_000 })).toHaveLength(2); // no second warning
    expect(logged).toHaveLength(2);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryDrainLock, createMemorySignupQueue, type SignupQueue } from '../../../src/server/index.js';
import type { DrainLock } from '../../../src/server/queue/drain-lock.js';
import { startLeaseHeartbeat } from '../../../src/server/queue/lease-heartbeat.js';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
import { createRedisStores } from '../../../src/server/stores/redis/index.js';
import { startRedisServer, type TestRedisServer } from '../../support/redis-server.js';
import { queuedSignup } from './signup-queue-contract.js';

// A drainer's lock and claims live while it beats, however long its round, and run out soon
// after it stops (dies): real timers, a lease of 400 ms, with every queue the package ships.
const LEASE = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let redis: TestRedisServer;
let prefixes = 0;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis.close());

type Opened = { queue: SignupQueue; lock: DrainLock; close(): Promise<void> };
const stores: Array<[string, () => Promise<Opened>]> = [
  ['memory', async () => ({ queue: createMemorySignupQueue(), lock: createMemoryDrainLock(), close: async () => undefined })],
  ['file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'heartbeat-'));
    const queue = await createFileSignupQueue({ path: join(dir, 'queue.jsonl') });
    return { queue, lock: createMemoryDrainLock(), close: async () => (await queue.close(), await rm(dir, { recursive: true, force: true })) };
  }],
  ['Redis', async () => {
    const made = createRedisStores({ redis: redis.url, prefix: `beat${++prefixes}`, logger: { warn: () => undefined, error: () => undefined } });
    return { queue: made.queue, lock: made.drainLock, close: () => made.close() };
  }],
];

describe.concurrent.each(stores)('the lease heartbeat, %s queue', (_, open) => {
  it('keeps the lock and the claims for as long as it beats (several leases), and frees both within a lease once it stops', async () => {
    const { queue, lock, close } = await open();
    try {
      for (const id of ['a', 'b']) await queue.add(queuedSignup(id));
      const token = (await lock.acquire(LEASE))!;
      const beat = startLeaseHeartbeat({ lock, token, queue, leaseMs: LEASE, clock: { now: () => Date.now() } });
      expect(beat.claimMs).toBe(LEASE);
      const claimed = await queue.claim({ now: Date.now(), limit: 10, leaseMs: beat.claimMs });
      beat.hold(claimed);
      await sleep(LEASE * 4); // a round far longer than its lease: an import that takes its time
      expect(await lock.acquire(LEASE)).toBeUndefined();
      expect(await queue.claim({ now: Date.now(), limit: 10, leaseMs: LEASE })).toEqual([]);
      expect(await beat.keepLock()).toBe(true);

      await beat.stop(); // the drainer dies: no release, no reschedule
      await sleep(LEASE + 100);
      expect(await lock.acquire(LEASE)).toEqual(expect.any(String));
      expect((await queue.claim({ now: Date.now(), limit: 10, leaseMs: LEASE })).map((entry) => entry.id).sort()).toEqual(['a', 'b']);
    } finally {
      await close();
    }
  });
});

it('a queue that cannot renew its claims is claimed for ten minutes, so a long round never loses them', async () => {
  const { add, claim, remove, reschedule } = createMemorySignupQueue();
  const queue: SignupQueue = { add, claim, remove, reschedule };
  const lock = createMemoryDrainLock();
  const beat = startLeaseHeartbeat({ lock, token: (await lock.acquire(LEASE))!, queue, leaseMs: LEASE, clock: { now: () => Date.now() } });
  expect(beat.claimMs).toBe(600_000);
  await beat.stop();
});

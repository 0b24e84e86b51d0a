import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySignupQueue, type QueuedSignup, type SignupQueue } from '../../../src/server/index.js';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
import type { DeadLetterStore } from '../../../src/server/queue/dead-letters.js';
import type { ImportLedger } from '../../../src/server/queue/import-ledger.js';
import type { QueueCounting } from '../../../src/server/queue/queue-counts.js';
import { createRedisStores } from '../../../src/server/stores/redis/index.js';
import { startRedisServer, type TestRedisServer } from '../../support/redis-server.js';
import { queuedEntry } from './signup-queue-contract.js';

// Issue 23: every built-in queue keeps dead letters the same way, through the same methods, with
// explicit times, so the promises hold for a store in another process (Redis) or on disk (file).
type Store = SignupQueue & ImportLedger & DeadLetterStore & QueueCounting;
interface Opened { queue: Store; close(): Promise<void>; reopen?(): Promise<Store> }

const LEASE = 60_000;
const quiet = { warn: () => undefined, error: () => undefined };
let redis: TestRedisServer;
let prefixes = 0;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis.close());

const stores: Array<[string, () => Promise<Opened>]> = [
  ['createMemorySignupQueue', async () => ({ queue: createMemorySignupQueue({ maxEntries: 5 }), close: async () => undefined })],
  ['createFileSignupQueue', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dead-letters-'));
    const path = join(dir, 'queue.jsonl');
    let queue = await createFileSignupQueue({ path, maxEntries: 5 });
    return {
      queue,
      reopen: async () => {
        await queue.close();
        queue = await createFileSignupQueue({ path, maxEntries: 5 });
        return queue;
      },
      close: async () => {
        await queue.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }],
  ['createRedisStores().queue', async () => {
    const opened = await createRedisStores({ redis: redis.url, prefix: `dead${++prefixes}`, maxEntries: 5, logger: quiet });
    return { queue: opened.queue, close: () => opened.close() };
  }],
];

describe.each(stores)('dead letters: %s', (_name, open) => {
  const withStore = (test: (opened: Opened) => Promise<void>) => async () => {
    const opened = await open();
    try {
      await test(opened);
    } finally {
      await opened.close();
    }
  };

  it('buries an entry whole, with its reason and attempts, out of the queue; requeues it due now, consent record untouched', withStore(async ({ queue }) => {
    const entry = queuedEntry('a', { addressBookId: 101 });
    await queue.add(entry);
    const [claimed] = await queue.claim({ now: 5_000, limit: 1, leaseMs: LEASE });
    await queue.bury({ entry: { ...entry, attempts: 3 }, reason: 'unauthorized', diedAt: 9_000, status: 401, token: 'ERROR_X' });
    expect(claimed).toBeDefined();
    expect(await queue.claim({ now: 1e12, limit: 10, leaseMs: LEASE })).toEqual([]);
    expect(await queue.deadLetters()).toEqual([{ entry: { ...entry, attempts: 3 }, reason: 'unauthorized', diedAt: 9_000, status: 401, token: 'ERROR_X' }]);
    expect(await queue.counts(10_000)).toMatchObject({ queued: 0, deadLetters: 1 });

    const result = await queue.requeue({ ids: ['a'], now: 20_000 });
    const back: QueuedSignup = { ...entry, dueAt: 20_000, attempts: 0, requeuedAt: 20_000 };
    expect(result).toEqual({ requeued: [back] });
    expect(await queue.deadLetters()).toEqual([]);
    expect(await queue.claim({ now: 19_999, limit: 10, leaseMs: LEASE })).toEqual([]);
    expect(await queue.claim({ now: 20_000, limit: 10, leaseMs: LEASE })).toEqual([{ ...back, lease: expect.any(String) }]);
  }));

  it('requeues nothing when one id is unknown, and all with `all`', withStore(async ({ queue }) => {
    for (const id of ['a', 'b', 'c']) await queue.bury({ entry: queuedEntry(id), reason: 'expired', diedAt: 1_000 });
    expect(await queue.requeue({ ids: ['a', 'nope', 'b'], now: 2_000 })).toEqual({ unknown: ['nope'] });
    expect((await queue.deadLetters()).map((letter) => letter.entry.id).sort()).toEqual(['a', 'b', 'c']);
    expect(await queue.counts(2_000)).toMatchObject({ queued: 0, deadLetters: 3 });
    const all = await queue.requeue({ ids: 'all', now: 3_000 });
    expect('requeued' in all && all.requeued.map((entry) => entry.id).sort()).toEqual(['a', 'b', 'c']);
    expect(await queue.counts(3_000)).toMatchObject({ queued: 3, due: 3, deadLetters: 0 });
    expect(await queue.requeue({ ids: 'all', now: 4_000 })).toEqual({ requeued: [] });
  }));

  it('requeues over the bound: an operator\'s act, the bound protects live signups', withStore(async ({ queue }) => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) await queue.add(queuedEntry(id));
    for (const id of ['x', 'y']) await queue.bury({ entry: queuedEntry(id), reason: 'expired', diedAt: 1_000 });
    expect(await queue.requeue({ ids: 'all', now: 2_000 })).toMatchObject({ requeued: [expect.anything(), expect.anything()] });
    expect(await queue.counts(2_000)).toMatchObject({ queued: 7, deadLetters: 0 });
  }));

  it('buries as expired the entries queued before the cutoff that nobody holds, counting a requeue as queued then', withStore(async ({ queue }) => {
    await queue.add(queuedEntry('old', { acceptedAt: 1_000, dueAt: 50_000 })); // waiting for a later turn
    await queue.add(queuedEntry('leased', { acceptedAt: 1_000, dueAt: 0 }));
    await queue.add(queuedEntry('parked', { acceptedAt: 1_000, dueAt: 0 }));
    await queue.add(queuedEntry('young', { acceptedAt: 9_000, dueAt: 0 }));
    await queue.bury({ entry: queuedEntry('again', { acceptedAt: 1_000 }), reason: 'expired', diedAt: 2_000 });
    await queue.requeue({ ids: ['again'], now: 8_000 }); // accepted long ago, requeued recently
    const claimed = await queue.claim({ now: 3_000, limit: 2, leaseMs: LEASE }); // leased and parked: oldest accepted first
    expect(claimed.map((entry) => entry.id)).toEqual(['leased', 'parked']);
    await queue.beginImport({ entries: claimed.filter((entry) => entry.id === 'parked'), now: 3_000 });
    await queue.reschedule('old', 'no lease', { dueAt: 50_000, attempts: 0 }); // a stale lease changes nothing
    expect(await queue.counts(4_000)).toEqual({ queued: 5, due: 1, leased: 1, inImports: 1, oldestQueuedAt: 1_000, deadLetters: 0 }); // due: young ('again' is due at 8 000)

    const buried = await queue.buryOverdue({ queuedBefore: 5_000, now: 4_000, limit: 10 });
    expect(buried.map((letter) => [letter.entry.id, letter.reason, letter.diedAt])).toEqual([['old', 'expired', 4_000]]);
    expect(buried[0]!.entry).toEqual(queuedEntry('old', { acceptedAt: 1_000, dueAt: 50_000 }));
    // Once the lease has run out, nobody holds it: it goes too; the parked one stays with its import.
    expect((await queue.buryOverdue({ queuedBefore: 5_000, now: 3_000 + LEASE + 1, limit: 10 })).map((letter) => letter.entry.id)).toEqual(['leased']);
    expect(await queue.counts(3_000 + LEASE + 1)).toMatchObject({ queued: 3, inImports: 1, deadLetters: 2 });
    expect(await queue.buryOverdue({ queuedBefore: 10_000, now: 3_000 + LEASE + 1, limit: 1 })).toHaveLength(1); // at most `limit`
  }));

  it('forgets dead letters that died before the retention cutoff, and only those', withStore(async ({ queue }) => {
    await queue.bury({ entry: queuedEntry('early'), reason: 'expired', diedAt: 1_000 });
    await queue.bury({ entry: queuedEntry('late'), reason: 'rejected', diedAt: 5_000 });
    expect(await queue.forgetDeadLetters(5_000)).toBe(1);
    expect((await queue.deadLetters()).map((letter) => letter.entry.id)).toEqual(['late']);
    expect(await queue.forgetDeadLetters(5_000)).toBe(0);
  }));

  it('keeps dead letters, requeues and forgetting through a restart (the file queue\'s journal)', withStore(async (opened) => {
    if (!opened.reopen) return; // memory: nothing survives; Redis: the server holds them (the campaign test restarts it)
    await opened.queue.add(queuedEntry('a'));
    await opened.queue.bury({ entry: queuedEntry('a', { attempts: 2 }), reason: 'expired', diedAt: 1_000 });
    await opened.queue.bury({ entry: queuedEntry('b'), reason: 'unknown_data_field', diedAt: 2_000, status: 400 });
    await opened.queue.bury({ entry: queuedEntry('c'), reason: 'expired', diedAt: 500 });
    await opened.queue.requeue({ ids: ['b'], now: 3_000 });
    await opened.queue.forgetDeadLetters(900);
    const queue = await opened.reopen();
    expect(await queue.deadLetters()).toEqual([{ entry: queuedEntry('a', { attempts: 2 }), reason: 'expired', diedAt: 1_000 }]);
    expect(await queue.claim({ now: 3_000, limit: 10, leaseMs: LEASE })).toEqual([{ ...queuedEntry('b'), dueAt: 3_000, requeuedAt: 3_000, lease: expect.any(String) }]);
  }));
});

import { describe, expect, it } from 'vitest';
import { SignupQueueFullError, type QueuedSignup, type SignupQueue } from '../../../src/server/index.js';

/** An open store under test, and how to close (and clean up) after it. */
export interface OpenedQueue {
  queue: SignupQueue;
  close(): Promise<void>;
}

/** Opens a fresh, empty store holding at most `maxEntries`. */
export type OpenQueue = (options: { maxEntries: number }) => Promise<OpenedQueue>;

const LEASE = 60_000;

/** A plain-JSON entry as the proxy stores it. */
export const queuedEntry = (id: string, extra: Partial<QueuedSignup> = {}): QueuedSignup => ({
  id, acceptedAt: 1_000, dueAt: 2_000, attempts: 0,
  contact: {
    email: `${id}@example.com`, optInType: 'Single', dataFields: [{ key: 'AGE', value: 42 }], consentText: 'Yes.', consentedAt: '2026-03-01T11:59:55.000Z',
    pageUrl: 'https://www.example.com/', ipAddress: '203.0.113.7', userAgent: 'UA', shown: [2, 3], ticked: [2],
  },
  ...extra,
});

/** A queued signup due at once (`dueAt` 0): `id` and anything else as given. */
export function queuedSignup(id: string, extra: Partial<QueuedSignup> = {}): QueuedSignup {
  return {
    id, acceptedAt: 1_000, dueAt: 0, attempts: 0,
    contact: {
      email: `${id}@example.com`, optInType: 'Single', dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }], consentText: 'Yes please',
      consentedAt: '2026-01-01T00:00:00.000Z', pageUrl: 'https://shop.example/signup', ipAddress: '203.0.113.7', userAgent: 'Vitest/1.0', shown: [], ticked: [],
    },
    ...extra,
  };
}

/**
 * The `SignupQueue` contract, for every store the package ships and any written against the
 * interface (a Redis store runs it too). It talks to the store only through add, claim,
 * remove and reschedule, with explicit times, so it holds for a store in another process.
 *
 * @example
 * describeSignupQueueContract('memory', async ({ maxEntries }) => ({ queue: createMemorySignupQueue({ maxEntries }), close: async () => {} }));
 */
export function describeSignupQueueContract(name: string, open: OpenQueue): void {
  const withQueue = (maxEntries: number, test: (queue: SignupQueue) => Promise<void>) => async () => {
    const opened = await open({ maxEntries });
    try {
      await test(opened.queue);
    } finally {
      await opened.close();
    }
  };
  const ids = (claimed: Array<{ id: string }>) => claimed.map((entry) => entry.id);

  describe(`SignupQueue contract: ${name}`, () => {
    it('gives back an added entry exactly, with a lease, once it is due', withQueue(10, async (queue) => {
      const entry = queuedEntry('a', { addressBookId: 101, needsDefinitionCheck: true });
      await queue.add(entry);
      expect(await queue.claim({ now: 1_999, limit: 10, leaseMs: LEASE })).toEqual([]);
      const [claimed] = await queue.claim({ now: 2_000, limit: 10, leaseMs: LEASE });
      expect(claimed).toEqual({ ...entry, lease: expect.any(String) });
      expect(claimed!.lease.length).toBeGreaterThan(0);
    }));

    it('claims the oldest due entries first, at most `limit`', withQueue(10, async (queue) => {
      await queue.add(queuedEntry('old', { acceptedAt: 1_000 }));
      await queue.add(queuedEntry('not-due', { acceptedAt: 1_500, dueAt: 50_000 }));
      await queue.add(queuedEntry('mid', { acceptedAt: 2_000 }));
      await queue.add(queuedEntry('new', { acceptedAt: 3_000 }));
      expect(ids(await queue.claim({ now: 10_000, limit: 2, leaseMs: LEASE }))).toEqual(['old', 'mid']);
      expect(ids(await queue.claim({ now: 10_000, limit: 10, leaseMs: LEASE }))).toEqual(['new']);
    }));

    it('hands a claimed entry to nobody else while its lease runs, also to claimers at the same moment', withQueue(10, async (queue) => {
      for (const id of ['a', 'b', 'c', 'd']) await queue.add(queuedEntry(id));
      const [one, two] = await Promise.all([
        queue.claim({ now: 5_000, limit: 10, leaseMs: LEASE }),
        queue.claim({ now: 5_000, limit: 10, leaseMs: LEASE }),
      ]);
      expect([...ids(one!), ...ids(two!)].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(await queue.claim({ now: 5_000 + LEASE - 1, limit: 10, leaseMs: LEASE })).toEqual([]);
    }));

    it('lets another claim an entry once a dead claimer\'s lease runs out, with a new lease', withQueue(10, async (queue) => {
      await queue.add(queuedEntry('a'));
      const [first] = await queue.claim({ now: 5_000, limit: 1, leaseMs: LEASE });
      // The first claimer dies without a word: after leaseMs the entry is due again.
      const [second] = await queue.claim({ now: 5_000 + LEASE, limit: 1, leaseMs: LEASE });
      expect(second?.id).toBe('a');
      expect(second!.lease).not.toBe(first!.lease);
    }));

    it('reschedules with the current lease: new due time and attempts, lease ended', withQueue(10, async (queue) => {
      await queue.add(queuedEntry('a'));
      const [claimed] = await queue.claim({ now: 5_000, limit: 1, leaseMs: LEASE });
      await queue.reschedule('a', claimed!.lease, { dueAt: 9_000, attempts: 1 });
      expect(await queue.claim({ now: 8_999, limit: 1, leaseMs: LEASE })).toEqual([]);
      // Due again at 9 000, long before the old lease would have run out.
      expect(await queue.claim({ now: 9_000, limit: 1, leaseMs: LEASE })).toEqual([{ ...queuedEntry('a'), dueAt: 9_000, attempts: 1, lease: expect.any(String) }]);
    }));

    it('ignores a reschedule with a stale lease', withQueue(10, async (queue) => {
      await queue.add(queuedEntry('a'));
      const [stale] = await queue.claim({ now: 5_000, limit: 1, leaseMs: LEASE });
      const [current] = await queue.claim({ now: 5_000 + LEASE, limit: 1, leaseMs: LEASE });
      await queue.reschedule('a', stale!.lease, { dueAt: 0, attempts: 7 });
      expect(await queue.claim({ now: 5_000 + LEASE, limit: 1, leaseMs: LEASE })).toEqual([]); // still the current claimer's
      await queue.reschedule('a', current!.lease, { dueAt: 6_000, attempts: 1 });
      expect(await queue.claim({ now: 5_000 + LEASE, limit: 1, leaseMs: LEASE })).toMatchObject([{ id: 'a', attempts: 1 }]);
    }));

    it('removes an entry for good, and a remove or reschedule of an unknown id changes nothing', withQueue(10, async (queue) => {
      await queue.add(queuedEntry('a'));
      await queue.add(queuedEntry('b'));
      const [a] = await queue.claim({ now: 5_000, limit: 1, leaseMs: LEASE });
      await queue.remove(a!.id);
      await queue.remove('nobody');
      await queue.reschedule('nobody', 'no-lease', { dueAt: 0, attempts: 1 });
      expect(ids(await queue.claim({ now: 5_000 + LEASE, limit: 10, leaseMs: LEASE }))).toEqual(['b']);
    }));

    it('refuses an entry over its bound with SignupQueueFullError, and has room again after a remove', withQueue(2, async (queue) => {
      await queue.add(queuedEntry('a'));
      await queue.add(queuedEntry('b'));
      await expect(queue.add(queuedEntry('c'))).rejects.toBeInstanceOf(SignupQueueFullError);
      await queue.remove('a');
      await queue.add(queuedEntry('c'));
      expect(ids(await queue.claim({ now: 5_000, limit: 10, leaseMs: LEASE })).sort()).toEqual(['b', 'c']);
    }));

    it('keeps an entry exactly as added: sets as arrays, empty arrays, long numbers', withQueue(10, async (queue) => {
      const entry = queuedSignup('e1', { acceptedAt: 1_764_130_000_123, dueAt: 5_000, addressBookId: 123_456_789, contact: { ...queuedSignup('e1').contact, shown: [1, 2], ticked: [], dataFields: [{ key: 'SCORE', value: 3.141592653589793 }] } });
      await queue.add(entry);
      const [claimed, ...rest] = await queue.claim({ now: 5_000, limit: 10, leaseMs: 1_000 });
      expect(rest).toEqual([]);
      expect(claimed).toEqual({ ...entry, lease: expect.any(String) });
    }));

    it('adding the same id twice keeps one entry', withQueue(10, async (queue) => {
      await queue.add(queuedSignup('e1'));
      await queue.add(queuedSignup('e1', { attempts: 5 }));
      expect(await queue.claim({ now: 1, limit: 10, leaseMs: 1 })).toMatchObject([{ id: 'e1', attempts: 0 }]);
    }));

    it('a retried entry keeps its place: claims go by acceptedAt among those due', withQueue(10, async (queue) => {
      await queue.add(queuedSignup('old', { acceptedAt: 1, dueAt: 300 }));
      await queue.add(queuedSignup('mid', { acceptedAt: 2, dueAt: 100 }));
      await queue.add(queuedSignup('new', { acceptedAt: 3, dueAt: 200 }));
      await queue.add(queuedSignup('future', { acceptedAt: 4, dueAt: 9_000 }));
      const first = await queue.claim({ now: 1_000, limit: 2, leaseMs: 10_000 });
      expect(ids(first)).toEqual(['old', 'mid']);
      expect(ids(await queue.claim({ now: 1_000, limit: 5, leaseMs: 10_000 }))).toEqual(['new']);
      for (const entry of first) await queue.reschedule(entry.id, entry.lease, { dueAt: 2_000, attempts: 1 });
      expect(ids(await queue.claim({ now: 20_000, limit: 10, leaseMs: 10_000 }))).toEqual(['old', 'mid', 'new', 'future']);
    }));

    it('remove deletes an entry claimed or not; a reschedule after it does nothing', withQueue(10, async (queue) => {
      await queue.add(queuedSignup('a'));
      await queue.add(queuedSignup('b'));
      const [claimed] = await queue.claim({ now: 1, limit: 1, leaseMs: 10 });
      await queue.remove('a');
      await queue.remove('b');
      await queue.reschedule('a', claimed!.lease, { dueAt: 0, attempts: 1 });
      expect(await queue.claim({ now: 1_000, limit: 10, leaseMs: 10 })).toEqual([]);
    }));
  });
}

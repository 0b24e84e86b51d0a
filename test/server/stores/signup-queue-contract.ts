import { describe, expect, it } from 'vitest';
import { SignupQueueFullError, type QueuedSignup, type SignupQueue } from '../../../src/server/queue/signup-queue.js';

/** A queued signup for tests: `id` and anything else as given. */
export function queuedSignup(id: string, extra: Partial<QueuedSignup> = {}): QueuedSignup {
  return {
    id,
    acceptedAt: 1_000,
    dueAt: 0,
    attempts: 0,
    contact: {
      email: `${id}@example.com`, optInType: 'Single', dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }], consentText: 'Yes please',
      consentedAt: '2026-01-01T00:00:00.000Z', pageUrl: 'https://shop.example/signup', ipAddress: '203.0.113.7', userAgent: 'Vitest/1.0', shown: [], ticked: [],
    },
    ...extra,
  };
}

/**
 * What every {@link SignupQueue} promises, run against a fresh queue from `make` in each test
 * (`maxEntries` as asked). The official suite lands in test/server/queue/; this one also runs
 * the memory queue, so a store that passes behaves as the built-in ones.
 */
export function describeSignupQueueContract(name: string, make: (options: { maxEntries: number }) => Promise<SignupQueue>) {
  describe(`${name}: the SignupQueue contract`, () => {
    it('keeps an entry as added (sets as arrays, empty arrays, long numbers) and hands it out once due', async () => {
      const queue = await make({ maxEntries: 10 });
      const entry = queuedSignup('e1', { acceptedAt: 1_764_130_000_123, dueAt: 5_000, addressBookId: 123_456_789, contact: { ...queuedSignup('e1').contact, shown: [1, 2], ticked: [], dataFields: [{ key: 'SCORE', value: 3.141592653589793 }] } });
      await queue.add(entry);
      expect(await queue.claim({ now: 4_999, limit: 10, leaseMs: 1_000 })).toEqual([]);
      const [claimed, ...rest] = await queue.claim({ now: 5_000, limit: 10, leaseMs: 1_000 });
      expect(rest).toEqual([]);
      expect(claimed).toEqual({ ...entry, lease: expect.any(String) });
    });

    it('adding the same id twice keeps one entry', async () => {
      const queue = await make({ maxEntries: 10 });
      await queue.add(queuedSignup('e1'));
      await queue.add(queuedSignup('e1', { attempts: 5 }));
      expect(await queue.claim({ now: 1, limit: 10, leaseMs: 1 })).toMatchObject([{ id: 'e1', attempts: 0 }]);
    });

    it('rejects with SignupQueueFullError at maxEntries, and has room again after a remove', async () => {
      const queue = await make({ maxEntries: 2 });
      await queue.add(queuedSignup('a'));
      await queue.add(queuedSignup('b'));
      await expect(queue.add(queuedSignup('c'))).rejects.toBeInstanceOf(SignupQueueFullError);
      await queue.remove('a');
      await queue.add(queuedSignup('c'));
      expect((await queue.claim({ now: 1, limit: 10, leaseMs: 1 })).map((e) => e.id).sort()).toEqual(['b', 'c']);
    });

    it('claims the oldest accepted among those due first, up to the limit; a retried entry keeps its place', async () => {
      const queue = await make({ maxEntries: 10 });
      await queue.add(queuedSignup('old', { acceptedAt: 1, dueAt: 300 }));
      await queue.add(queuedSignup('mid', { acceptedAt: 2, dueAt: 100 }));
      await queue.add(queuedSignup('new', { acceptedAt: 3, dueAt: 200 }));
      await queue.add(queuedSignup('future', { acceptedAt: 4, dueAt: 9_000 }));
      const first = await queue.claim({ now: 1_000, limit: 2, leaseMs: 10_000 });
      expect(first.map((e) => e.id)).toEqual(['old', 'mid']);
      expect((await queue.claim({ now: 1_000, limit: 5, leaseMs: 10_000 })).map((e) => e.id)).toEqual(['new']);
      for (const entry of first) await queue.reschedule(entry.id, entry.lease, { dueAt: 2_000, attempts: 1 });
      expect((await queue.claim({ now: 20_000, limit: 10, leaseMs: 10_000 })).map((e) => e.id)).toEqual(['old', 'mid', 'new', 'future']);
    });

    it('a lease keeps an entry from others until it ends, then another claims it; a stale lease cannot reschedule', async () => {
      const queue = await make({ maxEntries: 10 });
      await queue.add(queuedSignup('e1'));
      const [first] = await queue.claim({ now: 1_000, limit: 10, leaseMs: 60_000 });
      expect(await queue.claim({ now: 60_999, limit: 10, leaseMs: 60_000 })).toEqual([]);
      const [second] = await queue.claim({ now: 61_000, limit: 10, leaseMs: 60_000 }); // the first claimer died
      expect(second?.lease).not.toBe(first!.lease);
      await queue.reschedule('e1', first!.lease, { dueAt: 0, attempts: 9 }); // stale: ignored
      expect(await queue.claim({ now: 62_000, limit: 10, leaseMs: 60_000 })).toEqual([]);
      await queue.reschedule('e1', second!.lease, { dueAt: 70_000, attempts: 1 });
      expect(await queue.claim({ now: 69_999, limit: 10, leaseMs: 1 })).toEqual([]);
      expect(await queue.claim({ now: 70_000, limit: 10, leaseMs: 1 })).toMatchObject([{ id: 'e1', attempts: 1, dueAt: 70_000 }]);
    });

    it('remove deletes, claimed or not; removing what is gone is harmless', async () => {
      const queue = await make({ maxEntries: 10 });
      await queue.add(queuedSignup('a'));
      await queue.add(queuedSignup('b'));
      await queue.claim({ now: 1, limit: 1, leaseMs: 10 });
      await queue.remove('a');
      await queue.remove('b');
      await queue.remove('never');
      expect(await queue.claim({ now: 1_000, limit: 10, leaseMs: 10 })).toEqual([]);
    });

    it('reschedule of a removed entry does nothing', async () => {
      const queue = await make({ maxEntries: 10 });
      await queue.add(queuedSignup('a'));
      const [claimed] = await queue.claim({ now: 1, limit: 1, leaseMs: 10 });
      await queue.remove('a');
      await queue.reschedule('a', claimed!.lease, { dueAt: 0, attempts: 1 });
      expect(await queue.claim({ now: 1_000, limit: 10, leaseMs: 10 })).toEqual([]);
    });
  });
}

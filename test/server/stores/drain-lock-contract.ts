import { describe, expect, it } from 'vitest';
import type { DrainLock } from '../../../src/server/queue/drain-lock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What every {@link DrainLock} promises; `make` returns two instances sharing one lock, fresh for each test. */
export function describeDrainLockContract(name: string, make: () => Promise<[DrainLock, DrainLock]>) {
  describe(`${name}: the DrainLock contract`, () => {
    it('one holder at a time; released, it is free for the next', async () => {
      const [a, b] = await make();
      const token = await a.acquire(10_000);
      expect(token).toEqual(expect.any(String));
      expect(await b.acquire(10_000)).toBeUndefined();
      expect(await a.acquire(10_000)).toBeUndefined();
      expect(await b.release('not-the-token')).toBe(false);
      expect(await a.release(token!)).toBe(true);
      expect(await b.acquire(10_000)).toEqual(expect.any(String));
    });

    it('of many instances trying at once, exactly one gets it', async () => {
      const [a, b] = await make();
      const tokens = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? a : b).acquire(10_000)));
      expect(tokens.filter(Boolean)).toHaveLength(1);
    });

    it('expires by itself; the late holder can then neither extend nor release its successor’s lock', async () => {
      const [a, b] = await make();
      const dead = await a.acquire(80);
      await sleep(120);
      const next = await b.acquire(10_000);
      expect(next).toEqual(expect.any(String));
      expect(await a.extend(dead!, 10_000)).toBe(false);
      expect(await a.release(dead!)).toBe(false);
      expect(await a.acquire(10_000)).toBeUndefined();
      expect(await b.release(next!)).toBe(true);
    });

    it('a holder that extends keeps it past its first expiry', async () => {
      const [a, b] = await make();
      const token = await a.acquire(150);
      await sleep(80);
      expect(await a.extend(token!, 300)).toBe(true);
      await sleep(120);
      expect(await b.acquire(10_000)).toBeUndefined();
      expect(await a.release(token!)).toBe(true);
    });

    it('refuses a duration that is not whole milliseconds ≥ 1', async () => {
      const [a] = await make();
      await expect(a.acquire(0)).rejects.toThrow(/ttlMs must be a whole number/);
      await expect(a.extend('x', 1.5)).rejects.toThrow(/ttlMs must be a whole number/);
    });
  });
}

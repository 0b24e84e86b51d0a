import { checkTtl, type DrainLock } from './drain-lock.js';

/**
 * A {@link DrainLock} for one process (its drainers take turns); several instances share one
 * through Redis (`createRedisStores`). `now` is the clock that expiries are read on.
 *
 * @example
 * const lock = createMemoryDrainLock();
 * const token = await lock.acquire(60_000);
 */
export function createMemoryDrainLock(now: () => number = Date.now): DrainLock {
  let held: { token: string; until: number } | undefined;
  const holds = (token: string) => held !== undefined && held.token === token && held.until > now();
  return {
    async acquire(ttlMs) {
      checkTtl(ttlMs);
      if (held && held.until > now()) return undefined;
      held = { token: crypto.randomUUID(), until: now() + ttlMs };
      return held.token;
    },
    async extend(token, ttlMs) {
      checkTtl(ttlMs);
      if (!holds(token)) return false;
      held!.until = now() + ttlMs;
      return true;
    },
    async release(token) {
      if (!holds(token)) return false;
      held = undefined;
      return true;
    },
  };
}

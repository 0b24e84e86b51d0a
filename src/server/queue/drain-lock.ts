/**
 * One drainer at a time across every instance: whoever holds the lock delivers the queue's
 * backlog; the others serve signups. The lock expires by itself, so a holder that dies frees
 * it within `ttlMs`; a holder still working extends it before then, and only the holder's own
 * token can extend or release it (a holder that was too slow cannot free its successor's lock).
 *
 * @example
 * const token = await lock.acquire(60_000);
 * if (token) {
 *   try { await drainBacklog(() => lock.extend(token, 60_000)); }
 *   finally { await lock.release(token); }
 * }
 */
export interface DrainLock {
  /** A token when the caller now holds the lock for `ttlMs`; `undefined` when another holds it. */
  acquire(ttlMs: number): Promise<string | undefined>;
  /** Holds it for `ttlMs` more from now; `false` when the token no longer holds it (it expired). */
  extend(token: string, ttlMs: number): Promise<boolean>;
  /** Lets go; `false` when the token no longer held it. */
  release(token: string): Promise<boolean>;
}

/** Rejects a lock duration that is not a whole number of milliseconds ≥ 1. */
export function checkTtl(ttlMs: number): number {
  if (!(Number.isSafeInteger(ttlMs) && ttlMs >= 1)) throw new TypeError(`DrainLock: ttlMs must be a whole number of milliseconds ≥ 1, not ${ttlMs}`);
  return ttlMs;
}

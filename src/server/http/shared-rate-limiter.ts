import type { RateLimitVerdict } from './rate-limiter.js';

/**
 * A per-key limiter whose counts live in a store that every instance shares, so three
 * instances allow a visitor the limit once, not three times. Async, unlike the in-process
 * `RateLimiter`: each `take` is a round trip to the store.
 *
 * @example
 * const verdict = await stores.ipLimiter.take(clientAddress);
 * if (!verdict.allowed) return tooManyRequests(verdict.retryAfterMs);
 */
export interface SharedRateLimiter {
  /** Spends one request from the key's allowance (for an IP: its own and its IPv6 /48's). */
  take(key: string): Promise<RateLimitVerdict>;
  /** Spends `points` more without refusing anything: the Dotdigital calls a signup cost beyond the first (see `RateLimiter.charge`). */
  charge?(key: string, points: number): Promise<void>;
}

import type { SignupClock } from './signup-clock.js';

/** Signups allowed from one address (IPv6: one /64) per window. */
export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/** The verdict on one request: allowed, or how long to wait. */
export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number };

// Enough for a busy landing page; past it, expired windows are swept, then the oldest dropped,
// so a flood of spoofed addresses costs bounded memory.
const MAX_KEYS = 50_000;

/**
 * A fixed-window counter per key, in memory. Each process counts for itself: behind a load
 * balancer with several instances the effective limit is the limit times the instances.
 *
 * @example
 * const limiter = createRateLimiter({ limit: 10, windowMs: 60_000 }, systemClock);
 * const verdict = limiter.take('203.0.113.7');
 * if (!verdict.ok) retryAfter(verdict.retryAfterMs);
 */
export function createRateLimiter(rule: RateLimit, clock: SignupClock): { take(key: string): RateVerdict } {
  const windows = new Map<string, { start: number; count: number }>();

  function sweep(now: number): void {
    for (const [key, window] of windows) if (now - window.start >= rule.windowMs) windows.delete(key);
    for (const key of windows.keys()) {
      if (windows.size < MAX_KEYS) break;
      windows.delete(key);
    }
  }

  return {
    take(key) {
      const now = clock.now();
      let window = windows.get(key);
      if (!window || now - window.start >= rule.windowMs) {
        if (!window && windows.size >= MAX_KEYS) sweep(now);
        window = { start: now, count: 0 };
        windows.delete(key);
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= rule.limit) return { ok: true };
      return { ok: false, retryAfterMs: window.start + rule.windowMs - now };
    },
  };
}

import { ipv6SiteKey, rateLimitKey } from './client-ip.js';

/** The verdict on one request: allowed, or how long until it would be. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A per-key limiter: `take(key)` spends one request from the key's allowance. It may answer
 * later (a Promise), so a limiter shared between instances (Redis, say) fits the same seam.
 */
export interface RateLimiter {
  take(key: string): RateLimitVerdict | Promise<RateLimitVerdict>;
  /**
   * Spends `points` more of the key's allowance, refusing nothing now: what a request cost
   * beyond the one `take` spent (each Dotdigital call a signup made), so the next requests
   * wait for it. Optional: a limiter without it counts requests only.
   */
  charge?(key: string, points: number): void | Promise<void>;
}

/** A limiter that answers at once: the in-process ones. */
export interface LocalRateLimiter extends RateLimiter {
  take(key: string): RateLimitVerdict;
  charge(key: string, points: number): void;
}

/**
 * A token bucket per key: `max` requests at once, refilled evenly over `windowMs`, so a
 * visitor who hit the limit may try again after `windowMs / max` rather than a whole
 * window. Memory is bounded: past `maxKeys` the least recently seen key is forgotten
 * (an attacker spraying addresses then only forgets old buckets, never grows the process).
 *
 * @example
 * const limiter = createRateLimiter({ max: 10, windowMs: 60_000 }, Date.now);
 * if (!limiter.take('203.0.113.7').allowed) answer429();
 */
export function createRateLimiter(limit: { max: number; windowMs: number }, now: () => number, maxKeys = 50_000): LocalRateLimiter {
  const perMs = limit.max / limit.windowMs;
  const buckets = new Map<string, { tokens: number; at: number }>();
  // The key's tokens now; the bucket leaves the map, to be re-inserted (Map order doubles as recency order).
  const refill = (key: string, time: number) => {
    const bucket = buckets.get(key);
    if (bucket) buckets.delete(key);
    return bucket ? Math.min(limit.max, bucket.tokens + (time - bucket.at) * perMs) : limit.max;
  };
  const store = (key: string, tokens: number, at: number) => {
    buckets.set(key, { tokens, at });
    if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
  };
  return {
    take(key) {
      const time = now();
      const tokens = refill(key, time);
      if (tokens < 1) {
        buckets.set(key, { tokens, at: time });
        return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
      }
      store(key, tokens - 1, time);
      return { allowed: true };
    },
    charge(key, points) {
      // Below zero is a debt: the key waits until it is repaid (at most one window's worth).
      const time = now();
      store(key, Math.max(-limit.max, Math.min(limit.max, refill(key, time) - points)), time);
    },
  };
}

/** How many visitors' allowance one IPv6 /48 gets in all (as many people may share it as share a NAT). */
export const IPV6_SITE_ALLOWANCE = 4;

/**
 * The limiter of visitor addresses: each IPv4 address and IPv6 /64 gets `limit`, and each
 * IPv6 /48 as a whole {@link IPV6_SITE_ALLOWANCE} times that, so rotating through the /64s
 * of a /48 escapes nothing (and cannot evict other visitors' buckets by sheer number).
 *
 * @example
 * const limiter = createIpRateLimiter({ max: 10, windowMs: 60_000 }, Date.now);
 * limiter.take('2001:db8:1:2::1'); // spends from 2001:db8:1:2::/64 and 2001:db8:1::/48
 */
export function createIpRateLimiter(limit: { max: number; windowMs: number }, now: () => number): LocalRateLimiter {
  const visitors = createRateLimiter(limit, now);
  const sites = createRateLimiter({ max: limit.max * IPV6_SITE_ALLOWANCE, windowMs: limit.windowMs }, now);
  return {
    take(ip) {
      const verdict = visitors.take(rateLimitKey(ip));
      const site = ipv6SiteKey(ip);
      return !verdict.allowed || site === undefined ? verdict : sites.take(site);
    },
    charge(ip, points) {
      visitors.charge(rateLimitKey(ip), points);
      const site = ipv6SiteKey(ip);
      if (site !== undefined) sites.charge(site, points);
    },
  };
}

import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ipv6SiteKey, rateLimitKey } from '../../http/client-ip.js';
import { IPV6_SITE_ALLOWANCE, type RateLimitVerdict } from '../../http/rate-limiter.js';
import type { SharedRateLimiter } from '../../http/shared-rate-limiter.js';

/**
 * The per-IP limit every instance shares, by `rate-limiter-flexible`'s atomic Redis limiter:
 * each IPv4 address and IPv6 /64 gets `max` requests per window, each IPv6 /48 as a whole four
 * times that, as the in-process limiter. Unlike it, the window is fixed (its counts start with
 * a key's first request and reset together; `windowMs` is rounded to whole seconds), which is
 * what Redis counts atomically in one round trip.
 *
 * `charge` adds the Dotdigital calls a signup cost beyond the first (a penalty, refusing nothing now).
 *
 * While Redis is unreachable, each instance counts in its own memory (the library's insurance
 * limiter): visitors are still limited, per instance, and signups are not refused for it.
 *
 * @example
 * const limiter = createRedisIpLimiter(redis, { prefix: 'signup', max: 10, windowMs: 60_000 });
 * const verdict = await limiter.take('2001:db8:1:2::1'); // spends from its /64 and its /48
 */
export function createRedisIpLimiter(redis: Redis, options: { prefix: string; max: number; windowMs: number }): SharedRateLimiter {
  const { prefix, max, windowMs } = options;
  if (!(Number.isSafeInteger(max) && max >= 1)) throw new TypeError(`rate limit max must be a whole number ≥ 1, not ${max}`);
  if (!(Number.isFinite(windowMs) && windowMs >= 1_000)) throw new TypeError(`rate limit windowMs must be at least 1000 (the shared limiter counts whole seconds), not ${windowMs}`);
  const duration = Math.round(windowMs / 1_000);
  const limiter = (name: string, points: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `{${prefix}}:${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true, // straight to the insurance limiter, no wait for a timeout
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
  const visitors = limiter('ip', max);
  const sites = limiter('ip-site', max * IPV6_SITE_ALLOWANCE);
  return {
    async take(ip) {
      const verdict = await spend(visitors, rateLimitKey(ip));
      const site = ipv6SiteKey(ip);
      return !verdict.allowed || site === undefined ? verdict : spend(sites, site);
    },
    async charge(ip, points) {
      const site = ipv6SiteKey(ip);
      await Promise.all([visitors.penalty(rateLimitKey(ip), points), ...(site === undefined ? [] : [sites.penalty(site, points)])]);
    },
  };
}

async function spend(limiter: RateLimiterRedis, key: string): Promise<RateLimitVerdict> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    // Over the limit rejects with the key's state; anything else is a real error.
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1, rejection.msBeforeNext) };
    throw rejection;
  }
}

import type { SignupLogger } from '../shared/signup-logger.js';
import { throttledWarning } from '../shared/throttled-warning.js';
import type { RateLimiter, RateLimitVerdict } from './rate-limiter.js';
import type { SharedRateLimiter } from './shared-rate-limiter.js';

/**
 * A shared limiter whose store may be lost (Redis down): while it cannot answer, requests are
 * let through rather than refused or failed, because a lost counter must not cost a visitor
 * their signup (the limit slows abuse; it is not what keeps signups safe). Logged, at most once
 * a minute, so the operator knows the limit is off.
 *
 * @example
 * const limiter = failOpen(stores.ipLimiter, logger);
 * await limiter.take('203.0.113.7'); // { allowed: true } while Redis is down
 */
export function failOpen(limiter: SharedRateLimiter, logger: SignupLogger | undefined, now: () => number = Date.now): RateLimiter {
  const unreachable = throttledWarning(logger, 'The shared per-IP limit could not be checked (its store is unreachable); signups are let through unlimited until it answers', now);
  return {
    async take(key): Promise<RateLimitVerdict> {
      try {
        return await limiter.take(key);
      } catch (error) {
        unreachable(error);
        return { allowed: true };
      }
    },
    async charge(key, points) {
      await limiter.charge?.(key, points).catch(unreachable);
    },
  };
}

import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { checkLimit, type CounterStore } from '../../http/use-counter.js';

/**
 * The {@link CounterStore} every instance shares, by `rate-limiter-flexible`'s atomic Redis
 * limiter (fixed windows, counted in one round trip): what makes "at most 3 emails per address
 * a day" hold across instances. Keys are `{prefix}:<name>:<key>` and expire with their window.
 * While Redis is unreachable each instance counts in its own memory (the library's insurance
 * limiter), so the limits still hold per instance.
 *
 * @example
 * const counters = createRedisCounters(redis, { prefix: 'signup' });
 * await counters.counter('address-emails', { max: 3, windowMs: 86_400_000 }).take('e:5f1c0a9b7d2e4c11');
 */
export function createRedisCounters(redis: Redis, options: { prefix: string }): CounterStore {
  return {
    counter(name, limit) {
      checkLimit(name, limit);
      const duration = Math.round(limit.windowMs / 1_000);
      const counter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `{${options.prefix}}:${name}`,
        points: limit.max,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points: limit.max, duration }),
      });
      return {
        async take(key) {
          try {
            await counter.consume(key);
            return true;
          } catch (rejection) {
            if (rejection instanceof RateLimiterRes) return false;
            throw rejection;
          }
        },
        give: async (key) => void (await counter.reward(key, 1)),
      };
    },
  };
}

import type { Redis } from 'ioredis';
import { checkTtl, type DrainLock } from '../../queue/drain-lock.js';
import { defineScript } from './redis-client.js';

// Redis's documented single-instance lock: SET NX PX to take it, and a compare-and-act
// script to extend or release, so only the token that holds it can (https://redis.io/docs/latest/commands/set/).
const EXTEND_LUA = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
const RELEASE_LUA = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * The {@link DrainLock} every instance shares. Its expiry runs on Redis's clock, so instances
 * with skewed clocks still agree on when a dead holder's lock is free.
 *
 * @example
 * const lock = createRedisDrainLock(redis, { prefix: 'signup' });
 * const token = await lock.acquire(60_000);
 */
export function createRedisDrainLock(redis: Redis, options: { prefix: string }): DrainLock {
  const key = `{${options.prefix}}:drain-lock`;
  const extend = defineScript(redis, 'ddsLockExtend', 1, EXTEND_LUA);
  const release = defineScript(redis, 'ddsLockRelease', 1, RELEASE_LUA);
  return {
    async acquire(ttlMs) {
      const token = crypto.randomUUID();
      return (await redis.set(key, token, 'PX', checkTtl(ttlMs), 'NX')) === 'OK' ? token : undefined;
    },
    extend: async (token, ttlMs) => (await extend([key], [token, checkTtl(ttlMs)])) === 1,
    release: async (token) => (await release([key], [token])) === 1,
  };
}

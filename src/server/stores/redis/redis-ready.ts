import type { Redis } from 'ioredis';

/**
 * The readiness check the Redis stores share: one small write (a key that expires by itself),
 * so a Redis that answers but refuses writes (out of memory, a read-only replica) counts as
 * not ready too. Rejects within the client's command timeout, naming the host, never a password.
 *
 * @example
 * const ready = redisReady(redis, 'dotdigital-signup');
 * await ready(); // throws 'Redis at 127.0.0.1:6379 is not reachable (…)' while it is down
 */
export function redisReady(redis: Redis, prefix: string): () => Promise<void> {
  const key = `{${prefix}}:ready`;
  return async () => {
    try {
      await redis.set(key, String(Date.now()), 'PX', 60_000);
    } catch (error) {
      const { host, port } = redis.options;
      const where = `Redis at ${host ?? '127.0.0.1'}:${port ?? 6379}`;
      const effect = 'signups cannot be queued, and the call budget and per-IP limits are not shared';
      if (redis.status !== 'ready') throw new Error(`${where} is not reachable (the client is reconnecting): ${effect} until it is back`);
      throw new Error(`${where} does not take writes (${error instanceof Error ? error.message : String(error)}): ${effect} until it does`);
    }
  };
}

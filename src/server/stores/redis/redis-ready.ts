import { RedisUnavailableError, type RedisConnection } from './redis-connection.js';

/**
 * The readiness check the Redis stores share: one small write (a key that expires by itself)
 * through their connection, so a Redis that answers but refuses writes (out of memory, a
 * read-only replica) counts as not ready too. Rejects within the connection's timeout with what
 * the connection says is wrong, the URL's password masked.
 *
 * @example
 * const ready = redisReady(connection, 'dotdigital-signup');
 * await ready(); // throws 'Redis at redis://10.0.0.5:6379 is unreachable: connection refused. Check SIGNUP_REDIS_URL …' while it is down
 */
export function redisReady(connection: Pick<RedisConnection, 'run' | 'where'>, prefix: string): () => Promise<void> {
  const key = `{${prefix}}:ready`;
  return async () => {
    try {
      await connection.run((redis) => redis.set(key, String(Date.now()), 'PX', 60_000));
    } catch (error) {
      if (error instanceof RedisUnavailableError) throw error;
      throw new Error(`Redis at ${connection.where} does not take writes (${error instanceof Error ? error.message : String(error)}): signups cannot be queued until it does`);
    }
  };
}

import type { Redis } from 'ioredis';

/**
 * Connects a client (when it is not connected yet) and checks with a PING that Redis answers
 * within `timeoutMs`. On failure the client is disconnected (no reconnect loop left behind)
 * and the error says what to check.
 *
 * @example
 * await connectRedis(createRedisClient(url), 2_000);
 */
export async function connectRedis(redis: Redis, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    if (redis.status === 'wait') await Promise.race([redis.connect(), deadline]);
    await Promise.race([redis.ping(), deadline]);
  } catch (error) {
    redis.disconnect();
    const { host, port, db } = redis.options;
    // Built from the parsed options, so a password in the URL is never printed.
    const where = `redis://${host ?? '127.0.0.1'}:${port ?? 6379}/${db ?? 0}`;
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Redis at ${where} is unreachable (${why}). Check SIGNUP_REDIS_URL (or the \`redis\` option of createRedisStores): ` +
        'is Redis running and reachable from here, are the host, port, password and TLS (rediss://) right?',
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

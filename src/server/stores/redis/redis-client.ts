import { Redis } from 'ioredis';

/** How long a command may take before it rejects (Redis gone quiet), and a connection attempt. */
export const DEFAULT_REDIS_TIMEOUT_MS = 2_000;

/**
 * An ioredis client set up so a lost Redis makes calls fail fast instead of hang: commands
 * time out after `timeoutMs`, and while disconnected they reject at once (no offline queue
 * holding a signup's request open) while the client keeps reconnecting in the background.
 * Returned unconnected (`lazyConnect`), so whoever creates it decides when to connect.
 *
 * @example
 * const redis = createRedisClient('redis://127.0.0.1:6379');
 * await redis.connect();
 */
export function createRedisClient(url: string, timeoutMs = DEFAULT_REDIS_TIMEOUT_MS): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Keep trying to reconnect (a restarted Redis comes back), at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  // ioredis emits an `error` on every failed reconnect (and prints it when nobody listens):
  // failures reach callers through their failing commands, and `reportConnection` logs the state.
  client.on('error', () => undefined);
  return client;
}

type ScriptRunner = (keys: readonly string[], args: ReadonlyArray<string | number>) => Promise<unknown>;

/**
 * A Lua script as a function: ioredis sends it by SHA and loads it on `NOSCRIPT`, so a restarted
 * Redis (which forgot its scripts) needs nothing from us. Scripts run atomically: that is what
 * makes a batch claim or a lease check one step.
 *
 * @example
 * const claim = defineScript(redis, 'ddsClaim', 4, CLAIM_LUA);
 * await claim([entries, due, state, leases], [now, limit, leaseUntil, lease]);
 */
export function defineScript(redis: Redis, name: string, numberOfKeys: number, lua: string): ScriptRunner {
  redis.defineCommand(name, { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, (...args: Array<string | number>) => Promise<unknown>>)[name]!.bind(redis);
  return (keys, args) => command(...keys, ...args);
}

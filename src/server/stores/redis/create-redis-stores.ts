import type { Redis } from 'ioredis';
import type { SignupLogger } from '../../shared/signup-logger.js';
import type { CallBudget, CallBudgetOptions } from '../../dotdigital/call-budget.js';
import type { DrainLock } from '../../queue/drain-lock.js';
import type { SharedRateLimiter } from '../../http/shared-rate-limiter.js';
import { connectRedis } from './connect-redis.js';
import { createRedisCallBudget } from './redis-call-budget.js';
import { createRedisClient, DEFAULT_REDIS_TIMEOUT_MS } from './redis-client.js';
import { createRedisDrainLock } from './redis-drain-lock.js';
import { createRedisIpLimiter } from './redis-ip-limiter.js';
import { createRedisSignupQueue, type RedisSignupQueue } from './redis-signup-queue.js';
import { redisReady } from './redis-ready.js';
import { reportConnection } from './report-connection.js';
import type { ReadyCheck } from '../../shared/check-readiness.js';

/** Options of {@link createRedisStores}. */
export interface RedisStoresOptions {
  /** A `redis://` or `rediss://` URL (the `serve` command reads `SIGNUP_REDIS_URL`), or an ioredis client you own and close. */
  redis: string | Redis;
  /** Namespace of every key, so several proxies can share one Redis. Default `dotdigital-signup`. */
  prefix?: string;
  /** Most signups the queue holds; over it the proxy answers 503. Default 100 000. */
  maxEntries?: number;
  /** The per-IP limit. Default 10 a minute, as the handler's own. */
  rateLimit?: { max: number; windowMs: number };
  /** Outage detection and probing of Dotdigital's call budget. */
  budget?: CallBudgetOptions;
  /** Told about malformed queue entries and a lost connection. Default `console`. */
  logger?: Pick<SignupLogger, 'warn' | 'error'>;
  /** How long a command or the connection may take before it fails. Default 2 000 ms. */
  timeoutMs?: number;
}

/** Everything the proxies share through one Redis; each part's `ready()` is the same one-write check of the connection. */
export interface RedisStores {
  queue: RedisSignupQueue & ReadyCheck;
  ipLimiter: SharedRateLimiter & ReadyCheck;
  budget: CallBudget & ReadyCheck;
  drainLock: DrainLock & ReadyCheck;
  /** The client in use. */
  redis: Redis;
  /** Closes the connection it opened from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

/**
 * Connects to Redis and returns the stores every instance of the proxy shares: the signup
 * queue, the per-IP limiter, Dotdigital's call budget and the drain lock. Rejects with an
 * error naming `SIGNUP_REDIS_URL` when Redis cannot be reached within `timeoutMs`. Once
 * running, a lost Redis makes each call reject within `timeoutMs` (never hang), so the caller
 * can try Dotdigital live or answer 503; the client reconnects by itself.
 *
 * @example
 * const stores = await createRedisStores({ redis: 'redis://127.0.0.1:6379', prefix: 'shop' });
 * await stores.queue.add(entry);
 * await stores.close();
 */
export async function createRedisStores(options: RedisStoresOptions): Promise<RedisStores> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  const owned = typeof options.redis === 'string';
  const redis = typeof options.redis === 'string' ? createRedisClient(options.redis, timeoutMs) : options.redis;
  const logger = options.logger ?? console;
  // Only a client of ours is watched: one you bring is yours to log.
  const stopReporting = owned ? reportConnection(redis, logger) : () => undefined;
  try {
    await connectRedis(redis, timeoutMs);
  } catch (error) {
    stopReporting();
    throw error;
  }
  const prefix = options.prefix ?? 'dotdigital-signup';
  const check = { ready: redisReady(redis, prefix), readyName: 'redis' };
  let stores: Omit<RedisStores, 'redis' | 'close'>;
  try {
    stores = {
      queue: { ...createRedisSignupQueue(redis, { prefix, maxEntries: options.maxEntries ?? 100_000, logger }), ...check },
      ipLimiter: { ...createRedisIpLimiter(redis, { prefix, ...(options.rateLimit ?? { max: 10, windowMs: 60_000 }) }), ...check },
      budget: { ...createRedisCallBudget(redis, { prefix, ...options.budget }), ...check },
      drainLock: { ...createRedisDrainLock(redis, { prefix }), ...check },
    };
  } catch (error) {
    // Bad options: leave no connection of ours behind.
    stopReporting();
    if (owned) redis.disconnect();
    throw error;
  }
  return {
    ...stores,
    redis,
    async close() {
      if (!owned) return;
      stopReporting();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

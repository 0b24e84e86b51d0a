import type { Redis } from 'ioredis';
import { maskUrl } from '../../shared/mask-url.js';
import { checkKeys } from '../../shared/nearest-name.js';
import type { SignupLogger } from '../../shared/signup-logger.js';
import type { CallBudget, CallBudgetOptions } from '../../dotdigital/call-budget.js';
import type { DrainLock } from '../../queue/drain-lock.js';
import type { SharedRateLimiter } from '../../http/shared-rate-limiter.js';
import type { CounterStore } from '../../http/use-counter.js';
import { createRedisCallBudget } from './redis-call-budget.js';
import { createRedisCounters } from './redis-counters.js';
import { createRedisClient, DEFAULT_REDIS_TIMEOUT_MS } from './redis-client.js';
import { createRedisConnection, type RedisConnection } from './redis-connection.js';
import { createRedisDrainLock } from './redis-drain-lock.js';
import { createRedisIpLimiter } from './redis-ip-limiter.js';
import { createRedisSignupQueue, type RedisSignupQueue } from './redis-signup-queue.js';
import { redisReady } from './redis-ready.js';
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
  /** How long malformed queue entries (`…:queue:malformed`, which may hold addresses) are kept. Default 7 days. */
  malformedRetentionMs?: number;
  /** Outage detection and probing of Dotdigital's call budget. */
  budget?: CallBudgetOptions;
  /** Told about malformed queue entries, and when Redis cannot be reached or is back. Default `console`. */
  logger?: Pick<SignupLogger, 'warn' | 'error'>;
  /** How long a command or the connection may take before it fails. Default 2 000 ms. */
  timeoutMs?: number;
}

/** Everything the proxies share through one Redis; each part's `ready()` is the same one-write check of the connection. */
export interface RedisStores {
  queue: RedisSignupQueue & ReadyCheck;
  ipLimiter: SharedRateLimiter & ReadyCheck;
  /** Per-key counts for the handler's `addressLimit` (and other checks that count in windows). */
  counters: CounterStore;
  budget: CallBudget & ReadyCheck;
  drainLock: DrainLock & ReadyCheck;
  /** The client in use. */
  redis: Redis;
  /** Resolves once Redis answers (connecting if it has not yet); rejects with a `RedisUnavailableError` saying why not. */
  ping(): Promise<void>;
  /** Closes the connection it opened from a URL; a client you passed stays open. */
  close(): Promise<void>;
}

const OPTION_NAMES = ['redis', 'prefix', 'maxEntries', 'rateLimit', 'malformedRetentionMs', 'budget', 'logger', 'timeoutMs'] as const satisfies ReadonlyArray<keyof RedisStoresOptions>;
const BUDGET_NAMES = ['failuresToOutage', 'failureWindowMs', 'probeEveryMs', 'blockWithoutResetMs'] as const satisfies ReadonlyArray<keyof CallBudgetOptions>;

/**
 * The stores every instance of the proxy shares through one Redis: the signup queue, the per-IP
 * limiter, the per-address counters, Dotdigital's call budget and the drain lock. Creating them opens nothing, so it
 * never fails for a Redis that cannot be reached (a module can create them at load, and
 * `next build` needs no Redis); it throws only for options that cannot be right. They connect
 * on first use and reconnect by themselves: while Redis is away each call rejects at once with
 * a `RedisUnavailableError` naming the reason (a wrong password, TLS, DNS, refused), so the
 * handler falls back (a live signup, else `503`; the per-IP limit, the per-address counts and
 * the call budget count in this instance), and the first call after it is back uses it.
 *
 * @example
 * const stores = createRedisStores({ redis: 'redis://127.0.0.1:6379', prefix: 'shop' });
 * await stores.queue.add(entry);
 * await stores.close();
 */
export function createRedisStores(options: RedisStoresOptions): RedisStores {
  const fail = (problem: string): never => {
    throw new TypeError(`createRedisStores: ${problem} (see README, "Deploy").`);
  };
  if (typeof options !== 'object' || options === null) fail('pass an options object, e.g. { redis: process.env.SIGNUP_REDIS_URL }');
  checkKeys(options, OPTION_NAMES, fail);
  if (isObject(options.budget)) checkKeys(options.budget, BUDGET_NAMES, fail, 'budget.');
  if (isObject(options.rateLimit)) checkKeys(options.rateLimit, ['max', 'windowMs'], fail, 'rateLimit.');
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS;
  const owned = typeof options.redis === 'string';
  const redis = typeof options.redis === 'string' ? createRedisClient(checkRedisUrl(options.redis, fail), timeoutMs) : checkClient(options.redis, fail);
  const logger = options.logger ?? console;
  const prefix = options.prefix ?? 'dotdigital-signup';
  const where = typeof options.redis === 'string' ? maskUrl(options.redis) : clientUrl(redis);
  // Only a client of ours is watched: one you bring is yours to log.
  const connection = createRedisConnection(redis, { where, timeoutMs, logger: owned ? logger : undefined });
  const limiter = createRedisIpLimiter(redis, { prefix, ...(options.rateLimit ?? { max: 10, windowMs: 60_000 }) });
  const counters = createRedisCounters(redis, { prefix });
  const malformed = options.malformedRetentionMs === undefined ? {} : { malformedRetentionMs: options.malformedRetentionMs };
  const check = { ready: redisReady(connection, prefix), readyName: 'redis' };
  // Not gated: while Redis is away the limiters count in this instance's memory (their insurance), which beats letting everyone through.
  const reach = () => connection.ready().catch(() => undefined);
  return {
    queue: { ...gated(connection, createRedisSignupQueue(redis, { prefix, maxEntries: options.maxEntries ?? 100_000, logger, ...malformed })), ...check },
    ipLimiter: { take: async (ip) => (await reach(), limiter.take(ip)), charge: async (ip, points) => (await reach(), limiter.charge?.(ip, points)), ...check },
    counters: {
      counter(name, limit) {
        const counter = counters.counter(name, limit);
        return { take: async (key) => (await reach(), counter.take(key)), give: async (key) => (await reach(), counter.give(key)) };
      },
    },
    budget: { ...createRedisCallBudget(redis, { prefix, ...options.budget }, connection), ...check },
    drainLock: { ...gated(connection, createRedisDrainLock(redis, { prefix })), ...check },
    redis,
    ping: () => connection.run(async (client) => void (await client.ping())),
    close: () => connection.close(owned),
  };
}

/** Each method of `store` runs once Redis is ready, and rejects at once with the reason while it is away. */
function gated<T extends object>(connection: RedisConnection, store: T): T {
  const methods = Object.entries(store).map(([name, value]) => [name, typeof value === 'function' ? (...args: unknown[]) => connection.run(() => (value as (...a: unknown[]) => Promise<unknown>)(...args)) : value]);
  return Object.fromEntries(methods) as T;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

function checkRedisUrl(url: string, fail: (problem: string) => never): string {
  const trimmed = url.trim();
  if (trimmed === '') fail('`redis` is empty: give the redis:// or rediss:// URL of your Redis (is SIGNUP_REDIS_URL set where this runs, and where you build?)');
  if (!/^rediss?:\/\/[^/]/i.test(trimmed)) fail(`\`redis\` must be a redis://host:port URL (or rediss:// for TLS), not ${JSON.stringify(maskUrl(trimmed).slice(0, 100))}`);
  return trimmed;
}

function checkClient(redis: unknown, fail: (problem: string) => never): Redis {
  if (redis === undefined || redis === null) fail('`redis` is required: the redis:// or rediss:// URL of your Redis, or an ioredis client (is SIGNUP_REDIS_URL set where this runs, and where you build?)');
  const client = redis as Partial<Redis>;
  if (typeof client.defineCommand !== 'function' || typeof client.status !== 'string') fail(`\`redis\` must be a redis:// URL or an ioredis client, not ${typeof redis === 'object' ? 'an object of another kind' : JSON.stringify(redis)}`);
  return redis as Redis;
}

// A client you pass is shown by its options: never its password.
function clientUrl(redis: Redis): string {
  const { host, port, db, tls } = redis.options;
  return `${tls ? 'rediss' : 'redis'}://${host ?? '127.0.0.1'}:${port ?? 6379}/${db ?? 0}`;
}

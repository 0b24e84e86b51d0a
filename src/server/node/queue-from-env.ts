import type { SignupLogger } from '../shared/signup-logger.js';
import type { SignupHandlerOptions } from '../signup-handler-options.js';
import { bad, positive, type Env } from './env-values.js';
import { createFileSignupQueue } from './file-signup-queue.js';

/** What {@link queueFromEnv} opened: options to spread into the handler's, and when to deliver. */
export interface QueueFromEnv {
  options: Pick<SignupHandlerOptions, 'queue' | 'queueDelivery' | 'stores' | 'rateLimit'>;
  /** How often `serve` (or `worker`) runs a delivery round. */
  intervalMs: number;
  /** Where signups wait, for the start-up line (no password). */
  where: string;
  /** Closes the queue file or the Redis connection (after the server stopped). */
  close(): Promise<void>;
}

/**
 * Opens the durable queue the environment asks for: `SIGNUP_REDIS_URL` (shared by every
 * instance: queue, per-IP limit, Dotdigital's call budget, drain lock) or `SIGNUP_QUEUE_FILE`
 * (one process; the journal's path) — not both; neither: no queue, Dotdigital outages answer
 * 503. Also `SIGNUP_QUEUE_MAX_ENTRIES`, `SIGNUP_QUEUE_MAX_AGE_HOURS` (default 72; fractions too, then a
 * signup moves to the dead letters), `SIGNUP_DEAD_LETTER_DAYS` (30), `SIGNUP_BACKLOG_WARN_MINUTES` (60) and
 * `SIGNUP_QUEUE_INTERVAL_SECONDS` (default 30) and `SIGNUP_QUEUE_LEASE_SECONDS` (default 600: how soon
 * another instance takes over the work, and the drain lock, of one that died). With Redis the per-IP limit (`rateLimit`, from
 * SIGNUP_RATE_LIMIT) is counted in Redis. Redis unreachable at start: an error naming SIGNUP_REDIS_URL.
 *
 * @example
 * const env = optionsFromEnv(process.env);
 * const queued = await queueFromEnv(process.env, logger, env.rateLimit);
 * await listenSignup({ ...env, ...queued?.options }, { deliverEveryMs: queued?.intervalMs });
 */
export async function queueFromEnv(env: Env, logger?: SignupLogger, rateLimit?: SignupHandlerOptions['rateLimit']): Promise<QueueFromEnv | undefined> {
  const path = env.SIGNUP_QUEUE_FILE?.trim();
  const redisUrl = env.SIGNUP_REDIS_URL?.trim();
  const maxEntries = positive(env, 'SIGNUP_QUEUE_MAX_ENTRIES');
  const maxAgeHours = positive(env, 'SIGNUP_QUEUE_MAX_AGE_HOURS');
  const intervalSeconds = positive(env, 'SIGNUP_QUEUE_INTERVAL_SECONDS');
  const leaseSeconds = positive(env, 'SIGNUP_QUEUE_LEASE_SECONDS');
  const deadLetterDays = positive(env, 'SIGNUP_DEAD_LETTER_DAYS');
  const backlogWarnMinutes = positive(env, 'SIGNUP_BACKLOG_WARN_MINUTES');
  if (path && redisUrl) {
    throw new Error('Set SIGNUP_REDIS_URL or SIGNUP_QUEUE_FILE, not both: Redis holds the queue for every instance, a file for one process (see README, "Deploy").');
  }
  if (!path && !redisUrl) return undefined;
  if (maxEntries !== undefined && !Number.isSafeInteger(maxEntries)) bad('SIGNUP_QUEUE_MAX_ENTRIES', env.SIGNUP_QUEUE_MAX_ENTRIES ?? '', 'use a whole number');
  const queueDelivery = {
    ...(maxAgeHours ? { maxAgeMs: Math.round(maxAgeHours * 3_600_000) } : {}),
    ...(leaseSeconds ? { leaseMs: Math.round(leaseSeconds * 1000) } : {}),
    ...(deadLetterDays ? { deadLetterRetentionMs: Math.round(deadLetterDays * 86_400_000) } : {}),
    ...(backlogWarnMinutes ? { backlogWarnMs: Math.round(backlogWarnMinutes * 60_000) } : {}),
  };
  const common = { intervalMs: (intervalSeconds ?? 30) * 1000, delivery: Object.keys(queueDelivery).length > 0 ? { queueDelivery } : {} };
  if (redisUrl) {
    if (!/^rediss?:\/\//.test(redisUrl)) bad('SIGNUP_REDIS_URL', redisUrl.replace(/\/\/[^@/]*@/, '//…@'), 'use redis://host:port (or rediss:// for TLS)');
    // Loaded only here, so a proxy without Redis never loads its client.
    const { createRedisStores } = await import('../stores/redis/index.js');
    const stores = await createRedisStores({
      redis: redisUrl,
      ...(maxEntries ? { maxEntries } : {}),
      ...(rateLimit ? { rateLimit } : {}),
      ...(logger ? { logger } : {}),
    });
    const { host, port } = stores.redis.options;
    return {
      options: { stores, ...common.delivery, ...(rateLimit === false ? { rateLimit: false } : { rateLimit: undefined }) },
      intervalMs: common.intervalMs,
      where: `Redis at ${host ?? '127.0.0.1'}:${port ?? 6379}`,
      close: () => stores.close(),
    };
  }
  const queue = await createFileSignupQueue({ path: path!, ...(maxEntries ? { maxEntries } : {}), ...(logger ? { logger } : {}) });
  return { options: { queue, ...common.delivery }, intervalMs: common.intervalMs, where: path!, close: () => queue.close() };
}

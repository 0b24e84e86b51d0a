import type { SignupLogger } from '../shared/signup-logger.js';
import type { SignupHandlerOptions } from '../signup-handler-options.js';
import { maskUrl } from '../shared/mask-url.js';
import { bad, positive, type Env } from './env-values.js';
import { createFileCounters } from './file-counters.js';
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
 * (one process; the journal's path, with the per-address counts in `<path>.limits.json` beside
 * it) — not both; neither: no queue, Dotdigital outages answer 503. Also `SIGNUP_QUEUE_MAX_ENTRIES`,
 * `SIGNUP_QUEUE_MAX_AGE_HOURS` (default 72; fractions too, then a signup moves to the dead letters),
 * `SIGNUP_DEAD_LETTER_DAYS` (30), `SIGNUP_BACKLOG_WARN_MINUTES` (60) and
 * `SIGNUP_QUEUE_INTERVAL_SECONDS` (default 30) and `SIGNUP_QUEUE_LEASE_SECONDS` (default 20: how soon
 * another instance takes over the work, and the drain lock, of one that died). With Redis the per-IP limit (`rateLimit`, from
 * SIGNUP_RATE_LIMIT) and the per-address limits are counted in Redis, and malformed entries are
 * kept `SIGNUP_REDIS_MALFORMED_DAYS` (default 7). Set but empty, either is refused. Redis refusing the password or
 * its TLS certificate at start: an error naming SIGNUP_REDIS_URL; Redis merely unreachable: the
 * stores log it and use Redis as soon as it answers.
 *
 * @example
 * const env = optionsFromEnv(process.env);
 * const queued = await queueFromEnv(process.env, logger, env.rateLimit);
 * await listenSignup({ ...env, ...queued?.options }, { deliverEveryMs: queued?.intervalMs });
 */
export async function queueFromEnv(env: Env, logger?: SignupLogger, rateLimit?: SignupHandlerOptions['rateLimit']): Promise<QueueFromEnv | undefined> {
  const path = setOrEmpty(env, 'SIGNUP_QUEUE_FILE', 'the path of the queue file (one process)');
  const redisUrl = setOrEmpty(env, 'SIGNUP_REDIS_URL', 'redis://host:port (rediss:// for TLS)');
  const maxEntries = positive(env, 'SIGNUP_QUEUE_MAX_ENTRIES');
  const maxAgeHours = positive(env, 'SIGNUP_QUEUE_MAX_AGE_HOURS');
  const intervalSeconds = positive(env, 'SIGNUP_QUEUE_INTERVAL_SECONDS');
  const leaseSeconds = positive(env, 'SIGNUP_QUEUE_LEASE_SECONDS');
  const malformedDays = positive(env, 'SIGNUP_REDIS_MALFORMED_DAYS');
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
    if (!/^rediss?:\/\/[^/]/i.test(redisUrl)) bad('SIGNUP_REDIS_URL', maskUrl(redisUrl), 'use redis://host:port (or rediss:// for TLS)');
    // Loaded only here, so a proxy without Redis never loads its client.
    const { createRedisStores, RedisUnavailableError } = await import('../stores/redis/index.js');
    const stores = createRedisStores({
      redis: redisUrl,
      ...(maxEntries ? { maxEntries } : {}),
      ...(rateLimit ? { rateLimit } : {}),
      ...(malformedDays ? { malformedRetentionMs: malformedDays * 86_400_000 } : {}),
      ...(logger ? { logger } : {}),
    });
    // A first look: a password or certificate that is wrong will not heal, so it stops the start;
    // Redis merely away (refused, no answer, a name not resolving yet) is used once it answers (the stores log it).
    const fatal = await stores.ping().then(
      () => undefined,
      (error: unknown) => (error instanceof RedisUnavailableError && (error.problem?.kind === 'auth' || error.problem?.kind === 'tls') ? error : undefined),
    );
    if (fatal) {
      await stores.close();
      throw fatal;
    }
    return {
      options: { stores, ...common.delivery, ...(rateLimit === false ? { rateLimit: false } : { rateLimit: undefined }) },
      intervalMs: common.intervalMs,
      where: `Redis at ${maskUrl(redisUrl)}`,
      close: () => stores.close(),
    };
  }
  const queue = await createFileSignupQueue({ path: path!, ...(maxEntries ? { maxEntries } : {}), ...(logger ? { logger } : {}) });
  const counters = await createFileCounters(`${path!}.limits.json`).catch(async (error: unknown) => {
    await queue.close();
    throw error;
  });
  return {
    options: { queue, stores: { counters }, ...common.delivery },
    intervalMs: common.intervalMs,
    where: path!,
    close: () => Promise.all([queue.close(), counters.close()]).then(() => undefined),
  };
}

// Set but empty is a mistake (a template that lost its value): refused, rather than quietly running without a queue.
function setOrEmpty(env: Env, name: string, want: string): string | undefined {
  const value = env[name];
  if (value !== undefined && value.trim() === '') bad(name, value, `it is set but empty: set it to ${want}, or unset it to run without a queue (Dotdigital outages answer 503)`);
  return value?.trim();
}

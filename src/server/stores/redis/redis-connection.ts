import type { Redis } from 'ioredis';
import type { SignupLogger } from '../../shared/signup-logger.js';
import { describeRedisProblem, type RedisProblem } from './redis-problem.js';

/**
 * Redis cannot be used right now; `message` says why and what to check, `problem.kind` what
 * sort of mistake or fault it is. The handler falls back (a live signup, else `503`).
 *
 * @example
 * await stores.ping().catch((error) => {
 *   if (error instanceof RedisUnavailableError && error.problem?.kind === 'auth') process.exit(1); // a wrong password does not heal
 * });
 */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
  constructor(
    message: string,
    /** What went wrong, when the client said; `undefined` before the first attempt ended. */
    readonly problem: RedisProblem | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One client, connected when first needed and reconnected by itself; see {@link createRedisConnection}. */
export interface RedisConnection {
  /** The URL as it may be printed: real scheme, password masked. */
  readonly where: string;
  /** Runs `work` with the client once it is ready; rejects at once with {@link RedisUnavailableError} while Redis is away. */
  run<T>(work: (client: Redis) => Promise<T>): Promise<T>;
  /** Resolves once the client is ready, connecting it on first use (never waiting longer than `timeoutMs`). */
  ready(): Promise<Redis>;
  /** Lets the client go: quits it when `owned`, and refuses further work. */
  close(owned: boolean): Promise<void>;
}

const ASK = 'Check SIGNUP_REDIS_URL (or the `redis` option of createRedisStores)';

/**
 * Wraps an ioredis client so it connects on first use, never caches a failure and reports
 * what is wrong in words. Creating it does nothing: no socket, no timer, so `next build` or a
 * cold start needs no Redis. The first call connects and waits for it at most `timeoutMs`;
 * once that first attempt has ended, a call while Redis is away rejects at once (the client
 * keeps reconnecting in the background, at most every 2 s) and the first call after it is back
 * uses it. `logger` (only for a client the stores own) hears of the first failure, a lost
 * connection, a new reason that needs a person (password, TLS, DNS), and the return.
 *
 * @example
 * const connection = createRedisConnection(createRedisClient(url), { where: maskUrl(url), timeoutMs: 2_000, logger });
 * await connection.run((redis) => redis.ping());
 */
export function createRedisConnection(client: Redis, options: { where: string; timeoutMs: number; logger?: Pick<SignupLogger, 'warn' | 'error'> | undefined }): RedisConnection {
  const { where, timeoutMs, logger } = options;
  let problem: RedisProblem | undefined;
  let first: Promise<Redis> | undefined;
  let attempted = false;
  let closed = false;
  const unavailable = (cause?: unknown, why = problem) =>
    new RedisUnavailableError(`Redis at ${where} is unreachable: ${closed ? 'its stores were closed' : (why?.text ?? 'not connected (reconnecting)')}. ${ASK}`, why, { cause });
  const unwatch = watch(client, { where, timeoutMs, logger }, (next) => (problem = next));

  // The first use: connect (unless the caller's own client is on its way already) and wait for it, bounded.
  const firstConnection = () =>
    new Promise<Redis>((resolve, reject) => {
      const done = (error?: unknown) => {
        clearTimeout(timer);
        client.off('ready', onReady).off('close', onClose);
        if (error === undefined) resolve(client);
        else reject(unavailable(error));
      };
      const onReady = () => done();
      const onClose = () => done(new Error('connection closed'));
      // A little past the client's own connectTimeout, so its reason (ETIMEDOUT, WRONGPASS…) arrives first.
      const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs + 100);
      client.once('ready', onReady).once('close', onClose);
      if (client.status === 'wait' || client.status === 'end') client.connect().catch(() => undefined); // the reason comes as an `error` event
    });

  const ready = (): Promise<Redis> => {
    if (closed) return Promise.reject(unavailable());
    if (client.status === 'ready') return Promise.resolve(client);
    if (!attempted) {
      attempted = true;
      first = firstConnection().finally(() => (first = undefined));
    }
    return first ?? Promise.reject(unavailable());
  };

  return {
    where,
    ready,
    async run(work) {
      const redis = await ready();
      try {
        return await work(redis);
      } catch (error) {
        // Lost on the way, or a Redis that stopped answering: the same fallback as a Redis away. Anything else is the call's own.
        // ioredis may still say 'ready' for a moment after the socket went ("Stream isn't writeable"):
        // that is a Redis away too, not a refused write.
        if (redis.status !== 'ready' || /stream isn't writeable/i.test((error as Error)?.message ?? '')) throw unavailable(error);
        if (/timed out/i.test((error as Error)?.message ?? '')) throw unavailable(error, describeRedisProblem(error, timeoutMs));
        throw error;
      }
    },
    async close(owned) {
      closed = true;
      unwatch(); // a connection we close is not one lost
      if (!owned) return;
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

// Keeps the latest problem, and tells the logger about changes a person should see (not every reconnect attempt: every 2 s would bury the log).
function watch(client: Redis, options: { where: string; timeoutMs: number; logger?: Pick<SignupLogger, 'warn' | 'error'> | undefined }, onProblem: (problem: RedisProblem | undefined) => void): () => void {
  const { where, timeoutMs, logger } = options;
  let up = false;
  let told: RedisProblem['kind'] | undefined;
  let lostAt = 0;
  const fallback = 'until it answers, signups are tried live (503 when Dotdigital cannot take them either), and the call budget and per-IP limits count per instance';
  const onError = (error: unknown) => {
    const problem = describeRedisProblem(error, timeoutMs);
    onProblem(problem);
    if (up) return; // a lost connection is told by `close`
    // The first failure, and then only a reason a person must fix (a wrong password, TLS, DNS) that is new.
    if (told === undefined || (problem.kind !== told && ['auth', 'tls', 'dns'].includes(problem.kind))) {
      logger?.error(`Redis at ${where} is unreachable: ${problem.text}. ${ASK}. It keeps trying; ${fallback}`);
      told = problem.kind;
    }
  };
  const onClose = () => {
    if (!up) return;
    [up, lostAt, told] = [false, Date.now(), 'refused'];
    logger?.error(`Lost the connection to Redis at ${where} (reconnecting): ${fallback}`);
  };
  const onReady = () => {
    if (told !== undefined) logger?.warn(`Redis at ${where} is reachable again`, lostAt ? { downForMs: Date.now() - lostAt } : {});
    [up, lostAt, told] = [true, 0, undefined];
    onProblem(undefined);
  };
  client.on('error', onError).on('close', onClose).on('ready', onReady);
  return () => void client.off('error', onError).off('close', onClose).off('ready', onReady);
}

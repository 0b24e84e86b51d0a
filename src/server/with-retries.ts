import type { ResolvedOptions } from './resolve-options.js';
import type { SignupClock } from './signup-handler-options.js';
import type { DotdigitalErrorKind } from './dotdigital/dotdigital-api-error.js';
import { isRetryable, upstreamErrorKind } from './upstream-error-kind.js';

/** Dotdigital could not be reached or kept failing until the time budget ran out. */
export class UpstreamGaveUp extends Error {
  override readonly name = 'UpstreamGaveUp';

  constructor(
    readonly kind: DotdigitalErrorKind,
    readonly attempts: number,
    /** When Dotdigital said it would take calls again, if it said so. */
    readonly retryAfterMs: number | undefined,
    readonly last: unknown,
  ) {
    super(`Dotdigital call gave up after ${attempts} attempt(s): ${kind}`);
  }
}

/** Runs one Dotdigital call with retries; every call of a visitor's request shares `deadline`. */
export type Retrying = <T>(call: () => Promise<T>, deadline: number) => Promise<T>;

/**
 * Retries transient failures (5xx, network errors, timeouts, 429) with exponential backoff
 * and full jitter; a 429 waits as long as Dotdigital's rate-limit headers say. Gives up
 * with {@link UpstreamGaveUp} once the next wait would overrun the deadline, so a visitor
 * never waits longer than the budget. Other errors are rethrown at once.
 *
 * @example
 * const retrying = createRetrying(resolved.retry, resolved.clock);
 * await retrying(() => client.getPreferences(), clock.now() + 8_000);
 */
export function createRetrying(policy: ResolvedOptions['retry'], clock: SignupClock): Retrying {
  return async function retrying<T>(call: () => Promise<T>, deadline: number): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - clock.now();
      if (remaining <= 0) throw new UpstreamGaveUp('timeout', attempt, undefined, undefined);
      let error: unknown;
      try {
        return await withTimeout(call(), Math.min(policy.attemptTimeoutMs, remaining));
      } catch (caught) {
        error = caught;
      }
      const kind = error instanceof AttemptTimeout ? 'timeout' : upstreamErrorKind(error);
      const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
      if (kind === 'usage_capped') throw new UpstreamGaveUp(kind, attempt + 1, retryAfterMs, error);
      if (!isRetryable(kind)) throw error;
      const backoff = clock.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      // A 429 names when calls are allowed again: wait for that, plus jitter so queued signups do not stampede.
      const wait = kind === 'rate_limited' && retryAfterMs !== undefined ? retryAfterMs + clock.random() * policy.baseDelayMs : backoff;
      if (clock.now() + wait >= deadline) throw new UpstreamGaveUp(kind, attempt + 1, retryAfterMs, error);
      await clock.sleep(wait);
    }
  };
}

class AttemptTimeout extends Error {}

// A real timer on purpose: it bounds one attempt even when a test's clock is fake.
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeout(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

import type { SignupClock } from '../shared/signup-clock.js';
import type { DotdigitalErrorKind } from './dotdigital-api-error.js';
import { FAILURE_TABLE, failureKind, failureRetryAfterMs } from './failure-table.js';
import { UpstreamGaveUp } from './upstream-gave-up.js';

/** How hard to try one visitor's calls: the `retry` option with its defaults. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  attemptTimeoutMs: number;
}

/** Runs one Dotdigital call with retries; every call of a visitor's request shares `deadline`. */
export type Retrying = <T>(call: () => Promise<T>, deadline: number) => Promise<T>;

/**
 * Retries what the failure table says to retry now (5xx, network errors, timeouts, 429) with
 * exponential backoff and full jitter; a 429 waits as long as Dotdigital's rate-limit headers
 * say. Gives up with {@link UpstreamGaveUp} once the next wait would overrun the deadline, so
 * a visitor never waits longer than the budget, and at once for a failure that is queued but
 * not retried now (the usage cap). Other errors are rethrown at once.
 *
 * @example
 * const retrying = createRetrying(resolved.retry, resolved.clock);
 * await retrying(() => client.getPreferences(), clock.now() + 8_000);
 */
export function createRetrying(policy: RetryPolicy, clock: SignupClock): Retrying {
  return async function retrying<T>(call: () => Promise<T>, deadline: number): Promise<T> {
    let sent: { kind: DotdigitalErrorKind; error: unknown } | undefined;
    for (let attempt = 0; ; attempt++) {
      const remaining = deadline - clock.now();
      if (remaining <= 0) throw new UpstreamGaveUp('timeout', attempt, undefined, undefined);
      let error: unknown;
      try {
        return await withTimeout(call(), Math.min(policy.attemptTimeoutMs, remaining));
      } catch (caught) {
        error = caught;
      }
      const kind = error instanceof AttemptTimeout ? 'timeout' : failureKind(error);
      const row = FAILURE_TABLE[kind];
      const retryAfterMs = failureRetryAfterMs(error);
      if (kind === 'internal' || !(row.retryNow || row.queueLive)) throw error;
      // Held back after attempts that did fail: those failures are what the visitor met.
      if (row.notSent && sent) throw new UpstreamGaveUp(sent.kind, attempt, retryAfterMs, sent.error);
      if (!row.notSent) sent = { kind, error };
      if (!row.retryNow) throw new UpstreamGaveUp(kind, attempt + 1, retryAfterMs, error);
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

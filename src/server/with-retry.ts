import type { SignupClock } from './signup-clock.js';
import { UpstreamGaveUp } from './upstream-gave-up.js';
import { isRetryable, upstreamKind } from './upstream-kind.js';

/** How hard the proxy tries before telling the visitor Dotdigital is unavailable. */
export interface RetryPolicy {
  /** Total time one signup (or one form-definition load) may spend on Dotdigital. */
  budgetMs: number;
  /** First backoff step; each retry doubles it, with full jitter. */
  baseDelayMs: number;
  /** Largest backoff step. */
  maxDelayMs: number;
}

/** Shared by every request: after a 429 nobody calls Dotdigital again before `notBefore`. */
export interface UpstreamGate {
  notBefore: number;
}

/** Where a retried call runs: its deadline, the clock, the shared gate, the policy. */
export interface RetryContext {
  deadline: number;
  clock: SignupClock;
  gate: UpstreamGate;
  policy: RetryPolicy;
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the deadline makes another try
 * pointless. 429s wait as long as Dotdigital's rate-limit headers say (and make every other
 * request wait too); 5xx, timeouts and network errors back off exponentially with full jitter.
 *
 * @example
 * await withRetry(() => client.getPreferences(), { deadline: clock.now() + 8000, clock, gate, policy });
 */
export async function withRetry<T>(attempt: () => Promise<T>, context: RetryContext): Promise<T> {
  const { clock, gate, policy, deadline } = context;
  let last: unknown;
  for (let tries = 1; ; tries++) {
    const blocked = gate.notBefore - clock.now();
    if (blocked > 0) {
      if (clock.now() + blocked >= deadline) throw new UpstreamGaveUp(last, blocked, tries - 1);
      await clock.sleep(blocked);
    }
    try {
      return await beforeDeadline(attempt(), deadline - clock.now());
    } catch (error) {
      if (error instanceof UpstreamGaveUp) throw new UpstreamGaveUp(last, undefined, tries);
      last = error;
      const kind = upstreamKind(error);
      if (!isRetryable(kind)) throw error;
      const hinted = kind === 'rate_limited' ? (error as { retryAfterMs?: number }).retryAfterMs : undefined;
      if (hinted !== undefined) gate.notBefore = Math.max(gate.notBefore, clock.now() + hinted);
      const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1));
      const wait = hinted ?? Math.round(step * clock.random());
      if (clock.now() + wait >= deadline) throw new UpstreamGaveUp(error, hinted, tries);
      await clock.sleep(wait);
    }
  }
}

// An attempt still running at the deadline is abandoned (the client's own timeout ends it).
function beforeDeadline<T>(promise: Promise<T>, remainingMs: number): Promise<T> {
  if (remainingMs <= 0) {
    promise.catch(() => undefined);
    return Promise.reject(new UpstreamGaveUp(undefined, undefined, 0));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UpstreamGaveUp(undefined, undefined, 0)), remainingMs);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

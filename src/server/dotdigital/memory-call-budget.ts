import { callBudgetSettings, readOutcome, SAME_WINDOW_MS, type CallBudget, type CallBudgetOptions } from './call-budget.js';

/**
 * A {@link CallBudget} in this process's memory: right for one long-running process (the
 * `serve` command with a file queue); several instances share one through Redis instead
 * (`createRedisStores`). Same rules as the Redis store, checked by the same contract tests.
 *
 * @example
 * const budget = createMemoryCallBudget({ probeEveryMs: 10_000 });
 * if ((await budget.mayCall(Date.now())).allowed) await callDotdigital();
 */
export function createMemoryCallBudget(options: CallBudgetOptions = {}): CallBudget {
  const settings = callBudgetSettings(options);
  const state = {
    blockedUntil: 0, remaining: undefined as number | undefined, resetAt: 0, limit: undefined as number | undefined, guessed: false, previousResetAt: 0,
    failures: 0, firstFailureAt: 0, outage: false, probeUntil: 0,
  };
  return {
    async mayCall(now) {
      if (state.blockedUntil > now) return { allowed: false, reason: 'rate-limited', retryAfterMs: state.blockedUntil - now };
      if (state.outage) {
        if (state.probeUntil > now) return { allowed: false, reason: 'unavailable', retryAfterMs: state.probeUntil - now };
        state.probeUntil = now + settings.probeEveryMs; // the probe's slot: nobody else until it ends
        return { allowed: true, probe: true };
      }
      if (state.limit !== undefined && state.resetAt <= now) {
        // A new window: `limit` calls, until an answer of it says when it ends (a whole window from now till then).
        Object.assign(state, { remaining: state.limit, resetAt: now + settings.blockWithoutResetMs, guessed: true, previousResetAt: state.resetAt });
      }
      if (state.resetAt > now && state.remaining !== undefined) {
        if (state.remaining <= 0) return { allowed: false, reason: 'rate-limited', retryAfterMs: state.resetAt - now };
        state.remaining--;
      }
      return { allowed: true, probe: false };
    },
    async record(now, outcome) {
      const read = readOutcome(now, outcome, settings);
      if (read.blockUntil !== undefined) state.blockedUntil = Math.max(state.blockedUntil, read.blockUntil);
      if (read.limit !== undefined) state.limit = read.limit;
      if (read.remaining !== undefined && read.resetAt !== undefined) {
        // Answers of one window may arrive out of order: the lowest count is the latest news. The
        // first answer of a window begun on a guess names its reset (the calls spent since count
        // too); a late answer of the window before, its reset that one's, says nothing of it.
        if (state.guessed) {
          if (read.resetAt - state.previousResetAt >= SAME_WINDOW_MS) {
            Object.assign(state, { remaining: Math.min(state.remaining ?? read.remaining, read.remaining), resetAt: read.resetAt, guessed: false });
          }
        } else if (Math.abs(read.resetAt - state.resetAt) < SAME_WINDOW_MS) state.remaining = Math.min(state.remaining ?? read.remaining, read.remaining);
        else if (read.resetAt > state.resetAt) [state.remaining, state.resetAt] = [read.remaining, read.resetAt];
      }
      if (read.success) Object.assign(state, { failures: 0, outage: false, probeUntil: 0 });
      if (read.failure) {
        if (now - state.firstFailureAt > settings.failureWindowMs) [state.failures, state.firstFailureAt] = [0, now];
        state.failures++;
        if (state.failures >= settings.failuresToOutage && !state.outage) [state.outage, state.probeUntil] = [true, now + settings.probeEveryMs];
      }
    },
  };
}

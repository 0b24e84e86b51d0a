import { budgetState, callBudgetSettings, readOutcome, type CallBudget, type CallBudgetOptions } from './call-budget.js';

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
    blockedUntil: 0, failures: 0, firstFailureAt: 0, outage: false, probeUntil: 0,
    // The rate-limit window: `remaining` calls until its reset, which lies in [resetFrom, resetAt].
    remaining: undefined as number | undefined, resetAt: 0, resetFrom: 0, limit: undefined as number | undefined,
    // Calls sent since resetFrom: they may count in the next window, so they do there too.
    nextSpent: 0,
    // A window begun on a guess, after `previousResetAt`: its first answer names its reset.
    guessed: false, previousResetAt: 0,
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
        // A new window: `limit` calls less those already sent into it, taken to last a whole window until an answer says.
        const resetAt = now + settings.blockWithoutResetMs;
        Object.assign(state, { remaining: state.limit - state.nextSpent, nextSpent: 0, guessed: true, previousResetAt: state.resetAt, resetAt, resetFrom: resetAt });
      }
      if (state.resetAt > now && state.remaining !== undefined) {
        if (state.remaining <= 0) return { allowed: false, reason: 'rate-limited', retryAfterMs: state.resetAt - now };
        state.remaining--;
        if (now >= state.resetFrom) state.nextSpent++;
      }
      return { allowed: true, probe: false };
    },
    async record(now, outcome) {
      const read = readOutcome(now, outcome, settings);
      if (read.blockUntil !== undefined) state.blockedUntil = Math.max(state.blockedUntil, read.blockUntil);
      if (read.limit !== undefined) state.limit = read.limit;
      if (read.remaining !== undefined && read.resetAt !== undefined && read.resetFrom !== undefined) {
        // Answers arrive out of order and late. One that provably names a later window starts it
        // (less the calls already sent into it); within a window the lowest count is the latest
        // news; one of an earlier window, or one a guessed window cannot place, says nothing.
        const later = state.resetAt <= now || read.resetFrom > (state.guessed ? state.previousResetAt : state.resetAt);
        if (later) {
          const local = state.guessed ? state.remaining : state.limit === undefined ? undefined : state.limit - state.nextSpent;
          Object.assign(state, { remaining: Math.min(local ?? read.remaining, read.remaining), resetAt: read.resetAt, resetFrom: read.resetFrom, nextSpent: 0, guessed: false });
        } else if (!state.guessed && read.resetAt >= state.resetFrom) state.remaining = Math.min(state.remaining ?? read.remaining, read.remaining);
      }
      if (read.success) Object.assign(state, { failures: 0, outage: false, probeUntil: 0 });
      if (read.failure) {
        if (now - state.firstFailureAt > settings.failureWindowMs) [state.failures, state.firstFailureAt] = [0, now];
        state.failures++;
        if (state.failures >= settings.failuresToOutage && !state.outage) [state.outage, state.probeUntil] = [true, now + settings.probeEveryMs];
      }
    },
    read: async (now) => budgetState(now, { ...state, remaining: state.remaining }),
  };
}

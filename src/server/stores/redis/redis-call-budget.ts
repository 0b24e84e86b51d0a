import type { Redis } from 'ioredis';
import { callBudgetSettings, readOutcome, SAME_WINDOW_MS, type CallBudget, type CallBudgetOptions } from '../../dotdigital/call-budget.js';
import { MAY_CALL_LUA, RECORD_LUA } from './budget-scripts.js';
import { defineScript } from './redis-client.js';

/**
 * The {@link CallBudget} every instance shares: one hash, read and changed by one Lua script
 * per step, so `mayCall` is one round trip and two instances cannot both take the last call
 * or both become the outage probe.
 *
 * @example
 * const budget = createRedisCallBudget(redis, { prefix: 'signup' });
 * const permit = await budget.mayCall(Date.now());
 */
export function createRedisCallBudget(redis: Redis, options: CallBudgetOptions & { prefix: string }): CallBudget {
  const { prefix, ...tuning } = options;
  const settings = callBudgetSettings(tuning);
  const key = `{${prefix}}:budget`;
  const mayCall = defineScript(redis, 'ddsBudgetMayCall', 1, MAY_CALL_LUA);
  const record = defineScript(redis, 'ddsBudgetRecord', 1, RECORD_LUA);
  const text = (value: number | undefined) => (value === undefined ? '' : String(Math.round(value)));
  return {
    async mayCall(now) {
      const [allowed, reason, retryAfterMs] = (await mayCall([key], [Math.round(now), settings.probeEveryMs, settings.blockWithoutResetMs])) as [number, string, number];
      if (allowed === 1) return { allowed: true, probe: reason === 'probe' };
      return { allowed: false, reason: reason as 'rate-limited' | 'unavailable', retryAfterMs };
    },
    async record(now, outcome) {
      const read = readOutcome(now, outcome, settings);
      const { failuresToOutage, failureWindowMs, probeEveryMs } = settings;
      const flags = [read.failure ? 1 : 0, read.success ? 1 : 0];
      await record([key], [Math.round(now), ...flags, text(read.blockUntil), text(read.remaining), text(read.resetAt), failuresToOutage, failureWindowMs, probeEveryMs, SAME_WINDOW_MS, text(read.limit)]);
    },
  };
}

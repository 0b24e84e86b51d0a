import type { Redis } from 'ioredis';
import { budgetState, callBudgetSettings, readOutcome, type CallBudget, type CallBudgetOptions } from '../../dotdigital/call-budget.js';
import { createMemoryCallBudget } from '../../dotdigital/memory-call-budget.js';
import { MAY_CALL_LUA, RECORD_LUA } from './budget-scripts.js';
import { defineScript } from './redis-client.js';
import type { RedisConnection } from './redis-connection.js';

/**
 * The {@link CallBudget} every instance shares: one hash, read and changed by one Lua script
 * per step, so `mayCall` is one round trip and two instances cannot both take the last call
 * or both become the outage probe.
 *
 * Beside it each instance keeps its own view (a memory budget told every outcome too): while
 * Redis cannot be reached, `mayCall` answers from that view, so an instance that saw Dotdigital
 * fail still holds calls back and sends one probe at a time, rather than letting every visitor
 * wait out a retry budget against a Dotdigital that is down.
 *
 * @example
 * const budget = createRedisCallBudget(redis, { prefix: 'signup' }, connection);
 * const permit = await budget.mayCall(Date.now());
 */
export function createRedisCallBudget(redis: Redis, options: CallBudgetOptions & { prefix: string }, connection?: Pick<RedisConnection, 'run'>): CallBudget {
  const { prefix, ...tuning } = options;
  const settings = callBudgetSettings(tuning);
  const key = `{${prefix}}:budget`;
  const mayCall = defineScript(redis, 'ddsBudgetMayCall', 1, MAY_CALL_LUA);
  const record = defineScript(redis, 'ddsBudgetRecord', 1, RECORD_LUA);
  const run = <T>(work: () => Promise<T>) => (connection ? connection.run(work) : work());
  const local = createMemoryCallBudget(tuning);
  const text = (value: number | undefined) => (value === undefined ? '' : String(Math.round(value)));
  return {
    async mayCall(now) {
      let answer: [number, string, number];
      try {
        answer = (await run(() => mayCall([key], [Math.round(now), settings.probeEveryMs, settings.blockWithoutResetMs]))) as [number, string, number];
      } catch {
        return local.mayCall(now); // Redis away: this instance's own view (the connection logs why)
      }
      const [allowed, reason, retryAfterMs] = answer;
      if (allowed === 1) return { allowed: true, probe: reason === 'probe' };
      return { allowed: false, reason: reason as 'rate-limited' | 'unavailable', retryAfterMs };
    },
    async record(now, outcome) {
      await local.record(now, outcome);
      const read = readOutcome(now, outcome, settings);
      const { failuresToOutage, failureWindowMs, probeEveryMs } = settings;
      const flags = [read.failure ? 1 : 0, read.success ? 1 : 0];
      await run(() => record([key], [Math.round(now), ...flags, text(read.blockUntil), text(read.remaining), text(read.resetAt), failuresToOutage, failureWindowMs, probeEveryMs, text(read.resetFrom), text(read.limit)]));
    },
    async read(now) {
      const [blockedUntil, outage, probeUntil, remaining, resetAt] = await run(() => redis.hmget(key, 'blockedUntil', 'outage', 'probeUntil', 'remaining', 'resetAt'));
      const number = (value: string | null | undefined) => (value == null ? 0 : Number(value));
      return budgetState(now, { blockedUntil: number(blockedUntil), outage: outage === '1', probeUntil: number(probeUntil), remaining: remaining == null ? undefined : Number(remaining), resetAt: number(resetAt) });
    },
  };
}

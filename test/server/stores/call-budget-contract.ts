import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../../src/server/dotdigital/rate-limit.js';
import type { CallBudget, CallBudgetOptions, CallOutcome } from '../../../src/server/dotdigital/call-budget.js';

const T = 1_764_000_000_000; // a fixed "now": budgets run on the caller's clock
const answered = (status: number, headers: Record<string, string> = {}, now = T, sentAt?: number): CallOutcome => ({
  kind: 'answered', status, rateLimit: parseRateLimit(new Headers(headers), now), ...(sentAt === undefined ? {} : { sentAt }),
});
const down: CallOutcome = { kind: 'unreachable' };

/**
 * What every {@link CallBudget} promises. `make` returns two instances of one proxy sharing the
 * budget (for a store in one process: the same object twice), fresh for each test.
 */
export function describeCallBudgetContract(name: string, make: (options: CallBudgetOptions) => Promise<[CallBudget, CallBudget]>) {
  describe(`${name}: the CallBudget contract`, () => {
    it('allows calls while nothing is known', async () => {
      const [a, b] = await make({});
      expect(await a.mayCall(T)).toEqual({ allowed: true, probe: false });
      await a.record(T, answered(200));
      expect(await b.mayCall(T)).toEqual({ allowed: true, probe: false });
    });

    it.each([
      ['seconds until the reset', '30'],
      ['the reset as epoch seconds', String((T + 30_000) / 1000)],
    ])('after a 429 nobody calls before X-RateLimit-Reset (%s)', async (_, reset) => {
      const [a, b] = await make({});
      await a.record(T, answered(429, { 'x-ratelimit-limit': '35', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }));
      expect(await b.mayCall(T + 1_000)).toEqual({ allowed: false, reason: 'rate-limited', retryAfterMs: 29_000 });
      expect(await a.mayCall(T + 29_999)).toMatchObject({ allowed: false, retryAfterMs: 1 });
      expect(await b.mayCall(T + 30_000)).toEqual({ allowed: true, probe: false });
    });

    it('a 429 without a readable reset blocks for blockWithoutResetMs; a later, shorter reset does not shorten a block', async () => {
      const [a, b] = await make({ blockWithoutResetMs: 45_000 });
      await a.record(T, answered(429));
      await b.record(T, answered(429, { 'x-ratelimit-reset': '5' }));
      expect(await b.mayCall(T + 44_999)).toMatchObject({ allowed: false, reason: 'rate-limited', retryAfterMs: 1 });
      expect(await a.mayCall(T + 45_000)).toMatchObject({ allowed: true });
    });

    it('spends the calls known to remain across instances, then waits for the reset', async () => {
      const [a, b] = await make({});
      await a.record(T, answered(200, { 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '20' }));
      await b.record(T, answered(200, { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '20' })); // an older answer arriving late
      const permits = await Promise.all([a, b, a, b].map((budget) => budget.mayCall(T + 1)));
      expect(permits.filter((p) => p.allowed)).toHaveLength(3);
      expect(permits.find((p) => !p.allowed)).toEqual({ allowed: false, reason: 'rate-limited', retryAfterMs: 19_999 });
      expect(await a.mayCall(T + 20_000)).toMatchObject({ allowed: true });
      await a.record(T + 20_000, answered(200, { 'x-ratelimit-remaining': '34', 'x-ratelimit-reset': '60' }, T + 20_000)); // a new window
      expect(await b.mayCall(T + 20_001)).toMatchObject({ allowed: true });
    });

    it('learns X-RateLimit-Limit: after the reset the new window allows that many calls until one of its answers names its reset', async () => {
      const [a, b] = await make({ blockWithoutResetMs: 60_000 });
      await a.record(T, answered(200, { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': '10' }));
      // A burst across instances right at the reset: the window's three calls, then a wait of at most a window.
      const burst = await Promise.all([a, b, a, b, a].map((budget) => budget.mayCall(T + 10_000)));
      expect(burst.filter((p) => p.allowed)).toHaveLength(3);
      expect(burst.filter((p) => !p.allowed)).toEqual(Array(2).fill({ allowed: false, reason: 'rate-limited', retryAfterMs: 60_000 }));
      // The first answer of the new window: Dotdigital has counted one call, the budget spent three (the lowest wins).
      await b.record(T + 10_100, answered(200, { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': '5' }, T + 10_100));
      expect(await a.mayCall(T + 10_200)).toEqual({ allowed: false, reason: 'rate-limited', retryAfterMs: 4_900 });
      expect(await b.mayCall(T + 15_100)).toEqual({ allowed: true, probe: false }); // the next window, three calls again
    });

    it('a late answer of the window that ended does not end the new one early', async () => {
      const [a, b] = await make({ blockWithoutResetMs: 60_000 });
      await a.record(T, answered(200, { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': '10' }));
      expect((await Promise.all([a, b, a].map((budget) => budget.mayCall(T + 10_000)))).every((p) => p.allowed)).toBe(true);
      // Sent before the reset, answered 1.5 s later: its reset (rounded up to the second) may be the old window's.
      await b.record(T + 10_050, answered(200, { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' }, T + 10_050, T + 8_550));
      expect(await a.mayCall(T + 11_100)).toEqual({ allowed: false, reason: 'rate-limited', retryAfterMs: 58_900 }); // the new window's three are spent
      await a.record(T + 11_200, answered(200, { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '9' }, T + 11_200, T + 11_100));
      expect(await b.mayCall(T + 11_300)).toEqual({ allowed: false, reason: 'rate-limited', retryAfterMs: 8_900 }); // its own answer names its reset
    });

    it('counts a call sent while the reset may have passed against both windows', async () => {
      const [a, b] = await make({ blockWithoutResetMs: 60_000 });
      // Sent at T, answered at T + 2 s with the reset 10 s on: it lies between T + 9 s and T + 12 s.
      await a.record(T + 2_000, answered(200, { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': '10' }, T + 2_000, T));
      expect(await b.mayCall(T + 5_000)).toMatchObject({ allowed: true }); // surely the first window: 1 left
      expect(await a.mayCall(T + 10_000)).toMatchObject({ allowed: true }); // either window: it counts in both
      expect(await b.mayCall(T + 11_000)).toMatchObject({ allowed: false, retryAfterMs: 1_000 }); // the first window's three are spent
      const next = await Promise.all([a, b, a].map((budget) => budget.mayCall(T + 12_000)));
      expect(next.filter((p) => p.allowed)).toHaveLength(2); // the new window's three, less the one sent into it
    });

    it('assumes no window from a limit without its reset', async () => {
      const [a, b] = await make({});
      await a.record(T, answered(200, { 'x-ratelimit-limit': '1' }));
      const permits = await Promise.all([a, b, a].map((budget) => budget.mayCall(T + 1)));
      expect(permits).toEqual(Array(3).fill({ allowed: true, probe: false }));
    });

    it('after repeated failures Dotdigital counts as down; exactly one probe at a time finds out when it is back', async () => {
      const [a, b] = await make({ failuresToOutage: 3, probeEveryMs: 10_000 });
      await a.record(T, answered(503));
      await b.record(T + 1, down);
      expect(await a.mayCall(T + 2)).toMatchObject({ allowed: true, probe: false });
      await a.record(T + 2, answered(500));
      expect(await b.mayCall(T + 3)).toEqual({ allowed: false, reason: 'unavailable', retryAfterMs: 9_999 });

      const round = await Promise.all(Array.from({ length: 8 }, (_, n) => (n % 2 ? a : b).mayCall(T + 10_002)));
      expect(round.filter((p) => p.allowed)).toEqual([{ allowed: true, probe: true }]);
      expect(round.filter((p) => !p.allowed)).toHaveLength(7);
      await b.record(T + 10_500, down); // the probe failed: the next one comes a probe interval after it began
      expect(await a.mayCall(T + 20_001)).toMatchObject({ allowed: false, reason: 'unavailable', retryAfterMs: 1 });
      expect(await a.mayCall(T + 20_002)).toEqual({ allowed: true, probe: true });
      await a.record(T + 20_100, answered(201)); // it is back
      expect(await b.mayCall(T + 20_101)).toEqual({ allowed: true, probe: false });
      expect(await a.mayCall(T + 20_102)).toEqual({ allowed: true, probe: false });
    });

    it('failures further apart than failureWindowMs, or broken by an answer, make no outage; a 4xx is an answer', async () => {
      const [a, b] = await make({ failuresToOutage: 2, failureWindowMs: 1_000 });
      await a.record(T, down);
      await b.record(T + 1_001, down);
      expect(await a.mayCall(T + 1_002)).toMatchObject({ allowed: true, probe: false });
      await a.record(T + 1_003, answered(400));
      await b.record(T + 1_004, answered(502));
      expect(await b.mayCall(T + 1_005)).toMatchObject({ allowed: true, probe: false });
      await b.record(T + 1_006, answered(504));
      expect(await a.mayCall(T + 1_007)).toMatchObject({ allowed: false, reason: 'unavailable' });
    });

    it('refuses options that are not whole numbers ≥ 1', async () => {
      await expect(make({ probeEveryMs: 0 })).rejects.toThrow(/probeEveryMs must be a whole number/);
    });
  });
}

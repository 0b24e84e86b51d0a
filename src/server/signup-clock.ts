/**
 * Time and chance as the proxy sees them. Tests pass a fake one so retries, backoff,
 * rate-limit windows and cache expiry run instantly and the same way every time.
 *
 * @example
 * let now = 0;
 * const clock: SignupClock = { now: () => now, sleep: async (ms) => { now += ms; }, random: () => 0.5 };
 * createSignupHandler({ ...options, clock });
 */
export interface SignupClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), for jitter. */
  random(): number;
}

/**
 * The real clock: `Date.now`, `setTimeout`, `Math.random`.
 *
 * @example
 * systemClock.now();
 */
export const systemClock: SignupClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  random: () => Math.random(),
};
